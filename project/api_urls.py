"""REST routes: /api/v1/ resources, /api/schema/ (OpenAPI 3), /api/docs/ (Swagger UI)."""

urlpatterns: list = []
