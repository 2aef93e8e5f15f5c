from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = "Shared building blocks"

    def ready(self) -> None:
        from corsheaders.signals import check_request_enabled

        from common.cors import open_to_any_origin

        check_request_enabled.connect(open_to_any_origin, dispatch_uid="attache-cors-any-origin")
