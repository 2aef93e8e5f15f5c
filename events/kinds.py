"""Event kinds and how each maps onto the CAMEO and PLOVER event ontologies.

CAMEO codes and their PLOVER category and mode follow the PLOVER project's
CAMEO-to-PLOVER table (openeventdata/PLOVER, CAMEO2PLOVER-2021). PLOVER has
no category for verbal statements, so briefings and statements map to CAMEO only.
"""

from typing import NamedTuple

from django.db import models


class EventKind(models.TextChoices):
    MEETING = "meeting", "meeting"
    TALKS = "talks", "talks"
    NEGOTIATION = "negotiation", "negotiation"
    VISIT = "visit", "visit"
    PHONE_CALL = "phone_call", "phone call"
    VIDEO_CALL = "video_call", "video call"
    SUMMIT = "summit", "summit"
    BRIEFING = "briefing", "briefing"
    STATEMENT = "statement", "statement"
    AGREEMENT = "agreement", "agreement signed"


class OntologyCodes(NamedTuple):
    cameo: str
    cameo_label: str
    plover_category: str
    plover_mode: str


ONTOLOGY: dict[str, OntologyCodes] = {
    EventKind.MEETING: OntologyCodes("040", "Consult", "CONSULT", ""),
    EventKind.TALKS: OntologyCodes("040", "Consult", "CONSULT", ""),
    EventKind.NEGOTIATION: OntologyCodes("046", "Engage in negotiation", "CONSULT", ""),
    EventKind.VISIT: OntologyCodes("042", "Make a visit", "CONSULT", "visit"),
    EventKind.PHONE_CALL: OntologyCodes("041", "Discuss by telephone", "CONSULT", "phone"),
    EventKind.VIDEO_CALL: OntologyCodes("041", "Discuss by telephone", "CONSULT", "phone"),
    EventKind.SUMMIT: OntologyCodes("040", "Consult", "CONSULT", ""),
    EventKind.BRIEFING: OntologyCodes("010", "Make statement", "", ""),
    EventKind.STATEMENT: OntologyCodes("010", "Make statement", "", ""),
    EventKind.AGREEMENT: OntologyCodes("057", "Sign formal agreement", "SUPPORT", ""),
}
