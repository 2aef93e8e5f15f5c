"""Countries, people, the offices they hold and their tenures."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from common.dates import format_with_precision, is_normalised
from common.models import DatePrecision, OtherName, TimeStampedModel
from people.choices import IdentifierScheme, OfficeKind, TenureStatus


class Country(TimeStampedModel):
    iso2 = models.CharField(
        "ISO 3166-1 alpha-2",
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", "Two capital letters, e.g. KR.")],
        help_text="The public key of a country, e.g. KR, US.",
    )
    iso3 = models.CharField(
        "ISO 3166-1 alpha-3",
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", "Three capital letters, e.g. KOR.")],
    )
    name = models.CharField(max_length=200, help_text="Short English name, e.g. 'South Korea'.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return f"{self.name} ({self.iso2})"


class CountryName(OtherName):
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="other_names")

    history = HistoricalRecords()

    class Meta(OtherName.Meta):
        constraints = [models.UniqueConstraint(fields=["country", "name", "language"], name="country_name_unique")]


class Person(TimeStampedModel):
    name = models.CharField(max_length=300, help_text="The name as English-language reports write it most often.")
    sort_name = models.CharField(
        max_length=300, help_text="Family name first, for sorting: 'Choi, Jong-kun', 'Biegun, Stephen'."
    )
    native_name = models.CharField(
        max_length=300, blank=True, help_text="The name in the person's own script, e.g. 최종건."
    )
    slug = models.SlugField(max_length=200, unique=True)
    nationality = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,  # a country with people is referenced history
        null=True,
        blank=True,
        related_name="people",
    )
    description = models.CharField(max_length=500, blank=True, help_text="One line a curator recognises the person by.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name", "id"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["sort_name", "id"], name="person_sort_name_idx")]

    def __str__(self) -> str:
        return self.name


class PersonName(OtherName):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="other_names")

    history = HistoricalRecords()

    class Meta(OtherName.Meta):
        constraints = [models.UniqueConstraint(fields=["person", "name", "language"], name="person_name_unique")]


WIKIDATA_QID = RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata identifier looks like Q42.")


class PersonIdentifier(TimeStampedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identifiers")
    scheme = models.CharField(max_length=30, choices=IdentifierScheme.choices)
    identifier = models.CharField(max_length=200, help_text="e.g. Q6279 for Wikidata.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["scheme", "identifier"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "identifier"], name="person_identifier_unique"),
            models.UniqueConstraint(fields=["person", "scheme"], name="person_one_identifier_per_scheme"),
            models.CheckConstraint(
                condition=~Q(scheme="wikidata") | Q(identifier__regex=r"^Q[1-9][0-9]*$"),
                name="person_identifier_wikidata_qid",
                violation_error_message="A Wikidata identifier looks like Q42.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_scheme_display()}: {self.identifier}"

    def clean(self) -> None:
        if self.scheme == IdentifierScheme.WIKIDATA and self.identifier:
            try:
                WIKIDATA_QID(self.identifier)
            except ValidationError as exc:
                raise ValidationError({"identifier": exc.messages}) from None


class Office(TimeStampedModel):
    title = models.CharField(
        max_length=300, help_text="The official title, e.g. 'First Vice Minister of Foreign Affairs'."
    )
    slug = models.SlugField(max_length=200, unique=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="offices",
        null=True,
        blank=True,
        help_text="Empty for posts of international organisations.",
    )
    body = models.CharField(
        max_length=300, blank=True, help_text="The body the post belongs to, e.g. 'Ministry of Foreign Affairs'."
    )
    kind = models.CharField(max_length=30, choices=OfficeKind.choices, default=OfficeKind.OFFICIAL)
    single_holder = models.BooleanField(
        default=True,
        help_text="One holder at a time (a minister); off for posts many hold at once (a senator, an adviser).",
    )
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["country__name", "title"]
        constraints = [
            # The target of the composite key that keeps Tenure.single_holder
            # in step with its office on PostgreSQL (migration 0002).
            models.UniqueConstraint(fields=["id", "single_holder"], name="office_id_single_holder_key"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.country.iso2})" if self.country_id else self.title


class OfficeTitle(OtherName):
    """A title the press uses for the office instead of the official one."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="other_titles")

    history = HistoricalRecords()

    class Meta(OtherName.Meta):
        constraints = [models.UniqueConstraint(fields=["office", "name", "language"], name="office_title_unique")]


class Tenure(TimeStampedModel):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="tenures")
    # PROTECT: an office with tenures is history, not clutter.
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="tenures")
    start = models.DateField(help_text="First day in office, as precise as the record allows.")
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    end = models.DateField(
        null=True,
        blank=True,
        help_text="The day the tenure ended (a successor may start that day); empty while in office.",
    )
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    status = models.CharField(max_length=10, choices=TenureStatus.choices, default=TenureStatus.HOLDER)
    single_holder = models.BooleanField(
        default=True,
        editable=False,
        help_text="Copy of office.single_holder; on PostgreSQL a composite foreign key keeps it in step.",
    )
    note = models.TextField(blank=True)
    sources = models.ManyToManyField(
        "sources.Source",
        related_name="tenures",
        blank=True,
        db_table="events_source_tenures",  # named when the list was kept on Source, in the events app
        help_text="The reports this tenure rests on.",
    )

    history = HistoricalRecords(m2m_fields=[sources])  # a change of sources is a version too

    class Meta:
        ordering = ["office", "start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")) | Q(end__isnull=True),
                name="tenure_end_after_start",
                violation_error_message="A tenure cannot end before it starts.",
            ),
        ]
        indexes = [
            models.Index(fields=["office", "start"], name="tenure_office_start_idx"),
            models.Index(fields=["person", "start"], name="tenure_person_start_idx"),
            models.Index(fields=["start", "end"], name="tenure_dates_idx"),
        ]

    def __str__(self) -> str:
        acting = " (acting)" if self.status == TenureStatus.ACTING else ""
        designate = " (designate)" if self.status == TenureStatus.DESIGNATE else ""
        start = format_with_precision(self.start, self.start_precision)
        end = format_with_precision(self.end, self.end_precision)
        return f"{self.person} — {self.office.title}{acting}{designate} ({start} – {end})"

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.start and not is_normalised(self.start, self.start_precision):
            errors.setdefault("start", []).append("A date known only to the month or year is stored as its first day.")
        if self.end and not is_normalised(self.end, self.end_precision):
            errors.setdefault("end", []).append("A date known only to the month or year is stored as its first day.")
        if self.start and self.end and self.end < self.start:
            errors.setdefault("end", []).append("A tenure cannot end before it starts.")
        if errors:
            raise ValidationError(errors)
        if self.office_id and self.start is not None:  # no start: the field's own error says so
            clash = self.overlapping().first()
            if clash is not None:
                raise ValidationError(
                    {
                        "start": f"{self.office.title} has one holder at a time, "
                        f"and this overlaps the {clash.get_status_display()} tenure of {clash.person} "
                        f"({format_with_precision(clash.start, clash.start_precision)} – "
                        f"{format_with_precision(clash.end, clash.end_precision) or 'in office'})."
                    }
                )

    def save(self, *args, **kwargs) -> None:
        if self.office_id is not None:
            # Derived, whoever saves: on PostgreSQL a composite foreign key checks the copy against the office.
            self.single_holder = self.office.single_holder
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "single_holder"}
        super().save(*args, **kwargs)

    # The one-holder rule. The same rule is an exclusion constraint on PostgreSQL.

    def overlapping(self) -> models.QuerySet["Tenure"]:
        """Other tenures this one may not overlap: same single-holder office, same non-acting status.

        A holder may overlap an acting holder, and a designate may overlap the
        incumbent; two holders (or two designates) of a one-holder office may not.
        """
        if not self.office.single_holder or self.status == TenureStatus.ACTING:
            return Tenure.objects.none()
        if self.end is not None and self.end <= self.start:
            return Tenure.objects.none()  # an empty range overlaps nothing
        qs = Tenure.objects.filter(office_id=self.office_id, status=self.status)
        if self.end is not None:
            qs = qs.filter(start__lt=self.end)
        qs = qs.filter(Q(end__isnull=True) | Q(end__gt=self.start))
        if self.pk:
            qs = qs.exclude(pk=self.pk)
        return qs.select_related("person").order_by("start")

    def clashes_with(self, other: "Tenure") -> bool:
        """Whether the two break the one-holder rule with each other (neither saved yet, e.g. two rows of
        one admin form)."""
        if self.office_id is None or self.office_id != other.office_id or not self.office.single_holder:
            return False
        if self.status != other.status or self.status == TenureStatus.ACTING or None in (self.start, other.start):
            return False
        if any(t.end is not None and t.end <= t.start for t in (self, other)):
            return False  # an empty range overlaps nothing
        return (self.end is None or other.start < self.end) and (other.end is None or self.start < other.end)
