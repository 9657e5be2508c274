"""Dateline: turn dated news articles into a structured, searchable, sourced record.

The pipeline is read -> NLP -> extractors -> store -> analyses -> interfaces; each
stage is a subpackage or module named after its job.
"""

__version__ = "0.1.0"
