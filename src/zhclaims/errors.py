"""All of zhclaims' errors in one place, each with a code and a one-line message (spaCy's way).

Input problems never raise out of a run: the reader turns them into ``InputError`` records that
the run summary lists (file, JSON Lines line, code, reason). Raising is for programming errors and
for the library API when a caller passes something unusable.
"""
from __future__ import annotations

from dataclasses import dataclass


class Errors:
    # reading: E0xx
    E001 = "file not found"
    E002 = "not a readable file (permission or I/O error): {detail}"
    E003 = "empty input: no text after decoding"
    E004 = "binary content, not text (looks like {detail})"
    E005 = "could not decode: no known text encoding fits ({detail})"
    E006 = "malformed JSON Lines row: {detail}"
    E007 = "JSON Lines row has no text: expected a non-empty 'text' or 'content' string"
    E008 = "JSON Lines row is not an object"
    E009 = "HTML page holds no extractable article text"
    E010 = "input too large: {size} characters, the limit is {limit}"
    E011 = "unsupported format '{detail}': expected .txt, .html, .htm or .jsonl"
    E012 = "could not read standard input: {detail}"
    E013 = "unparseable publication time '{detail}' (kept the article, published left null)"
    E014 = "could not read this input: {detail}"
    # reading, kept with a warning: W0xx (the record is written, the summary names the input)
    W001 = "cut short: the last {detail} byte(s) do not form a whole character and were left out"
    W002 = "{detail} escaped lone surrogate(s) (half of an emoji?) replaced by U+FFFD"
    W003 = "id '{detail}' is also the id of an earlier input: their records share it"
    # usage: E1xx
    E101 = "invalid --published value '{detail}': expected ISO 8601 such as 2026-01-16 or 2026-01-16T05:51:00"
    E102 = "no inputs given"
    E103 = "unknown output format '{detail}': expected .jsonl, .parquet, .duckdb, .csv or .html"
    E104 = "cannot write output '{detail}'"
    E105 = "invalid --jobs value '{detail}': expected 0 (one per CPU) or a positive number"
    E106 = "--resume needs an existing or new JSON Lines output (-o FILE.jsonl), not '{detail}'"
    E107 = "--dask writes Parquet: give -o OUT.parquet (a folder with one dataset per table), not '{detail}'"
    E108 = "cannot reach the Dask scheduler at {detail}"
    E109 = "unknown stage(s) '{detail}': expected times, quantities, entities, claims"
    # analysis: E9xx
    E900 = "analysis failed: {detail}"
    # data files: E2xx
    E201 = "data file {detail} is invalid"


class ZhclaimsError(Exception):
    """Base of the errors zhclaims raises on purpose."""

    def __init__(self, code: str, **kw):
        self.code = code
        self.message = getattr(Errors, code).format(**kw)
        super().__init__(f"[{code}] {self.message}")


class UsageError(ZhclaimsError):
    pass


class DataFileError(ZhclaimsError):
    pass


@dataclass(slots=True)
class InputError:
    """A named failure for one input: a file, or one line of a JSON Lines file."""

    origin: str  # path, "<stdin>"
    line: int | None
    code: str
    reason: str

    @classmethod
    def make(cls, origin: str, code: str, line: int | None = None, **kw) -> "InputError":
        return cls(origin, line, code, getattr(Errors, code).format(**kw))

    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line is not None else self.origin

    def to_dict(self) -> dict:
        return {"origin": self.origin, "line": self.line, "code": self.code, "reason": self.reason}

    def __str__(self) -> str:
        return f"{self.where()}: [{self.code}] {self.reason}"


@dataclass(slots=True)
class InputWarning:
    """A named repair of one input that was still read (e.g. a file cut mid-character): the
    reader yields it just before the article it concerns; the run summary lists it."""

    origin: str
    line: int | None
    code: str
    reason: str

    make = classmethod(InputError.make.__func__)
    where = InputError.where
    to_dict = InputError.to_dict
    __str__ = InputError.__str__
