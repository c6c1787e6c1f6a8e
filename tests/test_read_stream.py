"""Large JSON Lines inputs are read in blocks: the same items as reading them whole."""
import importlib
import io
import json

import pytest

from zhclaims.read import read

# (zhclaims.read is also the name of a function, so the modules are fetched by name)
inputs = importlib.import_module("zhclaims.read.inputs")
stream = importlib.import_module("zhclaims.read.stream")


def rows_bytes():
    rows = []
    for i in range(40):
        text = f"第{i}篇文章。销量增长{i}%，\u2028达到{i}万辆。" + "长" * (i * 7)
        rows.append(json.dumps({"id": f"r{i}", "text": text}, ensure_ascii=(i % 2 == 0)))
    rows[5] = "{broken"
    rows[9] = '{"id": "empty", "text": ""}'
    rows[12] = "   "
    ends = ["\n", "\r\n", "\r"]
    return "".join(r + ends[i % 3] for i, r in enumerate(rows)).encode("utf-8")


def as_dicts(items):
    # warnings (a cut last character) are named for the whole file and may come at another
    # place in the stream than in a whole read: compared apart, without order
    items = [(type(x).__name__, x.to_dict()) for x in items]
    return [x for x in items if x[0] != "InputWarning"], sorted(str(x) for x in items if x[0] == "InputWarning")


class Pieces:
    n = 0


def small(monkeypatch):
    # stream anything over 300 bytes, in blocks of 50: cuts fall everywhere; count the pieces
    monkeypatch.setattr(inputs, "STREAM_MIN", 300)
    monkeypatch.setattr(stream, "BLOCK", 50)
    piece = stream._piece
    Pieces.n = 0

    def counted(*a, **kw):
        Pieces.n += 1
        return piece(*a, **kw)

    monkeypatch.setattr(stream, "_piece", counted)


@pytest.fixture
def small_blocks(monkeypatch):
    small(monkeypatch)


@pytest.mark.parametrize("tail", [b"", b'{"id": "cut", "text": "\xe6\x9c\x80\xe5'])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_streamed_file_gives_the_same_items(tmp_path, monkeypatch, tail, bom):
    data = bom + rows_bytes() + tail
    f = tmp_path / "big.jsonl"
    f.write_bytes(data)
    whole = as_dicts(read([str(f)]))
    small(monkeypatch)
    streamed = as_dicts(read([str(f)]))
    assert Pieces.n > 20  # it was streamed
    assert streamed == whole
    assert sum(1 for k, _ in whole[0] if k == "Article") == 37
    assert len(whole[1]) == (1 if tail else 0)


def test_streamed_stdin_gives_the_same_items(small_blocks, monkeypatch):
    data = rows_bytes()
    streamed = as_dicts(read(["-"], stdin=io.BytesIO(data)))
    assert Pieces.n > 20
    monkeypatch.setattr(inputs, "STREAM_MIN", 1 << 30)
    whole = as_dicts(read(["-"], stdin=io.BytesIO(data)))
    assert streamed == whole


def test_stdin_is_read_as_rows_are_taken(small_blocks):
    class Counting(io.BytesIO):
        taken = 0

        def read(self, n=-1):
            got = super().read(n)
            Counting.taken += len(got)
            return got

    data = rows_bytes() * 50
    src = Counting(data)
    it = read(["-"], stdin=src)
    next(it)
    assert Counting.taken < len(data) // 10  # the first row comes before the stream is read


def test_a_gb18030_dump_is_read_whole(small_blocks, tmp_path):
    text = "".join(json.dumps({"id": f"g{i}", "text": f"第{i}篇：销量增长{i}%。"}, ensure_ascii=False) + "\n"
                   for i in range(30))
    f = tmp_path / "gb.jsonl"
    f.write_bytes(text.encode("gb18030"))
    got = list(read([str(f)]))
    assert Pieces.n == 0
    assert [a.id for a in got] == [f"g{i}" for i in range(30)]
    assert got[3].text == "第3篇：销量增长3%。"
