"""A column's identity, the same as Django computes it, without `inspect`.

Django 6.1 hashes each selected column when an ordered query is compiled
(`SQLCompiler._order_by_pairs` maps every selected expression to its position), and an
expression's hash is its `identity`, which binds the arguments it was made with to its
constructor's signature (`inspect.Signature.bind_partial`). A query that selects related
records selects a hundred columns or more: her page computed 458 identities a view and spent
a tenth of its time in `inspect` there (175-195 ms a view against 164-175 ms with this).

A column (`Col`) is made of three arguments, `alias`, `target` and `output_field`, and its
identity is its class, then each of them, in that order, as `Expression._identity` writes
it. `bangkok/tests/test_orm.py` compares it with Django's own for every column of every model,
with and without an alias and an output field, and fails when the two differ.
"""

from functools import cached_property

from django.db.models.expressions import Col, Expression

_ARGUMENTS = ("alias", "target", "output_field")


def column_identity(column: Col) -> tuple:
    args, kwargs = column._constructor_args
    bound = dict(zip(_ARGUMENTS, args, strict=False))
    bound.update(kwargs)
    if type(column) is not Col or set(bound) - set(_ARGUMENTS):  # Django's own reading
        return Expression.identity.func(column)
    return (
        type(column),
        *((name, column._identity(bound.get(name))) for name in _ARGUMENTS),
    )


def install() -> None:
    """Columns get their identity from `column_identity` (once for the process)."""
    if "identity" not in Col.__dict__:
        identity = cached_property(column_identity)
        identity.__set_name__(Col, "identity")
        Col.identity = identity
