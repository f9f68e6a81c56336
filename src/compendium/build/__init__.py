"""The build: `make reports` (driver.build), `make process` (processing.process_all),
`make verify` (verification.verify). Its modules, each importing only those below it
(the second import-linter contract in pyproject.toml):

    driver                                  the build, start to end
    verification | pool | processing | index   make verify; the workers seen from the build; letters; reports/index.html
    worker                                  a forked worker: one kernel, notebook after notebook
    kernel | export | unregistered          start/reset/run/stop a kernel; notebook → HTML; outputs of removed letters
    jobs                                    what to build, and what of it is stale
    staleness                               digests, stamps, each stage's code key from its import closure
    lock | log                              the build lock; what the build says and its phase timings
"""

from __future__ import annotations

from .driver import build
from .jobs import CORPUS, REPORTS, TITLES, Job, notebooks
from .kernel import KERNEL
from .processing import process_all
from .staleness import Stamps, import_closure, report_code_digest
from .verification import VERIFY_LOCK, remove_stale_verify_copies, verify
from .worker import die_with_parent

__all__ = ["CORPUS", "KERNEL", "PROCESS_MODULES", "REPORTS", "REPORT_MODULES", "TITLES", "VERIFY_LOCK", "Job",
           "Stamps", "build", "die_with_parent", "import_closure", "notebooks", "process_all",
           "remove_stale_verify_copies", "report_code_digest", "verify"]


def __getattr__(name: str):
    """PROCESS_MODULES and REPORT_MODULES are read from the source when first asked for."""
    if name in ("PROCESS_MODULES", "REPORT_MODULES"):
        from . import staleness

        return getattr(staleness, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
