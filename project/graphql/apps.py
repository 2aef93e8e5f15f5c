"""The GraphQL API as a Django app, so its CORS rule is connected before the first request."""

from django.apps import AppConfig
from django.http import HttpRequest


def graphql_is_public(sender, request: HttpRequest, **kwargs) -> bool:
    """Any origin may call /graphql/ from a browser (django-cors-headers' ``check_request_enabled``).

    Cookies are not part of it (no Access-Control-Allow-Credentials unless
    CORS_ALLOW_CREDENTIALS is set), and mutations by session cookie need the
    CSRF token anyway, so another site can read public data but change nothing.
    """
    return request.path_info.startswith("/graphql/")


class GraphQLConfig(AppConfig):
    name = "project.graphql"
    label = "graphql_api"
    verbose_name = "GraphQL API"

    def ready(self) -> None:
        from corsheaders.signals import check_request_enabled

        check_request_enabled.connect(graphql_is_public, dispatch_uid="attache-graphql-cors")
