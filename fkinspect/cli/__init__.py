"""The `fkinspect` command line: one module per command, over the same core calls as the app.

main.py parses and dispatches; policy, list (with table), clean, restore and report are
the commands; common.py holds the exit codes and what they share. `main` here is the
function (the console script's entry point): import the module's other names with
`from fkinspect.cli.main import ...`.
"""

from fkinspect.cli.main import main

__all__ = ["main"]
