"""Data frames from ``Report.to_columns()``; pandas and polars are optional.

The column types come from the core's column schema (``tthc.UNIT_COLUMNS``: ``text``,
``optional_text``, ``bool``, ``count``, ``percent``), never from a list of names here.
"""

from __future__ import annotations

from typing import Any

from tthc._tthc import UNIT_COLUMNS

# Column type -> pandas dtype (None: leave pandas' own, object for text).
_PANDAS = {"text": None, "optional_text": None, "bool": "bool", "count": "Int64", "percent": "float64"}


def _missing(library: str, method: str) -> ImportError:
    return ImportError(
        f"Report.{method}() needs {library}, which is not installed "
        f"(tthc does not depend on it): pip install {library}"
    )


def to_pandas(columns: dict[str, list[Any]]) -> Any:
    """A pandas DataFrame; counts are nullable ``Int64``, percentages ``float64``."""
    try:
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as e:
        raise _missing("pandas", "to_pandas") from e
    frame = pd.DataFrame(columns)
    dtypes = {name: _PANDAS[kind] for name, kind in UNIT_COLUMNS if _PANDAS[kind] is not None}
    return frame.astype(dtypes)


def to_polars(columns: dict[str, list[Any]]) -> Any:
    """A polars DataFrame; counts are ``UInt32`` with nulls, percentages ``Float64``."""
    try:
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as e:
        raise _missing("polars", "to_polars") from e
    types = {"text": pl.Utf8, "optional_text": pl.Utf8, "bool": pl.Boolean, "count": pl.UInt32,
             "percent": pl.Float64}
    schema: dict[str, Any] = {name: types[kind] for name, kind in UNIT_COLUMNS}
    return pl.DataFrame(columns, schema_overrides=schema)
