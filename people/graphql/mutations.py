"""Curator mutations for tenures."""

import strawberry


@strawberry.type
class PeopleMutations:
    pass
