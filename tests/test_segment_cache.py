"""The jieba dictionary cache: loading it gives exactly the dictionary building gives."""
import os
import subprocess
import sys
from pathlib import Path

import zhclaims.entities  # noqa: F401 - registers the gazetteer words, as in a run
from zhclaims.text import segment
from zhclaims.text.segment import Segmenter

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _state(seg):
    tk = seg.tk
    return list(tk.FREQ.items()), tk.total, dict(tk.user_word_tag_tab), tk.initialized


def test_cache_gives_the_built_dictionary(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHCLAIMS_CACHE_DIR", str(tmp_path))
    built = Segmenter(cache=False)
    first = Segmenter()  # builds, writes the cache
    files = [p for p in os.listdir(tmp_path) if p.endswith(".marshal")]
    assert len(files) == 1
    second = Segmenter()  # loads it
    assert _state(first) == _state(built)
    assert _state(second) == _state(built)
    text = "零跑汽车创始人朱江明表示，宁德时代在马来西亚建厂"
    assert second.cut(text) == built.cut(text)
    assert "零跑汽车" in second.cut(text)


def test_other_words_other_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHCLAIMS_CACHE_DIR", str(tmp_path))
    import jieba

    a = segment._cache_file(jieba, [("零跑汽车", None, "nt")])
    b = segment._cache_file(jieba, [("零跑汽车", 5, "nt")])
    c = segment._cache_file(jieba, [("零跑汽车", None, "nt"), ("宁德时代", None, None)])
    assert len({a, b, c}) == 3
    assert os.path.dirname(a) == str(tmp_path)


def test_broken_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHCLAIMS_CACHE_DIR", str(tmp_path))
    Segmenter()
    (path,) = [tmp_path / p for p in os.listdir(tmp_path) if p.endswith(".marshal")]
    path.write_bytes(b"\x00not marshal")
    seg = Segmenter()
    assert _state(seg) == _state(Segmenter(cache=False))
    assert path.stat().st_size > 1000  # written again, whole


def test_unwritable_cache_dir_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ZHCLAIMS_CACHE_DIR", str(blocker / "sub"))  # cannot be created
    seg = Segmenter()
    assert "零跑汽车" in seg.cut("零跑汽车创始人朱江明")


def test_empty_cache_dir_turns_caching_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHCLAIMS_CACHE_DIR", "")
    import jieba

    assert segment._cache_file(jieba, []) is None


def test_jieba_imported_without_pkg_resources():
    code = ("import sys; from zhclaims.text.segment import get_segmenter; get_segmenter(); "
            "assert 'jieba' in sys.modules; print('pkg_resources' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": SRC})
    assert out.stdout.strip() == "False"


def test_only_the_newest_dictionaries_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHCLAIMS_CACHE_DIR", str(tmp_path))
    for i in range(6):
        old = tmp_path / f"jieba-old{i}.marshal"
        old.write_bytes(b"x")
        os.utime(old, (1000 + i, 1000 + i))
    (tmp_path / "other.txt").write_text("not ours")
    Segmenter()
    left = sorted(p for p in os.listdir(tmp_path) if p.endswith(".marshal"))
    assert len(left) == segment.CACHE_KEEP
    assert "jieba-old5.marshal" in left and "jieba-old0.marshal" not in left
    assert (tmp_path / "other.txt").exists()
