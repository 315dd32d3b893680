"""Remove cookies safely, with a backup and undo. The only code that writes to a store.

Public API (blocking: the app calls these off the GUI thread):
  make_plan(scan, categories=(ANALYTICS,), picked=()) -> Plan
  run_clean(plan, *, backup_root=None, progress=None) -> CleanResult
  list_journals(backup_root=None) -> list[Journal]
  load_journals(backup_root=None) -> (usable journals, damaged ones)
  restore(journal_id, *, backup_root=None) -> RestoreResult
  prune(backup_root=None, now=None) -> list[Path]
"""

from fkinspect.clean.execute import CleanResult, Status, Step, StoreOutcome, run_clean
from fkinspect.clean.files import default_backup_root
from fkinspect.clean.journal import (
    DamagedJournal,
    Journal,
    JournalState,
    RemovedRow,
    list_journals,
    load_journals,
)
from fkinspect.clean.plan import Plan, Refusal, StorePlan, make_plan
from fkinspect.clean.prune import prune
from fkinspect.clean.restore import (
    JournalNotFound,
    RestoreOutcome,
    RestoreResult,
    RestoreStatus,
    latest_run,
    restore,
)

__all__ = [
    "CleanResult", "DamagedJournal", "Journal", "JournalNotFound", "JournalState", "Plan",
    "Refusal", "RemovedRow", "RestoreOutcome", "RestoreResult", "RestoreStatus", "Status", "Step",
    "StoreOutcome", "StorePlan", "default_backup_root", "latest_run", "list_journals",
    "load_journals", "make_plan", "prune", "restore", "run_clean",
]  # fmt: skip
