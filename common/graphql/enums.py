"""GraphQL enums for choices shared by both apps; each app's own live in its graphql/enums.py.

Enum values travel as the names (``DAY``); the database keeps the values (``day``).
"""

import strawberry

from common.models import DatePrecision as _DatePrecision

DatePrecision = strawberry.enum(_DatePrecision, name="DatePrecision")
