"""`python -m fkinspect`: the command-line interface."""

import sys

from fkinspect.cli import main

sys.exit(main())
