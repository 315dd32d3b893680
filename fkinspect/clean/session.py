"""Writing one of Firefox's session files (browsers/session_files.py): backup and rewrite.

Firefox keeps session cookies (no expiry) in memory and in this file, and a
Firefox set to open its previous windows and tabs restores them from it at
the next start. So a clean removes the planned entries here too, but only
while Firefox is closed: a running Firefox rewrites the file from memory.
What the file holds, and the file without the planned entries, is
browsers/firefox_session.py's. Here the bytes are written: beside the old
file under a private temporary name, flushed, and renamed over it, so a kill
at any moment leaves either the old file or the complete new one.
"""

from __future__ import annotations

from pathlib import Path

from fkinspect.browsers.firefox_session import SessionChanged
from fkinspect.clean.files import write_atomically

PARTIAL_SUFFIX = ".fkinspect-partial"  # never Firefox's own ".tmp" name


def back_up_session(data: bytes, target: Path) -> None:
    """Write the exact bytes of a session file to `target` (0600), checked, or raise OSError.

    Written under a `.partial` name, flushed, read back and compared, then
    renamed: a file under the final name is always a complete, checked copy
    (the same bytes as `data`, which the caller has parsed).
    """

    def reads_back(partial: Path) -> None:
        if partial.read_bytes() != data:
            raise OSError(f"the backup of {len(data)} bytes read back differently")

    write_atomically(target, data, check=reads_back)


def replace_session_file(path: Path, data: bytes, *, expect: bytes) -> None:
    """Put `data` in place of `path` in one rename, if `path` still holds `expect`.

    The temporary file sits beside the real one (same file system, so the
    rename is atomic) with the real file's permissions. SessionChanged when
    the file changed since it was read; OSError when it cannot be written.
    Either way the real file is left as it was.
    """

    def unchanged(_partial: Path) -> None:
        if path.read_bytes() != expect:
            raise SessionChanged("the session file changed while it was being cleaned")

    write_atomically(path, data, mode=path.stat().st_mode & 0o777, suffix=PARTIAL_SUFFIX,
                     check=unchanged)
