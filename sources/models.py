"""The reports that facts rest on. Below people and events: both cite sources, neither is needed to record one."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from common.dates import format_with_precision
from common.models import DatePrecision, TimeStampedModel


class Source(TimeStampedModel):
    url = models.URLField("URL", max_length=1000, blank=True, help_text="Where the report can be read.")
    publisher = models.CharField(max_length=200, help_text="Who published it, e.g. 'The Korea Herald'.")
    agency = models.CharField(
        max_length=200,
        blank=True,
        help_text="The news agency whose copy the publisher ran (Reuters, IANS, Yonhap), if any.",
    )
    headline = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True, help_text="The author(s) as credited.")
    published_on = models.DateField(null=True, blank=True)
    published_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    language = models.CharField(max_length=35, default="en", help_text="BCP 47 tag, e.g. 'en', 'ko'.")

    # The tables keep the names they had when Source lived in the events app (moved without copying a row).
    history = HistoricalRecords(table_name="events_historicalsource")

    class Meta:
        db_table = "events_source"
        ordering = ["-published_on", "id"]
        constraints = [
            # Source.clean() gives the admin a readable message for this one.
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="source_url_unique"),
        ]

    def __str__(self) -> str:
        day = format_with_precision(self.published_on, self.published_precision)
        return f"{self.publisher}: {self.headline}" + (f" ({day})" if day else "")

    def clean(self) -> None:
        if self.url and Source.objects.filter(url=self.url).exclude(pk=self.pk).exists():
            raise ValidationError({"url": "A source with this URL is already recorded."})
