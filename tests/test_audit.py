"""The audit harness: reproducible samples, the verdict template and its precision."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dateline.analyses.audit import read_verdicts, sample, write_template
from dateline.api import Dateline
from dateline.store import Store
from dateline_testing import run_cli

INFO = {"text_hash": "h", "origin": "test", "extractor_version": "0"}


def _article(key: str, n: int) -> dict:
    """An article of ``n`` sentences "Envoy K said talks would go on." with one quote,
    one amount and one place per sentence, and two entity mentions per sentence."""
    sentence = "Envoy {k} said talks would go on, 3 teams met in Geneva."
    text, sentences, quotes, amounts, places, entities = "", [], [], [], [], []
    for i in range(n):
        start = len(text)
        s = sentence.format(k=f"{key}{i}")
        text += s + " "
        sentences.append({"start": start, "end": start + len(s)})
        said = start + s.index("said")
        quotes.append({"text": "talks would go on", "start": said + 5, "end": said + 22,
                       "sentence": i, "speaker": f"Envoy {key}{i}", "speaker_start": start,
                       "speaker_end": said - 1, "cue": "said", "kind": "indirect"})
        three = start + s.index("3 teams")
        amounts.append({"text": "3 teams", "start": three, "end": three + 7, "sentence": i,
                        "value": 3, "unit": "teams", "qualifier": None})
        geneva = start + s.index("Geneva")
        places.append({"text": "Geneva", "start": geneva, "end": geneva + 6, "sentence": i,
                       "name": "Geneva", "country": "CH", "admin1": None, "lat": 46.2,
                       "lon": 6.15, "geonameid": 2660646, "kind": "city", "confidence": 0.9})
        entities.append({"text": f"Envoy {key}{i}", "start": start, "end": said - 1,
                         "sentence": i, "label": "PERSON", "canonical": "Envoy"})
        entities.append({"text": "Geneva talks", "start": geneva, "end": geneva + 6,
                         "sentence": i, "label": "ORG", "canonical": f"Talks {i % 2}"})
    return {"id": key, "published": "2018-09-01", "title": None, "url": None, "source": None,
            "text": text, "sentences": sentences, "dates": [], "entities": entities,
            "places": places, "quotes": quotes, "amounts": amounts, "events": [], "tone": 0.0}


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store of two articles: 'a' of 10 sentences and 'b' of 5 (15 quotes, amounts,
    places; entities: "Envoy" 15 mentions, "Talks 0" 8 (a: 5, b: 3), "Talks 1" 7)."""
    path = tmp_path / "audit.db"
    with Store(path) as s:
        s.write([(_article("a", 10), INFO), (_article("b", 5), INFO)])
    return path


def test_same_seed_same_sample(store_path: Path) -> None:
    with Store(store_path, readonly=True) as s:
        one = sample(s, "quotes", 6, seed=12)
        two = sample(s, "quotes", 6, seed=12)
        other = sample(s, "quotes", 6, seed=13)
        everything = sample(s, "places", 50, seed=1)
    assert [i.row for i in one] == [i.row for i in two]
    assert len(one) == 6 and len({i.row for i in one}) == 6
    assert [i.row for i in one] != [i.row for i in other]
    assert sorted(i.row for i in everything) == list(range(1, 16))   # all 15, none twice
    first = one[0]
    assert first.fields["cue"] == "said" and first.fields["kind"] == "indirect"
    assert first.fields["speaker_pronoun"] is None
    k = first.fields["speaker"].split()[-1]      # "Envoy a3" -> its own sentence
    assert first.sentence_text == f"Envoy {k} said talks would go on, 3 teams met in Geneva."
    assert first.article == k[0] and first.sentence == int(k[1:])


def test_entities_are_the_top_names(store_path: Path) -> None:
    with Dateline(store_path, readonly=True) as dl:
        items = dl.audit("entities", sample=2)
    assert [(i.fields["name"], i.fields["label"], i.fields["mentions"], i.fields["articles"])
            for i in items] == [("Envoy", "PERSON", 15, 2), ("Talks 0", "ORG", 8, 2)]
    assert items[1].fields["forms"] == "Geneva talks"
    assert [i.row for i in items] == [1, 2]
    assert items[0].sentence_text.startswith("Envoy a0 said")


def test_dates_are_sampled_with_the_publication_date(tmp_path: Path) -> None:
    text = "On Friday the talks resumed."
    record = {"id": "c", "published": "2018-09-03", "title": None, "url": None,
              "source": None, "text": text, "sentences": [{"start": 0, "end": len(text)}],
              "dates": [{"text": "Friday", "start": 3, "end": 9, "sentence": 0, "type": "DATE",
                         "value": "2018-08-31"}], "tone": 0.0}
    with Store(tmp_path / "d.db") as s:
        s.write([(record, INFO)])
        (item,) = sample(s, "dates", 5, seed=1)
    assert item.fields == {"text": "Friday", "type": "DATE", "value": "2018-08-31",
                           "published": "2018-09-03"}
    assert item.sentence_text == text


def test_a_split_quotation_shows_its_words_without_the_cue(tmp_path: Path) -> None:
    text = '"The talks failed," she said, "and the war goes on."'
    parts = [[1, 17], [31, 50]]
    record = {"id": "q", "published": "2018-09-03", "title": None, "url": None,
              "source": None, "text": text, "sentences": [{"start": 0, "end": len(text)}],
              "quotes": [{"text": text[1:50], "start": 1, "end": 50, "sentence": 0,
                          "speaker": None, "speaker_pronoun": "she", "speaker_start": 20,
                          "speaker_end": 23, "cue": "said", "kind": "direct", "parts": parts}],
              "tone": 0.0}
    with Store(tmp_path / "q.db") as s:
        s.write([(record, INFO)])
        (item,) = sample(s, "quotes", 5, seed=1)
    assert item.fields["words"] == "The talks failed … and the war goes on"
    assert item.fields["text"] == 'The talks failed," she said, "and the war goes on'


def test_unknown_kind_is_refused(store_path: Path) -> None:
    with Store(store_path, readonly=True) as s, pytest.raises(ValueError, match="cannot audit"):
        sample(s, "tone", 5)


def _judge(path: Path, verdicts: list[str]) -> None:
    """Fill the verdict column of the template at ``path`` in order."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    col = rows[0].index("verdict")
    for row, v in zip(rows[1:], verdicts):
        row[col] = v
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t", lineterminator="\n").writerows(rows)


def test_verdict_file_round_trip(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "amounts.tsv"
    with Store(store_path, readonly=True) as s:
        items = sample(s, "amounts", 5, seed=3)
    assert write_template(items, out) == 5
    header = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[:5] == ["n", "audit", "row", "article", "sentence"]
    assert header[-3:] == ["sentence_text", "verdict", "note"]
    _judge(out, ["right", "Right", "partly", "wrong", ""])
    v = read_verdicts(out, "amounts")
    # 2 right, 1 partly, 1 wrong, 1 blank: precision 2/4, lenient (2 + 0.5)/4.
    assert (v.right, v.partly, v.wrong, v.unjudged) == (2, 1, 1, 1)
    assert v.precision == 0.5 and v.lenient == 0.625
    with pytest.raises(ValueError, match="holds amounts, not quotes"):
        read_verdicts(out, "quotes")
    _judge(out, ["right", "maybe"])
    with pytest.raises(ValueError, match=r"amounts.tsv:3: verdict 'maybe'"):
        read_verdicts(out)


def test_entity_verdicts_are_clean_or_unclean(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "entities.tsv"
    with Store(store_path, readonly=True) as s:
        write_template(sample(s, "entities", 3), out)
    _judge(out, ["clean", "clean", "unclean"])
    v = read_verdicts(out, "entities")
    assert (v.right, v.wrong, v.judged) == (2, 1, 3)
    assert v.precision == pytest.approx(2 / 3)
    _judge(out, ["right"])
    with pytest.raises(ValueError, match="clean / unclean"):
        read_verdicts(out)


def test_cli_sample_is_reproducible_and_scored(store_path: Path, tmp_path: Path) -> None:
    args = ["audit", "--db", str(store_path), "--kind", "places", "--sample", "4", "--seed", "7"]
    one = run_cli(*args, "--out", str(tmp_path / "one.tsv"))
    two = run_cli(*args, "--out", str(tmp_path / "two.tsv"))
    assert one.returncode == two.returncode == 0, one.stderr
    assert one.stdout == two.stdout and one.stdout.decode().count("[") == 4
    assert "name: Geneva" in one.stdout.decode()
    assert (tmp_path / "one.tsv").read_bytes() == (tmp_path / "two.tsv").read_bytes()
    _judge(tmp_path / "one.tsv", ["right", "wrong", "right", "partly"])
    scored = run_cli("audit", "--kind", "places", "--verdicts", str(tmp_path / "one.tsv"))
    assert scored.returncode == 0, scored.stderr
    # 2 right of 4 judged; lenient (2 + 1/2) / 4.
    assert scored.stdout.decode().strip() == (
        "places: 4 judged: 2 right, 1 partly, 1 wrong; precision 0.500, "
        "lenient (partly as half) 0.625")
