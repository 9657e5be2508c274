"""Settings: defaults, help text, the TOML file, key=value overrides, and the
command line's --config, --set and `dateline config`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import dateline
from dateline.cli import cli
from dateline.extract import registry
from dateline.settings import Settings, TimelineSettings, default_workers

BURST = ("date 2021-03-05\n\nThe river dam burst on Thursday and flooded the valley villages "
         "overnight.\n\nRescue teams evacuated four hundred residents from the flooded farms.\n")
REPAIR = ("date 2021-03-09\n\nEngineers inspected the broken dam wall on Monday after the "
          "waters receded.\n\nThe dam had burst on March 4 after days of heavy rain.\n")


@pytest.fixture(autouse=True)
def no_ambient_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No $DATELINE_CONFIG and no ./dateline.toml from the machine running the tests."""
    monkeypatch.delenv("DATELINE_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def flood_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("settings-in")
    (folder / "burst.txt").write_text(BURST, encoding="utf-8")
    (folder / "repair.txt").write_text(REPAIR, encoding="utf-8")
    db = tmp_path_factory.mktemp("settings-db") / "flood.db"
    with dateline.Dateline(db) as dl:
        assert dl.ingest([folder], workers=1).stored == 2
    return db


def _run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


# -- the object ------------------------------------------------------------------------


def test_defaults_are_those_of_the_former_module_constants():
    s = Settings()
    assert (s.model, s.workers, s.batch_size) == (None, default_workers(), 16)
    assert 1 <= s.workers <= 2
    assert s.timeline == TimelineSettings(
        mention_weight=1.0, pub_weight=0.25, next_day_weight=0.5, lead_sentences=10,
        min_tokens=6, max_tokens=50, duplicate_similarity=0.5, mention_bonus=0.05,
        quote_factor=0.5, future_factor=0.7, topic_weight=1.25, summary_pool=50)
    assert dateline.Dateline.__init__.__kwdefaults__["settings"] is None   # -> Settings()


def test_every_field_has_help_text():
    holders = [Settings(), TimelineSettings(), *(spec.config for spec in registry().values())]
    for holder in holders:
        for f in dataclasses.fields(holder):
            assert f.metadata.get("help"), f"{type(holder).__name__}.{f.name} has no help"
    listed = list(Settings().items())
    assert all(text for _, _, text in listed)
    keys = [key for key, _, _ in listed]
    assert keys[:3] == ["model", "workers", "batch_size"]
    assert "timeline.mention_bonus" in keys and "extract" not in keys


def test_overrides_are_parsed_to_the_field_type():
    s = Settings.load(overrides=["workers=4", "timeline.mention_bonus=0.06",
                                 "timeline.lead_sentences=8", "model=en_core_web_sm"])
    assert (s.workers, s.timeline.mention_bonus, s.timeline.lead_sentences) == (4, 0.06, 8)
    assert s.model == "en_core_web_sm"
    assert Settings.load(overrides=["model=none"]).model is None
    assert s.timeline.pub_weight == 0.25          # others keep their defaults


@pytest.mark.parametrize("item, message", [
    ("nosuch=1", "unknown setting 'nosuch'"),
    ("timeline.nosuch=1", "unknown setting 'timeline.nosuch'"),
    ("extract.nosuch.x=1", "unknown setting 'extract.nosuch.x' (no extractor named 'nosuch')"),
    ("extract.places.nosuch=1", "unknown setting 'extract.places.nosuch'"),
    ("workers=many", "setting workers: 'many' is not an int"),
    ("workers=0", "setting workers: '0' is less than 1"),
    ("timeline.mention_bonus=high", "setting timeline.mention_bonus: 'high' is not a float"),
    ("workers", "setting 'workers': expected key=value"),
])
def test_bad_overrides_name_the_key(item: str, message: str):
    with pytest.raises(ValueError) as err:
        Settings.load(overrides=[item])
    assert message in str(err.value)


def test_toml_file_then_overrides(tmp_path: Path):
    cfg = tmp_path / "tuned.toml"
    cfg.write_text("workers = 1\nbatch_size = 8\n[timeline]\nmention_bonus = 0.1\n"
                   "topic_weight = 1\n", encoding="utf-8")
    s = Settings.load(cfg, ["batch_size=32"])
    assert (s.workers, s.batch_size) == (1, 32)
    assert s.timeline.mention_bonus == 0.1
    assert s.timeline.topic_weight == 1.0 and isinstance(s.timeline.topic_weight, float)


def test_default_file_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    assert Settings.load() == Settings()                       # nothing there: defaults
    (tmp_path / "dateline.toml").write_text("batch_size = 4\n", encoding="utf-8")
    assert Settings.load().batch_size == 4                     # ./dateline.toml
    other = tmp_path / "other.toml"
    other.write_text("batch_size = 5\n", encoding="utf-8")
    monkeypatch.setenv("DATELINE_CONFIG", str(other))
    assert Settings.load().batch_size == 5                     # $DATELINE_CONFIG wins
    assert Settings.load(tmp_path / "dateline.toml").batch_size == 4   # a named file wins


def test_bad_files_name_the_file_and_key(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text("workers = 'two'\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.toml: setting workers: 'two' is not an int"):
        Settings.load(bad)
    bad.write_text("[timeline]\nnosuch = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown setting 'timeline.nosuch'"):
        Settings.load(bad)
    bad.write_text("workers = = 2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.toml: not valid TOML"):
        Settings.load(bad)
    with pytest.raises(ValueError, match="absent.toml: cannot read"):
        Settings.load(tmp_path / "absent.toml")


def test_extractor_config_fields_can_be_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    @dataclasses.dataclass(frozen=True)
    class PlacesConfig:
        min_population: int = dataclasses.field(default=0, metadata={"help": "Smallest place."})
        adjectival: bool = dataclasses.field(default=True, metadata={"help": "Keep 'Russian'."})

    specs = registry()
    specs["places"] = dataclasses.replace(specs["places"], config=PlacesConfig())
    monkeypatch.setattr("dateline.extract.registry", lambda: specs)
    s = Settings.load(overrides=["extract.places.min_population=1000",
                                 "extract.places.adjectival=no"])
    assert s.extractor_configs()["places"] == PlacesConfig(1000, False)
    assert ("extract.places.min_population", 1000, "Smallest place.") in list(s.items())
    cfg = tmp_path / "places.toml"
    cfg.write_text("[extract.places]\nmin_population = 5\n", encoding="utf-8")
    assert Settings.load(cfg).extractor_configs()["places"].min_population == 5
    with pytest.raises(ValueError, match="places has min_population, adjectival"):
        Settings.load(overrides=["extract.places.population=1"])


def test_settings_pass_through_the_api(flood_db: Path):
    flat = Settings.load(overrides=["timeline.mention_weight=0", "timeline.pub_weight=0",
                                    "timeline.next_day_weight=0"])
    with dateline.Dateline(flood_db, readonly=True, settings=flat) as dl:
        assert {e.score for e in dl.timeline(max_dates=2).entries} == {0.0}
    record = dateline.extract_record("The dam burst on Thursday.", published="2021-03-05",
                                     settings=Settings(workers=1))
    assert [d["value"] for d in record["dates"]] == ["2021-03-04"]


# -- the command line ------------------------------------------------------------------


def test_config_command_lists_every_setting_with_help():
    r = _run("config")
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0] == "model = none" and lines[1].startswith("    spaCy model")
    assert "timeline.mention_bonus = 0.05" in lines
    assert len(lines) == 2 * len(list(Settings().items()))
    r = _run("config", "--json")
    listed = json.loads(r.output)
    assert listed["batch_size"] == {"value": 16, "help": Settings.__dataclass_fields__[
        "batch_size"].metadata["help"]}
    assert all(v["help"] for v in listed.values())


def test_set_and_config_on_the_group_and_on_commands(tmp_path: Path):
    cfg = tmp_path / "tuned.toml"
    cfg.write_text("[timeline]\nmention_bonus = 0.2\n", encoding="utf-8")
    r = _run("--config", str(cfg), "--set", "workers=1", "config", "--json")
    listed = json.loads(r.output)
    assert listed["timeline.mention_bonus"]["value"] == 0.2
    assert listed["workers"]["value"] == 1
    # a command's own --set comes after the group's
    r = _run("--set", "batch_size=3", "config", "--set", "batch_size=5", "--json")
    assert json.loads(r.output)["batch_size"]["value"] == 5
    # $DATELINE_CONFIG, and ./dateline.toml
    r = _run("config", "--json", env={"DATELINE_CONFIG": str(cfg)})
    assert json.loads(r.output)["timeline.mention_bonus"]["value"] == 0.2
    (tmp_path / "dateline.toml").write_text("batch_size = 7\n", encoding="utf-8")
    assert json.loads(_run("config", "--json").output)["batch_size"]["value"] == 7


def test_bad_settings_give_one_line_and_exit_2(tmp_path: Path, flood_db: Path):
    r = _run("--set", "timeline.nosuch=1", "timeline", "--db", str(flood_db))
    assert r.exit_code == 2
    assert r.output.startswith("dateline: unknown setting 'timeline.nosuch'")
    assert len(r.output.splitlines()) == 1
    r = _run("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--set", "workers=none")
    assert r.exit_code == 2 and "setting workers: 'none' is not an int" in r.output
    r = _run("extract", "-", "--set", "batch_size=0", "--published", "2021-03-05")
    assert r.exit_code == 2 and "setting batch_size: '0' is less than 1" in r.output
    r = _run("--config", str(tmp_path / "absent.toml"), "config")
    assert r.exit_code == 2 and "absent.toml: cannot read" in r.output


def test_timeline_command_reads_the_settings(flood_db: Path, tmp_path: Path):
    plain = _run("timeline", "--db", str(flood_db), "--format", "json", "--max-dates", "2")
    flat = _run("timeline", "--db", str(flood_db), "--format", "json", "--max-dates", "2",
                "--set", "timeline.mention_weight=0", "--set", "timeline.pub_weight=0",
                "--set", "timeline.next_day_weight=0")
    assert plain.exit_code == flat.exit_code == 0
    assert {e["score"] for e in json.loads(flat.output)["entries"]} == {0.0}
    assert {e["score"] for e in json.loads(plain.output)["entries"]} != {0.0}
    cfg = tmp_path / "flat.toml"
    cfg.write_text("[timeline]\nmention_weight = 0\npub_weight = 0\nnext_day_weight = 0\n",
                   encoding="utf-8")
    again = _run("--config", str(cfg), "timeline", "--db", str(flood_db), "--format", "json",
                 "--max-dates", "2")
    assert again.output == flat.output


def test_ingest_and_extract_read_the_settings(tmp_path: Path):
    (tmp_path / "burst.txt").write_text(BURST, encoding="utf-8")
    r = _run("--set", "workers=1", "--set", "batch_size=1", "ingest", str(tmp_path / "burst.txt"),
             "--db", str(tmp_path / "s.db"), "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output.splitlines()[0])["stored"] == 1
    rows = tmp_path / "in.jsonl"
    rows.write_text(json.dumps({"id": "a", "published": "2021-03-05",
                                "text": "The dam burst on Thursday."}) + "\n", encoding="utf-8")
    r = _run("extract", "--jsonl", str(rows), "--set", "workers=1", "--config",
             str(tmp_path / "none.toml"))
    assert r.exit_code == 2 and "none.toml: cannot read" in r.output
    r = _run("extract", "--jsonl", str(rows), "--set", "workers=1")
    assert r.exit_code == 0 and json.loads(r.output)["dates"][0]["value"] == "2021-03-04"
