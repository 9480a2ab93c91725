"""tthc — Vietnam's catalogue of administrative procedures (thủ tục hành chính).

Read a catalogue document, compute compliance rates (what share of the procedures that apply
to a unit it has published), and compare Vietnamese text::

    import tthc

    catalog = tthc.an_bien_2018()
    report = catalog.compliance()
    district = report.unit("908")
    print(district.published, tthc.format_percent(district.rate))   # 261 100,0%

Everything is computed by the Rust core, so Python, the command line and the browser agree.
"""

from tthc._tthc import (
    ArgumentError,
    Catalog,
    Field,
    FieldCompliance,
    FormatError,
    GroupCompliance,
    Problem,
    Procedure,
    Report,
    ReportWarning,
    SearchHit,
    TableImportError,
    TthcError,
    TthcIOError,
    Unit,
    UnitCompliance,
    ValidationError,
    __version__,
    an_bien_2018,
    import_file,
    fold,
    format_percent,
    load,
    loads,
    sort_key,
)

__all__ = [
    "ArgumentError",
    "Catalog",
    "Field",
    "FieldCompliance",
    "FormatError",
    "GroupCompliance",
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
    "import_file",
    "fold",
    "format_percent",
    "load",
    "loads",
    "sort_key",
]
