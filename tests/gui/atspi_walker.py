"""Drive fkinspect the way a screen reader user does, through AT-SPI (run by test_atspi.py).

Runs with the system's /usr/bin/python3 (pyatspi is Debian's python3-pyatspi, not in the
venv), inside `dbus-run-session`: starts Xvfb, the accessibility bus (at-spi2-core) and the
app, then reads the app's accessible tree as Orca would and works the main flow with keys
alone: scan (F5) → filter (Ctrl+F, type) → select (Tab, Down) → clean (Tab, Space) →
confirm (Tab, Space) → close the result (Enter) → quit (Ctrl+Q). Prints one JSON object of
what it saw; the test asserts on it. Every wait polls with a deadline, none sleeps blindly.

    python3 atspi_walker.py APP_PYTHON ROOT WORK_DIR
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyatspi  # type: ignore[import-not-found]
from gi.repository import Atspi, GLib  # type: ignore[import-not-found]

WAIT_S = 60.0  # generous: two shared cores, a cold start of Qt and the a11y bus
# Roles a user acts on: each needs a name a screen reader can say.
ACTIONABLE = {"push button", "toggle button", "check box", "radio button", "text",
              "password text", "combo box", "table", "list", "tree table", "tree",
              "menu item", "check menu item", "radio menu item", "spin button", "slider",
              "page tab", "link", "entry"}
STEPS: list[str] = []  # what was waited for, in order: the last one is where it stopped


class Failed(Exception):
    pass


class KeysLost(Failed):
    """No synthesised key reached the app: the headless X and AT-SPI stack, not the app
    (exit code 3; the test starts a fresh stack)."""


def wait_for(what: str, probe, timeout: float = WAIT_S):
    """Poll `probe` (pumping AT-SPI's events) until it returns something true."""
    STEPS.append(what)
    end = time.monotonic() + timeout
    while True:
        pump()
        try:
            found = probe()
        except Exception:  # a node may vanish while it is read: ask again
            found = None
        if found:
            return found
        if time.monotonic() > end:
            raise Failed(f"timed out waiting for {what}")
        time.sleep(0.05)


def pump() -> None:
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def role(node) -> str:
    return node.getRoleName()


def showing(node) -> bool:
    return node.getState().contains(pyatspi.STATE_SHOWING)


def nodes(root, into_tables: bool = False):
    """Every showing node under root (table cells only when asked: there are hundreds)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        try:
            if node is not root and not showing(node):
                continue
            yield node
            if role(node) == "table" and not into_tables:
                continue
            stack.extend(reversed([node.getChildAtIndex(i) for i in range(node.childCount)]))
        except Exception:  # gone while walking
            continue


def find(root, wanted_role: str, name_prefix: str = ""):
    for node in nodes(root):
        if role(node) == wanted_role and (node.name or "").startswith(name_prefix):
            return node
    return None


class Focus:
    """The last focused node, from AT-SPI's focus events (as Orca follows them)."""

    def __init__(self, app=None) -> None:
        self.node = None
        self.app = app
        self.history: list[tuple[str, str]] = []
        pyatspi.Registry.registerEventListener(self._event, "object:state-changed:focused")

    def polled(self) -> tuple[str, str]:
        """The focused node as the app says now (asked, not told by an event)."""
        found = ("", "")
        for node in nodes(self.app):
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                found = (role(node), node.name or "")
        return found

    def _event(self, event) -> None:
        if event.detail1:
            self.node = event.source
            with contextlib.suppress(Exception):  # gone already
                self.history.append((role(event.source), event.source.name or ""))

    def now(self) -> tuple[str, str]:
        return self.history[-1] if self.history else ("", "")


def key(name: str) -> None:
    """Press and release one key by its X keysym name ("Tab", "F5", "Return")."""
    code = _keysym(name)
    pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_SYM)


def chord(modifier_mask: int, name: str) -> None:
    """A key with modifiers held (CONTROL: Ctrl), as AT-SPI's key synthesis locks them."""
    pyatspi.Registry.generateKeyboardEvent(modifier_mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    try:
        key(name)
    finally:
        pyatspi.Registry.generateKeyboardEvent(modifier_mask, None,
                                               Atspi.KeySynthType.UNLOCKMODIFIERS)


CONTROL = 1 << 2  # X's ControlMask


def type_text(text: str) -> None:
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)


_KEYSYMS = {"Tab": 0xFF09, "Return": 0xFF0D, "Escape": 0xFF1B, "Down": 0xFF54,
            "Up": 0xFF52, "Home": 0xFF50, "F5": 0xFFC2, "space": 0x20, "f": 0x66, "q": 0x71}


def _keysym(name: str) -> int:
    return _KEYSYMS[name]


def tab_until(focus: Focus, wanted, limit: int = 25) -> list[tuple[str, str]]:
    """Press Tab until `wanted(role, name)` is focused; the focus stops seen on the way."""
    seen: list[tuple[str, str]] = []
    for _ in range(limit):
        before = len(focus.history)
        key("Tab")
        wait_for("focus to move", lambda: len(focus.history) > before)  # noqa: B023
        seen.append(focus.now())
        if wanted(*focus.now()):
            return seen
    raise Failed(f"Tab never reached the control; focus went {seen}")


def keyboard_reaches_the_app(focus: Focus, attempts: int = 2) -> None:
    """Tab until the focus moves, giving the window the X keyboard focus before each try.

    Qt calls the window active as soon as it asks for the focus; with no window manager
    the X server may not have given it yet, and the keys would go nowhere. A window
    manager would settle this; here we do what it would, and check with one Tab.
    """
    polls = []
    for attempt in range(attempts):
        focus_main_window()
        before = len(focus.history)
        was = focus.polled()
        key("Tab")
        try:
            wait_for(f"the keyboard to reach the app (try {attempt + 1})",
                     lambda: len(focus.history) > before, timeout=15)  # noqa: B023
            return
        except Failed:
            polls.append((was, focus.polled()))
            continue
    raise KeysLost(f"no key reached the app in {attempts} tries; polled {polls}")


def unnamed(root) -> list[str]:
    """Showing controls a screen reader could not name, or whose role it cannot say."""
    bad = []
    for node in nodes(root):
        kind = role(node)
        focusable = node.getState().contains(pyatspi.STATE_FOCUSABLE)
        if kind in ACTIONABLE and not (node.name or "").strip():
            bad.append(f"{kind} without a name")
        elif kind == "unknown" and focusable:
            bad.append(f"focusable control without a role ({node.name!r})")
    return bad


def start(cmd: list[str], env: dict[str, str], **kw) -> subprocess.Popen:
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                            stderr=kw.pop("stderr", subprocess.DEVNULL), **kw)


def x_server(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """Xvfb on a free display number (it writes the number it took to a pipe)."""
    read_end, write_end = os.pipe()
    server = start(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24",
                    "-nolisten", "tcp"], env, pass_fds=(write_end,))
    os.close(write_end)
    number = b""
    end = time.monotonic() + WAIT_S
    while not number.endswith(b"\n") and time.monotonic() < end:
        chunk = os.read(read_end, 16)
        if not chunk:
            break
        number += chunk
    os.close(read_end)
    if not number.strip():
        raise Failed("Xvfb did not start")
    return server, ":" + number.decode().strip()


def flow(app_python: str, root: str, work: Path, seen: dict) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY"))}
    home = work / "home"
    for folder in (home, work / "tmp", work / "config", work / "data", work / "state",
                   work / "run"):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # The app sees only folders in WORK_DIR: its home, its temporary folder (where the demo
    # home is built, and cleaned) and its settings.
    env.update(HOME=str(home), TMPDIR=str(work / "tmp"), XDG_RUNTIME_DIR=str(work / "run"),
               XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"),
               XDG_STATE_HOME=str(work / "state"), PYTHONPATH=root, PYTHONDONTWRITEBYTECODE="1")
    children: list[subprocess.Popen] = []
    try:
        server, display = x_server(env)
        children.append(server)
        env["DISPLAY"] = display
        children.append(start(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                              env))
        app_env = {**env, "QT_ACCESSIBILITY": "1", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
                   "QT_QPA_PLATFORM": "xcb"}
        app_log = (work / "app.log").open("w")
        app = start([app_python, "-c", "import sys; from ui.app import main; "
                     "sys.exit(main(['--demo', '--lang', 'sv']))"], app_env, cwd=root,
                    stderr=app_log)
        children.append(app)
        os.environ["DISPLAY"] = display  # pyatspi's key events go through this X server
        return drive(app, work, seen)
    finally:
        for child in reversed(children):
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
                try:
                    child.wait(10)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()


class _WindowAttributes(ctypes.Structure):
    """Xlib's XWindowAttributes, for map_state (is the window on screen)."""
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
                ("height", ctypes.c_int), ("border_width", ctypes.c_int),
                ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class_", ctypes.c_int),
                ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
                ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
                ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
                ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


_IS_VIEWABLE = 2


def focus_main_window() -> None:
    """What a window manager does: give the keyboard to the main window (Xvfb runs none).
    Through libX11: the largest top-level window on screen is the main one (Qt keeps
    other top-level windows that are not mapped; the focus cannot go to those)."""
    x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    window = ctypes.c_ulong
    x11.XQueryTree.argtypes = [ctypes.c_void_p, window, ctypes.POINTER(window),
                               ctypes.POINTER(window),
                               ctypes.POINTER(ctypes.POINTER(window)),
                               ctypes.POINTER(ctypes.c_uint)]
    x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, window,
                                         ctypes.POINTER(_WindowAttributes)]
    x11.XSetInputFocus.argtypes = [ctypes.c_void_p, window, ctypes.c_int, ctypes.c_ulong]
    display = x11.XOpenDisplay(os.environ["DISPLAY"].encode())
    if not display:
        raise Failed("cannot open the X display")
    try:
        root, parent, count = window(), window(), ctypes.c_uint()
        children = ctypes.POINTER(window)()
        x11.XQueryTree(display, x11.XDefaultRootWindow(display), ctypes.byref(root),
                       ctypes.byref(parent), ctypes.byref(children), ctypes.byref(count))
        sizes = []
        for index in range(count.value):
            attributes = _WindowAttributes()
            if not x11.XGetWindowAttributes(display, children[index],
                                            ctypes.byref(attributes)):
                continue
            if attributes.map_state == _IS_VIEWABLE and not attributes.override_redirect:
                sizes.append((attributes.width * attributes.height, children[index]))
        if sizes:
            x11.XSetInputFocus(display, max(sizes)[1], 2, 0)  # RevertToParent, CurrentTime
        x11.XSync(display, 0)
    finally:
        x11.XCloseDisplay(display)


def the_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        node = desktop.getChildAtIndex(index)
        if node is not None and node.name == "fkinspect":
            return node
    return None


def rows(table) -> int:
    return table.queryTable().nRows


def drive(app_process: subprocess.Popen, work: Path, seen: dict) -> dict:
    app = wait_for("fkinspect on the accessibility bus", the_app)
    frame = wait_for("the main window", lambda: find(app, "frame"))
    seen["title"] = frame.name
    status = wait_for("the first reading", lambda: (
        (s := find(frame, "status bar")) is not None and (s.name or "").startswith("Läst")
        and s))
    table = wait_for("the table", lambda: find(frame, "table", "Kakor"))
    wait_for("rows in the table", lambda: rows(table) > 0)
    focus = Focus(app)
    wait_for("the window to be active", lambda: frame.getState().contains(
        pyatspi.STATE_ACTIVE))
    keyboard_reaches_the_app(focus)
    seen["unnamed"] = unnamed(frame)
    seen["controls"] = sorted({f"{role(n)}: {n.name}" for n in nodes(frame)
                               if role(n) in ACTIONABLE and n.name})
    clean = wait_for("the clean button", lambda: find(frame, "push button", "Ta bort analys"))
    seen["clean_before"] = clean.name
    scan_filter_select(frame, table, status, focus, seen)
    clean_confirm_close(app, frame, focus, work, seen)

    # Close: Ctrl+Q quits (once the main window has the keyboard back).
    before = len(focus.history)
    focus_main_window()
    wait_for("the main window's focus", lambda: len(focus.history) > before)
    seen["focus_before_quit"] = focus.now()
    chord(CONTROL, "q")
    end = time.monotonic() + WAIT_S
    while app_process.poll() is None and time.monotonic() < end:
        time.sleep(0.05)
    seen["exit_code"] = app_process.poll()
    return seen


def scan_filter_select(frame, table, status, focus: Focus, seen: dict) -> None:
    # Scan: F5 reads the browsers again.
    key("F5")
    try:  # the busy bar shows while it reads (a fast reading may end before it is seen)
        seen["reading_shown"] = bool(wait_for("the reading to start", lambda: find(
            frame, "progress bar"), timeout=5))
    except Failed:
        seen["reading_shown"] = False
    wait_for("the reading to end", lambda: find(frame, "progress bar") is None
             and (status.name or "").startswith("Läst") and rows(table) > 0)

    # The focus order, from the first control on.
    seen["tab_order"] = tab_until(focus, lambda r, n: r == "push button"
                                  and n.startswith("Ta bort analys"))
    seen["tab_order"] += tab_until(focus, lambda r, n: r == "push button"
                                   and n.startswith("Ta bort analys"))

    # Filter: Ctrl+F, then type; the table shows fewer rows.
    all_rows = rows(table)
    chord(CONTROL, "f")
    wait_for("the search field focused", lambda: focus.now()[0] == "text")
    type_text("_pk")
    search = find(frame, "text", "Sök")
    wait_for("the typed text", lambda: search.queryText().getText(0, -1) == "_pk")
    seen["rows"] = (all_rows, wait_for("the filter", lambda: (
        n := rows(table)) < all_rows and n))
    clear = wait_for("the search field's clear button", lambda: [
        n for n in nodes(search) if role(n) == "push button"])
    seen["clear_button"] = [n.name for n in clear]

    # Select: to the table, then Down selects a row; the details pane names it.
    tab_until(focus, lambda r, n: r in ("table", "table cell") or n == "Kakor")
    key("Down")
    details = wait_for("the details of the chosen cookie", lambda: find(
        frame, "label", "_pk"))
    seen["selected"] = details.name


def clean_confirm_close(app, frame, focus: Focus, work: Path, seen: dict) -> None:
    # Clean: Tab to the button, Space; the confirmation opens.
    tab_until(focus, lambda r, n: r == "push button" and n.startswith("Ta bort analys"))
    key("space")
    confirm = wait_for("the confirmation", lambda: next(
        (n for n in nodes(app) if role(n) == "dialog"), None))
    seen["confirm"] = confirm.name
    seen["confirm_unnamed"] = unnamed(confirm)
    tab_until(focus, lambda r, n: r == "push button" and n.startswith("Ta bort"))
    seen["confirm_button"] = focus.now()[1]
    key("space")

    # The result: Enter closes it (and never undoes).
    result = wait_for("the result", lambda: next(
        (n for n in nodes(app) if role(n) == "dialog" and n.name != confirm.name), None))
    seen["result"] = result.name
    seen["result_unnamed"] = unnamed(result)
    key("Return")
    wait_for("the result closed", lambda: not any(role(n) == "dialog" for n in nodes(app)))
    seen["clean_after"] = wait_for("the new count", lambda: (
        b := find(frame, "push button", "Ta bort analys")) is not None
        and b.name != seen["clean_before"] and b.name)
    seen["backups"] = sorted(p.name for p in (work / "tmp").rglob("*")
                             if "backups" in p.parts and p.is_file())


def main() -> int:
    app_python, root, work = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    seen: dict = {}
    try:
        flow(app_python, root, work, seen)
    except Failed as failure:
        print(json.dumps({**seen, "failed": str(failure), "steps": STEPS[-8:]}))
        return 3 if isinstance(failure, KeysLost) else 1
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
