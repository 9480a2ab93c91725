"""tthc — Vietnam's catalogue of administrative procedures (thủ tục hành chính).

Read a catalogue document, compute compliance rates (what share of the procedures that apply
to a unit it has published), list a unit's procedures with their status, and compare
Vietnamese text::

    import tthc

    catalog = tthc.an_bien_2018()                    # or tthc.load("catalogue.json")
    report = catalog.compliance()
    district = report.unit("908")
    print(district.published, tthc.format_percent(district.rate))   # 261 100,0%
    print(catalog.unit_report("908").published)                     # one unit alone: 261

    catalog = tthc.load("catalogue.json")
    for p in catalog.procedure_list(unit="30985", status="missing"):
        print(p.code, p.name, p.field_name)

``Catalog.procedure_list(unit=None, level=None, field=None, status=None,
channel="one_stop_shop", as_of=None)`` lists a unit's applicable procedures with their status
(``published``, ``missing``, ``outdated``), or every procedure in force of a level, sorted by
field and name in Vietnamese order (``ListedProcedure`` objects). ``Catalog.unit_report(code,
channel="one_stop_shop", as_of=None)`` gives one unit's ``UnitCompliance`` without computing
the whole report. ``Report.to_dict()`` and the objects' ``to_dict()`` are typed by the
TypedDicts of ``tthc._report_types``; ``UNIT_COLUMNS`` is the schema of ``to_columns()``.
``Report.to_arrow()`` and ``Catalog.postings_table()`` give ``ArrowTable`` objects that
pyarrow, polars and DuckDB read through the Arrow PyCapsule interface (none of them is a
dependency); ``Catalog.export(to, path)`` writes what ``tthc export`` writes (CSV, CPSV-AP,
HSDS, Parquet, xlsx).

Everything is computed by the Rust core, so Python, the command line and the browser agree.
Errors are ``tthc.TthcError`` (a ``ValueError``) and its subclasses, with ``code``, ``path``
and ``errors``.
"""

from tthc._errors import (
    ArgumentError,
    FormatError,
    Problem,
    TableImportError,
    TthcError,
    TthcIOError,
    ValidationError,
)
from tthc._tthc import (
    UNIT_COLUMNS,
    ArrowTable,
    Catalog,
    Diff,
    Field,
    FieldCompliance,
    Finding,
    GroupCompliance,
    ListedProcedure,
    Procedure,
    Report,
    ReportWarning,
    SearchHit,
    Unit,
    UnitCompliance,
    __version__,
    an_bien_2018,
    diff,
    fold,
    format_percent,
    import_file,
    load,
    loads,
    sort_key,
)

__all__ = [
    "UNIT_COLUMNS",
    "ArgumentError",
    "ArrowTable",
    "Catalog",
    "Diff",
    "Field",
    "FieldCompliance",
    "Finding",
    "FormatError",
    "GroupCompliance",
    "ListedProcedure",
    "Problem",
    "Procedure",
    "Report",
    "ReportWarning",
    "SearchHit",
    "TableImportError",
    "TthcError",
    "TthcIOError",
    "Unit",
    "UnitCompliance",
    "ValidationError",
    "__version__",
    "an_bien_2018",
    "diff",
    "fold",
    "format_percent",
    "import_file",
    "load",
    "loads",
    "sort_key",
]
