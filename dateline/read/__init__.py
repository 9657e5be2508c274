"""Readers: turn files, folders, globs and streams into :class:`~dateline.article.Article`s.

:func:`read_paths` yields, for every article found, either an ``Article`` or a
:class:`Rejection` saying which input (file and line) was refused and why.
Readers never raise on bad input; they report it and go on.
"""

from dateline.read.base import ReadOptions, Rejection
from dateline.read.files import count_articles, expand_paths, read_file, read_paths

__all__ = ["Rejection", "ReadOptions", "count_articles", "expand_paths", "read_paths",
           "read_file"]
