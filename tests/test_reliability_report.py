"""``zhclaims report`` over hostile inputs, as a user runs it: article text, titles, ids, sources and
URLs full of markup never become markup in the page, and the page fetches nothing."""
import json
import subprocess
import sys
from html.parser import HTMLParser

from conftest import ROOT

from reliability_inputs import ARTICLE_A

# what an attacker puts in a scraped page or a JSON Lines dump
PAYLOADS = [
    "<script>document.title='PWNED'</script>",
    "<img src=x onerror=\"document.title='PWNED'\">",
    "<svg onload=alert(1)><circle r=9 /></svg>",
    "<a href=\"javascript:alert(1)\">点我</a>",
    "<iframe src=\"https://evil.example/x\"></iframe>",
    "<link rel=stylesheet href=\"http://evil.example/a.css\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "<style>body{background:url(https://evil.example/p.png)}</style>",
    "</textarea></title></style></script></mark><!--",
    "\" onmouseover=\"alert(1)\" x=\"",
    "' onfocus='alert(1)' autofocus x='",
    "{{js}}{{nonce}}{{articles}}",
    "\u202egnp.exe\u202c \u2028\u2029 \x00 \ufeff",
    "<base href=\"https://evil.example/\">",
    "<form action=\"https://evil.example/\"><button formaction=\"javascript:alert(1)\">x</button></form>",
    "<object data=\"https://evil.example/x.swf\"></object><embed src=\"//evil.example/x\">",
]
HOSTILE = "".join(PAYLOADS)
URL_ATTRS = {"src", "href", "action", "formaction", "data", "poster", "background", "xlink:href", "srcset", "ping"}


class Page(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.data: list[str] = []
        self.in_tag: list[str] = []
        self.style_text: list[str] = []
        self.script_text: list[str] = []
        self.comments: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self.in_tag.append(tag)

    def handle_endtag(self, tag):
        if self.in_tag and self.in_tag[-1] == tag:
            self.in_tag.pop()

    def handle_data(self, data):
        if self.in_tag and self.in_tag[-1] == "style":
            self.style_text.append(data)
        elif self.in_tag and self.in_tag[-1] == "script":
            self.script_text.append(data)
        else:
            self.data.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def _inputs(tmp_path):
    d = tmp_path / "hostile"
    d.mkdir()
    text = "新能源车企" + HOSTILE + "1月交付数据出炉\n" + ARTICLE_A.split("\n", 1)[1] + HOSTILE + "\n"
    (d / "plain.txt").write_text(text, encoding="utf-8")
    html = ("<html><head><title>" + HOSTILE.replace("</title>", "") + "零跑1月交付</title></head><body><article>"
            + "".join(f"<p>{line}</p>" for line in ARTICLE_A.splitlines()[2:])
            + "<p>" + HOSTILE.replace("<", "&lt;") + "</p></article></body></html>")
    (d / "page.html").write_text(html, encoding="utf-8")
    row = {"id": "row\"><script>alert(1)</script>", "title": HOSTILE, "source": HOSTILE,
           "url": "javascript:alert(document.cookie)", "text": ARTICLE_A.replace("同比增长27%", "同比增长27%" + HOSTILE),
           "published": "2026-02-01"}
    (d / "rows.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return d


def test_report_on_hostile_inputs_has_no_markup_from_them_and_fetches_nothing(tmp_path):
    d = _inputs(tmp_path)
    out = tmp_path / "report.html"
    r = subprocess.run([sys.executable, "-m", "zhclaims.cli", "report", str(d), "-o", str(out)],
                       capture_output=True, cwd=ROOT, timeout=300)
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert "Traceback" not in err
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    tags = [t for t, _ in page.elements]
    # the page's own script only, with its nonce; no element an input could have brought
    scripts = [a for t, a in page.elements if t == "script"]
    assert len(scripts) == 1 and scripts[0].get("nonce")
    for bad in ("img", "iframe", "object", "embed", "link", "base", "form", "button", "textarea", "input[src]"):
        assert bad not in tags, bad
    metas = [a for t, a in page.elements if t == "meta"]
    assert all(a.get("http-equiv", "").lower() in ("", "content-security-policy") for a in metas), metas
    assert sum(1 for t in tags if t == "style") <= 1
    for tag, attrs in page.elements:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for k in URL_ATTRS & set(attrs):
            assert attrs[k].startswith("#"), (tag, k, attrs[k])
        assert "url(" not in (attrs.get("style") or ""), (tag, attrs)
    for css in page.style_text:
        assert "url(" not in css and "@import" not in css
    assert "evil.example" not in "".join(page.script_text + page.style_text)
    # the payloads are all there, as text
    text = "".join(page.data)
    for payload in ("<script>document.title='PWNED'</script>", "<img src=x onerror=", "javascript:alert(1)",
                    "</textarea></title></style></script></mark><!--", "{{js}}{{nonce}}{{articles}}"):
        assert payload in text, payload
    # nothing in the page points outside it: every http(s) address it holds is text, not an attribute
    for tag, attrs in page.elements:
        for v in attrs.values():
            assert "evil.example" not in (v or "") or tag == "mark", (tag, attrs)
    csp = [a for t, a in page.elements if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
