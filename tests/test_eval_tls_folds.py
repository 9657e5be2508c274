"""`dateline eval tls --folds K [--grid timeline.FIELD=...]` on a tiny Timeline17-shaped
folder written here: four topics, each one article of one sentence (no date in its text:
it stands for its publication day as a lead sentence) and a gold timeline of that day. Two gold timelines say what the article says (every figure
1), two say it in other words (dates right, ROUGE 0), so the figures are known by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.evaluate import tls_metrics as M
from dateline.store import Store
from dateline_testing import joined

#: topic -> (day, the article's sentence, the gold timeline's sentence)
TOPICS = {
    "ferry_a": ("2020-05-04", "A passenger ferry sank near the northern harbour after a storm.",
                "A passenger ferry sank near the northern harbour after a storm."),
    "mine_b": ("2020-06-10", "Rescuers reached eleven trapped miners inside the collapsed coal mine.",
               "Rescuers reached eleven trapped miners inside the collapsed coal mine."),
    "vote_c": ("2020-07-15", "Parliament approved the disputed budget by a narrow margin.",
               "Lawmakers narrowly passed contested spending plans."),
    "fire_d": ("2020-08-20", "Firefighters contained the forest blaze west of the valley town.",
               "Crews halted flames burning woodland beyond hamlet."),
}


@pytest.fixture(autouse=True)
def small_rouge_tables(monkeypatch):
    """ROUGE-1.5.5's tables come with tilse, which the tests do without: a few stop
    words and exceptions chosen by hand."""
    monkeypatch.setattr(M, "_stopwords", lambda: frozenset(
        {"a", "the", "by", "after", "near", "of", "inside", "west"}))
    monkeypatch.setattr(M, "_exceptions", lambda: {})


@pytest.fixture
def t17(tmp_path: Path) -> tuple[Path, Path]:
    """A Timeline17-shaped data folder and a workdir whose stores are already built
    (written directly, so that no article is parsed)."""
    data, work = tmp_path / "t17", tmp_path / "stores"
    work.mkdir()
    for topic, (day, said, gold) in TOPICS.items():
        (data / topic / "timelines").mkdir(parents=True)
        (data / topic / "articles.jsonl").write_text("{}\n")   # present; never read here
        (data / topic / "timelines" / "gold.txt").write_text(f"{day}\n{gold}\n{'-' * 32}\n")
        text, spans = joined([said])
        record = {"id": f"{topic}-1", "published": day, "title": None, "url": None,
                  "source": None, "text": text, "sentences": spans, "dates": []}
        with Store(work / f"{topic}.db") as store:
            store.write([(record, {"text_hash": topic, "origin": "test",
                                   "extractor_version": "t"})])
    return data, work


def _eval(t17: tuple[Path, Path], *args: str):
    data, work = t17
    return CliRunner().invoke(cli, ["eval", "tls", "--data", str(data), "--workdir",
                                    str(work), *args])


def _row(output: str, name: str) -> list[str]:
    return next(line.split() for line in output.splitlines() if line.startswith(name))


def test_folds_print_each_topic_fold_their_mean_and_spread(t17) -> None:
    result = _eval(t17, "--folds", "4")
    assert result.exit_code == 0, result.output
    # the standard table first: two topics at 1/1/1, two at 0/0/1
    assert _row(result.output, "ferry_a/gold")[3:6] == ["1.000", "1.000", "1.000"]
    assert _row(result.output, "vote_c/gold")[3:6] == ["0.000", "0.000", "1.000"]
    # P and R averaged over the four timelines (.5 each) before F: .5
    assert _row(result.output, "average")[-4:-1] == ["0.500", "0.500", "1.000"]
    assert "4-fold estimate, by topic:" in result.output
    # one topic a fold: the fold rows are the topics' figures, in any order
    folds = sorted(tuple(_row(result.output, f"fold {i}")[3:6]) for i in range(1, 5))
    assert folds == [("0.000", "0.000", "1.000")] * 2 + [("1.000", "1.000", "1.000")] * 2
    assert _row(result.output, "mean")[1:] == ["0.500", "0.500", "1.000"]
    # sample sd of 1, 1, 0, 0: sqrt(1/3) = .577; dates all right: 0
    assert _row(result.output, "spread")[2:] == ["0.577", "0.577", "0.000"]
    assert _row(result.output, "whole set")[2:] == ["4", "0.500", "0.500", "1.000"]


def test_two_folds_keep_each_topic_whole(t17) -> None:
    result = _eval(t17, "--folds", "2", "--seed", "3")
    assert result.exit_code == 0, result.output
    sizes = [_row(result.output, f"fold {i}")[2] for i in (1, 2)]
    assert sizes == ["2", "2"]
    # the two folds' R1 average to the whole set's .5 whatever the split
    r1 = [float(_row(result.output, f"fold {i}")[3]) for i in (1, 2)]
    assert sum(r1) / 2 == pytest.approx(0.5, abs=1e-3)


def test_grid_chooses_timeline_settings_on_the_other_folds(t17) -> None:
    # at lead_sentences=0 no sentence may stand for its publication day, and these name
    # no day: empty timelines, every figure 0. Every fold's other three topics hold a
    # topic written like its gold, so 10 wins there (0 comes first, winning only ties).
    result = _eval(t17, "--folds", "4", "--grid", "timeline.lead_sentences=0,10")
    assert result.exit_code == 0, result.output
    assert "4-fold nested (settings chosen on the other folds) estimate" in result.output
    for i in range(1, 5):
        assert _row(result.output, f"fold {i}")[-1] == "timeline.lead_sentences=10"
    assert _row(result.output, "held-out pool")[3:6] == ["0.500", "0.500", "1.000"]
    in_sample = result.output.split("in-sample, whole set, per combination:")[1]
    rows = [line.split() for line in in_sample.strip().splitlines()[:2]]
    assert rows[0] == ["0.000", "0.000", "0.000", "timeline.lead_sentences=0"]
    assert rows[1] == ["0.500", "0.500", "1.000", "timeline.lead_sentences=10"]


@pytest.mark.parametrize("args,message", [
    (["--grid", "timeline.min_tokens=6,8"], "give --folds K too"),
    (["--folds", "2", "--grid", "extract.dates.rules=x"], "timeline settings only"),
    (["--folds", "2", "--grid", "timeline.no_such=1"], "unknown setting"),
    (["--folds", "5"], "4 topic(s) cannot make 5 folds"),
    (["--folds", "2", "--method", "baseline", "--grid", "timeline.min_tokens=6"],
     "baseline does not use"),
])
def test_bad_fold_options_are_refused_before_scoring(t17, args, message) -> None:
    result = _eval(t17, *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "average" not in result.output


def _heldout_benchmark():
    """benchmarks/tls_heldout.py as a module (the benchmarks are no package)."""
    import importlib.util
    import sys

    if "tls_heldout" not in sys.modules:
        path = Path(__file__).resolve().parent.parent / "benchmarks" / "tls_heldout.py"
        spec = importlib.util.spec_from_file_location("tls_heldout", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["tls_heldout"] = module
        spec.loader.exec_module(module)
    return sys.modules["tls_heldout"]


@pytest.mark.parametrize("extra", [[], ["--leave-out", "2"], ["--folds", "4"]])
def test_heldout_benchmark_scores_with_the_same_functions(t17, monkeypatch, capsys,
                                                          extra) -> None:
    data, work = t17
    bench = _heldout_benchmark()
    monkeypatch.setattr("sys.argv", ["tls_heldout.py", "--data", str(data), "--workdir",
                                     str(work), "--grid", "timeline.lead_sentences=0,10",
                                     *extra])
    assert bench.main() == 0
    out = capsys.readouterr().out
    if extra[:1] == ["--folds"]:
        assert _row(out, "held-out pool")[3:6] == ["0.500", "0.500", "1.000"]
    elif not extra:
        # each topic held out is scored with 10, chosen on the other three
        assert "held-out average: R1 F 0.5000  R2 F 0.5000  date F1 1.000" in out
        assert _row(out, "  ferry_a/gold")[1:4] == ["1.0000", "1.0000", "1.000"]
        assert _row(out, "  vote_c/gold")[1:4] == ["0.0000", "0.0000", "1.000"]
    else:
        # 6 pairs; holding out both topics written like their gold leaves a tie on the
        # other two, which 0 (first) wins: those two score 0 in 1 of their 3 pairs.
        # R1 P = R = (2/3 + 2/3 + 0 + 0) / 4 = 1/3; date (2/3 + 2/3 + 1 + 1) / 4 = 5/6
        assert "5 x {'lead_sentences': 10}" in out and "1 x {'lead_sentences': 0}" in out
        assert "held-out average: R1 F 0.3333  R2 F 0.3333  date F1 0.833" in out


def test_the_grid_help_names_the_settings_each_harness_can_grid() -> None:
    def grid_help(*args: str) -> str:
        out = CliRunner().invoke(cli, [*args, "--help"]).output
        return " ".join(out.split("--grid", 1)[1].split())

    assert "e.g. timeline.FIELD" in grid_help("eval", "tls")
    assert "e.g. extract.NAME.FIELD" in grid_help("eval", "geo")
