"""The curator and editor groups and their model permissions, as the code stands now.

Migration events 0004_roles created them (with the app labels of its day; sources 0002 moved the source
permissions along). This is for a database whose groups were flushed (``manage.py flush``, transactional
tests): ``ensure_roles()`` puts them back. Curators create and edit; they may remove the rows an edit removes
(other names, identifiers, participations) but not records. Editors may do everything, and alone hold
events.publish_event: publish, retract and delete.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

CURATOR = {
    "people": {"person": "acv", "personname": "acdv", "personidentifier": "acdv", "office": "acv",
               "officetitle": "acdv", "tenure": "acv"},
    "sources": {"source": "acv"},
    "events": {"event": "acv", "participation": "acdv", "topic": "acv", "topicname": "acdv"},
}  # fmt: skip
VIEW_ONLY = {"people": ["country", "countryname"]}
EDITOR_EXTRA = {"people": ["country", "countryname"]}
ACTIONS = {"a": "add", "c": "change", "d": "delete", "v": "view"}


def role_permissions() -> dict[str, list[tuple[str, str]]]:
    curator, editor = [], []
    for app_label, models in CURATOR.items():
        for model, actions in models.items():
            curator += [(app_label, f"{ACTIONS[a]}_{model}") for a in actions]
            editor += [(app_label, f"{ACTIONS[a]}_{model}") for a in "acdv"]
    for app_label, models in VIEW_ONLY.items():
        curator += [(app_label, f"view_{model}") for model in models]
    for app_label, models in EDITOR_EXTRA.items():
        editor += [(app_label, f"{ACTIONS[a]}_{model}") for model in models for a in "acdv"]
    editor.append(("events", "publish_event"))
    return {"curator": curator, "editor": editor}


def ensure_roles() -> None:
    """Create the groups if missing and give them exactly their permissions."""
    from django.apps import apps

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for name, wanted in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in wanted]
        )
