"""Writers for the records: chosen by the output path's extension."""
from __future__ import annotations

from .jsonl import JsonlWriter, atomic_path

_TABLE_WRITERS = ("ParquetWriter", "DuckDBWriter", "CsvWriter")


def _table_writer(name: str):
    """``outputs.tables.<name>``, imported when first used: pyarrow (and duckdb) load only for the
    table formats, not for a run that writes JSON Lines (pyarrow alone is ~0.1 s of start-up)."""
    def make(*args, **kw):
        from . import tables

        return getattr(tables, name)(*args, **kw)

    make.__name__ = make.__qualname__ = name
    return make


def __getattr__(name: str):
    if name in _TABLE_WRITERS:
        from . import tables

        return getattr(tables, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# every writer has write(article), write_finding(finding), close(), abort() and count
WRITERS = {
    ".jsonl": JsonlWriter,
    ".ndjson": JsonlWriter,
    ".parquet": _table_writer("ParquetWriter"),
    ".duckdb": _table_writer("DuckDBWriter"),
    ".csv": _table_writer("CsvWriter"),
}


def open_writer(path: str | None, include_text: bool = True):
    """A writer for ``path`` (stdout when None or '-'): ``write(article)``, ``close()``, ``abort()``."""
    from pathlib import Path

    from ..errors import UsageError

    if path in (None, "-"):
        return JsonlWriter(None, include_text=include_text)
    suffix = Path(path).suffix.lower()
    cls = WRITERS.get(suffix)
    if cls is None:
        raise UsageError("E103", detail=suffix or path)
    try:
        return cls(path, include_text=include_text)
    except OSError as exc:  # no such folder, not writable ...: named, no traceback, for every command
        raise UsageError("E104", detail=f"{path}: {exc.strerror or exc}") from exc


__all__ = ["open_writer", "JsonlWriter", "ParquetWriter", "DuckDBWriter", "CsvWriter", "atomic_path", "WRITERS"]
