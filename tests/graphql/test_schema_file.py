"""schema.graphql in the repository is the schema the code serves; a change shows up as a diff."""

from pathlib import Path

from strawberry.printer import print_schema

from project.graphql.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"
REGENERATE = "python manage.py export_schema project.graphql.schema:schema --path schema.graphql"


def test_schema_file_matches_the_code():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == print_schema(schema), (
        f"schema.graphql is out of date; regenerate it with `{REGENERATE}` and commit the diff."
    )


def test_every_model_type_is_a_relay_node():
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    for name in ["Country", "Person", "Office", "Tenure", "Event", "Participation", "Topic", "Source"]:
        assert f"type {name} implements Node {{" in text
