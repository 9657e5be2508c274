"""Evaluation harnesses: each module scores one extractor against gold data.

Every module here exposes ``command``, a click command that the CLI mounts as
``dateline eval <name> --data PATH``. Harnesses read gold data from a path given
on the command line; nothing in the package or its tests depends on it.
"""
