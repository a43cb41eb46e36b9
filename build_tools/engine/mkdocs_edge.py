"""The only module that talks to the engine: build a docs folder into a site folder, strictly.

The engine is ProperDocs (PyPI `properdocs`, the maintained continuation of MkDocs 1.x).
Importing `properdocs.replacement` redirects every `mkdocs.*` import to `properdocs.*` in this
process, so mkdocs-material 9.8.1 and this module's own `from mkdocs… import` run on it unchanged.
`PORTAL_ENGINE=mkdocs` builds with MkDocs 1.6.1 instead (still installed): the swap can be
undone, and tests/test_engine.py compares the two builds page by page.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path

ENGINES = ("properdocs", "mkdocs")  # the first is the default
# mkdocs' log and the theme's (mkdocs.material…) keep their names under ProperDocs, which logs as properdocs.
_LOGGERS = ("mkdocs", "properdocs")


class EngineUnknown(Exception):
    """PORTAL_ENGINE names no engine this module knows."""


def engine() -> str:
    """The engine this process builds with (PORTAL_ENGINE, default properdocs), imported so that
    `mkdocs.*` names the engine's modules from here on."""
    name = os.environ.get("PORTAL_ENGINE") or ENGINES[0]
    if name not in ENGINES:
        raise EngineUnknown(f"环境变量 PORTAL_ENGINE 只能是 {' 或 '.join(ENGINES)}，收到 {name[:40]!r}")
    if name == "properdocs":
        import properdocs.replacement  # noqa: F401  (installs the mkdocs.* → properdocs.* alias)
    return name


class MkdocsFailed(Exception):
    """The engine refused the build; `report` says why, by file and line, in Chinese."""

    def __init__(self, report):
        super().__init__(f"{len(report.problems)} 个问题")
        self.report = report


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, late: Sequence[str] = (),
               written: Callable[[str], None] | None = None, theme_values: dict | None = None) -> list[Path]:
    """`mkdocs build --strict` of config_file with docs_dir and site_dir replaced; returns the
    theme's template folders (overrides first), where html_check finds the theme's own scripts.

    `late` names site files that are added after the build (forked.LateFiles): links to
    them are checked like links to any file, but mkdocs does not copy them. `written` is
    told each page's site path once the page is on disk (privacy.files.SiteScan). `theme_values`
    reach the templates as `config.extra.portal` (the footer: pages/footer.py); mkdocs.yml unchanged.
    """
    engine()
    import jinja2
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from ..report.problems import Report
    from .mkdocs_problems import from_log, from_template_error

    root, report = config_file.parent, Report()
    logs = [logging.getLogger(name) for name in _LOGGERS]
    collect = _Collect(lambda message: from_log(message, docs_dir, root, report))
    for log in logs:
        log.addHandler(collect)  # the warnings that make --strict abort, as problems
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
        if theme_values is not None:
            config["extra"]["portal"] = theme_values
        if late:
            config.plugins["portal-late-files"] = _late_files_plugin(late)
        if written:
            config.plugins["portal-pages-written"] = _pages_written_plugin(written)
        config.plugins["portal-text-only"] = _text_only_plugin()
        config.plugins["portal-release-pages"] = _release_pages_plugin()
        build(config)
        if not report.errors:  # a warning logged outside the engine's own counter fails the build too
            return [Path(d) for d in config.theme.dirs]
    except jinja2.TemplateError as exc:
        from_template_error(exc, root, report)
    except (exceptions.MkDocsException, exceptions.Abort) as exc:
        if not report.problems:
            from_log(str(exc), docs_dir, root, report)
    finally:
        for log in logs:
            log.removeHandler(collect)
    raise MkdocsFailed(report)


def render_pages(config_file: Path, docs_dir: Path, site_dir: Path, pages: Sequence[str],
                 theme_values: dict | None = None) -> None:
    """Render only the given pages (paths relative to docs_dir) of a docs folder that was built
    whole before, into site_dir, as the full build renders them (theme, nav, our plugins).

    For the preview (`make serve`): mkdocs has no incremental build, and reading every page to
    show one changed record took minutes at 5,000 activities. Links and titles of the other pages
    come from the nav as mkdocs.yml gives it; nothing else is checked here: the deployed site is
    always a full build. MkDocsFailed as build_site raises it. `theme_values` as for build_site.
    """
    engine()
    import jinja2
    from mkdocs import exceptions
    from mkdocs.commands.build import _build_page, _populate_page
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    from ..report.problems import Report
    from .mkdocs_problems import from_log, from_template_error

    root, report = config_file.parent, Report()
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir))
        if theme_values is not None:
            config["extra"]["portal"] = theme_values
        config.plugins["portal-text-only"] = _text_only_plugin()
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        nav = get_navigation(files, config)
        chosen = [files.get_file_from_path(p) for p in pages]
        for file in (f for f in chosen if f is not None):
            if file.page is None:
                Page(None, file, config)
            _populate_page(file.page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        for file in (f for f in chosen if f is not None):
            _build_page(file.page, config, files.documentation_pages(), nav, env)
        return
    except jinja2.TemplateError as exc:
        from_template_error(exc, root, report)
    except (exceptions.MkDocsException, exceptions.Abort, OSError) as exc:
        from_log(str(exc), docs_dir, root, report)
    raise MkdocsFailed(report)


class _Collect(logging.Handler):
    """Hands each warning (or worse) of mkdocs' log to a function."""

    def __init__(self, take):
        super().__init__(logging.WARNING)
        self.take = take

    def emit(self, record):
        self.take(record.getMessage())


def _late_files_plugin(paths: Sequence[str]):
    """A plugin that shows mkdocs the late files while it checks links, then hides them.

    mkdocs checks links while it reads the pages (before on_env) and copies static files
    right after on_env; the late files do not exist yet, so they leave the list there.
    """
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import File

    class LateFiles(BasePlugin):
        def on_files(self, files, config):
            self.added = [File(p, config.docs_dir, config.site_dir, config.use_directory_urls) for p in paths]
            for f in self.added:
                files.append(f)
            return files

        def on_env(self, env, config, files):
            for f in self.added:
                files.remove(f)
            return env

    return LateFiles()


def _text_only_plugin():
    """A plugin that makes every value the theme prints text, unless it is HTML mkdocs rendered.

    The theme prints page titles, meta descriptions and nav entries as HTML (PITFALLS.md
    "Measured later"); titles and front matter come from data. So the theme's Jinja environment
    autoescapes, as Django does: a plain string (a title, a description, a county's name) is
    text on every road — header, <title> (even after |striptags), meta, nav, footer links,
    table of contents — and only the page body that Markdown rendered from literal text is
    Markup. Titles become text.html_text objects before any plugin reads them, so the search
    index gets them escaped too. Measured: the repository's site is byte-identical but for
    table-of-contents entries written as characters rather than character references.
    """
    import html

    from markupsafe import Markup
    from mkdocs.plugins import BasePlugin, event_priority

    from ..report.text import html_text

    def anchors(toc):
        for anchor in toc:
            yield anchor
            yield from anchors(anchor.children)

    class TextOnly(BasePlugin):
        def on_env(self, env, config, files):
            # Every page is read and rendered by now, none written: titles of other pages (nav,
            # previous/next) are changed before any template shows them.
            env.autoescape = True
            for file in files.documentation_pages():
                if file.page is not None and file.page.title is not None:  # None: a page render_pages did not read
                    file.page.title = html_text(file.page.title)
                    for anchor in anchors(file.page.toc):  # Markdown's heading HTML, as text
                        anchor.title = html_text(html.unescape(anchor.title))
            return env

        @event_priority(-100)  # last: the search plugin rewrites page.content as a plain string
        def on_page_context(self, context, page, config, nav):
            page.content = Markup(page.content or "")
            return context

    return TextOnly()


def _release_pages_plugin():
    """A plugin that lets go of each page's Markdown once it is HTML, and of its HTML once written.

    mkdocs reads and renders every page before it writes the first one, and keeps each page's
    source and HTML to the end of the build (issue 18: at 100,000 activities that alone is
    gigabytes). Nothing reads page.markdown after on_page_content, nor page.content after the
    page is written; the anchors that links are checked against are kept apart by mkdocs, and
    every title is fixed by then (portal-text-only sets it in on_env).
    """
    from mkdocs.plugins import BasePlugin, event_priority

    class ReleasePages(BasePlugin):
        @event_priority(-100)  # after every other plugin has seen the Markdown
        def on_page_content(self, html, page, config, files):
            page.markdown = ""  # not None: Page.title reads None as "not read yet"
            return html

        @event_priority(-100)  # last: the output is made; mkdocs writes it right after this event
        def on_post_page(self, output, page, config):
            page.content = None
            return output

    return ReleasePages()


def _pages_written_plugin(written: Callable[[str], None]):
    """A plugin that tells `written` about each page once mkdocs has written it.

    mkdocs renders and writes the pages one by one (commands/build.py, _build_page): when a
    page's context is made, the page before it is on disk; the last one is after on_post_build.
    """
    from mkdocs.plugins import BasePlugin

    class PagesWritten(BasePlugin):
        previous: str | None = None

        def _tell(self, next_page: str | None) -> None:
            if self.previous is not None:
                written(self.previous)
            self.previous = next_page

        def on_page_context(self, context, page, config, nav):
            self._tell(page.file.dest_uri)
            return context

        def on_post_build(self, config):
            self._tell(None)

    return PagesWritten()


def site_url(config_file: Path) -> str:
    """The site's public address as mkdocs.yml gives it (`!ENV [PORTAL_SITE_URL, default]`).

    mkdocs.yml is the one source of truth: absolute links in QR codes, calendars, feeds and
    JSON-LD read it through mkdocs' own loader, so they always agree with the built site.
    """
    engine()
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as fh:
        url = yaml_load(fh).get("site_url") or ""
    return url if url.endswith("/") else url + "/"
