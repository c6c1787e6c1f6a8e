"""JSON Lines: one article record a line, to stdout or to a file written atomically."""
from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager


@contextmanager
def atomic_path(path: str):
    """Yield a temporary path beside ``path``; on success rename it over ``path``, else remove it."""
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".zhclaims-", suffix=os.path.splitext(path)[1], dir=d)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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
                with open(path, "rb") as src:
                    for line in src:
                        self._fh.write(line if line.endswith(b"\n") else line + b"\n")

    def write(self, article) -> None:
        self._fh.write(article.to_json(self.include_text))
        self._fh.write(b"\n")
        self.count += 1

    def write_finding(self, finding) -> None:
        """A finding, one JSON object a line (what ``zhclaims check`` writes)."""
        self.write_raw(finding.to_json())
        self.findings += 1

    def write_raw(self, obj_json: bytes) -> None:
        self._fh.write(obj_json)
        self._fh.write(b"\n")

    def close(self) -> None:
        """Finish: the output appears whole, or (stdout) is flushed."""
        self._fh.flush()
        if self._tmp is not None:
            self._fh.close()
            os.replace(self._tmp, self.path)
            self._tmp = None

    def abort(self) -> None:
        """Stop without replacing the target (Ctrl-C before close keeps the previous output)."""
        if self._tmp is not None:
            self._fh.close()
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)
            self._tmp = None
