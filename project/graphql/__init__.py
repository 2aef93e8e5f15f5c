"""The GraphQL API: ``project.graphql.schema:schema`` assembles the apps' types (see docs/graphql.md)."""
