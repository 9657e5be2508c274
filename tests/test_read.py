"""Readers: every format, and every kind of bad input, becomes Articles or Rejections."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from dateline.article import Article
from dateline.read import ReadOptions, Rejection, read_paths
from dateline_testing import ARTICLE, write_jsonl


def read_all(*paths: Path | str, **opts) -> tuple[list[Article], list[Rejection]]:
    items = list(read_paths([str(p) for p in paths], ReadOptions(**opts)))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, Rejection)])


def test_text_with_date_marker_title_and_body(article_file):
    (a,), bad = read_all(article_file)
    assert bad == []
    assert a.published == dt.date(2018, 9, 4)
    assert a.title == "Jets strike southern Idlib"
    assert a.text.startswith("Russian jets struck")
    assert a.text.endswith("to its border.")
    assert a.id is None and len(a.key) == 32


def test_marker_on_the_same_line_as_the_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("  date 2018-08-31 As talks went on, envoys met.\n", encoding="utf-8")
    (a,), _ = read_all(p)
    assert a.published == dt.date(2018, 8, 31)
    assert a.text == "As talks went on, envoys met."
    assert a.title is None


def test_text_without_date_needs_published(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Envoys met in Geneva.", encoding="utf-8")
    good, (bad,) = read_all(p)
    assert good == [] and "no publication date" in bad.reason and bad.origin == str(p)
    (a,), bad = read_all(p, published=dt.date(2018, 9, 7))
    assert a.published == dt.date(2018, 9, 7) and bad == []


def test_impossible_date_marker(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("date 2018-09-31\nText.", encoding="utf-8")
    _, (bad,) = read_all(p)
    assert "impossible date marker '2018-09-31'" in bad.reason


def test_jsonl_fields_and_date_aliases(tmp_path):
    p = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "1", "published": "2018-09-01", "text": "One.", "title": "T", "url": "u", "source": "s"},
        {"id": "2", "time": "2018-09-02T10:30:00Z", "text": "Two."},
        {"id": "3", "date": "2018/09/03", "text": "Three."},
    ])
    good, bad = read_all(p)
    assert bad == []
    assert [(a.id, a.published.day) for a in good] == [("1", 1), ("2", 2), ("3", 3)]
    assert (good[0].title, good[0].url, good[0].source) == ("T", "u", "s")
    assert good[1].origin == f"{p}:2"


def test_jsonl_bad_lines_are_named_and_the_rest_goes_on(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "ok", "published": "2018-09-01", "text": "Fine."}\n'
                 '{"id": "x", "published": "2018-09-01"\n'
                 '[1, 2]\n'
                 '{"id": "y", "text": "No date."}\n'
                 '{"id": "z", "published": "2018-13-01", "text": "Bad month."}\n'
                 '{"id": "e", "published": "2018-09-01", "text": "   "}\n'
                 '{"id": "ok2", "published": "2018-09-02", "text": "Also fine."}\n', encoding="utf-8")
    good, bad = read_all(p)
    assert [a.id for a in good] == ["ok", "ok2"]
    assert [r.origin for r in bad] == [f"{p}:{n}" for n in (2, 3, 4, 5, 6)]
    assert "malformed JSON" in bad[0].reason
    assert "expected a JSON object" in bad[1].reason
    assert "missing date" in bad[2].reason
    assert "impossible date" in bad[3].reason
    assert "empty text" in bad[4].reason


def test_csv_and_missing_text_column(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,date,title,text\nc1,2018-09-05,Hello,"Line one, with comma.\nLine two."\n',
                 encoding="utf-8")
    (a,), bad = read_all(p)
    assert bad == [] and a.id == "c1" and a.text == "Line one, with comma.\nLine two."
    assert a.published == dt.date(2018, 9, 5) and a.title == "Hello"
    q = tmp_path / "notext.csv"
    q.write_text("id,date,body\n1,2018-09-05,x\n", encoding="utf-8")
    good, (bad,) = read_all(q)
    assert good == [] and "no 'text' column" in bad.reason and bad.origin == str(q)


def test_html_page(tmp_path):
    body = " ".join(f"Paragraph sentence {i} about envoys meeting in Geneva over Idlib." for i in range(12))
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Envoys meet | Example News</title>"
        '<meta property="article:published_time" content="2018-09-11T08:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Envoys meet</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>Copyright Example News. All rights reserved.</footer></body></html>",
        encoding="utf-8")
    (a,), bad = read_all(p)
    assert bad == []
    assert a.published == dt.date(2018, 9, 11)
    assert "Envoys meet" in (a.title or "")
    assert "Paragraph sentence 3 about envoys" in a.text
    assert "All rights reserved" not in a.text


def test_gzip_folder_and_glob(tmp_path):
    d = tmp_path / "corpus" / "sub"
    d.mkdir(parents=True)
    with gzip.open(d / "one.txt.gz", "wt", encoding="utf-8") as f:
        f.write(ARTICLE)
    write_jsonl(d / "two.jsonl", [{"id": "j", "published": "2018-09-01", "text": "J."}])
    (tmp_path / "corpus" / "README.md").write_text("not an article")
    good, bad = read_all(tmp_path / "corpus")
    assert bad == [] and len(good) == 2
    assert good[0].published == dt.date(2018, 9, 4)
    good, bad = read_all(str(tmp_path / "corpus" / "**" / "*.gz"))
    assert len(good) == 1 and bad == []
    _, (bad,) = read_all(str(tmp_path / "nothing*.txt"))
    assert "no file matches" in bad.reason


def test_binary_empty_missing_unreadable_and_corrupt_gzip(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    badgz = tmp_path / "bad.txt.gz"
    badgz.write_bytes(b"\x1f\x8b\x08\x00garbage-not-gzip")
    good, bad = read_all(junk, empty, tmp_path / "missing.txt", dangling, badgz)
    assert good == []
    reasons = {Path(r.origin).name: r.reason for r in bad}
    assert reasons["junk.txt"] == "binary data, not text"
    assert reasons["empty.txt"] == "empty file"
    assert reasons["missing.txt"] == "no such file or folder"
    assert reasons["dangling.txt"].startswith("cannot read")
    assert reasons["bad.txt.gz"].startswith("cannot read")


def test_other_encodings_are_decoded(tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("date 2018-09-04\nLe ministre a déclaré que la région était calme à présent, "
                      "selon un communiqué publié à Genève.".encode("latin-1"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("date 2018-09-04\nSpeaker’s “remarks” in Ankara.".encode("utf-16"))
    (a, b), bad = read_all(latin, utf16)
    assert bad == []
    assert "déclaré" in a.text and "Genève" in a.text
    assert b.text == "Speaker’s “remarks” in Ankara."


def test_huge_article_is_rejected_without_reading_it_all(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "w") as f:
        f.write("date 2018-09-04\n")
        for _ in range(50 * 1024):
            f.write("word " * 204 + "\n")   # ~50 MB
    _, (bad,) = read_all(big)
    assert "larger than an article may be" in bad.reason
    small = tmp_path / "long.jsonl"
    write_jsonl(small, [{"id": "l", "published": "2018-09-01", "text": "x" * 2000}])
    _, (bad,) = read_all(small, max_chars=1000)
    assert "2,000 characters is longer than the limit of 1,000" in bad.reason


def test_count_articles_for_the_progress_bar(tmp_path, article_file):
    from dateline.read import count_articles
    write_jsonl(tmp_path / "a.jsonl", [{"id": str(i)} for i in range(3)])
    (tmp_path / "b.csv").write_text("id,text\n1,x\n2,y\n")
    assert count_articles([str(tmp_path)]) == 3 + 2 + 1   # jsonl lines, csv rows, the text file
    assert count_articles(["-"]) is None
