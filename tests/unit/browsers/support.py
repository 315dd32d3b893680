"""What the readers' tests share: reading a store in a child process as another user."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def statuses_without_and_with_read_permission(reader: str, family: str, store_format: str,
                                              file_name: str,
                                              write: Callable[[Path], None]) -> list[str]:
    """The status `fkinspect.browsers.<reader>` gives a store of mode 0, then of mode 0644.

    Root reads any file, so as root the read runs as `nobody` (skipped without setpriv).
    """
    user_args: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv is missing: cannot be denied a file")
        user_args = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    code = (
        "import sys; from pathlib import Path\n"
        f"from fkinspect.browsers.{reader} import read_{reader}\n"
        "from fkinspect.model import *\nfrom fkinspect.scope import Scope\n"
        "p = Path(sys.argv[1])\n"
        f"prof = Profile('{reader}', 'Browser', Family.{family}, 'P', p.parent, p.parent)\n"
        f"loc = StoreLocation(prof, p, StoreFormat.{store_format})\n"
        f"print(str(read_{reader}(loc, Scope.of('forsakringskassan.se')).status))\n"
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o755)
        path = Path(folder) / file_name
        write(path)
        statuses = []
        for mode in (0, 0o644):
            path.chmod(mode)
            done = subprocess.run([*user_args, sys.executable, "-c", code, str(path)],
                                  capture_output=True, text=True, check=True, env=env,
                                  timeout=60, cwd=ROOT)
            statuses.append(done.stdout.strip())
    return statuses
