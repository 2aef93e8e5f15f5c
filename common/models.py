"""Abstract building blocks shared by the people and events apps."""

from django.db import models


class DatePrecision(models.TextChoices):
    """How much of a stored date the record actually knows.

    A date known only to the month is stored as the first day of that month
    (and to the year as 1 January) with ``MONTH`` (``YEAR``) precision, so
    that range queries still work while nobody mistakes it for a known day.
    """

    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True, editable=False, db_index=True)

    class Meta:
        abstract = True


class OtherName(TimeStampedModel):
    """Another form of a name: a spelling, a romanisation, a native-script form.

    Subclasses add the foreign key to what is named, with ``related_name``
    ``other_names`` (``other_titles`` for offices).
    """

    name = models.CharField(max_length=300)
    language = models.CharField(
        max_length=35,
        blank=True,
        help_text="BCP 47 tag of the language and script, e.g. 'en', 'ko' (Hangul), "
        "'ko-Latn' (a romanisation). Empty when unknown.",
    )
    note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where this form is used, e.g. 'Revised Romanization', 'press usage', 'former name'.",
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})" if self.language else self.name


class DataVersion(models.Model):
    """One row whose ``version`` the database raises with every write to the curated data.

    Triggers on every table of the people and events apps (migration common 0001) raise it
    in the writing transaction, whatever writes: services, the admin, imports, ``loaddata``,
    bulk loads, raw SQL. The response cache (``common.cache``) keys entries by it, so a
    committed write makes every cached response stale at once, in every process.
    """

    version = models.BigIntegerField(default=0)

    class Meta:
        db_table = "common_dataversion"

    def __str__(self) -> str:
        return f"data version {self.version}"
