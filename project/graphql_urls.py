"""GraphQL route: /graphql/ (GraphiQL in the browser)."""

from django.urls import path

from common.graphql.views import AttacheGraphQLView
from project.graphql.schema import schema

urlpatterns = [
    path("graphql/", AttacheGraphQLView.as_view(schema=schema, graphql_ide="graphiql"), name="graphql"),
]
