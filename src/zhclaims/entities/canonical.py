"""One canonical name per entity within an article, and references to entities.

Rules (tables in ``data/rules.yaml`` under ``canonical``):

- an organisation's legal-form suffix is dropped (Stellantis集团 -> Stellantis);
- an organisation's short form, its name less an industry word (零跑汽车 -> 零跑), is searched in
  the article, and its mentions get the full name; a short form followed by a continuation word
  (零跑国际) is an organisation of its own;
- a short organisation name that is a prefix of a longer one in the same article, the rest being an
  industry word, maps to the longer one;
- places take their gazetteer name (浙江省 -> 浙江; 中华人民共和国 -> 中国; 我国 -> 中国).

``main_organization`` and ``resolve_reference`` serve the claims stage (subjects).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..model import Article
from .gazetteers import entries, rules


@lru_cache(maxsize=1)
def _tables():
    c = rules()["canonical"]
    refs = rules()["references"]
    return {
        "strip": sorted(c["strip_suffixes"], key=len, reverse=True),
        "industry": sorted(c["industry_suffixes"], key=len, reverse=True),
        "place": sorted(c["place_suffixes"], key=len, reverse=True),
        "continuations": sorted(rules()["org_continuations"], key=len, reverse=True),
        "country": dict(refs["country"]),
        "main_org": set(refs["main_org"]),
    }


def org_name(surface: str) -> str:
    """An organisation's name without its legal-form suffix (Stellantis集团 -> Stellantis)."""
    surface = surface.strip()
    for suf in _tables()["strip"]:
        if surface.endswith(suf) and len(surface) - len(suf) >= 2:
            return surface[: -len(suf)].strip()
    return surface


def place_name(surface: str) -> str:
    """A place's gazetteer name (浙江省 -> 浙江), or the surface when the gazetteer lacks it."""
    table = entries()
    e = table.get(surface)
    if e is not None and e.label == "GPE":
        return e.canonical
    for suf in _tables()["place"]:
        if surface.endswith(suf) and len(surface) > len(suf) + 1:
            e = table.get(surface[: -len(suf)])
            if e is not None and e.label == "GPE":
                return e.canonical
    return surface


def short_form(name: str) -> str | None:
    """The short form of an organisation name: less an industry word (零跑汽车 -> 零跑)."""
    for suf in _tables()["industry"]:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return None


def continuations() -> list[str]:
    return _tables()["continuations"]


def merge_prefixes(names: Counter) -> dict[str, str]:
    """short ORG name -> longer ORG name in the same article it abbreviates (零跑 -> 零跑汽车)."""
    out: dict[str, str] = {}
    longer = sorted(names, key=len, reverse=True)
    for short in names:
        best = None
        for full in longer:
            if len(full) <= len(short) or not full.startswith(short):
                continue
            if full[len(short):] in _tables()["industry"]:
                if best is None or names[full] > names[best]:
                    best = full
        if best:
            out[short] = best
    return out


def main_organization(article: Article) -> str | None:
    """The canonical name of the organisation the article mentions most (first mention breaks ties)."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for e in article.entities:
        if e.label == "ORG":
            counts[e.name] += 1
            first.setdefault(e.name, e.start)
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first[n]))


def resolve_reference(surface: str, article: Article) -> str | None:
    """The canonical name a reference stands for, in this article.

    我国/国内/全国/中方 -> 中国; 公司/该公司/品牌/该品牌/企业 ... -> the main organisation; a surface
    that is one of the article's entity mentions -> that entity's name; else None.
    """
    t = _tables()
    s = surface.strip()
    if s in t["country"]:
        return t["country"][s]
    if s in t["main_org"]:
        return main_organization(article)
    for e in article.entities:
        if e.text == s:
            return e.name
    return None
