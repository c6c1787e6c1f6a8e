"""Beyond one machine: the pipeline over a Dask bag or dataframe, records written as Parquet.

The per-article function is the one ``zhclaims extract`` runs (``run.analyze_many`` over batches
of a partition's articles, as one process batches them), so a Dask run gives the same records as
one process. The pieces:

- ``extract_bag(bag)``: a bag of articles (``Article``, JSON Lines row dicts, or JSON strings)
  -> a bag of records (``Article``) and ``InputError``s, partition by partition, in order. Each
  worker process builds the pipeline once and keeps it (data and models load once).
- ``extract_dataframe(ddf)``: the same over a Dask dataframe with ``id``/``text`` columns (and
  optionally ``title``, ``published``/``date``, ``source``, ``url``).
- ``input_bag(paths)``: the inputs ``zhclaims extract`` reads, as a bag whose partitions are read
  on the workers: JSON Lines files in byte ranges cut at line breaks (line numbers kept, so
  ``origin`` and errors are the same as in one process), other files in groups.
- ``write_parquet(bag, path)``: each partition writes its rows of the six tables of
  ``outputs.tables`` as ``path/<table>/part.NNNNN.parquet`` (partition order = input order); the
  client receives only counts and errors, never the records. Written under a temporary name and
  renamed when every partition is done.
- ``extract_to_parquet(paths, path, address)`` is ``zhclaims extract --dask ADDRESS -o out.parquet``;
  ``address="local"`` starts a ``LocalCluster`` on this machine.

Paths must be readable by the workers (a shared file system when the cluster spans machines).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError, InputWarning, UsageError
from .model import Article
from .read import RunSummary

PARTITION_BYTES = 4 << 20  # JSON Lines bytes a partition reads
PARTITION_FILES = 64  # .txt/.html files a partition reads

_pipelines: dict = {}


def _pipeline(kw: tuple):
    """The worker's pipeline for these options, built once per process."""
    got = _pipelines.get(kw)
    if got is None:
        from .pipeline import Pipeline

        from .run import prepare

        opts = dict(kw)
        got = _pipelines[kw] = Pipeline(stages=opts.get("stages"), clean=opts.get("clean", True),
                                        simplify=opts.get("simplify", True))
        prepare(got)  # load data and models now; freeze them out of the collector's way
    return got


def _as_article(item, part: int, n: int):
    import orjson

    from .read.formats import article_from_row

    if isinstance(item, (Article, InputError, InputWarning)):
        return item
    if isinstance(item, (str, bytes)):
        try:
            item = orjson.loads(item)
        except orjson.JSONDecodeError as exc:
            return InputError.make(f"partition {part}", "E006", n, detail=str(exc).split(":")[0])
    return article_from_row(item, f"partition {part}", n, f"p{part}:{n}")


def analyze_partition(items: Iterable, published: str | None = None, kw: tuple = (), partition: int = 0) -> list:
    """Records (and ``InputError``/``InputWarning`` items) for one partition, in its order."""
    from .run import BATCH_SIZE, analyze_many

    pipe = _pipeline(kw)
    out = [_as_article(item, partition, n) for n, item in enumerate(items, start=1)]
    todo = [i for i, a in enumerate(out) if isinstance(a, Article)]
    for k in range(0, len(todo), BATCH_SIZE):  # one entity-model call per batch, as in one process
        idx = todo[k:k + BATCH_SIZE]
        for i, rec in zip(idx, analyze_many(pipe, [out[i] for i in idx], published)):
            out[i] = rec
    return out


def _options(stages=None, clean: bool = True, simplify: bool = True) -> tuple:
    return (("stages", tuple(stages) if stages is not None else None), ("clean", clean), ("simplify", simplify))


def extract_bag(bag, *, published: str | None = None, stages=None, clean: bool = True, simplify: bool = True):
    """A bag of records (``Article``) and ``InputError``s from a bag of articles, rows or JSON strings."""
    kw = _options(stages, clean, simplify)
    return bag.map_partitions(analyze_partition, published, kw)


def extract_dataframe(ddf, **kw):
    """``extract_bag`` over a Dask dataframe's rows (columns ``id``, ``text``, ...)."""
    return extract_bag(ddf.to_bag(format="dict"), **kw)


# --- inputs read on the workers ------------------------------------------------------------


def _jsonl_ranges(path: Path, size: int, part_bytes: int) -> list[tuple[int, int, int]]:
    """(offset, length, first line) byte ranges covering a JSON Lines file, each cut after a "\\n"
    (the client reads the file once, counting line ends; the workers read the ranges)."""
    from .read.stream import _line_ends

    out = []
    with open(path, "rb") as fh:
        start, line = 0, 1
        while start < size:
            chunk = fh.read(part_bytes)
            while chunk and start + len(chunk) < size and b"\n" not in chunk[-(1 << 16):]:
                more = fh.read(1 << 16)  # make sure the range can end at a line break
                if not more:
                    break
                chunk += more
            cut = chunk.rfind(b"\n") + 1 if start + len(chunk) < size else len(chunk)
            if cut == 0:
                cut = len(chunk)
            out.append((start, cut, line))
            line += _line_ends(chunk[:cut])
            start += cut
            fh.seek(start)
    return out


def input_specs(paths: Iterable[str], *, part_bytes: int = PARTITION_BYTES, part_files: int = PARTITION_FILES,
                summary: RunSummary | None = None, stdin=None, max_chars: int | None = None) -> list[tuple]:
    """What each partition reads, in input order: ("range", path, offset, length, first line, last),
    ("files", [paths]), or ("items", [...]) for what only the client can read (stdin, errors)."""
    from .read.inputs import DEFAULT_MAX_CHARS, JSONL_SUFFIXES, Skipped, iter_paths, read_stdin
    from .read.stream import STREAM_MIN, is_streamable

    specs: list[tuple] = []
    files: list[str] = []

    def flush():
        if files:
            specs.append(("files", list(files)))
            files.clear()

    for p in iter_paths(paths):
        if isinstance(p, Skipped):
            if summary is not None:
                summary.skipped.append(str(p))
            continue
        if isinstance(p, InputError):
            flush()
            specs.append(("items", [p]))
            continue
        if p == "-":
            flush()
            batch, size = [], 0
            for it in read_stdin(stdin, max_chars or DEFAULT_MAX_CHARS):
                batch.append(it)
                size += len(it.text) if isinstance(it, Article) else 0
                if size >= part_bytes // 3:
                    specs.append(("items", batch))
                    batch, size = [], 0
            if batch:
                specs.append(("items", batch))
            continue
        path = Path(p)
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                size = path.stat().st_size
                with open(path, "rb") as fh:
                    head = fh.read(min(size, STREAM_MIN))
            except OSError:
                files.append(str(path))  # the reader names the error
                continue
            if size > part_bytes and is_streamable(head):
                flush()
                ranges = _jsonl_ranges(path, size, part_bytes)
                for k, (off, length, line) in enumerate(ranges):
                    specs.append(("range", str(path), off, length, line, k == len(ranges) - 1))
                continue
        files.append(str(path))
        if len(files) >= part_files:
            flush()
    flush()
    return specs


def read_partition(spec: tuple, max_chars: int) -> list:
    """The items of one input partition (run on a worker)."""
    from .read import read
    from .read.inputs import _limit, _name
    from .read.stream import stream_jsonl

    kind = spec[0]
    if kind == "items":
        return list(spec[1])
    if kind == "files":
        return list(read(spec[1], max_chars=max_chars))
    _, path, offset, length, first_line, _last = spec
    with open(path, "rb") as fh:
        fh.seek(offset)
        data = fh.read(length)
    p = Path(path)
    items = stream_jsonl(lambda n: b"", data, _name(str(p)), _name(p.stem), "utf-8",
                         block=len(data) + 1, first_line=first_line)
    return [_limit(it, max_chars) for it in items]


def input_bag(paths: Iterable[str], *, max_chars: int | None = None, summary: RunSummary | None = None,
              stdin=None, **kw):
    """A Dask bag of the articles (and read errors) ``zhclaims extract`` would read from ``paths``."""
    import dask.bag as db
    from dask import delayed

    from .read.inputs import DEFAULT_MAX_CHARS

    mc = max_chars or DEFAULT_MAX_CHARS
    specs = input_specs(paths, summary=summary, stdin=stdin, max_chars=mc, **kw)
    return db.from_delayed([delayed(read_partition, pure=True)(s, mc) for s in specs])


# --- Parquet -------------------------------------------------------------------------------


def write_partition(items: list, tmp: str, index: int, include_text: bool = True) -> dict:
    """Write one partition's rows of the six tables; return its counts and its errors."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .outputs.tables import SCHEMAS, TABLES, article_rows

    rows: dict[str, list[dict]] = {name: [] for name in TABLES if name != "findings"}
    records, figures, claims = 0, 0, 0
    errors, warnings = [], []
    for it in items:
        if isinstance(it, InputError):
            errors.append(it)
        elif isinstance(it, InputWarning):
            warnings.append(it)
        else:
            records += 1
            figures += len(it.quantities)
            claims += len(it.claims)
            for name, got in article_rows(it, include_text).items():
                rows[name].extend(got)
    for name, got in rows.items():
        d = os.path.join(tmp, name)
        os.makedirs(d, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(got, schema=SCHEMAS[name]), os.path.join(d, f"part.{index:05d}.parquet"),
                       compression="zstd")
    return {"records": records, "figures": figures, "claims": claims, "errors": errors, "warnings": warnings}


def write_parquet(bag, path: str, *, include_text: bool = True, summary: RunSummary | None = None) -> RunSummary:
    """Compute ``bag`` (records and errors) partition by partition into ``path``, a folder with one
    Parquet dataset per table (``path/claims/part.00000.parquet`` ...); errors and counts go to
    the summary in input order. ``path`` appears only when every partition is written."""
    import dask
    from dask import delayed

    from .outputs.tables import _replace

    summary = summary if summary is not None else RunSummary()
    parent = os.path.dirname(os.path.abspath(path))
    tmp = tempfile.mkdtemp(prefix=".zhclaims-", suffix=".parquet", dir=parent)
    try:
        parts = bag.to_delayed()
        tasks = [delayed(write_partition, pure=False)(part, tmp, i, include_text) for i, part in enumerate(parts)]
        results = dask.compute(*tasks)
        for r in results:
            summary.records += r["records"]
            summary.add("figures", r["figures"])
            summary.add("claims", r["claims"])
            summary.errors.extend(r["errors"])
            if hasattr(summary, "warnings"):
                summary.warnings.extend(r["warnings"])
        os.chmod(tmp, 0o777 & ~_umask())
        _replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return summary


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def connect(address: str, workers: int | None = None):
    """A ``distributed.Client``: ``"local"`` starts a LocalCluster on this machine (``workers``
    processes, one thread each: the pipeline is pure Python, threads would share one core)."""
    from distributed import Client, LocalCluster

    if address == "local":
        from .parallel import default_jobs

        cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        client._zhclaims_cluster = cluster  # closed with the client by extract_to_parquet
        return client
    try:
        return Client(address, timeout="20s")
    except OSError as exc:
        raise UsageError("E108", detail=f"{address} ({exc})") from exc


def extract_to_parquet(paths: Iterable[str], output: str, address: str, *, published: str | None = None,
                       summary: RunSummary | None = None, include_text: bool = True, workers: int | None = None,
                       max_chars: int | None = None, stdin=None) -> RunSummary:
    """``zhclaims extract PATHS --dask ADDRESS -o OUTPUT.parquet``."""
    if not str(output).lower().endswith(".parquet"):
        raise UsageError("E107", detail=str(output))
    summary = summary if summary is not None else RunSummary()
    client = connect(address, workers)
    try:
        with client.as_current():
            bag = extract_bag(input_bag(paths, max_chars=max_chars, summary=summary, stdin=stdin), published=published)
            write_parquet(bag, output, include_text=include_text, summary=summary)
    finally:
        cluster = getattr(client, "_zhclaims_cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()
    return summary
