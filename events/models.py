"""Events, who took part in them, what they were about and who reported them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from common.dates import format_with_precision, is_normalised
from common.models import DatePrecision, OtherName, TimeStampedModel
from events.kinds import ONTOLOGY, EventKind, OntologyCodes
from people.models import Country, Office, Person
from sources.models import Source


class Topic(TimeStampedModel):
    MAX_DEPTH = 3  # a shallow hierarchy: area › subject › issue

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,  # removing a parent must be a decision about its children
        null=True,
        blank=True,
        related_name="children",
    )
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def clean(self) -> None:
        depth, node, seen = 1, self.parent, {self.pk}
        while node is not None:
            if node.pk in seen:
                raise ValidationError({"parent": "A topic cannot be its own ancestor."})
            seen.add(node.pk)
            depth += 1
            node = node.parent
        if self.pk:  # the topic's own subtree moves with it
            if Topic.objects.filter(parent__parent__parent=self).exists():
                depth += 3
            elif Topic.objects.filter(parent__parent=self).exists():
                depth += 2
            elif Topic.objects.filter(parent=self).exists():
                depth += 1
        if depth > self.MAX_DEPTH:
            raise ValidationError({"parent": f"Topics nest at most {self.MAX_DEPTH} levels deep."})


class TopicName(OtherName):
    """Another spelling of a topic: 'denuclearisation' beside 'denuclearization'."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="other_names")

    history = HistoricalRecords()

    class Meta(OtherName.Meta):
        constraints = [models.UniqueConstraint(fields=["topic", "name", "language"], name="topic_name_unique")]


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "scheduled"
    TOOK_PLACE = "took_place", "took place"
    CANCELLED = "cancelled", "cancelled"
    POSTPONED = "postponed", "postponed"


class ReviewState(models.TextChoices):
    """Where an event stands in curation; only published events are public."""

    DRAFT = "draft", "draft"
    IN_REVIEW = "in_review", "in review"
    PUBLISHED = "published", "published"
    RETRACTED = "retracted", "retracted"


# What one event may hold, checked by ``events.services.event`` on every write (admin, import, REST, GraphQL).
# Generous for real reports: a summit's delegation can be one described participant. The GraphQL node budget
# counts an event's list asked without ``first`` as this many items (docs/graphql.md, "Limits").
MAX_PARTICIPANTS = 50
MAX_TOPICS = 20
MAX_SOURCES = 20


class Event(TimeStampedModel):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=EventKind.choices, default=EventKind.MEETING)
    start_date = models.DateField(help_text="As precise as the report allows; see the precision.")
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    end_date = models.DateField(null=True, blank=True, help_text="For events over several days.")
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    status = models.CharField(
        max_length=12,
        choices=EventStatus.choices,
        default=EventStatus.TOOK_PLACE,
        help_text="As reported: a meeting announced for tomorrow is 'scheduled' until a report says it happened.",
    )
    city = models.CharField(max_length=200, blank=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        help_text="Where it took place.",
    )
    venue = models.CharField(max_length=300, blank=True, help_text="e.g. 'Ministry of Foreign Affairs'.")
    summary = models.TextField(blank=True)
    topics = models.ManyToManyField(Topic, related_name="events", blank=True)
    sources = models.ManyToManyField(Source, related_name="events", blank=True)
    review_state = models.CharField(
        max_length=10,
        choices=ReviewState.choices,
        default=ReviewState.DRAFT,
        db_index=True,
        help_text="Only published events appear in the public APIs.",
    )
    retraction_reason = models.TextField(blank=True, help_text="Why a published event was retracted.")

    history = HistoricalRecords(m2m_fields=[topics, sources])

    class Meta:
        ordering = ["-start_date", "-id"]
        permissions = [("publish_event", "Can publish, retract and delete events")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")) | Q(end_date__isnull=True),
                name="event_end_after_start",
                violation_error_message="An event cannot end before it starts.",
            ),
        ]
        indexes = [
            models.Index(fields=["start_date", "id"], name="event_start_id_idx"),
            models.Index(fields=["updated_at", "id"], name="event_updated_id_idx"),
            models.Index(fields=["kind", "start_date"], name="event_kind_start_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({format_with_precision(self.start_date, self.start_precision)})"

    @property
    def ontology(self) -> OntologyCodes:
        return ONTOLOGY[self.kind]

    @property
    def cameo_code(self) -> str:
        return self.ontology.cameo

    @property
    def plover_category(self) -> str:
        return self.ontology.plover_category

    @property
    def plover_mode(self) -> str:
        return self.ontology.plover_mode

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.start_date and not is_normalised(self.start_date, self.start_precision):
            errors["start_date"] = "A date known only to the month or year is stored as its first day."
        if self.end_date and not is_normalised(self.end_date, self.end_precision):
            errors["end_date"] = "A date known only to the month or year is stored as its first day."
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "An event cannot end before it starts."
        if errors:
            raise ValidationError(errors)


class ParticipationRole(models.TextChoices):
    HOST = "host", "host"
    GUEST = "guest", "guest"
    PARTICIPANT = "participant", "participant"
    MENTIONED = "mentioned", "mentioned"


class Participation(TimeStampedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(max_length=12, choices=ParticipationRole.choices, default=ParticipationRole.PARTICIPANT)
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,  # a person who took part in an event is part of its record
        null=True,
        blank=True,
        related_name="participations",
    )
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text="When the report names no one: 'a senior presidential official'.",
    )
    affiliation = models.CharField(
        max_length=300, blank=True, help_text="For a described participant: 'Office of the President'."
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        help_text="The country the participant represented; filled from the office or nationality when empty.",
    )
    title_as_reported = models.CharField(
        max_length=300, blank=True, help_text="The title as the report wrote it: 'Vice Foreign Minister'."
    )
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        help_text="The office held on the event date; filled from the tenures when left empty.",
    )
    source = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="participations")
    quote = models.TextField(blank=True, help_text="The words of the source that support this participation.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(description=""),
                name="participation_person_or_description",
                violation_error_message="Name a person, or describe the participant the report leaves unnamed.",
            ),
            models.UniqueConstraint(
                fields=["event", "person", "role"],
                condition=Q(person__isnull=False),
                name="participation_unique_person_role",
                violation_error_message="This person already has this role in the event.",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "event"], name="participation_person_idx"),
            models.Index(fields=["country", "event"], name="participation_country_idx"),
        ]

    def __str__(self) -> str:
        who = self.person.name if self.person_id else self.description
        office = f", {self.office.title}" if self.office_id else ""
        return f"{who}{office} ({self.get_role_display()})"

    def clean(self) -> None:
        if not self.person_id and not self.description.strip():
            raise ValidationError({"person": "Name a person, or describe the participant the report leaves unnamed."})
