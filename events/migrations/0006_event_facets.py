"""On PostgreSQL, what the list filters ask of an event, stored on the event and kept by the database.

At a million events, filtering through EXISTS on participations or a union of matching ids
took 0.7–1 s: PostgreSQL gathered every match (all events of the United States, all events
mentioning a word) before it could sort them by date and take fifty. With these columns
each test is a cheap check on the event row itself, so PostgreSQL walks events newest first
and stops at fifty, or reads a GIN index when the matches are rare:

- ``country_ids``: the event's country and its participants' countries (``countries`` filter);
- ``person_ids``: its participants (``q`` matching a person's names);
- ``topic_ids``: its topics (``q`` matching a topic's names);
- ``search_vector``: its title, summary, city and venue as an English text-search vector
  (``q``); it replaces the expression index of migration 0005.

They are not model fields: triggers keep them right whatever writes the rows (the services,
the admin, ``loaddata``, the synthetic generator's COPY), statement-level on participations
and topic links so a bulk load updates each event once per statement. Other databases do
without them (the filters use EXISTS and substrings there).
"""

from django.db import migrations

SEARCH_TEXT = (
    "to_tsvector('english', coalesce({t}title, '') || ' ' || coalesce({t}summary, '') || ' ' "
    "|| coalesce({t}city, '') || ' ' || coalesce({t}venue, ''))"
)

FACETS = f"""
DROP INDEX IF EXISTS event_fulltext_gin;
ALTER TABLE events_event
    ADD COLUMN country_ids bigint[] NOT NULL DEFAULT '{{}}',
    ADD COLUMN person_ids bigint[] NOT NULL DEFAULT '{{}}',
    ADD COLUMN topic_ids bigint[] NOT NULL DEFAULT '{{}}',
    ADD COLUMN search_vector tsvector;

CREATE FUNCTION events_refresh_facets(event_ids bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE events_event e SET
        country_ids = ARRAY(
            SELECT c FROM (
                SELECT e.country_id AS c WHERE e.country_id IS NOT NULL
                UNION
                SELECT p.country_id FROM events_participation p WHERE p.event_id = e.id AND p.country_id IS NOT NULL
            ) s ORDER BY c
        ),
        person_ids = ARRAY(
            SELECT DISTINCT p.person_id FROM events_participation p
            WHERE p.event_id = e.id AND p.person_id IS NOT NULL ORDER BY 1
        ),
        topic_ids = ARRAY(SELECT DISTINCT t.topic_id FROM events_event_topics t WHERE t.event_id = e.id ORDER BY 1)
    WHERE e.id = ANY(event_ids)
$$;

CREATE FUNCTION events_event_facets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := {SEARCH_TEXT.format(t="NEW.")};
    NEW.country_ids := ARRAY(
        SELECT c FROM (
            SELECT NEW.country_id AS c WHERE NEW.country_id IS NOT NULL
            UNION
            SELECT p.country_id FROM events_participation p WHERE p.event_id = NEW.id AND p.country_id IS NOT NULL
        ) s ORDER BY c
    );
    RETURN NEW;
END $$;

CREATE FUNCTION events_facets_of_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM events_refresh_facets(ARRAY(SELECT DISTINCT event_id FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION events_facets_of_old_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM events_refresh_facets(ARRAY(SELECT DISTINCT event_id FROM old_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION events_facets_of_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM events_refresh_facets(ARRAY(SELECT event_id FROM new_rows UNION SELECT event_id FROM old_rows));
    RETURN NULL;
END $$;

CREATE TRIGGER events_event_facets BEFORE INSERT OR UPDATE OF title, summary, city, venue, country_id
    ON events_event FOR EACH ROW EXECUTE FUNCTION events_event_facets();
"""

LINK_TRIGGERS = """
CREATE TRIGGER {table}_insert_facets AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION events_facets_of_new_rows();
CREATE TRIGGER {table}_update_facets AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION events_facets_of_changed_rows();
CREATE TRIGGER {table}_delete_facets AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION events_facets_of_old_rows();
"""
LINK_TABLES = ("events_participation", "events_event_topics")

BACKFILL = f"""
UPDATE events_event e SET
    search_vector = {SEARCH_TEXT.format(t="e.")},
    country_ids = coalesce(f_c.country_ids, '{{}}'),
    person_ids = coalesce(f_p.person_ids, '{{}}'),
    topic_ids = coalesce(f_t.topic_ids, '{{}}')
FROM events_event base
LEFT JOIN (
    SELECT event_id, array_agg(country_id ORDER BY country_id) AS country_ids FROM (
        SELECT id AS event_id, country_id FROM events_event WHERE country_id IS NOT NULL
        UNION
        SELECT event_id, country_id FROM events_participation WHERE country_id IS NOT NULL
    ) c GROUP BY event_id
) f_c ON f_c.event_id = base.id
LEFT JOIN (
    SELECT event_id, array_agg(DISTINCT person_id ORDER BY person_id) AS person_ids
    FROM events_participation WHERE person_id IS NOT NULL GROUP BY event_id
) f_p ON f_p.event_id = base.id
LEFT JOIN (
    SELECT event_id, array_agg(DISTINCT topic_id ORDER BY topic_id) AS topic_ids FROM events_event_topics GROUP BY event_id
) f_t ON f_t.event_id = base.id
WHERE e.id = base.id;

CREATE INDEX events_event_country_ids_gin ON events_event USING gin (country_ids);
CREATE INDEX events_event_person_ids_gin ON events_event USING gin (person_ids);
CREATE INDEX events_event_topic_ids_gin ON events_event USING gin (topic_ids);
CREATE INDEX events_event_search_vector_gin ON events_event USING gin (search_vector);
-- The planner needs the new columns' statistics to choose between an index and a walk by date.
ANALYZE events_event;
"""

DROP = """
DROP TRIGGER IF EXISTS events_event_facets ON events_event;
{link_drops}
DROP FUNCTION IF EXISTS events_facets_of_new_rows();
DROP FUNCTION IF EXISTS events_facets_of_old_rows();
DROP FUNCTION IF EXISTS events_facets_of_changed_rows();
DROP FUNCTION IF EXISTS events_event_facets();
DROP FUNCTION IF EXISTS events_refresh_facets(bigint[]);
ALTER TABLE events_event DROP COLUMN IF EXISTS country_ids, DROP COLUMN IF EXISTS person_ids,
    DROP COLUMN IF EXISTS topic_ids, DROP COLUMN IF EXISTS search_vector;
CREATE INDEX IF NOT EXISTS event_fulltext_gin ON events_event USING gin ({search_text});
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(FACETS)
        for table in LINK_TABLES:
            cursor.execute(LINK_TRIGGERS.format(table=table))
        cursor.execute(BACKFILL)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    link_drops = "\n".join(
        f"DROP TRIGGER IF EXISTS {table}_{op}_facets ON {table};"
        for table in LINK_TABLES
        for op in ("insert", "update", "delete")
    )
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(DROP.format(link_drops=link_drops, search_text=SEARCH_TEXT.format(t="")))


class Migration(migrations.Migration):
    dependencies = [("events", "0005_search_event_fulltext")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
