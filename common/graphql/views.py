"""The /graphql/ endpoint: a public read API with GraphiQL, and curator mutations.

- Queries work anonymously over GET and POST, from any origin, without a CSRF
  token: reading public data needs no protection against forged requests.
- Mutations need a signed-in user with the right permission, are refused over
  GET (strawberry's rule), and, when the user comes from a session cookie,
  need the CSRF token, since a browser sends that cookie with any cross-site
  request. ``Authorization: Token <key>`` (the REST API's tokens) needs none.
- GraphiQL (a GET that accepts HTML) is common/templates/graphql/graphiql.html: strawberry's page, loading the pinned
  copies in common/static/vendor/graphiql/ instead of a CDN, so it works offline.
"""

import math
from collections.abc import Iterator

import orjson
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.template.loader import render_to_string
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError
from strawberry.django.views import GraphQLView
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from common.graphql import limits


def _token_user(request: HttpRequest):
    from rest_framework.authentication import TokenAuthentication
    from rest_framework.exceptions import AuthenticationFailed

    try:
        found = TokenAuthentication().authenticate(request)
    except AuthenticationFailed as exc:
        return None, str(exc.detail)
    return (found[0] if found else None), None


def _throttle_wait(request: HttpRequest) -> float | None:
    """Seconds until the client may ask again, or None: the REST API's throttles and counts (one budget for both
    APIs per anonymous address or per user, in the shared cache)."""
    from rest_framework.settings import api_settings

    waits = [
        t.wait() for t in (cls() for cls in api_settings.DEFAULT_THROTTLE_CLASSES) if not t.allow_request(request, None)
    ]
    return max((w or 1 for w in waits), default=None)


def _throttled(wait: float) -> HttpResponse:
    seconds = max(1, math.ceil(wait))
    message = f"Too many requests: try again in {seconds} s."
    body = {"data": None, "errors": [{"message": message, "extensions": {"code": "THROTTLED", "retryAfter": seconds}}]}
    response = HttpResponse(orjson.dumps(body), status=429, content_type="application/json")
    response["Retry-After"] = str(seconds)
    return response


@method_decorator(csrf_exempt, name="dispatch")
class AttacheGraphQLView(GraphQLView):
    def dispatch(self, request: HttpRequest, *args, **kwargs):
        if request.headers.get("Authorization", "").startswith("Token "):
            user, problem = _token_user(request)
            if problem:
                return HttpResponse(problem, status=401, content_type="text/plain")
            request.user = user
            request.graphql_token_auth = True
        if request.method in ("GET", "POST") and (wait := _throttle_wait(request)) is not None:
            return _throttled(wait)
        return super().dispatch(request, *args, **kwargs)

    def encode_json(self, data: object) -> bytes:
        body = orjson.dumps(data)
        if len(body) > limits.MAX_RESPONSE_BYTES:  # an answer this big is an error, not a download
            return orjson.dumps(limits.too_large(data, len(body)))  # type: ignore[arg-type]
        return body

    def render_graphql_ide(self, request: HttpRequest) -> HttpResponse:
        # Strawberry would fall back to its own page, which loads GraphiQL from a CDN, if the template went missing:
        # render ours without that fallback.
        context = {"csrf_cookie_name": settings.CSRF_COOKIE_NAME}
        return HttpResponse(render_to_string("graphql/graphiql.html", context, request=request))


class MutationCsrf(SchemaExtension):
    """A mutation from a session-cookie user needs Django's CSRF token (header X-CSRFToken)."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        request = getattr(ctx.context, "request", None)
        if (
            not ctx.result
            and request is not None
            and ctx.operation_type == OperationType.MUTATION
            and not getattr(request, "graphql_token_auth", False)
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        ):
            refused = CsrfViewMiddleware(lambda r: HttpResponse()).process_view(request, None, (), {})
            if refused is not None:
                ctx.result = GraphQLExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            "CSRF check failed: a mutation signed in by session cookie needs the X-CSRFToken header.",
                            extensions={"code": "CSRF_FAILED"},
                        )
                    ],
                )
        yield
