"""The exceptions of tthc, and ``Problem``, one problem found in an input.

::

    ValueError
    └── TthcError                  .code .path .errors (every problem, as Problem objects)
        ├── FormatError            not a readable document (syntax, too_large)
        ├── ValidationError        the document breaks the format's rules
        ├── TableImportError       a table or portal export cannot be imported
        ├── ArgumentError          a bad argument (channel, as_of, lang, rate, unit, ...)
        └── TthcIOError (+ OSError) a file cannot be read

The compiled core (``tthc._tthc``) raises them: its ``error.rs`` maps each family of the Rust
core's errors (``tthc::Family``) to one class here. They are ordinary Python classes, so users
can raise, subclass, pickle and copy them; ``__module__`` is ``tthc``, where users see them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "Problem",
    "TthcError",
    "FormatError",
    "ValidationError",
    "TableImportError",
    "ArgumentError",
    "TthcIOError",
]


class Problem:
    """problem.code, problem.path, problem.message — one problem found in an input.

    Items of ``TthcError.errors``. ``code`` is a stable snake_case code, ``path`` a JSON
    pointer, ``line L, column C``, a table position, an argument name or a file name.
    Immutable, hashable, comparable.
    """

    __slots__ = ("code", "path", "message")

    code: str
    path: str
    message: str

    def __init__(self, code: str, path: str, message: str) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "message", message)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Problem is read-only: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Problem is read-only: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.code, self.path, self.message) == (other.code, other.path, other.message)

    def __hash__(self) -> int:
        return hash((self.code, self.path, self.message))

    def __repr__(self) -> str:
        return f"Problem({self.code!r}, {self.path!r}, {self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.code, self.path, self.message))

    def to_dict(self) -> dict[str, str]:
        """``{"code": ..., "path": ..., "message": ...}``, as in ``tthc validate --format json``."""
        return {"code": self.code, "path": self.path, "message": self.message}


class TthcError(ValueError):
    """Base class of every error raised by tthc.

    Attributes: ``code`` (stable snake_case code of the first problem), ``path`` (where:
    a JSON pointer such as ``/procedures/12/code``, ``line 3, column 7`` for syntax errors,
    an argument name, or a file name) and ``errors`` (every problem, as ``tthc.Problem``
    objects with ``code``, ``path`` and ``message``).
    """

    code: str
    path: str
    errors: list[Problem]

    def __init__(self, message: str = "", code: str = "invalid", path: str = "",
                 errors: Iterable[Problem] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.path = path
        self.errors = list(errors)

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> tuple[Any, ...]:
        message = self.args[0] if self.args else ""
        return (type(self), (message, self.code, self.path, self.errors), self.__dict__)


class FormatError(TthcError):
    """The input is not a readable document: not JSON, not UTF-8, too deep or too large."""


class ValidationError(TthcError):
    """The document was read and breaks the format's rules; ``errors`` lists all problems."""


class TableImportError(TthcError):
    """A table or portal export cannot be imported; ``errors`` lists all bad rows."""


class ArgumentError(TthcError):
    """A bad argument: an unknown channel, a date that is not a real day, a bad rate, an
    unknown unit or field."""


class TthcIOError(TthcError, OSError):
    """A file cannot be read; also an ``OSError`` (``filename`` is the file's name)."""

    def __init__(self, message: str = "", code: str = "io", path: str = "",
                 errors: Iterable[Problem] = ()) -> None:
        super().__init__(message, code, path, errors)
        self.filename = path
        self.strerror = message


for _cls in (Problem, TthcError, FormatError, ValidationError, TableImportError, ArgumentError,
             TthcIOError):
    _cls.__module__ = "tthc"
del _cls
