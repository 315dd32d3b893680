"""A page the user saved, read and compared with the list in use; adopted on request.

The CLI (`policy --compare/--import`) and the app's dialog make the same calls here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fkinspect.pagelist.compare import Comparison, compare, page_policy_data
from fkinspect.pagelist.reader import NotThePage, PageList, Unusable, read_page
from fkinspect.pagelist.stored import InUse, policy_in_use, save_imported
from fkinspect.policy import Policy, load_policy

MAX_PAGE = 64 << 20  # a saved page is a few MB at most; more is not that page


@dataclass(frozen=True, slots=True)
class SavedPage:
    path: Path
    data: bytes
    page: PageList
    in_use: InUse  # the list it was compared with
    comparison: Comparison

    @property
    def adoptable(self) -> bool:
        """Worth adopting, and fully read (a sentence left unread would be a cookie lost)."""
        return not self.comparison.same and not self.comparison.unplaced


def open_saved_page(path: Path, folder: Path | None = None) -> SavedPage:
    """Read `path` and compare it with the list in use (of `folder`, default the user's
    config folder). OSError when it cannot be read, NotThePage when it is not the page."""
    with path.open("rb") as file:
        data = file.read(MAX_PAGE + 1)
    if len(data) > MAX_PAGE:
        raise NotThePage(Unusable.UNREADABLE)
    built_in = load_policy()
    page = read_page(data, built_in.agency_name)
    in_use = policy_in_use(folder)
    return SavedPage(path, data, page, in_use, compare(page, in_use.policy, built_in))


def adopt(saved: SavedPage, folder: Path | None = None) -> Policy:
    """Make the page's list the one in use; deletes nothing. PolicyError or OSError when
    it cannot be stored (then the list in use is unchanged)."""
    name = saved.path.name
    return save_imported(page_policy_data(saved.page, load_policy(), name), saved.data, name,
                         folder)
