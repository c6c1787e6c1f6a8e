"""The run summary: inputs = records + errors, every error named with where and why."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError, InputWarning


@dataclass
class RunSummary:
    records: int = 0
    errors: list[InputError] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)  # inputs kept after a repair
    skipped: list[str] = field(default_factory=list)
    resumed: int = 0  # records already in the output (--resume)
    interrupted: bool = False  # the run stopped early (Ctrl-C); the records so far were written
    counts: dict[str, int] = field(default_factory=dict)  # figures, claims, findings ...

    @property
    def inputs(self) -> int:
        return self.records + len(self.errors) + self.resumed

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def exit_status(self) -> int:
        return 1 if self.errors else 0

    def lines(self) -> list[str]:
        head = f"zhclaims: {self.inputs} inputs = {self.records} records + {len(self.errors)} errors"
        if self.resumed:
            head += f" + {self.resumed} already in the output (resumed)"
        out = [head]
        if self.interrupted:
            out.append("  interrupted: the records done so far are written whole; run again with --resume to go on")
        if self.counts:
            out.append("  " + ", ".join(f"{k}: {v}" for k, v in self.counts.items()))
        for e in self.errors:
            out.append(f"  error {e}")
        for w in self.warnings:
            out.append(f"  warning {w}")
        for s in self.skipped:
            out.append(f"  skipped {s}")
        return out

    def to_dict(self) -> dict:
        return {
            "inputs": self.inputs,
            "records": self.records,
            "errors": [e.to_dict() for e in self.errors],
            "skipped": self.skipped,
            "resumed": self.resumed,
            "warnings": [w.to_dict() for w in self.warnings],
            "interrupted": self.interrupted,
            "counts": self.counts,
        }
