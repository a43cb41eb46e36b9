import shutil
from pathlib import Path

import pytest

from build_tools import ROOT
from build_tools.validate import validate_activities

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "data/activities/2026/2026-12-05-sample-lecture.yaml"


@pytest.fixture
def write_record(tmp_path):
    """Write a record's text where validation expects it; returns the path."""

    def write(text: str, name: str = "2026-12-05-sample-lecture.yaml", year: str = "2026") -> Path:
        path = tmp_path / "data/activities" / year / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path

    return write


def problems_of(path: Path) -> list[tuple[str, int]]:
    report, _ = validate_activities([path], ROOT)
    return sorted((p.code, p.line) for p in report.problems)


@pytest.fixture
def repo_copy(tmp_path):
    """A copy of everything a build reads, to break without touching the repository."""
    root = tmp_path / "repo"
    for name in ("data", "content", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


TODAY = "2026-11-22"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The repository's site built once for the session with --today 2026-11-22."""
    import datetime as dt

    from build_tools.build import build

    site = tmp_path_factory.mktemp("built") / "site"
    assert build(dt.date.fromisoformat(TODAY), site) == 0
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    """The session's built site served on 127.0.0.1 (a free port) by nginx with the shipped
    configuration (deploy/nginx/portal.conf): the browser tests run under its headers and CSP."""
    from tests.nginx import nginx

    with nginx(built_site) as url:
        yield url


# The visitor's clock in the browser tests: the build day, 10:00 in China. Pages compare it with the
# day they were built for (the "may be out of date" notice, activities.js), so tests never depend on
# today's date; a test that needs another day sets its own (page.clock.set_fixed_time).
BROWSER_CLOCK = TODAY + "T10:00:00+08:00"


class _OnTheBuildDay:
    """The session's Chromium, every new page and context with its clock fixed at BROWSER_CLOCK."""

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        context.clock.set_fixed_time(BROWSER_CLOCK)
        return context

    def new_page(self, **kwargs):
        page = self._browser.new_page(**kwargs)
        page.clock.set_fixed_time(BROWSER_CLOCK)
        return page


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session; each test opens its own page or context."""
    from tests.browser import chromium

    with chromium() as b:
        yield _OnTheBuildDay(b)


PAGED_ACTIVITIES = 120  # > 2 × paging.PAGE_SIZE: the main list has 3 pages, status/ended 2


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory):
    """(root, site): a copy of the repository with 120 synthetic activities (bench/synth.py),
    built once for the session with --today 2026-11-22, so that lists run over several pages."""
    import datetime as dt

    from bench.synth import repo_with_activities
    from build_tools.build import build

    tmp = tmp_path_factory.mktemp("paged")
    root = repo_with_activities(PAGED_ACTIVITIES, tmp / "repo")
    assert build(dt.date.fromisoformat(TODAY), tmp / "site", root=root) == 0
    return root, tmp / "site"


@pytest.fixture(scope="module")
def activities(tmp_path_factory):
    """The repository's activities by id, each with its status on the tests' day (browser tests)."""
    import datetime as dt

    from build_tools.generate import context
    from build_tools.model.status import status_on
    from build_tools.validate import validate_all

    today = dt.date.fromisoformat(TODAY)
    ctx = context(validate_all(ROOT)[1], today, tmp_path_factory.mktemp("docs"))
    return {a.id: (a, status_on(a, today)) for a in ctx.activities}

