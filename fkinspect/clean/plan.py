"""The plan: exactly which rows a clean removes, per store. Reads, never writes.

A cookie goes in when its classification's `clean_as` is one of the asked
categories (so an undocumented Matomo or Google Analytics cookie that the
classifier recognises as analytics goes with the documented ones), or when
the user picked it one by one. Necessary and unknown cookies never go in
otherwise. A plan is made from a Scan, which carries the policy it was
classified by: without a policy there is no scan, so nothing is planned (fail closed).
Firefox's older session files are planned after the live one (fallbacks.py).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from fkinspect.classify import Classifier
from fkinspect.clean import messages
from fkinspect.clean.fallbacks import fallback_sessions
from fkinspect.clean.target import clean_target_problem
from fkinspect.i18n import NOTHING, Words
from fkinspect.model import (
    Category,
    ClassifiedCookie,
    Family,
    Profile,
    Scan,
    StoreFormat,
    StoreLocation,
    StoreStatus,
)
from fkinspect.running import RunningEvidence, running_evidence

if TYPE_CHECKING:
    from fkinspect.policy import Policy

RunningCheck = Callable[[Profile], "RunningEvidence | None"]

# Categories a clean may take wholesale (the classifier's clean_as values for
# documented cookies and known tools); the others only cookie by cookie.
CLEANABLE = frozenset({Category.ANALYTICS, Category.WEBMEETING})
# A Firefox session file is written whole (clean/session.py), only while Firefox is closed.
WRITABLE_FORMATS = frozenset(
    {StoreFormat.CHROMIUM_SQLITE, StoreFormat.FIREFOX_SQLITE, StoreFormat.FIREFOX_SESSION}
)


class Refusal(StrEnum):
    """Why a store in the plan will not be written (a public JSON field)."""

    RUNNING = "running"  # the owning browser runs (for a session file too: it lives in memory)
    NOT_WRITABLE = "not_writable"  # Safari's binarycookies: read-only for us
    NO_ROW_IDS = "no_row_ids"  # rows read without a rowid cannot be named exactly
    OUTSIDE_PROFILE = "outside_profile"  # a link, or not in a profile folder the browser uses


@dataclass(frozen=True, slots=True)
class StorePlan:
    """One store's part of the plan."""

    location: StoreLocation
    remove: tuple[ClassifiedCookie, ...]
    keep: tuple[ClassifiedCookie, ...]
    schema: str = ""
    refusal: Refusal | None = None
    message: Words = NOTHING  # for people, when refused (said by the front)
    evidence: str = ""  # why it is refused: how we know the browser runs ... (English, technical)

    @property
    def profile(self) -> Profile:
        return self.location.profile

    @property
    def path(self) -> Path:
        return self.location.path

    @property
    def writable(self) -> bool:
        """Will run_clean try to write this store?"""
        return self.refusal is None and bool(self.remove)


@dataclass(frozen=True, slots=True)
class Plan:
    """What a clean will do, store by store, in scan order."""

    stores: tuple[StorePlan, ...]
    categories: tuple[Category, ...]
    made: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def to_remove(self) -> int:
        """Rows that would go from stores that can be written now."""
        return sum(len(s.remove) for s in self.stores if s.writable)

    @property
    def refused(self) -> tuple[StorePlan, ...]:
        """Stores with something to remove that will not be written."""
        return tuple(s for s in self.stores if s.remove and s.refusal is not None)

    @property
    def empty(self) -> bool:
        return not any(s.remove for s in self.stores)


def can_write(location: StoreLocation) -> bool:
    """May a clean write this kind of store at all (whatever runs or where it lies)?"""
    return location.format in WRITABLE_FORMATS and location.profile.family is not Family.SAFARI


def _refusal(
    location: StoreLocation, remove: tuple[ClassifiedCookie, ...], check_running: RunningCheck
) -> tuple[Refusal | None, Words, str]:
    profile = location.profile
    if not can_write(location):
        return Refusal.NOT_WRITABLE, messages.not_writable(profile), ""
    # Session-file entries have no row id: their full key names them (session.py).
    sqlite = location.format is not StoreFormat.FIREFOX_SESSION
    if sqlite and any(item.cookie.rowid is None for item in remove):
        return Refusal.NO_ROW_IDS, messages.no_row_ids(profile), ""
    outside = clean_target_problem(location)
    if outside is not None:
        return Refusal.OUTSIDE_PROFILE, messages.outside_profile(profile), outside
    evidence = check_running(profile)
    if evidence is not None:
        return Refusal.RUNNING, messages.close_browser(profile), evidence.how
    return None, NOTHING, ""


def make_plan(
    scan: Scan,
    categories: Collection[Category] = (Category.ANALYTICS,),
    picked: Collection[ClassifiedCookie] = (),
    *,
    check_running: RunningCheck | None = None,
) -> Plan:
    """The rows to remove: cookies whose clean_as (by `scan.policy`) is in `categories`,
    plus `picked`.

    Raises ValueError for a category that may only be removed cookie by cookie.
    `check_running` defaults to fkinspect.running.running_evidence (it only reads).
    """
    policy = scan.policy
    wanted = frozenset(categories)
    not_wholesale = wanted - CLEANABLE
    if not_wholesale:
        names = ", ".join(sorted(c.value for c in not_wholesale))
        raise ValueError(f"{names} cookies can only be picked one by one")
    check = check_running or _default_check
    picked_ids = {item.cookie.identity for item in picked}

    groups: dict[StoreLocation, tuple[list[ClassifiedCookie], list[ClassifiedCookie]]] = {}
    schemas: dict[StoreLocation, str] = {}
    for result in scan.stores:
        if result.status is StoreStatus.OK:
            groups.setdefault(result.location, ([], []))
            schemas[result.location] = result.schema
    seen: set[tuple[object, ...]] = set()
    for item in (*scan.cookies, *picked):
        ident = item.cookie.identity
        if ident in seen:
            continue
        seen.add(ident)
        remove, keep = groups.setdefault(item.cookie.store, ([], []))
        goes = item.classification.clean_as in wanted or ident in picked_ids
        (remove if goes else keep).append(item)
    groups = _with_fallbacks(groups, schemas, scan, policy, wanted, picked)

    stores = []
    for location, (remove, keep) in groups.items():
        refusal, message, evidence = (
            _refusal(location, tuple(remove), check) if remove else (None, NOTHING, "")
        )
        stores.append(
            StorePlan(
                location,
                tuple(remove),
                tuple(keep),
                schemas.get(location, ""),
                refusal,
                message,
                evidence,
            )
        )
    return Plan(tuple(stores), tuple(sorted(wanted)))


Groups = dict[StoreLocation, tuple[list[ClassifiedCookie], list[ClassifiedCookie]]]


def _with_fallbacks(
    groups: Groups,
    schemas: dict[StoreLocation, str],
    scan: Scan,
    policy: Policy,
    wanted: frozenset[Category],
    picked: Collection[ClassifiedCookie],
) -> Groups:
    """`groups` with each of Firefox's other session files right after the live one.

    What goes from them: the asked categories, and the picked session cookies of
    the same profile by their key (the same cookie, copied into the older file).
    """
    picked_keys = {(i.cookie.store.profile.directory, tuple(i.cookie.key)) for i in picked
                   if i.cookie.store.format is StoreFormat.FIREFOX_SESSION}  # fmt: skip
    after: dict[StoreLocation, Groups] = {}
    classifier = Classifier(policy)
    for live, found in fallback_sessions(scan, policy.scope()):
        remove: list[ClassifiedCookie] = []
        keep: list[ClassifiedCookie] = []
        for item in classifier.classify_all(found.cookies):
            key = (item.cookie.store.profile.directory, tuple(item.cookie.key))
            goes = item.classification.clean_as in wanted or key in picked_keys
            (remove if goes else keep).append(item)
        after.setdefault(live, {})[found.location] = (remove, keep)
        schemas[found.location] = found.schema
    ordered: Groups = {}
    for location, group in groups.items():
        ordered[location] = group
        ordered.update(after.pop(location, {}))
    for rest in after.values():  # a live file that did not read: its copies still go
        ordered.update(rest)
    return ordered


def _default_check(profile: Profile) -> RunningEvidence | None:
    return running_evidence(profile)
