"""Text from the machine made safe to show: no terminal escapes, no forged log lines.

Profile names, folder names, cookie names and hosts come from files anyone can
write. Printed raw, "\\x1b]0;...\\x07" retitles the terminal, "\\x1b[2J" clears it,
and a newline in a folder name forges a line in the log. So every human output
passes its text through `printable`, and JSON text through `json_safe`.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, and lone surrogates (a name that was not valid
# UTF-8 decoded with surrogateescape: printing it would raise).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# The same minus C0, which json already escapes, for JSON text.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _SHORT.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(text: str) -> str:
    """`text` with every control character written out: ESC as `\\x1b`, newline as `\\n`.

    Plain spaces and every printable character, Swedish letters included, stay.
    """
    return _UNSAFE.sub(_escape, text)


def json_safe(encoded: str) -> str:
    """JSON text (from json with ensure_ascii=False) with DEL, C1 controls and lone
    surrogates written as \\u escapes too: json leaves them raw, and a terminal obeys
    C1 controls (\\x9b is CSI) as it obeys ESC. Still the same JSON value."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
