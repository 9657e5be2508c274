"""What keeps the HTTP API fast on a large store: the per-store cache keyed on the
store's data version (a commit invalidates it), the first-use loads done at start, and
``dateline serve --workers N`` (several processes, still on loopback only)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import psutil

from dateline.analyses.aliases import find_entity
from dateline.server import app_from_env, serve_spec, serve_workers
from dateline.settings import Settings
from dateline.store import Store, data_version


def _store(path: Path) -> Path:
    with Store(path):
        pass
    return path


def _add_alias(path: Path, alias: str, canonical: str, mentions: int) -> None:
    """Commit one alias row from another connection, as an ingest would."""
    with Store(path) as store, store.db:
        store.db.execute("INSERT INTO aliases (alias, label, canonical, mentions)"
                         " VALUES (?, 'PERSON', ?, ?)", (alias, canonical, mentions))


def test_data_version_changes_with_each_commit_and_only_then(tmp_path: Path) -> None:
    db = _store(tmp_path / "v.db")
    first = data_version(db)
    assert first is not None and data_version(db) == first
    with Store(db, readonly=True) as store:   # reading commits nothing
        store.count()
    assert data_version(db) == first
    _add_alias(db, "Lund", "Maria Lund", 3)
    second = data_version(db)
    assert second != first and data_version(db) == second
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    os.replace(copy, db)   # another file under the same name
    assert data_version(db) not in (first, second)
    assert data_version(tmp_path / "missing.db") is None


def test_entity_lookups_see_a_commit_made_after_they_were_cached(tmp_path: Path) -> None:
    db = _store(tmp_path / "a.db")
    _add_alias(db, "Maria Lund", "Maria Lund", 5)
    with Store(db, readonly=True) as store:
        assert find_entity(store, "Lund") == ["Maria Lund"]
        assert find_entity(store, "Okafor") == []   # now from the cached index
    _add_alias(db, "Chidi Okafor", "Chidi Okafor", 2)
    with Store(db, readonly=True) as store:
        assert find_entity(store, "Okafor") == ["Chidi Okafor"]
        assert find_entity(store, "Lund") == ["Maria Lund"]


def test_worker_processes_get_the_store_and_settings_of_the_command(tmp_path: Path,
                                                                     monkeypatch) -> None:
    db = _store(tmp_path / "s.db")
    settings = Settings().with_overrides(["timeline.mention_bonus=0.06"])
    monkeypatch.setenv("DATELINE_SERVE", serve_spec(db, settings, ("127.0.0.1",)))
    app = app_from_env()
    assert app.title == "Dateline"
    assert 1 <= serve_workers() <= 4
    assert "dateline.analyses.timeline" in sys.modules   # loaded at start, not on use


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_with_two_workers_answers_on_loopback_only(tmp_path: Path) -> None:
    db = _store(tmp_path / "w.db")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_DB"}
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db),
                             "--port", str(port), "--workers", "2"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        health = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                health = httpx2.get(f"{base}/api/health", timeout=5)
                break
            except httpx2.TransportError:
                time.sleep(0.3)
        assert health is not None and health.status_code == 200, proc.poll()
        assert health.json()["articles"] == 0
        foreign = httpx2.get(f"{base}/api/health", headers={"host": "evil.example"})
        assert foreign.status_code == 400
        workers = psutil.Process(proc.pid).children()
        assert len(workers) >= 2   # the two servers (and uvicorn's own helper, if any)
        listening = {c.laddr.ip for c in psutil.net_connections("inet")
                     if c.status == psutil.CONN_LISTEN and c.laddr.port == port}
        assert listening == {"127.0.0.1"}
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
    assert proc.returncode is not None
