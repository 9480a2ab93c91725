"""Data frames from ``Report.to_columns()``; pandas and polars are optional."""

from __future__ import annotations

from typing import Any

_COUNTS = (
    "applicable",
    "published",
    "outdated",
    "fields",
    "fields_published",
    "rate_num",
    "rate_den",
    "rank",
)


def _missing(library: str, method: str) -> ImportError:
    return ImportError(
        f"Report.{method}() needs {library}, which is not installed "
        f"(tthc does not depend on it): pip install {library}"
    )


def to_pandas(columns: dict[str, list[Any]]) -> Any:
    """A pandas DataFrame; counts are nullable ``Int64``, ``percent`` is ``float64``."""
    try:
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as e:
        raise _missing("pandas", "to_pandas") from e
    frame = pd.DataFrame(columns)
    dtypes = {name: "Int64" for name in _COUNTS}
    dtypes["percent"] = "float64"
    dtypes["approximate"] = "bool"
    return frame.astype(dtypes)


def to_polars(columns: dict[str, list[Any]]) -> Any:
    """A polars DataFrame; counts are ``UInt32`` with nulls, ``percent`` is ``Float64``."""
    try:
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as e:
        raise _missing("polars", "to_polars") from e
    schema: dict[str, Any] = {
        "unit": pl.Utf8,
        "name": pl.Utf8,
        "level": pl.Utf8,
        "parent": pl.Utf8,
        "basis": pl.Utf8,
        "approximate": pl.Boolean,
        "percent": pl.Float64,
    }
    schema.update({name: pl.UInt32 for name in _COUNTS})
    return pl.DataFrame(columns, schema_overrides=schema)
