"""The curator and editor groups and their model permissions.

Curators create and edit; they may remove the rows an edit removes (other names,
identifiers, participations) but not records themselves. Editors may do
everything, and alone hold events.publish_event: publish, retract and delete.
Permissions are created here first, since on a fresh database Django only
creates them after all migrations have run.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW_ONLY = {"people": ["country", "countryname"]}
CURATOR = {
    "people": {
        "person": "acv",
        "personname": "acdv",
        "personidentifier": "acdv",
        "office": "acv",
        "officetitle": "acdv",
        "tenure": "acv",
    },
    "events": {
        "event": "acv",
        "participation": "acdv",
        "topic": "acv",
        "topicname": "acdv",
        "source": "acv",
    },
}
EDITOR_EXTRA = {"people": ["country", "countryname"]}
ACTIONS = {"a": "add", "c": "change", "d": "delete", "v": "view"}


def _codenames(app_label, models, actions):
    return [(app_label, f"{ACTIONS[a]}_{model}") for model in models for a in actions]


def roles(apps):
    curator, editor = [], []
    for app_label, models in CURATOR.items():
        for model, actions in models.items():
            curator += _codenames(app_label, [model], actions)
            editor += _codenames(app_label, [model], "acdv")
    for app_label, models in VIEW_ONLY.items():
        curator += _codenames(app_label, models, "v")
    for app_label, models in EDITOR_EXTRA.items():
        editor += _codenames(app_label, models, "acdv")
    editor.append(("events", "publish_event"))
    return {"curator": curator, "editor": editor}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in roles(apps).items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = []
        for app_label, codename in wanted:
            perms.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(perms)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["curator", "editor"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("people", "0003_history"),
        ("events", "0003_history"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
