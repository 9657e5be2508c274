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


@pytest.fixture(scope="session")
def namesake_places(nlp):
    """A function giving the places the extractor stores for a text published on
    2018-08-31, for the namesake sets."""
    import datetime as dt

    from dateline.extract import run_extractors
    from dateline.gazetteer import gazetteer

    gazetteer()

    def run(text: str) -> list[dict]:
        return run_extractors(nlp(text), dt.date(2018, 8, 31), only=("places",), text=text)["places"]

    return run


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    p = tmp_path / "jets.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p
