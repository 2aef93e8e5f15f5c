"""Run by test_replicas.py in a process of its own, against a real primary and streaming replica.

Prints one JSON object of observations; the test asserts on them.
"""

import json
import time

import django

django.setup()

from django.db import connections, router  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from common.db_routing import PrimaryAfterWritesMiddleware  # noqa: E402
from people.models import Country  # noqa: E402


def in_recovery(alias: str) -> bool:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        return cursor.fetchone()[0]


def counted(call):
    with (
        CaptureQueriesContext(connections["replica_0"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        result = call()
    return result, len(on_replica), len(on_primary)


out = {"primary_in_recovery": in_recovery("default"), "replica_in_recovery": in_recovery("replica_0")}
client = Client()

response, replica_n, primary_n = counted(lambda: client.get("/api/v1/countries/"))
out["read_request"] = [response.status_code, replica_n, primary_n]


def write_then_read(request):
    Country.objects.create(iso2="ZZ", iso3="ZZZ", name="Zedland")
    return [Country.objects.filter(iso2="ZZ").exists(), router.db_for_read(Country)]


out["write_then_read"] = PrimaryAfterWritesMiddleware(write_then_read)(RequestFactory().get("/"))
out["unsafe_request_reads"] = PrimaryAfterWritesMiddleware(lambda r: router.db_for_read(Country))(
    RequestFactory().post("/api/v1/tenures/")
)

# The next request reads the replica again; it sees the new country once replication delivers it.
deadline, status, replica_n, primary_n = time.monotonic() + 20, None, 0, 0
while time.monotonic() < deadline:
    response, replica_n, primary_n = counted(lambda: client.get("/api/v1/countries/ZZ/"))
    status = response.status_code
    if status == 200:
        break
    time.sleep(0.2)
out["replicated_read"] = [status, replica_n, primary_n]
print(json.dumps(out))
