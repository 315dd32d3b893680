"""Start the fkinspect app from a source checkout: `python main.py [--demo]`."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
