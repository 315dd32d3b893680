"""What each category means for the person, and what the clean button does with a cookie,
in plain sentences: one wording shared by the overview and the details pane."""

from __future__ import annotations

from PySide6.QtCore import QObject

from fkinspect.model import Category, ClassifiedCookie
from fkinspect.presentation import Removal, button_removes, shown_category
from fkinspect.textsafe import printable


class Meanings(QObject):
    """tr() needs a QObject: the context "Meanings" in the .ts files."""

    def category(self, category: Category) -> str:
        """One sentence: what cookies of this category are for, for the person."""
        return {
            Category.NECESSARY: self.tr(
                "Needed for logging in and for the site to work."),
            Category.WEBMEETING: self.tr(
                "Used when you have a personal web meeting with Försäkringskassan."),
            Category.ANALYTICS: self.tr(
                "Measure how the site is used. The site works without them."),
            Category.THIRD_PARTY: self.tr(
                "Stored by other sites whose content is shown on Försäkringskassan's pages, "
                "such as videos."),
            Category.UNDOCUMENTED: self.tr(
                "Not in Försäkringskassan's list, and fkinspect does not recognise them."),
        }[category]

    def button(self, category: Category) -> str:
        """Whether the clean button touches this category, in a few words."""
        if button_removes(category):
            return self.tr("Removed by the button")
        return self.tr("Not touched by the button")

    def removal(self, verdict: Removal, item: ClassifiedCookie, tool: str) -> str:
        """Whether the button removes this one cookie, and why or why not."""
        if verdict is Removal.LISTED:
            return self.tr("Yes. Försäkringskassan's list says it is for web analytics, and "
                           "the button removes those.")
        if verdict is Removal.KNOWN_TOOL:
            return self.tr("Yes. It is not in Försäkringskassan's list, but it is recognised "
                           "as a {tool} cookie for web analytics, so the button removes it "
                           "too.").format(tool=tool or self.tr("known tool's"))
        if verdict is Removal.READ_ONLY:
            return self.tr("No, not from here: fkinspect can only read {browser}'s cookie "
                           "file. Remove it in the browser's own settings.").format(
                browser=item.cookie.store.profile.browser_name)
        if verdict is Removal.EXPIRED:
            return self.tr("No. It has already expired: the browser removes it by itself.")
        if verdict is Removal.OTHER_SITE:
            return self.tr("No. It belongs to another site ({site}), not to "
                           "Försäkringskassan. You can remove it in the browser's settings."
                           ).format(site=printable(item.cookie.domain))
        category = shown_category(item.classification)
        if category is Category.NECESSARY:
            return self.tr("No. It is needed for logging in and for the site to work.")
        if category is Category.WEBMEETING:
            return self.tr("No. It is used for personal web meetings with Försäkringskassan.")
        if category is Category.UNDOCUMENTED:
            return self.tr("No. It is not in Försäkringskassan's list and fkinspect cannot "
                           "tell what it is for, so it is left alone.")
        return self.tr("No. The button only removes web analytics cookies.")


MEANINGS = Meanings()
