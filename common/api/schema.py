"""drf-spectacular's AutoSchema, taught what the default permission class lets anonymous clients do.

drf-spectacular marks an operation as open to anonymous clients (an empty security requirement, ``{}``) only for
``AllowAny`` and ``IsAuthenticatedOrReadOnly``. The API's default, ``DjangoModelPermissionsOrAnonReadOnly``, also
lets anyone read, so without this every public read looked token-only, and generated clients demanded a token.
"""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly


class AutoSchema(SpectacularAutoSchema):
    def get_auth(self) -> list[dict]:
        auths = super().get_auth()
        anonymous_reads = all(isinstance(p, DjangoModelPermissionsOrAnonReadOnly) for p in self.view.get_permissions())
        if self.method in SAFE_METHODS and anonymous_reads and {} not in auths:
            auths.append({})
        return auths
