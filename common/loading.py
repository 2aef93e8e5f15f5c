"""Rows loaded in bulk (``loaddata``) are stamped like any other write, so ``updated_since`` and the changes
feed see them: a row a load adds or changes is changed *now*, whatever timestamps the file carries; a row it
leaves as it was keeps its own (loading the same fixtures twice changes nothing)."""

from django.db.models import Model
from django.utils import timezone

from common.models import TimeStampedModel

STAMPS = ("created_at", "updated_at")


def stamp_loaded(instance: Model, m2m_data: dict[str, list], *, using: str, table_was_empty: bool = False) -> None:
    """Set ``instance``'s timestamps before a raw save: kept when the stored row (its lists included) is
    the same, now when it differs or is new (``table_was_empty``: new, without asking the database)."""
    if not isinstance(instance, TimeStampedModel):
        return
    model = type(instance)
    compared = [f for f in model._meta.concrete_fields if f.attname not in STAMPS]
    stored = None
    if not table_was_empty:
        columns = [f.attname for f in compared]
        stored = model._base_manager.using(using).filter(pk=instance.pk).values(*columns, *STAMPS).first()
    if stored is not None and _same(instance, stored, compared, m2m_data, using):
        instance.created_at, instance.updated_at = stored["created_at"], stored["updated_at"]
        return
    now = timezone.now()
    instance.updated_at = now
    instance.created_at = stored["created_at"] if stored is not None else now


def _same(instance: Model, stored: dict, compared: list, m2m_data: dict[str, list], using: str) -> bool:
    model = type(instance)
    for field in compared:
        if field.to_python(getattr(instance, field.attname)) != stored[field.attname]:
            return False
    for name, wanted in m2m_data.items():
        through = getattr(model, name).through
        own = model._meta.get_field(name).m2m_field_name()
        other = model._meta.get_field(name).m2m_reverse_field_name()
        current = through._base_manager.using(using).filter(**{own: instance.pk}).values_list(f"{other}_id", flat=True)
        if {str(pk) for pk in wanted} != {str(pk) for pk in current}:
            return False
    return True
