"""Topics: merging duplicates, and deleting only what no published event relies on."""

from django.core.exceptions import ValidationError
from django.db import transaction

from common.history import touch
from common.merging import move_other_names
from events.models import Topic
from events.selectors import published_events_about
from events.services.sources import refuse_while_held


@transaction.atomic
def topic_merge(*, survivor: Topic, duplicates: list[Topic]) -> Topic:
    """Fold ``duplicates`` into ``survivor``: their events, subtopics and names move, then they go.

    Each duplicate's name is kept as another name of the survivor. Every change
    is a saved row (not a bulk update), so the history records it.
    """
    for dup in duplicates:
        if dup.pk == survivor.pk:
            raise ValidationError("A topic cannot be merged into itself.")
        reason = f"merged topic {dup.pk} ({dup.name}) into {survivor.pk}"
        events = list(dup.events.all())
        for event in events:
            event.skip_history_when_saving = True  # one entry per event, from touch() below
            event.topics.add(survivor)
            event.topics.remove(dup)
            del event.skip_history_when_saving
        touch(events, reason)  # their topics changed: updated_since and the changes feed list them
        if survivor.parent_id == dup.pk:  # the survivor was filed under its duplicate
            survivor.parent = dup.parent
            survivor.full_clean()
            survivor._change_reason = reason
            survivor.save()
        for child in dup.children.exclude(pk=survivor.pk):
            child.parent = survivor
            child.full_clean()
            child._change_reason = reason
            child.save()
        move_other_names(
            names=dup.other_names.all(),
            known=survivor.other_names.all(),
            owner_field="topic",
            survivor=survivor,
            old_name=dup.name,
            old_slug=dup.slug,
            reason=reason,
        )
        dup._change_reason = reason
        dup.delete()
    return survivor


@transaction.atomic
def topic_delete(*, topic: Topic) -> None:
    """Delete ``topic`` unless published events are filed under it (merge it into another topic instead)."""
    refuse_while_held(
        published_events_about(topic=topic),
        "are filed under this topic",
        "Merge it into another topic to move them.",
    )
    topic.delete()


def topic_save(*, topic: Topic, changed: set[str] | None = None) -> Topic:
    """Write ``topic`` as a form set it (validated there); for an edit, what shows the changed fields is recorded
    as changed too (``topic_changed``)."""
    topic.save()
    if changed:
        topic_changed(topic=topic, fields=changed)
    return topic


def topic_changed(*, topic: Topic, fields: set[str]) -> None:
    """``topic`` was saved with its name, slug or parent changed: the events filed under it show those, so they
    are recorded as changed too (``updated_since``, the changes feed)."""
    if fields & {"name", "slug", "parent"}:
        touch(topic.events.all(), f"topic {topic.pk} edited")
