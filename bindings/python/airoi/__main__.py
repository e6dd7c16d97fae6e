"""``python -m airoi ARGS...``: runs the ``airoi`` command shipped with the
library, passing the arguments, standard streams and exit status through
(see :mod:`airoi.cli`)."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
