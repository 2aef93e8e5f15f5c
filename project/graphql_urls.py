"""GraphQL route: /graphql/ (GraphiQL in the browser)."""

from django.urls import path

from project.graphql.root import schema
from project.graphql.views import AttacheGraphQLView

urlpatterns = [
    path("graphql/", AttacheGraphQLView.as_view(schema=schema, graphql_ide="graphiql"), name="graphql"),
]
