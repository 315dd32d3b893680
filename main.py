"""Start the fkinspect app from a source checkout: `python main.py [--demo]`.

Here the app is the checkout's ui/ folder; a wheel installs it as fkinspect_ui, with the
`fkinspect-gui` script. The PyInstaller bundle is built from this file.
"""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
