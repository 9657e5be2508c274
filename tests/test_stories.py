"""Stories (dateline.analyses.stories): articles grouped into stories whatever the order
they arrive in, a later article joining its story, grouping done incrementally and left
consistent by a kill -9, an old store upgraded without loss, and each interface (CLI,
Python API, HTTP). Texts of our own."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import dateline
from dateline.analyses.duplicates import DuplicateIndex
from dateline.analyses.stories import (
    ArticleTerms,
    Idf,
    StorySettings,
    assign,
    profile,
    story_id,
    update_stories,
    words,
)
from dateline.store import Store
from dateline_testing import run_cli, write_jsonl

FLOOD = [
    ("The river Eden burst its banks in Carlisle on Tuesday, flooding two hundred homes. "
     "Rescue crews carried elderly residents to a sports hall on the hill. The mayor, "
     "Janet Oduya, said the flood barrier had failed near the old mill."),
    ("Floodwater from the Eden was still rising in Carlisle on Wednesday as volunteers filled "
     "sandbags along the riverbank. Janet Oduya asked the government for pumps and said "
     "the flood had reached the market square."),
    ("The Eden began to fall on Thursday and Carlisle residents returned to flooded homes to "
     "clear mud. Engineers inspected the broken flood barrier by the mill, and the mayor "
     "Janet Oduya promised grants for families whose homes were flooded."),
]
ELECTION = [
    ("Voters in Brennport chose a new council on Wednesday after a campaign about the cost "
     "of housing. Turnout was forty per cent. The Green list of Marta Vell won eleven of the "
     "thirty seats and needs coalition partners."),
    ("Marta Vell opened coalition talks in Brennport on Thursday with the Harbour party, "
     "whose six council seats would give the Greens a majority. Housing and rents top the "
     "list of demands, negotiators said."),
    ("The Greens and the Harbour party signed a coalition pact in Brennport on Friday, making "
     "Marta Vell leader of the council with a promise to build housing and freeze rents."),
]
# the Eden floods Carlisle again half a year later: the same words, another story
AUTUMN = ("The river Eden flooded Carlisle again on Monday after a week of storms, and "
          "residents filled sandbags along the riverbank. Janet Oduya said the new flood "
          "barrier by the mill had held back most of the water.")

ROWS = ([{"id": f"flood{i}", "published": f"2021-03-0{2 + i}", "text": t}
         for i, t in enumerate(FLOOD)]
        + [{"id": f"vote{i}", "published": f"2021-03-0{3 + i}", "text": t}
           for i, t in enumerate(ELECTION)]
        + [{"id": "autumn", "published": "2021-09-13", "text": AUTUMN}])
#: The stories by hand: each story's articles, named by the id of its first article
#: (published first, then smallest id).
EXPECTED = {"flood0": {"flood0", "flood1", "flood2"}, "vote0": {"vote0", "vote1", "vote2"},
            "autumn": {"autumn"}}


def _record(row: dict[str, Any]) -> dict[str, Any]:
    return {"title": None, **row, "url": None, "source": None, "sentences": [], "tone": None}


def _write(store: Store, rows: list[dict[str, Any]]) -> None:
    """Store ``rows`` as bare records (no NLP: the words carry the stories) with their
    duplicate groups, as ingest writes a batch."""
    index = DuplicateIndex(store)
    plan = index.plan((r["id"], r["published"], r["text"]) for r in rows)
    store.write([(_record(r), {"text_hash": "h-" + r["text"][:40], "origin": "test",
                               "extractor_version": "x"}) for r in rows], plan)


def stories_of(db: Path) -> dict[str, set[str]]:
    """``{story id: {article ids}}`` as the store holds them."""
    con = sqlite3.connect(db)
    try:
        out: dict[str, set[str]] = {}
        for art, story in con.execute("SELECT article, story FROM story_articles"):
            out.setdefault(story, set()).add(art)
        return out
    finally:
        con.close()


def cli(*args: str) -> tuple[int, str, str]:
    """``dateline ARGS`` run for real: exit status, stdout and stderr as text."""
    r = run_cli(*args)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def expected() -> dict[str, set[str]]:
    return {story_id(seed): ids for seed, ids in EXPECTED.items()}


def terms(text: str) -> Counter[str]:
    """The word terms of ``text`` as read_terms makes them."""
    return Counter({"w:" + w: c for w, c in words(text).items()})


def test_words_and_profiles():
    assert words("The Eden's banks, the EDEN and 2021 floods: a mill.") == {
        "eden": 2, "banks": 1, "floods": 1, "mill": 1}
    counts = terms(FLOOD[0])
    counts["n:Janet Oduya"] = 2
    p = profile(counts, StorySettings())
    assert abs(sum(v * v for v in p.values()) - 1) < 1e-9
    # a family without terms weighs nothing; a count of 2 weighs 1 + ln 2 against 1
    assert not any(t.startswith(("p:", "d:")) for t in p)
    only = profile(terms("eden eden mill"), StorySettings())
    assert only["w:eden"] / only["w:mill"] == pytest.approx(1.6931, abs=1e-4)
    # words weigh 1, names 0.6: with one term each, the word holds 1 / (1 + 0.36)
    mixed = profile(Counter({"w:eden": 1, "n:Janet Oduya": 1}), StorySettings())
    assert mixed["w:eden"] ** 2 == pytest.approx(1 / 1.36)


def test_time_decay_keeps_a_story_from_reaching_far():
    s = StorySettings(threshold=0.1, decay_days=30)
    assert s.reach == pytest.approx(30 * 2.302585, abs=1e-3)   # ln 10 decay lengths
    import datetime as dt

    same = [ArticleTerms(f"a{i}", dt.date(2021, 3, 1) + dt.timedelta(days=d), "h", None,
                         terms(FLOOD[0])) for i, d in enumerate((0, 10, 200))]
    got = {x.article: x.story for x in assign(same, {}, Idf({}, 3), s)}
    # the identical text 10 days on joins (score e^(-10/30) = 0.72), 200 days on not
    assert got["a1"] == got["a0"] != got["a2"]


def test_stories_found_in_one_grouping(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        _write(store, ROWS)
        done = update_stories(store)
    assert (done.grouped, done.opened) == (7, 3)
    assert stories_of(db) == expected()


@pytest.mark.parametrize("order", [[6, 5, 4, 3, 2, 1, 0], [3, 0, 6, 1, 5, 2, 4],
                                   [1, 4, 2, 6, 0, 5, 3]])
def test_the_same_stories_in_any_order(tmp_path, order):
    rows = [ROWS[i] for i in order]
    # in one batch, and one article per ingest, each grouped then (the articles arrive
    # out of date order), then regrouped from scratch: a full grouping is order-free
    with Store(tmp_path / "one.db") as store:
        _write(store, rows)
        update_stories(store)
    assert stories_of(tmp_path / "one.db") == expected()
    with Store(tmp_path / "apart.db") as store:
        for r in rows:
            _write(store, [r])
            update_stories(store)
        update_stories(store, rebuild=True)
    assert stories_of(tmp_path / "apart.db") == expected()


def test_a_later_article_joins_its_story_and_only_new_articles_are_grouped(tmp_path):
    db = tmp_path / "s.db"
    first = [r for r in ROWS if r["id"] not in ("flood2", "vote2", "autumn")]
    with Store(db) as store:
        _write(store, first)
        update_stories(store)
        before = stories_of(db)
        assert before == {story_id("flood0"): {"flood0", "flood1"},
                          story_id("vote0"): {"vote0", "vote1"}}
        terms_before = store.db.execute("SELECT count(*) FROM story_terms").fetchone()[0]
        _write(store, [r for r in ROWS if r not in first])
        done = update_stories(store)
        assert (done.grouped, done.opened) == (3, 1)    # the three new articles only
        assert update_stories(store).grouped == 0      # nothing left to group
        how = dict(store.db.execute("SELECT article, how FROM story_articles"))
        assert store.db.execute("SELECT count(*) FROM story_terms").fetchone()[0] > terms_before
        n = store.db.execute("SELECT value FROM meta WHERE key = 'story_articles'").fetchone()
    assert stories_of(db) == expected()
    assert (how["flood2"], how["vote2"], how["autumn"], how["flood0"]) == (
        "joined", "joined", "seed", "seed")
    assert n[0] == "7"


def test_an_article_whose_text_changed_is_grouped_again(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        _write(store, ROWS)
        update_stories(store)
        # flood0, which opened the flood story, now reports the Brennport coalition
        # (as `dateline ingest --update` would replace it)
        _write(store, [{**ROWS[0], "text": "Marta Vell and the Harbour party met again in "
                        "Brennport to share out the council posts of their coalition, with "
                        "housing and rents first."}])
        assert update_stories(store).grouped == 1
    assert stories_of(db) == {story_id("flood0"): {"flood1", "flood2"},
                              story_id("vote0"): {"vote0", "vote1", "vote2", "flood0"},
                              story_id("autumn"): {"autumn"}}


def test_a_near_duplicate_follows_its_representative_and_counts_once(tmp_path):
    db = tmp_path / "s.db"
    copy = {"id": "flood9", "published": "2021-03-05",
            "text": "By a staff reporter. " + FLOOD[1]}
    with Store(db) as store:
        _write(store, ROWS)
        update_stories(store)
        _write(store, [copy])   # a copy of flood1, in a later ingest
        update_stories(store)
    with dateline.Dateline(db, readonly=True) as dl:
        assert dl.duplicate_group("flood9") == {"representative": "flood1",
                                                "members": ["flood1", "flood9"]}
        sid = story_id("flood0")
        s = dl.story(sid)
        assert s is not None and (s.size, s.copies) == (3, 1)
        assert [a["id"] for a in s.articles or []] == ["flood0", "flood1", "flood2"]
        both = dl.story(sid, include_duplicates=True)
        assert both is not None and both.size == 4
        assert [a["how"] for a in both.articles or []][-1] == "duplicate"
        assert [x.size for x in dl.stories()] == [3, 3, 1]
        assert [x.size for x in dl.stories(include_duplicates=True)] == [4, 3, 1]


#: Groups the articles of the store ARGV[1] from scratch (--rebuild), killing itself
#: (SIGKILL) inside the transaction that writes the stories, after the old ones are
#: deleted and the first rows written.
KILLER = """
import os, signal, sys
from dateline.analyses import stories
from dateline.store import Store

assign = stories.assign

class Dying(list):
    calls = 0
    def __iter__(self):
        Dying.calls += 1
        if Dying.calls == 2:   # the first is the count of stories changed, before writing
            os.kill(os.getpid(), signal.SIGKILL)
        return super().__iter__()

def dying(*args, **kwargs):
    return Dying(assign(*args, **kwargs))

stories.assign = dying
if __name__ == "__main__":
    with Store(sys.argv[1]) as store:
        stories.update_stories(store, rebuild=sys.argv[2] == "rebuild")
"""


def _tables(db: Path) -> tuple[Any, ...]:
    con = sqlite3.connect(db)
    try:
        return tuple(sorted(con.execute(f"SELECT * FROM {t}").fetchall())
                     for t in ("stories", "story_articles", "story_terms"))
    finally:
        con.close()


@pytest.mark.parametrize("mode", ["rebuild", "update"])
def test_kill_minus_nine_during_grouping_leaves_the_stories_as_they_were(tmp_path, mode):
    db = tmp_path / "s.db"
    with Store(db) as store:
        _write(store, ROWS[:4])
        update_stories(store)
        _write(store, ROWS[4:])
    before = _tables(db)
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script), str(db), mode], capture_output=True,
                       timeout=300)
    assert r.returncode == -9, r.stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert _tables(db) == before   # all of the grouping or none of it
    # the next update groups what is left, as an uninterrupted run would have
    rc, _, err = cli("stories", "--update", "--db", str(db), "--min-size", "1")
    assert rc == 0, err
    assert "grouped 3 article(s)" in err
    assert stories_of(db) == expected()


def test_an_old_store_gets_the_story_tables_and_keeps_everything(tmp_path):
    db = tmp_path / "old.db"
    with Store(db) as store:
        _write(store, ROWS)
        # as a store made before stories: no story tables
        store.db.executescript("DROP TABLE stories; DROP TABLE story_articles;"
                               " DROP TABLE story_terms;")
        records = {i: store.record(i) for i in store.ids()}
    with dateline.Dateline(db, readonly=True) as dl:   # read as it is: no stories yet
        assert list(dl.stories()) == [] and dl.stories().total == 0
        assert dl.story("s0") is None
        with pytest.raises(ValueError, match="no story"):
            dl.timeline(story="s0")
    with dateline.Dateline(db) as dl:   # opened for writing: the tables are added
        assert {r[0] for r in dl.store.db.execute("SELECT name FROM sqlite_master")} >= {
            "stories", "story_articles", "story_terms"}
        assert {i: dl.record(i) for i in dl.store.ids()} == records
        assert dl.update_stories().grouped == 7
    assert stories_of(db) == expected()


# -- through the interfaces, on a real ingest ------------------------------------------


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stories")
    db = folder / "s.db"
    rows = [{**r, "title": None} for r in ROWS if r["id"] != "vote2"]
    with dateline.Dateline(db) as dl:
        dl.ingest([write_jsonl(folder / "one.jsonl", rows)], workers=1)
        # a later ingest: its article joins the stored story at the ingest's end
        dl.ingest([write_jsonl(folder / "two.jsonl", [ROWS[5]])], workers=1)
    return db


def test_ingest_groups_articles_into_stories(story_db):
    assert stories_of(story_db) == expected()


def test_python_api(story_db):
    with dateline.Dateline(story_db, readonly=True) as dl:
        found = dl.stories()
        assert found.total == 3
        flood = found[0]
        assert (flood.id, flood.first, flood.last, flood.size) == (
            story_id("flood0"), "2021-03-02", "2021-03-04", 3)
        assert ("Janet Oduya", 3) in flood.people
        assert flood.places and flood.places[0][0] == "Carlisle"
        assert "eden" in flood.words
        assert [s.id for s in dl.stories("coalition")] == [story_id("vote0")]
        assert dl.stories("coalition")[0].matching == 3
        assert [s.id for s in dl.stories(min_size=2)] == [story_id("flood0"),
                                                          story_id("vote0")]
        assert [s.id for s in dl.stories(start="2021-06-01")] == [story_id("autumn")]
        tl = dl.timeline(story=story_id("vote0"))
        assert {s.article for e in tl.entries for s in e.sentences} <= {"vote0", "vote1",
                                                                         "vote2"}
        assert tl.entries
        with pytest.raises(dateline.ParamError):
            dl.stories(limit=0)


def test_cli(story_db):
    db = str(story_db)
    rc, out, err = cli("stories", "--db", db)
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0] == f"{story_id('flood0')}  2021-03-02 to 2021-03-04  3 articles"
    assert any(line.startswith("  people: Janet Oduya (3)") for line in lines)
    assert story_id("autumn") not in out    # one article: under --min-size 2
    rc, out, err = cli("stories", "coalition", "--json", "--db", db)
    got = [json.loads(line) for line in out.splitlines()]
    assert [(s["id"], s["size"], s["matching"]) for s in got] == [(story_id("vote0"), 3, 3)]
    rc, out, err = cli("stories", "--story", story_id("vote0"), "--db", db)
    assert rc == 0 and "vote2  [joined" in out
    rc, out, err = cli("timeline", "--story", story_id("vote0"), "--format", "json", "--db", db)
    assert rc == 0, err
    arts = {s["article"] for e in json.loads(out)["entries"] for s in e["sentences"]}
    assert arts and arts <= {"vote0", "vote1", "vote2"}
    rc, out, err = cli("timeline", "--story", "nope", "--db", db)
    assert rc == 2 and "no story 'nope'" in err
    rc, out, err = cli("stories", "--story", "nope", "--db", db)
    assert rc == 1 and "no story 'nope'" in err
    rc, out, err = cli("stories", "zebra", "--db", db)
    assert rc == 1 and "no story matches" in err
    rc, out, err = cli("export", "stories", "--db", db)
    rows = out.splitlines()
    assert rows[0] == "story,story_first,story_last,article_id,published,how,score"
    assert len(rows) == 8 and rows[1].startswith(f"{story_id('flood0')},2021-03-02,2021-03-04,"
                                                 "flood0,2021-03-02,seed,")
    rc, out, err = cli("export", "stories", "--format", "groups", "--db", db)
    assert [json.loads(line)["size"] for line in out.splitlines()] == [3, 3, 1]


def test_http(story_db):
    from fastapi.testclient import TestClient

    from dateline.server import create_app

    with TestClient(create_app(str(story_db), allowed_hosts=("testserver",))) as c:
        r = c.get("/api/stories")
        assert r.status_code == 200
        assert r.json()["total"] == 2    # min_size 2 by default, as the command
        assert [s["id"] for s in r.json()["stories"]] == [story_id("flood0"),
                                                           story_id("vote0")]
        r = c.get("/api/stories", params={"q": "sandbags", "min_size": 1})
        assert [s["id"] for s in r.json()["stories"]] == [story_id("flood0"),
                                                           story_id("autumn")]
        r = c.get(f"/api/stories/{story_id('autumn')}")
        assert r.status_code == 200 and [a["id"] for a in r.json()["articles"]] == ["autumn"]
        assert c.get("/api/stories/nope").status_code == 404
        r = c.get("/api/timeline", params={"story": story_id("flood0")})
        assert r.status_code == 200 and r.json()["entries"]
        assert c.get("/api/timeline", params={"story": "nope"}).status_code == 400
        assert c.get("/api/stories", params={"limit": 0}).status_code == 400


def test_the_threshold_is_a_setting(story_db, tmp_path):
    db = tmp_path / "copy.db"
    with sqlite3.connect(story_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    # at a threshold no similarity reaches, every article is a story of its own
    rc, out, err = cli("--set", "stories.threshold=0.99", "stories", "--rebuild",
                       "--min-size", "1", "--db", str(db))
    assert rc == 0, err
    assert "grouped 7 article(s); 7 new stories" in err
    with dateline.Dateline(db, readonly=True) as dl:
        assert dl.stories(min_size=1).total == 7
    rc, out, err = cli("--set", "stories.threshold=0", "stories", "--db", str(db))
    assert rc == 2 and "stories.threshold" in err
