"""Dateline: turn dated news articles into a structured, searchable, sourced record.

The pipeline is read -> NLP -> extractors -> store -> analyses -> interfaces; each
stage is a subpackage or module named after its job. The Python API is
``dateline.extract_record`` (one article to its record), ``dateline.extract_many`` (many
articles, no database) and ``dateline.Dateline`` (a store: ingest, search, timeline,
records, events, export, stats); see :mod:`dateline.api`. Settings:
:class:`dateline.settings.Settings`.
"""

from typing import Any

from dateline.version import __version__ as __version__

#: The Python API (dateline/api.py), loaded on first use so that ``import dateline``
#: stays cheap for the modules and worker processes that need only a part of it.
_API = ("Dateline", "Extracted", "ParamError", "SearchHit", "StoreStats", "extract_many",
        "extract_record")


def __getattr__(name: str) -> Any:
    if name in _API:
        from dateline import api
        return getattr(api, name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
