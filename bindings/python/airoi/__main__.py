"""``python -m airoi``: the ``airoi`` command (report, validate, audit,
compare) from Python; see :mod:`airoi.cli`.  ``python -m airoi --version``
names the package and the library in use."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
