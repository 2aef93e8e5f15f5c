"""Helpers for serializer fields."""


def known(kind: str, *, by_id: bool = False) -> dict:
    """Error messages for a related field that name what the client got wrong: 'Unknown person: nobody.'"""
    if by_id:  # PrimaryKeyRelatedField
        return {"does_not_exist": f"Unknown {kind}: {{pk_value}}.", "incorrect_type": f"A {kind} is given by its id."}
    return {"does_not_exist": f"Unknown {kind}: {{value}}.", "invalid": f"Not a valid {kind} reference."}
