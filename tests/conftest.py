"""Shared fixtures: building fixture sites, and the sample site built once per run."""

from __future__ import annotations

import os
from pathlib import Path
import sys

from hypothesis import settings as hypothesis_settings
import pytest

# The one place tests are given the project's code: sitebuild and the other helpers here,
# the plugins (as Pelican's PLUGIN_PATHS does), and the project's tasks.py.
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitebuild import ROOT, build_site

# Property tests draw the same examples on every run (CI never meets a new one by chance);
# HYPOTHESIS_PROFILE=explore draws new, more examples when hunting for bugs.
hypothesis_settings.register_profile("kit", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile("explore", max_examples=2000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kit"))

#: The build date every test uses unless it says otherwise (2026-11-25 12:00 UTC).
BUILD_EPOCH = "1795608000"


@pytest.fixture(autouse=True, scope="session")
def pinned_build_date():
    """Pin "now" for every build in the tests, as CI and reproducible builds do.

    Session-wide, so that fixtures built once per module or per run (the sample site...)
    get the same date whichever test asks first; a test that changes it gets it back after.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", os.environ.get("TEST_SOURCE_DATE_EPOCH", BUILD_EPOCH))
        yield


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample site in content/, built once for the whole test run."""
    return build_site(ROOT / "content", tmp_path_factory.mktemp("sample") / "output")


def pytest_addoption(parser):
    """``--update-expected`` rewrites the bad-input corpus's expected messages."""
    parser.addoption(
        "--update-expected",
        action="store_true",
        help="rewrite tests/bad_input/*/expected.txt from the current messages",
    )


def pytest_collection_modifyitems(config, items):
    """Browser and Lighthouse tests are ``slow`` too, so ``-m "not slow"`` is the fast half."""
    browser = Path(__file__).resolve().parent / "browser"
    for item in items:
        if browser in Path(item.path).parents or item.get_closest_marker("lighthouse"):
            item.add_marker(pytest.mark.slow)


def pytest_sessionfinish(session, exitstatus):
    """Wait for the replaced sites' deletion, so that no process outlives the test run."""
    from site_core.output import wait_for_deletions

    wait_for_deletions()
