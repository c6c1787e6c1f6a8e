"""Records as tables: Parquet, DuckDB and CSV writers built on pyarrow and duckdb.

Six tables, each keyed by ``article_id`` and ``index`` (the item's position in its article's list,
the same index the record's ``claims[].quantity`` and ``claims[].period`` use):

- ``articles``   one row per article (metadata, body spans, counts; the text unless ``--no-text``)
- ``entities``, ``times``, ``quantities``   one row per item, nested objects flattened
- ``claims``     one row per claim, with its figure (surface, value, unit), subject, metric, period
                 (index and text/interval), comparison, direction, modality and the sentence text
- ``findings``   one row per finding (``index`` counts over the run; ``article_id`` is set when
                 all its figures are in one article), figures and evidence as nested lists

``.parquet`` is a folder with a Parquet dataset per table (``out.parquet/claims/part.00000.parquet``
...; the layout ``zhclaims extract --dask`` writes too, one part per partition there; read a table
with ``pandas.read_parquet("out.parquet/claims")``);
``.duckdb`` one database file with the six tables; ``.csv`` the claims only, flattened, UTF-8 with
a byte-order mark so that spreadsheet programs read the Chinese right.

Writers stream: rows are buffered up to ``batch_rows`` and written as one Parquet row group /
DuckDB append / CSV batch, so memory does not grow with the corpus. Output appears atomically on
``close()`` (written under a temporary name beside the target, then renamed); ``abort()`` leaves
the previous output in place.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable

import pyarrow as pa

from ..model import Article, Finding, Interval
from .jsonl import publish_mode

_span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
_figure = pa.struct([("article", pa.string()), ("quantity", pa.int64()), ("text", pa.string()),
                     ("start", pa.int64()), ("end", pa.int64())])
_evidence = pa.struct([("article", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", _S), ("title", _S), ("published", _S), ("published_from", _S), ("source", _S),
        ("url", _S), ("origin", _S), ("encoding", _S), ("body", pa.list_(_span)),
        ("n_entities", _I), ("n_times", _I), ("n_quantities", _I), ("n_claims", _I), ("text", _S),
    ]),
    "entities": pa.schema([
        ("article_id", _S), ("index", _I), ("text", _S), ("start", _I), ("end", _I), ("label", _S),
        ("name", _S), ("source", _S),
    ]),
    "times": pa.schema([
        ("article_id", _S), ("index", _I), ("text", _S), ("start", _I), ("end", _I), ("kind", _S),
        ("grain", _S), ("interval_start", _S), ("interval_end", _S), ("duration", _S), ("anchored", _B),
        ("mod", _S),
    ]),
    "quantities": pa.schema([
        ("article_id", _S), ("index", _I), ("text", _S), ("start", _I), ("end", _I), ("value", _F),
        ("lower", _F), ("upper", _F), ("unit", _S), ("currency", _S), ("qualifier", _S), ("precision", _F),
    ]),
    "claims": pa.schema([
        ("article_id", _S), ("index", _I), ("quantity", _I), ("surface", _S), ("start", _I), ("end", _I),
        ("value", _F), ("lower", _F), ("upper", _F), ("unit", _S), ("currency", _S), ("qualifier", _S),
        ("subject", _S), ("subject_text", _S), ("subject_start", _I), ("subject_end", _I),
        ("metric", _S), ("metric_text", _S), ("metric_start", _I), ("metric_end", _I),
        ("period", _I), ("period_text", _S), ("period_start", _S), ("period_end", _S),
        ("comparison", _S), ("direction", _S), ("modality", _S),
        ("sentence_start", _I), ("sentence_end", _I), ("sentence", _S),
    ]),
    "findings": pa.schema([
        ("index", _I), ("article_id", _S), ("articles", pa.list_(_S)), ("kind", _S), ("relation", _S),
        ("verdict", _S), ("claims", pa.list_(_figure)), ("expected", _F), ("stated", _F),
        ("expected_low", _F), ("expected_high", _F), ("stated_low", _F), ("stated_high", _F), ("miss", _F),
        ("explanation", _S), ("arithmetic", _S), ("evidence", pa.list_(_evidence)),
    ]),
}
TABLES = tuple(SCHEMAS)

# the flattened claims a spreadsheet user reads (the .csv output), in this order
CSV_COLUMNS = (
    "article_id", "index", "surface", "value", "lower", "upper", "unit", "currency", "qualifier",
    "subject", "metric", "metric_text", "period_text", "period_start", "period_end", "comparison",
    "direction", "modality", "sentence", "start", "end",
)
CSV_NAMES = {"index": "claim", "period_text": "period"}  # column renames in the CSV header


def _num(x):
    return None if x is None else float(x)


def period_of(article: Article, claim) -> tuple[int | None, str | None, str | None, str | None]:
    """(times index, text, interval start, interval end) of a claim's period."""
    p = claim.period
    if isinstance(p, Interval):
        return None, claim.period_text, p.start, p.end
    if isinstance(p, int) and 0 <= p < len(article.times):
        t = article.times[p]
        iv = t.interval
        return p, t.text, iv.start if iv else None, iv.end if iv else None
    return (p if isinstance(p, int) else None), None, None, None


def claim_row(article: Article, i: int, c) -> dict:
    q = article.quantities[c.quantity] if 0 <= c.quantity < len(article.quantities) else None
    pidx, ptext, pstart, pend = period_of(article, c)
    s = c.sentence
    return {
        "article_id": article.id, "index": i, "quantity": c.quantity,
        "surface": q.text if q else None, "start": q.start if q else None, "end": q.end if q else None,
        "value": _num(q.value) if q else None, "lower": _num(q.lower) if q else None,
        "upper": _num(q.upper) if q else None, "unit": q.unit if q else None,
        "currency": q.currency if q else None, "qualifier": q.qualifier if q else None,
        "subject": c.subject.key if c.subject else None, "subject_text": c.subject.text if c.subject else None,
        "subject_start": c.subject.start if c.subject else None, "subject_end": c.subject.end if c.subject else None,
        "metric": c.metric.key if c.metric else None, "metric_text": c.metric.text if c.metric else None,
        "metric_start": c.metric.start if c.metric else None, "metric_end": c.metric.end if c.metric else None,
        "period": pidx, "period_text": ptext, "period_start": pstart, "period_end": pend,
        "comparison": c.comparison, "direction": c.direction, "modality": c.modality,
        "sentence_start": s.start if s else None, "sentence_end": s.end if s else None,
        "sentence": article.text[s.start:s.end] if s else None,
    }


def article_rows(article: Article, include_text: bool = True) -> dict[str, list[dict]]:
    """The rows one article adds to each table (findings excepted)."""
    aid = article.id
    rows: dict[str, list[dict]] = {
        "articles": [{
            "article_id": aid, "title": article.title, "published": article.published,
            "published_from": article.published_from, "source": article.source, "url": article.url,
            "origin": article.origin, "encoding": article.encoding,
            "body": [{"start": b.start, "end": b.end} for b in article.body],
            "n_entities": len(article.entities), "n_times": len(article.times),
            "n_quantities": len(article.quantities), "n_claims": len(article.claims),
            "text": article.text if include_text else None,
        }],
        "entities": [{"article_id": aid, "index": i, **e.to_dict()} for i, e in enumerate(article.entities)],
        "times": [],
        "quantities": [],
        "claims": [claim_row(article, i, c) for i, c in enumerate(article.claims)],
    }
    for i, t in enumerate(article.times):
        rows["times"].append({
            "article_id": aid, "index": i, "text": t.text, "start": t.start, "end": t.end, "kind": t.kind,
            "grain": t.grain, "interval_start": t.interval.start if t.interval else None,
            "interval_end": t.interval.end if t.interval else None, "duration": t.duration,
            "anchored": t.anchored, "mod": t.mod,
        })
    for i, q in enumerate(article.quantities):
        d = q.to_dict()
        for k in ("value", "lower", "upper", "precision"):
            d[k] = _num(d[k])
        rows["quantities"].append({"article_id": aid, "index": i, **d})
    return rows


def finding_row(index: int, f: Finding) -> dict:
    articles = list(dict.fromkeys(c.article for c in f.claims))
    ei, si = f.expected_interval, f.stated_interval
    return {
        "index": index, "article_id": articles[0] if len(articles) == 1 else None, "articles": articles,
        "kind": f.kind, "relation": f.relation, "verdict": f.verdict,
        "claims": [c.to_dict() for c in f.claims],
        "expected": _num(f.expected), "stated": _num(f.stated),
        "expected_low": _num(ei[0]) if ei else None, "expected_high": _num(ei[1]) if ei else None,
        "stated_low": _num(si[0]) if si else None, "stated_high": _num(si[1]) if si else None,
        "miss": _num(f.miss), "explanation": f.explanation, "arithmetic": f.arithmetic,
        "evidence": [{"article": e.get("article"), "start": e.get("start"), "end": e.get("end"),
                      "text": e.get("text")} for e in f.evidence],
    }


VERDICT_ORDER = ("inconsistent", "consistent", "unverifiable", "unchecked")


def figure_verdicts(findings: Iterable[Finding]) -> dict[tuple[str, int], str]:
    """(article id, quantity index) -> the verdict a figure gets from the findings that name it:
    the first in ``VERDICT_ORDER`` (an inconsistency shows even when another relation holds).
    Figures no finding names are absent (unchecked)."""
    rank = {v: i for i, v in enumerate(VERDICT_ORDER)}
    out: dict[tuple[str, int], str] = {}
    for f in findings:
        for c in f.claims:
            key = (c.article, c.quantity)
            if rank.get(f.verdict, len(rank)) < rank.get(out.get(key, "unchecked"), len(rank)):
                out[key] = f.verdict
    return out


def to_arrow(records: Iterable[Article], findings: Iterable[Finding] = (), include_text: bool = True) -> dict[str, pa.Table]:
    """All six tables in memory (for a notebook or a small corpus; the writers stream instead)."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for a in records:
        for name, got in article_rows(a, include_text).items():
            rows[name].extend(got)
    rows["findings"] = [finding_row(i, f) for i, f in enumerate(findings)]
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


def to_pandas(records: Iterable[Article], findings: Iterable[Finding] = (), include_text: bool = True) -> dict:
    """The six tables as pandas DataFrames (pandas is needed for this one only)."""
    return {name: t.to_pandas() for name, t in to_arrow(records, findings, include_text).items()}


class TableWriter:
    """Buffers rows per table and hands them on in batches; subclasses say where batches go."""

    tables: tuple[str, ...] = TABLES

    def __init__(self, path: str, include_text: bool = True, batch_rows: int = 4096) -> None:
        self.path = path
        self.include_text = include_text
        self.batch_rows = batch_rows
        self.count = 0
        self.findings = 0
        self.rows_written = {name: 0 for name in TABLES}
        self._pending: dict[str, list[dict]] = {name: [] for name in self.tables}
        self._npending = 0
        self._closed = False
        self._open()

    # -- what subclasses provide
    def _open(self) -> None:
        raise NotImplementedError

    def _write_batch(self, name: str, table: pa.Table) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        raise NotImplementedError

    def _discard(self) -> None:
        raise NotImplementedError

    # -- the writer interface shared with JsonlWriter
    def write(self, article: Article) -> None:
        for name, got in article_rows(article, self.include_text).items():
            self._add(name, got)
        self.count += 1

    def write_finding(self, finding: Finding) -> None:
        self._add("findings", [finding_row(self.findings, finding)])
        self.findings += 1

    def _add(self, name: str, rows: list[dict]) -> None:
        if name not in self._pending or not rows:
            return
        self._pending[name].extend(rows)
        self._npending += len(rows)
        if self._npending >= self.batch_rows:
            self.flush()

    def flush(self) -> None:
        for name, rows in self._pending.items():
            if rows:
                self._write_batch(name, pa.Table.from_pylist(rows, schema=SCHEMAS[name]))
                self.rows_written[name] += len(rows)
                rows.clear()
        self._npending = 0

    def close(self) -> None:
        if self._closed:
            return
        self.flush()
        self._finish()
        self._closed = True

    def abort(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._discard()


def _replace(tmp: str, path: str) -> None:
    """Move ``tmp`` (file or folder) to ``path``, replacing what was there."""
    publish_mode(tmp)
    if os.path.isdir(path) and not os.path.islink(path):
        old = tempfile.mkdtemp(prefix=".zhclaims-old-", dir=os.path.dirname(os.path.abspath(path)))
        os.rmdir(old)
        os.rename(path, old)
        os.rename(tmp, path)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, path)


class ParquetWriter(TableWriter):
    """``out.parquet/<table>/part.00000.parquet`` per table (one file, one row group per batch)."""

    def _open(self) -> None:
        import pyarrow.parquet as pq

        self._pq = pq
        parent = os.path.dirname(os.path.abspath(self.path))
        self._tmp = tempfile.mkdtemp(prefix=".zhclaims-", suffix=".parquet", dir=parent)
        self._writers: dict = {}

    def _writer(self, name: str):
        w = self._writers.get(name)
        if w is None:
            os.makedirs(os.path.join(self._tmp, name), exist_ok=True)
            w = self._writers[name] = self._pq.ParquetWriter(os.path.join(self._tmp, name, "part.00000.parquet"),
                                                              SCHEMAS[name], compression="zstd")
        return w

    def _write_batch(self, name: str, table: pa.Table) -> None:
        self._writer(name).write_table(table)

    def _finish(self) -> None:
        for name in self.tables:
            self._writer(name).close()  # every table exists, empty ones too
        _replace(self._tmp, self.path)

    def _discard(self) -> None:
        for w in self._writers.values():
            try:
                w.close()
            except Exception:  # noqa: BLE001 - discarding anyway
                pass
        shutil.rmtree(self._tmp, ignore_errors=True)


class DuckDBWriter(TableWriter):
    """``out.duckdb``: one database with the six tables, appended batch by batch, and a view
    ``figure_verdicts`` (article_id, quantity, verdict, findings) to join onto ``claims``."""

    def _open(self) -> None:
        import duckdb

        parent = os.path.dirname(os.path.abspath(self.path))
        self._dir = tempfile.mkdtemp(prefix=".zhclaims-", dir=parent)
        self._tmp = os.path.join(self._dir, "out.duckdb")
        self._con = duckdb.connect(self._tmp)
        for name in self.tables:
            empty = SCHEMAS[name].empty_table()  # noqa: F841 - read by name in the SQL below
            self._con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM empty')

    def _write_batch(self, name: str, table: pa.Table) -> None:
        self._con.register("zhclaims_batch", table)
        try:
            self._con.execute(f'INSERT INTO "{name}" SELECT * FROM zhclaims_batch')
        finally:
            self._con.unregister("zhclaims_batch")

    def _finish(self) -> None:
        # a figure's verdict over the findings naming it, as figure_verdicts() gives it
        self._con.execute("""
            CREATE VIEW figure_verdicts AS
            SELECT fig.article AS article_id, fig.quantity AS quantity,
                   arg_min(verdict, CASE verdict WHEN 'inconsistent' THEN 0 WHEN 'consistent' THEN 1
                                                 WHEN 'unverifiable' THEN 2 ELSE 3 END) AS verdict,
                   list("index" ORDER BY "index") AS findings
            FROM (SELECT "index", verdict, unnest(claims) AS fig FROM findings)
            GROUP BY fig.article, fig.quantity""")
        self._con.execute("CHECKPOINT")
        self._con.close()
        _replace(self._tmp, self.path)
        shutil.rmtree(self._dir, ignore_errors=True)

    def _discard(self) -> None:
        try:
            self._con.close()
        finally:
            shutil.rmtree(self._dir, ignore_errors=True)


class CsvWriter(TableWriter):
    """``out.csv``: the claims, one per row, flattened (``CSV_COLUMNS``); UTF-8 with BOM."""

    tables = ("claims",)

    def _open(self) -> None:
        import pyarrow.csv as pacsv

        parent = os.path.dirname(os.path.abspath(self.path))
        fd, self._tmp = tempfile.mkstemp(prefix=".zhclaims-", suffix=".csv", dir=parent)
        self._fh = os.fdopen(fd, "wb")
        self._fh.write("\ufeff".encode("utf-8"))
        fields = [SCHEMAS["claims"].field(c) for c in CSV_COLUMNS]
        self._schema = pa.schema([pa.field(CSV_NAMES.get(f.name, f.name), f.type) for f in fields])
        self._csv = pacsv.CSVWriter(self._fh, self._schema)

    def _write_batch(self, name: str, table: pa.Table) -> None:
        self._csv.write_table(table.select(list(CSV_COLUMNS)).rename_columns(self._schema.names))

    def _finish(self) -> None:
        self._csv.close()
        self._fh.close()
        _replace(self._tmp, self.path)

    def _discard(self) -> None:
        try:
            self._csv.close()
            self._fh.close()
        finally:
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)
