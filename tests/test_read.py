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


# --- issue 15: one bad input is one Rejection; issue 12: encodings ---------------------

def _jsonl_line(**fields) -> str:
    import json
    return json.dumps({"published": "2018-09-01", "text": "Envoys met.", "title": "T",
                       "url": "https://example.org/a", "source": "S", **fields}) + "\n"


def test_lone_surrogate_in_any_field_rejects_the_record(tmp_path):
    p = tmp_path / "s.jsonl"
    fields = ("text", "id", "title", "url", "source", "published")
    p.write_text("".join(_jsonl_line(id=f"s{i}").replace('"' + f + '": "', '"' + f + '": "\\ud800')
                         if f != "id" else '{"id": "x\\udc00", "published": "2018-09-01", '
                                           '"text": "T."}\n'
                         for i, f in enumerate(fields)) + _jsonl_line(id="fine"),
                 encoding="utf-8")
    good, bad = read_all(p)
    assert [a.id for a in good] == ["fine"]
    assert [r.origin for r in bad] == [f"{p}:{n}" for n in range(1, 7)]
    assert "text holds a lone surrogate ('\\ud800' at character 1)" in bad[0].reason
    assert "id holds a lone surrogate ('\\udc00' at character 2)" in bad[1].reason
    for r, f in zip(bad[2:], ("title", "url", "source", "date")):
        assert f"{f} holds a lone surrogate" in r.reason, r.reason


def test_deep_nesting_huge_numbers_and_non_string_fields(tmp_path):
    p = tmp_path / "t.jsonl"
    p.write_text('{"x": ' + "[" * 1000 + "]" * 1000 + "}\n"
                 '{"id": "n", "published": "2018-09-01", "text": "T.", "n": ' + "7" * 4301 + "}\n"
                 + _jsonl_line(id=12)
                 + _jsonl_line(id=["a"]) + _jsonl_line(id={"a": 1}) + _jsonl_line(id=True)
                 + _jsonl_line(id="t", title=["x"]) + _jsonl_line(id="p", published=20180901)
                 + _jsonl_line(id="u", text=["x"]), encoding="utf-8")
    good, bad = read_all(p)
    assert [a.id for a in good] == ["12"]          # a whole number is its decimal text
    assert [(r.origin.rsplit(":", 1)[1], r.reason) for r in bad] == [
        ("1", "malformed JSON (nested too deeply)"),
        ("2", "malformed JSON (Exceeds the limit (4300 digits) for integer string conversion: "
              "value has 4301 digits)"),
        ("4", "id must be a string, not a list"),
        ("5", "id must be a string, not an object"),
        ("6", "id must be a string, not a boolean"),
        ("7", "title must be a string, not a list"),
        ("8", "date must be a string like 2018-08-31, not a number"),
        ("9", "text must be a string, not a list"),
    ]


def test_malformed_and_out_of_range_dates(tmp_path):
    p = tmp_path / "d.jsonl"
    values = ["0001-01-01", "9999-12-31", "2018-09-07 garbage", "2018-09-07T25:61",
              "\u0662\u0660\u0661\u0668-\u0660\u0669-\u0660\u0667", "1799-12-31",
              "2018-09-07T10:00:00Z", "2018-09-07 23:59:59.5+02:00", "1800-01-01"]
    p.write_text("".join(_jsonl_line(id=f"d{i}", published=v) for i, v in enumerate(values)),
                 encoding="utf-8")
    good, bad = read_all(p)
    assert [a.id for a in good] == ["d6", "d7", "d8"]
    assert [r.reason for r in bad] == [
        "date '0001-01-01' is out of range (accepted: 1800-01-01 to a year from today)",
        "date '9999-12-31' is out of range (accepted: 1800-01-01 to a year from today)",
        "date '2018-09-07 garbage' is not an ISO date like 2018-08-31",
        "impossible date '2018-09-07T25:61' (time of day out of range)",
        "date '\u0662\u0660\u0661\u0668-\u0660\u0669-\u0660\u0667' is not an ISO date like "
        "2018-08-31",
        "date '1799-12-31' is out of range (accepted: 1800-01-01 to a year from today)",
    ]
    from dateline.read.base import latest_date
    q = tmp_path / "late.jsonl"
    q.write_text(_jsonl_line(id="late", published=(latest_date() + dt.timedelta(days=1))
                             .isoformat()), encoding="utf-8")
    _, (late,) = read_all(q)
    assert "out of range" in late.reason


def test_symlink_loop_fifo_socket_and_undecodable_file_name(tmp_path):
    import os
    import socket
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    try:
        name = os.fsdecode(b"caf\xe9.txt")           # not UTF-8: a surrogate-escaped name
        (tmp_path / name).write_text("Undated text.", encoding="utf-8")
        good, bad = read_all(tmp_path)
    finally:
        sock.close()
    assert good == []
    assert sorted((Path(r.origin).name, r.reason) for r in bad) == [
        ("caf\\xe9.txt", "no publication date: the text does not start with 'date YYYY-MM-DD' "
                         "and no --published was given"),
        ("loop1.txt", "cannot read (symbolic link loop)"),
        ("loop2.txt", "cannot read (symbolic link loop)"),
        ("pipe.txt", "not a regular file (a named pipe)"),
        ("sock.txt", "not a regular file (a socket)"),
    ]
    str(bad[0]).encode("utf-8")                       # prints and stores safely


def test_gzip_bomb_and_long_lines_are_read_in_bounded_memory(tmp_path):
    import json
    import tracemalloc
    big = b"y" * (1 << 20)
    with gzip.open(tmp_path / "bomb.txt.gz", "wb", compresslevel=1) as f:
        f.write(b"date 2018-09-01\n")
        for _ in range(64):
            f.write(big)
    with gzip.open(tmp_path / "lines.jsonl.gz", "wb", compresslevel=1) as f:
        for _ in range(64):
            f.write(big)
        f.write(b"\n" + json.dumps({"id": "after", "published": "2018-09-01",
                                    "text": "Read after the long line."}).encode() + b"\n")
    with gzip.open(tmp_path / "rows.csv.gz", "wb", compresslevel=1) as f:
        f.write(b'id,date,text\nc1,2018-09-01,"')
        for _ in range(64):
            f.write(big)
        f.write(b'\nmore"\nc2,2018-09-02,Read after the long field.\n')
    tracemalloc.start()
    good, bad = read_all(tmp_path, max_chars=10_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 16 * 2**20, peak                    # 64 MB of input, never held
    assert [a.id for a in good] == ["after", "c2"]
    assert [(Path(r.origin).name, r.reason) for r in bad] == [
        ("bomb.txt.gz", "file is larger than an article may be (10,000 characters; raise it "
                        "with --max-chars)"),
        ("lines.jsonl.gz:1", "line of 67,108,865 bytes is longer than an article may be "
                             "(10,000 characters; raise it with --max-chars)"),
        ("rows.csv.gz:2", "line of 67,108,880 characters is longer than an article may be "
                          "(10,000 characters; raise it with --max-chars)"),
    ]


def test_csv_field_limit_follows_max_chars(tmp_path):
    p = tmp_path / "long.csv"
    p.write_text('id,date,text\na,2018-09-01,"' + "word " * 300 + '\nstill the same field"\n'
                 "b,2018-09-02,Short row.\n", encoding="utf-8")
    good, (bad,) = read_all(p, max_chars=1000)
    assert [a.id for a in good] == ["b"]
    assert bad.origin == f"{p}:2" and bad.reason.startswith("field longer than an article")
    (a, b), none = read_all(p, max_chars=3000)
    assert none == [] and a.text.endswith("still the same field")


def test_csv_unclosed_quote_rejects_its_row_and_keeps_the_next(tmp_path):
    broken = tmp_path / "broken.csv"                  # the next row has quotes of its own
    broken.write_text('id,date,text\n1,2018-09-01,"Opened and never closed\n'
                      '2,2018-09-02,"A quoted row."\n3,2018-09-03,Plain row.\n', encoding="utf-8")
    good, (bad,) = read_all(broken)
    assert [(a.id, a.text) for a in good] == [("2", "A quoted row."), ("3", "Plain row.")]
    assert bad.origin == f"{broken}:2" and bad.reason.startswith("unclosed quote in this row")
    swallow = tmp_path / "swallow.csv"                # closed by a stray quote: no CSV error
    swallow.write_text('id,date,text\n1,2018-09-01,"Opened and never closed\n'
                       '2,2018-09-02,Plain row with a stray quote"\n3,2018-09-03,Last.\n',
                       encoding="utf-8")
    good, (bad,) = read_all(swallow)
    assert [a.id for a in good] == ["2", "3"]
    assert bad.origin == f"{swallow}:2"
    assert "line 3 inside its quotes looks like a row of its own" in bad.reason
    at_end = tmp_path / "end.csv"                     # the quote is still open at the end
    at_end.write_text('id,date,text\n1,2018-09-01,Fine.\n2,2018-09-02,"Open\n'
                      "3,2018-09-03,Swallowed row.\n", encoding="utf-8")
    good, (bad,) = read_all(at_end)
    assert [a.id for a in good] == ["1", "3"] and bad.origin == f"{at_end}:3"
    multi = tmp_path / "multi.csv"                    # a real multi-line field stays whole
    multi.write_text('id,date,text\n1,2018-09-01,"First paragraph.\n\nSecond, with a comma '
                     'and ""quotes"".\n2018-09-01 was a Saturday."\n', encoding="utf-8")
    (a,), bad = read_all(multi)
    assert bad == [] and a.text.endswith('"quotes".\n2018-09-01 was a Saturday.')


def test_short_latin1_french_is_read_as_windows_1252(tmp_path):
    short = tmp_path / "eleves.txt"
    short.write_bytes("date 2018-09-04\nLes élèves sont arrivés à l'école.".encode("latin-1"))
    csvfile = tmp_path / "eleves.csv"
    csvfile.write_bytes("id,date,text\ne1,2018-09-04,Les élèves ont fêté Noël à Genève.\n"
                        .encode("cp1252"))
    (a, b), bad = read_all(csvfile, short)
    assert bad == []
    assert a.text == "Les élèves ont fêté Noël à Genève."
    assert b.text == "Les élèves sont arrivés à l'école."


def test_other_code_pages_win_on_strong_evidence(tmp_path):
    ru = tmp_path / "ru.txt"
    ru.write_bytes("date 2018-09-04\nМинистр иностранных дел заявил, что переговоры "
                   "продолжатся на следующей неделе.".encode("cp1251"))
    (a,), bad = read_all(ru)
    assert bad == [] and "переговоры продолжатся" in a.text


def test_utf16_without_byte_order_mark_is_text(tmp_path):
    for codec in ("utf-16-le", "utf-16-be"):
        p = tmp_path / f"{codec}.txt"
        p.write_bytes("date 2018-09-04\nSpeaker’s “remarks” in Ankara, at noon.".encode(codec))
        (a,), bad = read_all(p)
        assert bad == [] and a.text == "Speaker’s “remarks” in Ankara, at noon."
