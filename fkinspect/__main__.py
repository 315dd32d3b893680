"""`python -m fkinspect`: the command-line interface."""

import sys

from fkinspect.cli.main import main

sys.exit(main())
