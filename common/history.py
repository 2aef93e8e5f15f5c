"""History entries that match what a write did: one per saved object, its many-to-many lists included.

django-simple-history records a model's many-to-many lists (``m2m_fields``) on every save and adds one
more entry for each list changed afterwards. A service that saves an event and then sets its topics and
sources would leave three entries, the first two with lists that never existed together.
"""

from collections.abc import Iterable

from django.db import models


def save_with_links(instance: models.Model, links: dict[str, list]) -> None:
    """Save ``instance``, set each many-to-many list in ``links``, and record one history entry of the result."""
    created = instance._state.adding
    instance.skip_history_when_saving = True
    try:
        instance.save()
        for name, values in links.items():
            getattr(instance, name).set(values)
    finally:
        del instance.skip_history_when_saving
    record(instance, created=created)


def record(instance: models.Model, *, created: bool) -> None:
    """One history entry of ``instance`` as saved now, its many-to-many lists included.

    For a save made with ``skip_history_when_saving`` whose lists were written afterwards (the
    admin saves an event, then its topic and source rows): the history receiver listens to
    post_save, and sending it now records the row with its final lists.
    """
    models.signals.post_save.send(
        sender=type(instance),
        instance=instance,
        created=created,
        update_fields=None,
        raw=False,
        using=instance._state.db,
    )


def touch(instances: Iterable[models.Model], reason: str) -> None:
    """Record ``instances`` as changed now (``updated_at`` and one history entry each, with ``reason``).

    For records whose public representation embeds something that changed elsewhere (an event whose
    participant was merged into another person): ``updated_since`` and the changes feed must list them.
    """
    for instance in instances:
        instance._change_reason = reason
        instance.save(update_fields=["updated_at"])
