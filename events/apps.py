from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Events and sources"

    def ready(self) -> None:
        from common.search import register_spelling_variants
        from events.search import topic_spellings

        register_spelling_variants(topic_spellings)  # 'denuclearisation' finds 'denuclearization' everywhere
        self.follow_people()

    @staticmethod
    def follow_people() -> None:
        from events.services import people_changes as receive
        from people import signals

        signals.person_merging.connect(receive.participations_follow_person_merge, dispatch_uid="events.person_merge")
        signals.office_merging.connect(receive.participations_follow_office_merge, dispatch_uid="events.office_merge")
        signals.person_edited.connect(receive.events_showing_person_changed, dispatch_uid="events.person_edited")
        signals.office_edited.connect(receive.events_showing_office_changed, dispatch_uid="events.office_edited")
        signals.country_edited.connect(receive.events_showing_country_changed, dispatch_uid="events.country_edited")
