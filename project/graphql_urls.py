"""GraphQL route: /graphql/ (GraphiQL in the browser)."""

urlpatterns: list = []
