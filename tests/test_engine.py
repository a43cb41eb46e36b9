"""The engine swap can be undone: ProperDocs (the default) and MkDocs 1.6.1 build the same site.

The session's site (tests/conftest.py built_site) is built by ProperDocs; here MkDocs builds the
same repository in a subprocess (PORTAL_ENGINE=mkdocs). Same files; HTML identical apart from the
generator tag; every other file byte for byte, except Pagefind's filter and metadata files: Pagefind
names and orders them differently on every run of the same pages (measured: two runs on one site
differ there), so of its bundle the content-addressed fragments and index chunks are compared.
"""

import os
import re
import subprocess
import sys

from build_tools import ROOT
from tests.conftest import TODAY

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
UNSTABLE = re.compile(r"pagefind/(filter/.*|pagefind\..*\.pf_meta|pagefind-entry\.json)")


def files(site):
    """The site's files by path, without those Pagefind writes differently on every run."""
    return {n: p for p in site.rglob("*") if p.is_file() and not UNSTABLE.fullmatch(n := p.relative_to(site).as_posix())}


def build_with(engine, site):
    env = {**os.environ, "PORTAL_ENGINE": engine}
    return subprocess.run([sys.executable, "-m", "build_tools", "build", "--today", TODAY, "--site-dir", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def test_properdocs_is_the_engine(built_site):
    page = (built_site / "index.html").read_bytes()
    assert b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">' in page


def test_mkdocs_builds_the_same_site(built_site, tmp_path):
    done = build_with("mkdocs", tmp_path / "site")
    assert done.returncode == 0, done.stderr
    ours, theirs = files(built_site), files(tmp_path / "site")
    assert sorted(ours) == sorted(theirs)
    differ = []
    for name, path in ours.items():
        a, b = path.read_bytes(), theirs[name].read_bytes()
        if name.endswith(".html"):
            assert GENERATOR.search(b) or name.startswith("pagefind/"), name
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        if a != b:
            differ.append(name)
    assert differ == []


def test_unknown_engine_is_a_usage_error(tmp_path):
    done = build_with("zensical", tmp_path / "site")
    assert done.returncode == 2
    assert "PORTAL_ENGINE 只能是 properdocs 或 mkdocs" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()
