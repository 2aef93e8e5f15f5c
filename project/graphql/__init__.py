"""GraphQL for Attaché: ``project.graphql:schema`` is the schema (assembled in ``root.py``).

The package also holds what both apps' GraphQL code shares: capped list
fields, keyset connections, enums, limits, error masking and the view.
"""


def __getattr__(name: str):
    if name == "schema":
        from project.graphql.root import schema

        return schema
    raise AttributeError(name)
