"""What merging any two duplicate records has in common: their other names move to the survivor."""

from django.db.models import Model, QuerySet


def move_other_names(
    *, names: QuerySet, known: QuerySet, owner_field: str, survivor: Model, old_name: str, old_slug: str, reason: str
) -> None:
    """Move the duplicate's other names (``names``) to ``survivor``, dropping forms it already has (``known``).

    The duplicate's own name is kept as one more other name of the survivor,
    unless the survivor has that form already; the survivor's own name is never
    stored again as an other name. Every change is a saved row, so
    the history records it with ``reason``.
    """
    seen = {(n.name, n.language) for n in known} | {(_display_name(survivor), "")}
    for other in names:
        if (other.name, other.language) in seen:
            other.delete()
            continue
        setattr(other, owner_field, survivor)
        other._change_reason = reason
        other.save()
        seen.add((other.name, other.language))
    if (old_name, "") not in seen:
        known.model.objects.create(**{owner_field: survivor, "name": old_name, "note": f"merged from {old_slug}"})


def _display_name(record: Model) -> str:
    return getattr(record, "name", None) or record.title
