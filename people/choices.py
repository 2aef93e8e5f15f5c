"""The fixed vocabularies of people's records: identifier schemes, kinds of office, tenure statuses."""

from django.db import models


class IdentifierScheme(models.TextChoices):
    WIKIDATA = "wikidata", "Wikidata"
    POCOM = "pocom", "US Office of the Historian (POCOM)"
    VIAF = "viaf", "VIAF"
    OTHER = "other", "other"


class OfficeKind(models.TextChoices):
    HEAD_OF_STATE = "head_of_state", "head of state"
    HEAD_OF_GOVERNMENT = "head_of_government", "head of government"
    MINISTER = "minister", "minister"
    VICE_MINISTER = "vice_minister", "vice or deputy minister"
    ENVOY = "envoy", "envoy or special representative"
    AMBASSADOR = "ambassador", "ambassador"
    ADVISER = "adviser", "adviser"
    SPOKESPERSON = "spokesperson", "spokesperson"
    LEGISLATOR = "legislator", "legislator"
    OFFICIAL = "official", "official"
    INTERNATIONAL = "international", "international organisation post"
    OTHER = "other", "other"


class TenureStatus(models.TextChoices):
    HOLDER = "holder", "holder"
    ACTING = "acting", "acting"
    DESIGNATE = "designate", "designate"
