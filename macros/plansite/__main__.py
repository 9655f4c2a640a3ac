"""`python -m plansite …`: the same command as the `plansite` console script."""

import sys

from .cli import main

sys.exit(main())
