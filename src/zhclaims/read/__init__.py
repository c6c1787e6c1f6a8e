"""Reading inputs: files, directories, stdin; formats and encodings; the run summary."""
from .inputs import read, read_file, read_stdin
from .published import parse_published
from .summary import RunSummary

__all__ = ["read", "read_file", "read_stdin", "parse_published", "RunSummary"]
