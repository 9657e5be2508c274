"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline_testing import ARTICLE


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline the extractors run on (loaded once per test run)."""
    from dateline.nlp import load_model

    return load_model()


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    p = tmp_path / "jets.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p
