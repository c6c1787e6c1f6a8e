#!/usr/bin/env python
"""Rebuild the place gazetteers of the entities stage from JioNLP's dictionaries (Apache-2.0).

    pip download --no-deps jionlp==1.5.31 -d /tmp/pkgs
    python scripts/build_gazetteers.py --jionlp /tmp/pkgs/jionlp-1.5.31-py2.py3-none-any.whl

Reads ``jionlp/dictionary/world_location.txt`` (continents, countries with full names, capitals,
major cities) and ``jionlp/dictionary/china_location.zip`` (provinces, prefecture cities and
counties with their short forms; towns and villages are left out) straight from the wheel (a zip),
and writes ``src/zhclaims/entities/data/places_world.tsv`` and ``places_cn.tsv``:
``surface <TAB> canonical <TAB> kind``. Attribution is in ``src/zhclaims/entities/data/NOTICE``.

A county's short form (和平区 -> 和平) is kept only when jieba's dictionary does not know it as
an ordinary word (a word jieba tags other than ns), so 和平, 平安, 城关 ... do not become places.
"""
from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/zhclaims/entities/data"
CONTINENTS = {"大洋州": "大洋洲"}
HEADER = "# {what}, derived from JioNLP {version} (Apache-2.0), see NOTICE; rebuilt by scripts/build_gazetteers.py\n# surface\tcanonical\tkind\n"


def jieba_tags() -> dict[str, str]:
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    tags = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            tags[parts[0]] = parts[2]
    return tags


def world_rows(text: str):
    rows = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.endswith(":"):
            name = line[:-1].strip()
            rows.append((CONTINENTS.get(name, name), CONTINENTS.get(name, name), "continent"))
            if name in CONTINENTS:
                rows.append((name, CONTINENTS[name], "continent"))
            continue
        cols = line.split("\t")
        country = cols[0].strip()
        rows.append((country, country, "country"))
        if len(cols) > 1 and cols[1].strip() and cols[1].strip() != country:
            rows.append((cols[1].strip(), country, "country"))
        for col in cols[2:4]:
            for city in col.split("/"):
                city = city.strip()
                if city and city != country:
                    rows.append((city, city, "city"))
    return rows


def china_rows(text: str, tags: dict[str, str]):
    rows = []
    kinds = {0: "province", 1: "city", 2: "county"}
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        if depth not in kinds:
            continue
        cols = line.strip().split("\t")
        full = cols[0]
        short = cols[2] if len(cols) > 2 and cols[2] else full
        kind = kinds[depth]
        if full in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        short_ok = len(short) >= 2 and (kind != "county" or tags.get(short, "ns") in ("ns", "nrt"))
        canonical = short if short_ok else full
        rows.append((full, canonical, kind))
        if short_ok and short != full:
            rows.append((short, canonical, kind))
    return rows


def dedupe(rows):
    seen, out = set(), []
    for r in rows:
        if r[0] not in seen:  # the first (higher-level) reading of a surface wins
            seen.add(r[0])
            out.append(r)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jionlp", required=True, type=Path, help="the jionlp wheel (.whl)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    version = args.jionlp.name.split("-")[1] if args.jionlp.name.count("-") >= 2 else "?"
    with zipfile.ZipFile(args.jionlp) as whl:
        world = whl.read("jionlp/dictionary/world_location.txt").decode("utf-8")
        with zipfile.ZipFile(io.BytesIO(whl.read("jionlp/dictionary/china_location.zip"))) as inner:
            china = inner.read("china_location.txt").decode("utf-8")
    tags = jieba_tags()
    # provinces and cities first so that a county of the same name does not take the surface
    cn = china_rows(china, tags)
    cn.sort(key=lambda r: {"province": 0, "city": 1, "county": 2}[r[2]])
    for name, rows, what in (("places_world.tsv", dedupe(world_rows(world)), "Continents, countries, capitals and major cities"),
                             ("places_cn.tsv", dedupe(cn), "Chinese provinces, prefecture cities and counties")):
        body = "".join("\t".join(r) + "\n" for r in rows)
        (args.out / name).write_text(HEADER.format(what=what, version=version) + body, encoding="utf-8")
        print(f"build_gazetteers: {name}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
