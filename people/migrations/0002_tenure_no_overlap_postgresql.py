"""On PostgreSQL, let the database itself refuse overlapping tenures.

Two tenures of the same one-holder office with the same non-acting status
(two holders, or two designates) may not overlap in time. A tenure runs from
its start up to its end day, so a successor may start on the day it ends
(a US president hands over at noon on 20 January). Tenure.single_holder
is a copy of Office.single_holder; a composite foreign key with ON UPDATE
CASCADE keeps the copy right, so the exclusion constraint can read it.

On other databases this migration does nothing: Tenure.clean() and the
services check the same rule there.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """ALTER TABLE people_tenure
         ADD CONSTRAINT tenure_office_single_holder_fk
         FOREIGN KEY (office_id, single_holder)
         REFERENCES people_office (id, single_holder)
         ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED""",
    """ALTER TABLE people_tenure
         ADD CONSTRAINT tenure_no_overlap
         EXCLUDE USING gist (
           office_id WITH =,
           status WITH =,
           daterange(start, "end", '[)') WITH &&
         ) WHERE (single_holder AND status <> 'acting')""",
]
BACKWARD = [
    "ALTER TABLE people_tenure DROP CONSTRAINT IF EXISTS tenure_no_overlap",
    "ALTER TABLE people_tenure DROP CONSTRAINT IF EXISTS tenure_office_single_holder_fk",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
