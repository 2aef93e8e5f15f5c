"""PostgreSQL's ``statement_timeout`` (``DB_STATEMENT_TIMEOUT``): recognising a statement it cancelled."""


def statement_timed_out(exc: BaseException) -> bool:
    """PostgreSQL cancelled a statement that ran past ``statement_timeout`` (psycopg's QueryCanceled)."""
    cause = exc.__cause__ or exc
    return type(cause).__name__ == "QueryCanceled" or "statement timeout" in str(exc)
