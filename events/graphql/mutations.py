"""Curator mutations for events (filled below)."""

import strawberry


@strawberry.type
class EventMutations:
    @strawberry.mutation
    def noop(self) -> bool:
        return True
