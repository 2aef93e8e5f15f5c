"""A seed's own namespace: every slug starts with ``syn<seed>-`` and every URL with ``URL_ROOT/<seed>/``."""

from events.models import Event, Topic
from people.models import Office, Person
from sources.models import Source

URL_ROOT = "https://example.org/synthetic"


class SyntheticDataExists(Exception):
    """The seed's namespace already has rows: generating it again would collide."""


def slug_prefix(*, seed: int) -> str:
    return f"syn{seed}-"


def refuse_taken_seed(*, seed: int, using: str) -> None:
    """Raise ``SyntheticDataExists`` when any row of the seed's namespace is already in the database."""
    prefix = slug_prefix(seed=seed)
    taken = (
        Event.objects.using(using).filter(slug__startswith=prefix).exists()
        or Person.objects.using(using).filter(slug__startswith=prefix).exists()
        or Office.objects.using(using).filter(slug__startswith=prefix).exists()
        or Topic.objects.using(using).filter(slug__startswith=prefix).exists()
        or Source.objects.using(using).filter(url__startswith=f"{URL_ROOT}/{seed}/").exists()
    )
    if taken:
        raise SyntheticDataExists(f"seed {seed} already generated (rows with slugs starting '{prefix}' exist)")
