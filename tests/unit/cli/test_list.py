"""`fkinspect list` starts lean: no Qt, no browser-cookie3 (it costs ~80 ms to import)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("PySide6", "shiboken6", "browser_cookie3", "Crypto", "Cryptodome", "secretstorage",
         "jeepney", "keyring")


def test_list_imports_neither_qt_nor_browser_cookie3(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from fkinspect.cli import main\n"
        f"code = main(['list', '--home', {str(tmp_path)!r}, '--json'])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & set(%r))\n"
        "print(json.dumps({'code': code, 'heavy': heavy}), file=sys.stderr)\n" % (HEAVY,)
    )
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)
    result = json.loads(out.stderr.strip().splitlines()[-1])
    assert result == {"code": 0, "heavy": []}
    assert json.loads(out.stdout) == {"stores": [], "cookies": []}
    log = (tmp_path / "state" / "fkinspect" / "log" / "fkinspect.log").read_text("utf-8")
    assert " INFO fkinspect.report: scan: 0 stores (0 failed), 0 cookies;" in log
