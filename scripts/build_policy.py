"""Write resources/policy.json from resources/policy.toml, the file people edit.

    python scripts/build_policy.py

Run it after every change to policy.toml; a test fails while the two differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fkinspect.policy import policy_json

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def main() -> int:
    target = RESOURCES / "policy.json"
    target.write_text(policy_json(RESOURCES / "policy.toml"), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
