from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Events and sources"

    def ready(self) -> None:
        from common.search import register_spelling_variants
        from events.search import topic_spellings

        register_spelling_variants(topic_spellings)  # 'denuclearisation' finds 'denuclearization' everywhere
