"""Every test writes its logs, backups and settings into a private folder, never the user's."""

from __future__ import annotations

import os
import tempfile

_PRIVATE = tempfile.mkdtemp(prefix="fkinspect-tests-")
for _name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_PRIVATE, _name.lower())
# The adopted cookie list (fkinspect.pagelist.stored) is looked for here, on every platform.
os.environ["FKINSPECT_CONFIG_DIR"] = os.path.join(_PRIVATE, "config")

# The CLI speaks the locale's language: the tests (and the commands they start) get
# Swedish, the default, whatever the machine's locale. LANGUAGE decides messages only
# (gettext reads it first), so the encoding LANG/LC_ALL give is left as it is.
os.environ["LANGUAGE"] = "sv"
