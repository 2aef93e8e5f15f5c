"""What the synthetic events are made of: kinds and their weights, who takes part, titles, review states."""

from events.kinds import EventKind
from events.models import ParticipationRole, ReviewState
from people.models import OfficeKind

MULTI_DAY = {EventKind.VISIT, EventKind.SUMMIT, EventKind.NEGOTIATION, EventKind.TALKS}
REVIEW_WEIGHTS = {  # mostly published, so the public APIs have plenty to show
    ReviewState.PUBLISHED: 90,
    ReviewState.IN_REVIEW: 4,
    ReviewState.DRAFT: 4,
    ReviewState.RETRACTED: 2,
}
RETRACTED = ReviewState.RETRACTED.value
RETRACTION_REASON = "The only source was found to describe a different meeting."
REMOTE = {EventKind.PHONE_CALL, EventKind.VIDEO_CALL}
WIRES = {"Reuters", "Associated Press", "Agence France-Presse", "Yonhap News Agency", "Kyodo News", "Xinhua"}
TITLES = {
    EventKind.MEETING: "{ht} {hn} meets {gt} {gn}",
    EventKind.TALKS: "{hc}–{gc} talks on {topic}",
    EventKind.NEGOTIATION: "{hc} and {gc} negotiate on {topic}",
    EventKind.VISIT: "{gt} {gn} visits {hc}",
    EventKind.PHONE_CALL: "{ht} {hn} and {gt} {gn} speak by phone",
    EventKind.VIDEO_CALL: "{ht} {hn} holds video call with {gt} {gn}",
    EventKind.SUMMIT: "{hc}–{gc} summit: {hn} and {gn}",
    EventKind.BRIEFING: "{ht} {hn} briefs press on {topic}",
    EventKind.STATEMENT: "{ht} {hn} issues statement on {topic}",
    EventKind.AGREEMENT: "{hc} and {gc} sign agreement on {topic}",
}
PROPER_TOPICS = {
    "Korean Peninsula": "the Korean Peninsula",
    "Indo-Pacific": "the Indo-Pacific",
    "War in Ukraine": "the war in Ukraine",
    "Arctic": "the Arctic",
}

K = OfficeKind

KIND_WEIGHTS = {
    EventKind.MEETING: 30,
    EventKind.TALKS: 12,
    EventKind.NEGOTIATION: 5,
    EventKind.VISIT: 12,
    EventKind.PHONE_CALL: 12,
    EventKind.VIDEO_CALL: 4,
    EventKind.SUMMIT: 6,
    EventKind.BRIEFING: 8,
    EventKind.STATEMENT: 6,
    EventKind.AGREEMENT: 5,
}
LEADERS = {K.HEAD_OF_STATE: 7, K.HEAD_OF_GOVERNMENT: 3}
CALLS = {K.MINISTER: 5, K.HEAD_OF_STATE: 3, K.HEAD_OF_GOVERNMENT: 2}
# Which offices host and guest come from, by event kind: office kind → weight.
KIND_OFFICES: dict[str, tuple[dict[str, int], dict[str, int]]] = {
    EventKind.MEETING: ({K.MINISTER: 4, K.VICE_MINISTER: 3, K.ENVOY: 2, K.AMBASSADOR: 1, K.ADVISER: 1},) * 2,
    EventKind.TALKS: ({K.VICE_MINISTER: 4, K.ENVOY: 3, K.MINISTER: 2, K.OFFICIAL: 1},) * 2,
    EventKind.NEGOTIATION: ({K.ENVOY: 4, K.VICE_MINISTER: 3, K.MINISTER: 2, K.OFFICIAL: 2},) * 2,
    EventKind.VISIT: ({K.HEAD_OF_STATE: 2, K.HEAD_OF_GOVERNMENT: 2, K.MINISTER: 4, K.VICE_MINISTER: 2},) * 2,
    EventKind.PHONE_CALL: (CALLS, CALLS),
    EventKind.VIDEO_CALL: (CALLS, CALLS),
    EventKind.SUMMIT: (LEADERS, LEADERS),
    EventKind.BRIEFING: ({K.SPOKESPERSON: 1}, {K.AMBASSADOR: 2, K.MINISTER: 2, K.ENVOY: 1}),
    EventKind.STATEMENT: ({K.SPOKESPERSON: 1, K.MINISTER: 1}, {K.MINISTER: 2, K.HEAD_OF_STATE: 1, K.AMBASSADOR: 1}),
    EventKind.AGREEMENT: ({K.MINISTER: 6, K.HEAD_OF_STATE: 2, K.HEAD_OF_GOVERNMENT: 2},) * 2,
}
EXTRA_OFFICES = {K.VICE_MINISTER: 3, K.AMBASSADOR: 3, K.ADVISER: 2, K.ENVOY: 2, K.OFFICIAL: 2, K.LEGISLATOR: 1}
BYLINE_REGIONS = ("anglo", "anglo", "anglo", "korean", "japanese", "french", "german", "indian", "hispanic")
ROLES = (ParticipationRole.HOST.value, ParticipationRole.GUEST.value) + (ParticipationRole.PARTICIPANT.value,) * 2


def weighted_table(weights: dict[str, int]) -> list[str]:
    """A list to draw from uniformly that gives each key its weight."""
    return [str(key) for key, weight in weights.items() for _ in range(weight)]


def topic_phrase(name: str) -> str:
    """How a topic reads inside a title: 'talks on climate change', 'talks on the Arctic'."""
    if name in PROPER_TOPICS:
        return PROPER_TOPICS[name]
    first = name.split()[0]
    keep = first.isupper() or first in {"Middle", "United"}
    return name if keep else name[0].lower() + name[1:]
