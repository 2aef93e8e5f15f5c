"""View mixins for the writable resources: conditional writes (If-Match → 412) in one transaction."""

from collections.abc import Mapping

from django.db import connection, transaction
from django.db.models import F
from rest_framework import exceptions, status
from rest_framework.response import Response

from common.api.conditional import ConditionalMixin, check_if_match, etag_for


def json_kind(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else type(value).__name__


class ConditionalWriteMixin(ConditionalMixin):
    """Subclasses implement ``perform_write(instance, data, partial)`` and ``perform_remove(instance)``
    by calling services; this mixin validates input, checks If-Match against the current
    representation and answers with the new one, all in one transaction."""

    write_serializer_class = None

    def initial(self, request, *args, **kwargs):
        """Before any write: a body, when there is one, must be a JSON object (a list, string or null is a 400)."""
        super().initial(request, *args, **kwargs)
        if request.method in ("POST", "PUT", "PATCH") and not isinstance(request.data, Mapping):
            raise exceptions.ValidationError(
                {"non_field_errors": [f"The request body must be a JSON object, not {json_kind(request.data)}."]}
            )

    def representation(self, instance) -> dict:
        """The instance as GET renders it (re-read through the detail selector)."""
        fresh = self.get_queryset().get(pk=instance.pk)
        return self.get_serializer(fresh).data

    def locked_object(self):
        """The object, its row locked until the transaction ends, re-read after the lock was taken."""
        model = self.get_queryset().model
        if connection.vendor == "sqlite":
            # No row locks: take the database's write lock before reading anything (as BEGIN
            # IMMEDIATE would), so a concurrent writer waits instead of failing with "locked".
            pk = model._meta.pk.attname
            model.objects.filter(pk=-1).update(**{pk: F(pk)})
        obj = self.get_object()  # 404 / permission checks
        if connection.vendor != "sqlite":
            list(model.objects.filter(pk=obj.pk).order_by().select_for_update(of=("self",)).values_list("pk"))
        return self.get_queryset().get(pk=obj.pk)

    def validated_input(self, *, partial: bool = False) -> dict:
        serializer = self.write_serializer_class(
            data=self.request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def create(self, request, *args, **kwargs):
        data = self.validated_input()
        with transaction.atomic():
            instance = self.perform_write(None, data, partial=False)
        body = self.representation(instance)
        headers = {"Location": str(body["url"])} if "url" in body else {}
        return Response(body, status=status.HTTP_201_CREATED, headers=headers)

    def update(self, request, *args, partial: bool = False, **kwargs):
        with transaction.atomic():
            instance = self.locked_object()
            check_if_match(request, etag_for(self.get_serializer(instance).data, request))
            data = self.validated_input(partial=partial)
            instance = self.perform_write(instance, data, partial=partial)
        return Response(self.representation(instance))

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            instance = self.locked_object()
            check_if_match(request, etag_for(self.get_serializer(instance).data, request))
            self.perform_remove(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def conditional_change(self, request, change) -> Response:
        """Apply ``change(instance)`` (a service call) under the same lock and If-Match check as an update."""
        with transaction.atomic():
            instance = self.locked_object()
            check_if_match(request, etag_for(self.get_serializer(instance).data, request))
            instance = change(instance)
        return Response(self.representation(instance))

    def perform_write(self, instance, data: dict, *, partial: bool):
        raise NotImplementedError

    def perform_remove(self, instance) -> None:
        raise NotImplementedError
