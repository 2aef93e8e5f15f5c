"""Source's content types follow the model to this app, so the permissions the curator and editor groups
hold on sources (and admin log entries, history links) stay attached: renamed, not recreated."""

from django.db import migrations

MODELS = ["source", "historicalsource"]


def move(apps, from_label, to_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=to_label, model=model).exists():
            ContentType.objects.filter(app_label=from_label, model=model).update(app_label=to_label)


def forwards(apps, schema_editor):
    move(apps, "events", "sources")


def backwards(apps, schema_editor):
    move(apps, "sources", "events")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("sources", "0001_initial"),
        ("people", "0006_tenure_sources"),
        ("events", "0007_source_moves_to_sources_app"),
        ("events", "0004_roles"),  # the groups' permissions exist
    ]

    operations = [migrations.RunPython(forwards, backwards)]
