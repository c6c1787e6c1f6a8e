"""JSON Lines: one article record a line, to stdout or to a file written atomically."""
from __future__ import annotations

import functools
import os
import sys
import tempfile
from contextlib import contextmanager


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def publish_mode(tmp: str) -> None:
    """Give a temporary output the mode a newly created file (or folder) would have: mkstemp and
    mkdtemp make them private to the owner, the renamed output should not be."""
    full = 0o777 if os.path.isdir(tmp) else 0o666
    try:
        os.chmod(tmp, full & ~_umask())
    except OSError:
        pass


@contextmanager
def atomic_path(path: str):
    """Yield a temporary path beside ``path``; on success rename it over ``path``, else remove it."""
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".zhclaims-", suffix=os.path.splitext(path)[1], dir=d)
    os.close(fd)
    try:
        yield tmp
        publish_mode(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def record_line(article, include_text: bool = True) -> bytes:
    """An article record as one JSON Lines line (what ``JsonlWriter.write`` writes)."""
    return article.to_json(include_text) + b"\n"


class JsonlWriter:
    def __init__(self, path: str | None, include_text: bool = True, append: bool = False) -> None:
        self.path = path
        self.include_text = include_text
        self.count = 0
        self.findings = 0
        if path is None:
            self._fh = sys.stdout.buffer
            self._tmp = None
        else:
            d = os.path.dirname(os.path.abspath(path))
            fd, self._tmp = tempfile.mkstemp(prefix=".zhclaims-", suffix=".jsonl", dir=d)
            self._fh = os.fdopen(fd, "wb")
            if append and os.path.exists(path):
                try:
                    self._copy_existing(path)
                except BaseException:  # Ctrl-C or a read error while copying: leave no temporary
                    self.abort()
                    raise

    # ids of the records an appended-to output already holds (``--resume`` skips them)
    existing_ids: frozenset = frozenset()
    existing_counts: dict = {}  # id -> how many records with it (inputs may share an id)
    dropped_lines: int = 0  # lines of that output that were not whole records (left out)

    def _copy_existing(self, path: str) -> None:
        """Copy the records ``path`` holds, line by line; a line that is not a whole JSON object
        (a run killed mid-write by another program) is left out and counted, so the output stays
        valid JSON Lines."""
        import orjson

        from collections import Counter

        ids: Counter = Counter()
        with open(path, "rb") as src:
            for line in src:
                if not line.strip():
                    continue
                try:
                    rec = orjson.loads(line)
                except orjson.JSONDecodeError:
                    self.dropped_lines += 1
                    continue
                if not isinstance(rec, dict) or "id" not in rec:
                    self.dropped_lines += 1
                    continue
                ids[str(rec["id"])] += 1
                self._fh.write(line if line.endswith(b"\n") else line + b"\n")
        self.existing_ids = frozenset(ids)
        self.existing_counts = dict(ids)

    def write(self, article) -> None:
        # one write call a record: an interrupt comes between records, never inside a line
        self._fh.write(article.to_json(self.include_text) + b"\n")
        self.count += 1

    @property
    def encoder(self):
        """``encode(article) -> bytes``, the line ``write`` would write: picklable, so worker
        processes can serialize records (``run.process(encode=...)``); pass its results to
        ``write_line``."""
        return functools.partial(record_line, include_text=self.include_text)

    def write_line(self, line: bytes) -> None:
        """Write a record ``encoder`` made (one record, ending in a line break)."""
        self._fh.write(line)
        self.count += 1

    def write_finding(self, finding) -> None:
        """A finding, one JSON object a line (what ``zhclaims check`` writes)."""
        self.write_raw(finding.to_json())
        self.findings += 1

    def write_raw(self, obj_json: bytes) -> None:
        self._fh.write(obj_json + b"\n")

    def close(self) -> None:
        """Finish: the output appears whole, or (stdout) is flushed."""
        self._fh.flush()
        if self._tmp is not None:
            self._fh.close()
            publish_mode(self._tmp)
            os.replace(self._tmp, self.path)
            self._tmp = None

    def abort(self) -> None:
        """Stop without replacing the target (Ctrl-C before close keeps the previous output)."""
        if self._tmp is not None:
            self._fh.close()
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)
            self._tmp = None
