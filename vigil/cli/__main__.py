"""`python -m vigil.cli ...`, the same as the `vigil` command."""

import sys

from .commands import main

sys.exit(main())
