"""Measure claimlint as users run it: with its modules compiled to bytecode.

``pip install`` compiles a package's modules when it installs them, so a
user's claimlint starts from bytecode. An editable install, or a Python run
with PYTHONDONTWRITEBYTECODE set, compiles every module from source at each
start instead: some 30 ms that no user pays. The benchmarks compile the
modules first, into the usual ``__pycache__`` folders.
"""

from __future__ import annotations

import compileall
import sys
from pathlib import Path


def compile_claimlint() -> None:
    import claimlint

    folder = Path(claimlint.__file__).parent
    if not compileall.compile_dir(str(folder), quiet=1):
        sys.exit(f"could not compile the modules in {folder}")


def fresh_user_cache() -> Path:
    """Give this benchmark's runs a user cache of their own, as a user of one claimlint version has.

    The rule-set and pattern caches live in the user's cache folder; a
    developer's holds entries of other versions and of the test suite, which
    every start would load. The first run fills the new folder, as a user's
    first run does.
    """
    import os
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="claimlint-user-cache-"))
    os.environ["CLAIMLINT_CACHE_DIR"] = str(folder)
    return folder
