"""The entities stage's gazetteers: places and organisations as data, one Aho-Corasick automaton.

Files (in ``entities/data/``), all ``surface <TAB> canonical <TAB> kind [<TAB> ambiguous]``:

- ``places_world.tsv``  continents, countries (with full names), capitals, major cities (JioNLP)
- ``places_cn.tsv``     Chinese provinces, prefecture cities, counties with short forms (JioNLP)
- ``places_extra.tsv``  world regions, Chinese macro-regions, rivers, seas, mountains, more cities
- ``orgs.tsv``          government bodies, international organisations, media, universities,
                        companies and brands; ``ambiguous`` 1 marks a surface that is also an
                        ordinary word (理想, 长城, 苹果): the stage accepts it only in context.
- ``needs_context.tsv`` more such surfaces, of any file (新建, 中欧, 日产): listed apart because
                        the place files are rebuilt by ``scripts/build_gazetteers.py``.

The same names go into the jieba user dictionary (``jieba_words``) so they are not split.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import load_tsv, load_yaml
from ..errors import DataFileError

PLACE_FILES = ("places_world.tsv", "places_cn.tsv", "places_extra.tsv")
ORG_FILE = "orgs.tsv"
CONTEXT_FILE = "needs_context.tsv"
PLACE_KINDS = {"continent", "country", "city", "province", "county", "region", "water", "mountain", "landmark"}
ORG_KINDS = {"government", "party", "international", "media", "university", "company"}


@dataclass(frozen=True, slots=True)
class Entry:
    surface: str
    canonical: str
    label: str  # GPE | ORG
    kind: str
    ambiguous: bool = False


def _rows(name: str, kinds: set[str], label: str) -> list[Entry]:
    out = []
    for row in load_tsv("entities", name):
        if len(row) < 3 or not row[0] or not row[1] or row[2] not in kinds:
            raise DataFileError("E201", detail=f"entities/data/{name}: bad row {row!r}")
        amb = len(row) > 3 and row[3] == "1"
        out.append(Entry(row[0], row[1], label, row[2], amb))
    return out


@lru_cache(maxsize=1)
def needs_context() -> frozenset[str]:
    """Surfaces that are also ordinary words (``needs_context.tsv``): accepted only in context."""
    out = set()
    for row in load_tsv("entities", CONTEXT_FILE):
        if not row or not row[0]:
            raise DataFileError("E201", detail=f"entities/data/{CONTEXT_FILE}: bad row {row!r}")
        out.add(row[0])
    return frozenset(out)


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """surface -> Entry. Organisations win over places on the same surface; earlier files win."""
    table: dict[str, Entry] = {}
    for e in _rows(ORG_FILE, ORG_KINDS, "ORG"):
        table.setdefault(e.surface, e)
    for name in PLACE_FILES:
        for e in _rows(name, PLACE_KINDS, "GPE"):
            table.setdefault(e.surface, e)
    for surface in needs_context():
        e = table.get(surface)
        if e is not None and not e.ambiguous:
            table[surface] = Entry(e.surface, e.canonical, e.label, e.kind, True)
    return table


@lru_cache(maxsize=1)
def automaton():
    """An Aho-Corasick automaton over every surface, in its UTF-8 bytes read as Latin-1 (values:
    ``(length in characters, whether ASCII, the Entry)``).

    pyahocorasick looks a node's next character up by a linear search over its children: over
    characters, the root has ~1,100 (every first character of a name) and nearly every character of
    an article pays for that search. Over UTF-8 bytes a node has a few dozen children at most, and
    the search is ~4x faster. UTF-8 synchronizes itself, so a name's bytes found in a text's bytes
    always start and end on characters: the same hits, in the same order (``iter_hits``)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for surface, e in entries().items():
        auto.add_word(byte_key(surface), (len(surface), surface.isascii(), e))
    auto.make_automaton()
    return auto


def byte_key(text: str) -> str:
    """``text``'s UTF-8 bytes as a str of one character per byte: how a word goes into an
    automaton that ``iter_hits`` searches."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def iter_hits(auto, norm: str, start: int, end: int):
    """``(end, value)`` for every hit of ``auto`` (words added with ``byte_key``) inside
    ``norm[start:end]``, ``end`` a character offset into ``norm``: the hits, in the order,
    ``auto.iter`` gives over the characters."""
    if end <= start:
        return
    raw = norm[start:end].encode("utf-8", "surrogatepass")
    at_byte, at_char = 0, start  # hits come in order of their ends: count characters on from the last one
    for last, value in auto.iter(raw.decode("latin-1")):
        if last >= at_byte:
            at_char += len(raw[at_byte:last + 1].decode("utf-8", "surrogatepass"))
            at_byte = last + 1
        yield at_char, value


def find(norm: str, start: int, end: int) -> list[tuple[int, int, Entry]]:
    """All gazetteer hits inside ``norm[start:end]`` (overlapping; the stage resolves overlaps).

    A hit made of ASCII letters must not continue a longer Latin word (BYD in BYDX is no hit).
    """
    out: list[tuple[int, int, Entry]] = []
    n = len(norm)
    for stop, (size, ascii_, e) in iter_hits(automaton(), norm, start, end):
        s = stop - size
        if ascii_ and ((s > 0 and norm[s - 1].isascii() and norm[s - 1].isalnum()) or (
                stop < n and norm[stop].isascii() and norm[stop].isalnum())):
            continue
        out.append((s, stop, e))
    return out


@lru_cache(maxsize=1)
def rules() -> dict:
    return load_yaml("entities", "rules.yaml")


def jieba_words():
    """(word, freq, tag) for the jieba user dictionary: every unambiguous gazetteer name of 2+ chars."""
    for surface, e in entries().items():
        if e.ambiguous or len(surface) < 2 or surface.isascii():
            continue
        yield surface, None, "nt" if e.label == "ORG" else "ns"
