"""Writes for events, topics and sources: every entry point (admin, import, REST, GraphQL, commands) calls these.

``event``: create, update, patch, delete; ``review``: the workflow; ``topics`` and ``sources``: merges and
deletes that keep published events whole.
"""

from events.services.event import (
    EVENT_INPUT_FIELDS,
    LINKS,
    PARTICIPANT_INPUT_FIELDS,
    REPEATED_PARTICIPANT,
    EventIn,
    ParticipantIn,
    VersionConflict,
    event_create,
    event_current_input,
    event_delete,
    event_patch,
    event_update,
    participation_fill_derived,
    repeated_participants,
)
from events.services.review import (
    PUBLISH_PERMISSION,
    event_publication_problems,
    event_publish,
    event_retract,
    event_return_to_draft,
    event_submit_for_review,
)
from events.services.sources import source_changed, source_delete, source_save
from events.services.topics import topic_changed, topic_delete, topic_merge, topic_save

__all__ = [
    "EVENT_INPUT_FIELDS",
    "LINKS",
    "PARTICIPANT_INPUT_FIELDS",
    "PUBLISH_PERMISSION",
    "REPEATED_PARTICIPANT",
    "EventIn",
    "ParticipantIn",
    "VersionConflict",
    "event_create",
    "event_current_input",
    "event_delete",
    "event_patch",
    "event_publication_problems",
    "event_publish",
    "event_retract",
    "event_return_to_draft",
    "event_submit_for_review",
    "event_update",
    "participation_fill_derived",
    "repeated_participants",
    "source_changed",
    "source_delete",
    "source_save",
    "topic_changed",
    "topic_delete",
    "topic_merge",
    "topic_save",
]
