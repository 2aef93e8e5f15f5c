"""The GraphQL schema: the apps' root fields, Relay ``node``, and the limits every request obeys."""

import strawberry
import strawberry_django
from strawberry import relay
from strawberry.schema.config import StrawberryConfig
from strawberry_django.optimizer import DjangoOptimizerExtension

from common.db_routing import PrimaryForMutations
from common.graphql.compiled import CompiledReads
from common.graphql.errors import PublicErrors, log_internal_only
from common.graphql.fields import MAX_PAGE
from common.graphql.limits import limit_extensions
from common.graphql.views import MutationCsrf
from events.graphql.mutations import EventMutations
from events.graphql.queries import EventsQuery
from people.graphql.mutations import PeopleMutations
from people.graphql.queries import PeopleQuery


@strawberry.type(description="Read the curated diplomacy data. Anonymous callers see published events only.")
class Query(PeopleQuery, EventsQuery):
    node: relay.Node | None = strawberry_django.node(description="Any object by its global id.")
    nodes: list[relay.Node | None] = strawberry_django.node(description="Objects by global ids (at most 100).")


@strawberry.type(description="Curator changes; each needs a signed-in user with the matching permission.")
class Mutation(EventMutations, PeopleMutations):
    pass


class AttacheSchema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:
        log_internal_only(errors, execution_context)


schema = AttacheSchema(
    query=Query,
    mutation=Mutation,
    config=StrawberryConfig(relay_max_results=MAX_PAGE),
    extensions=[
        *limit_extensions(),
        MutationCsrf,
        PrimaryForMutations,
        CompiledReads,
        DjangoOptimizerExtension,
        PublicErrors,
    ],
)
