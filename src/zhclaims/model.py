"""The article record and its JSON form.

Field names follow ../shared/schema/README.md, which is a contract: evaluation reads them.
Every record that points into the article carries ``start``/``end``, half-open offsets into
``Article.text``, with ``text[start:end] == surface``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson


@dataclass(slots=True)
class Span:
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Entity:
    text: str
    start: int
    end: int
    label: str
    name: str
    source: str = "rule"  # rule | gazetteer | model: which layer found it

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "name": self.name,
            "source": self.source,
        }


@dataclass(slots=True)
class Interval:
    start: str  # ISO datetime
    end: str  # ISO datetime, exclusive

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Time:
    text: str
    start: int
    end: int
    kind: str  # date | range | duration | set | time
    grain: str | None
    interval: Interval | None = None
    duration: str | None = None
    anchored: bool = False
    mod: str | None = None  # since | until | before | after | approx: hedges on a time

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "grain": self.grain,
            "interval": self.interval.to_dict() if self.interval else None,
            "duration": self.duration,
            "anchored": self.anchored,
            "mod": self.mod,
        }


@dataclass(slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float | int | None
    lower: float | int | None = None
    upper: float | int | None = None
    unit: str | None = None
    currency: str | None = None
    qualifier: str = "eq"  # eq | approx | gt | ge | lt | le | range
    precision: float | None = None  # half the last written digit's place, times the multiplier

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "lower": self.lower,
            "upper": self.upper,
            "unit": self.unit,
            "currency": self.currency,
            "qualifier": self.qualifier,
            "precision": self.precision,
        }


@dataclass(slots=True)
class Ref:
    """A piece of the article a claim points at: subject {name,text,..} or metric {key,text,..}."""

    key: str  # the canonical name (subject) or metric key (metric)
    text: str | None
    start: int | None
    end: int | None


@dataclass(slots=True)
class Claim:
    quantity: int
    subject: Ref | None = None
    metric: Ref | None = None
    period: int | Interval | None = None  # index into times, or an inherited interval
    period_text: str | None = None
    comparison: str | None = None
    direction: str | None = None
    modality: str | None = "actual"
    sentence: Span | None = None

    def to_dict(self) -> dict:
        if isinstance(self.period, Interval):
            period: Any = {"text": None, "interval": self.period.to_dict()}
        else:
            period = self.period
        return {
            "quantity": self.quantity,
            "subject": None
            if self.subject is None
            else {"name": self.subject.key, "text": self.subject.text, "start": self.subject.start, "end": self.subject.end},
            "metric": None
            if self.metric is None
            else {"key": self.metric.key, "text": self.metric.text, "start": self.metric.start, "end": self.metric.end},
            "period": period,
            "comparison": self.comparison,
            "direction": self.direction,
            "modality": self.modality,
            "sentence": self.sentence.to_dict() if self.sentence else None,
        }


@dataclass(slots=True)
class FigureRef:
    article: str
    quantity: int
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"article": self.article, "quantity": self.quantity, "text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Finding:
    kind: str  # arithmetic | cross_source
    relation: str  # growth | sum | average | same_figure | revision | related ...
    verdict: str  # consistent | inconsistent | unverifiable
    claims: list[FigureRef]
    expected: float | None
    stated: float | None
    explanation: str
    expected_interval: tuple[float, float] | None = None
    stated_interval: tuple[float, float] | None = None
    miss: float | None = None  # how far the intervals are apart, in the stated unit
    evidence: list[dict] = field(default_factory=list)  # sentences: {article,start,end,text}
    arithmetic: str | None = None

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "relation": self.relation,
            "verdict": self.verdict,
            "claims": [c.to_dict() for c in self.claims],
            "expected": self.expected,
            "stated": self.stated,
            "explanation": self.explanation,
            "expected_interval": list(self.expected_interval) if self.expected_interval else None,
            "stated_interval": list(self.stated_interval) if self.stated_interval else None,
            "miss": self.miss,
            "arithmetic": self.arithmetic,
            "evidence": self.evidence,
        }

    def to_json(self) -> bytes:
        return orjson.dumps(self.to_dict())


@dataclass(slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    published: str | None = None
    published_from: str | None = None  # metadata | text | option | inferred | None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # where it was read: path, or path:line for JSON Lines
    encoding: str | None = None
    body: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self, include_text: bool = True) -> dict:
        d: dict[str, Any] = {"id": self.id}
        if include_text:
            d["text"] = self.text
        d.update(
            title=self.title,
            published=self.published,
            published_from=self.published_from,
            source=self.source,
            url=self.url,
            origin=self.origin,
            encoding=self.encoding,
            body=[s.to_dict() for s in self.body],
            entities=[e.to_dict() for e in self.entities],
            times=[t.to_dict() for t in self.times],
            quantities=[q.to_dict() for q in self.quantities],
            claims=[c.to_dict() for c in self.claims],
        )
        return d

    def to_json(self, include_text: bool = True) -> bytes:
        return orjson.dumps(self.to_dict(include_text))

    @classmethod
    def from_dict(cls, d: dict) -> "Article":
        """Rebuild a record that ``to_dict`` wrote (``check`` reads what ``extract`` wrote)."""

        def interval(x):
            return Interval(x["start"], x["end"]) if x else None

        def ref(x, key):
            return None if x is None else Ref(x[key], x.get("text"), x.get("start"), x.get("end"))

        claims = []
        for c in d.get("claims") or []:
            p = c.get("period")
            period = interval(p.get("interval")) if isinstance(p, dict) else p
            s = c.get("sentence")
            claims.append(
                Claim(
                    quantity=c["quantity"],
                    subject=ref(c.get("subject"), "name"),
                    metric=ref(c.get("metric"), "key"),
                    period=period,
                    comparison=c.get("comparison"),
                    direction=c.get("direction"),
                    modality=c.get("modality"),
                    sentence=Span(s["start"], s["end"]) if s else None,
                )
            )
        return cls(
            id=d["id"],
            text=d.get("text") or "",
            title=d.get("title"),
            published=d.get("published"),
            published_from=d.get("published_from"),
            source=d.get("source"),
            url=d.get("url"),
            origin=d.get("origin"),
            encoding=d.get("encoding"),
            body=[Span(**s) for s in d.get("body") or []],
            entities=[Entity(**e) for e in d.get("entities") or []],
            times=[
                Time(
                    text=t["text"], start=t["start"], end=t["end"], kind=t["kind"], grain=t.get("grain"),
                    interval=interval(t.get("interval")), duration=t.get("duration"),
                    anchored=bool(t.get("anchored")), mod=t.get("mod"),
                )
                for t in d.get("times") or []
            ],
            quantities=[Quantity(**q) for q in d.get("quantities") or []],
            claims=claims,
        )
