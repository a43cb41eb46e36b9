"""Paging of activity lists: at most PAGE_SIZE cards a page, each page at a stable address.

A list keeps its order across its pages: upcoming (soonest first), then past (latest first).
Page 1 is the list's own page (activities/index.md, activities/types/<code>.md…); page n is
`page/<n>.md` in the folder of page 1's address, so with use_directory_urls
activities/index.md → /activities/ and activities/page/2.md → /activities/page/2/,
activities/types/x.md → /activities/types/x/ and activities/types/x/page/2.md →
/activities/types/x/page/2/. Paths here are relative to the docs folder's activities/.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

# Cards per page. 50 cards of a list weigh ~6 KB gzipped over the theme's ~73 KB: a first load
# stays far below the 150 KB budget however many activities a province has (issue 7).
PAGE_SIZE = 50
AROUND = 2  # page numbers shown either side of the current page; first and last always shown


@dataclass(frozen=True)
class Pager:
    """Links of one page's pager; every href is a Markdown link relative to that page."""

    prev: str | None
    next: str | None
    links: list[tuple[int | None, str | None]]  # (number, href): href None = this page, number None = a gap


@dataclass(frozen=True)
class ListPage:
    """One page of a list, with what its template needs to draw it."""

    file: str  # Markdown file, relative to activities/
    number: int  # 1-based
    count: int  # pages in the list
    upcoming: list  # this page's share of each section (listing.Listed)
    past: list
    upcoming_total: int  # the section headings show the whole list's counts
    past_total: int
    upcoming_at: tuple[int, str] | None  # (page, link) where a section starts, when it has no card here
    past_at: tuple[int, str] | None
    pager: Pager | None  # None when the list fits on one page

    @property
    def root(self) -> str:
        """Prefix of Markdown links from this page to a file in activities/."""
        return "../" * self.file.count("/")

    @property
    def url_root(self) -> str:
        """Prefix of raw HTML addresses from this page's address to activities/ (use_directory_urls)."""
        return "../" * (self.file.count("/") + (0 if posixpath.basename(self.file) == "index.md" else 1))


def page_file(first: str, number: int) -> str:
    """The Markdown file of page `number` of the list whose page 1 is `first`."""
    if number == 1:
        return first
    folder = first.removesuffix("index.md") if posixpath.basename(first) == "index.md" else first[: -len(".md")] + "/"
    return f"{folder}page/{number}.md"


def relative(source: str, target: str) -> str:
    """A Markdown link from the file `source` to the file `target` (both relative to one folder)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def numbers(current: int, count: int, around: int = AROUND) -> list[int | None]:
    """The page numbers a pager shows: first, last and `around` either side of current; None is a gap.

    A gap of a single page shows that page instead: "1 2 3" reads better than "1 … 3".
    """
    shown = sorted({1, count, *range(max(1, current - around), min(count, current + around) + 1)})
    out: list[int | None] = []
    for n in shown:
        last = out[-1] if out else None
        if last is not None and n - last == 2:
            out.append(last + 1)
        elif last is not None and n - last > 2:
            out.append(None)
        out.append(n)
    return out


def slices(upcoming: list, past: list, size: int = PAGE_SIZE) -> list[tuple[list, list]]:
    """Each page's (upcoming, past) cards: the two sections cut into pages of at most `size`, in order.

    A list with no card at all still has one page (it says there is nothing yet).
    """
    total = len(upcoming) + len(past)
    out = []
    for start in range(0, max(total, 1), size):
        end = start + size
        out.append((upcoming[start:end], past[max(start - len(upcoming), 0) : max(end - len(upcoming), 0)]))
    return out


def list_pages(first: str, upcoming: list, past: list, size: int = PAGE_SIZE) -> list[ListPage]:
    """Every page of the list whose page 1 is the file `first` (relative to activities/)."""
    parts = slices(upcoming, past, size)
    count = len(parts)
    files = [page_file(first, n) for n in range(1, count + 1)]
    past_from = len(upcoming) // size + 1  # the page where the past section starts

    def at(here: str, number: int, anchor: str) -> tuple[int, str]:
        return number, f"{relative(here, files[number - 1])}#{anchor}"

    pages = []
    for number, (up, old) in enumerate(parts, start=1):
        here = files[number - 1]
        pages.append(
            ListPage(
                file=here,
                number=number,
                count=count,
                upcoming=up,
                past=old,
                upcoming_total=len(upcoming),
                past_total=len(past),
                upcoming_at=at(here, 1, "upcoming") if upcoming and not up else None,
                past_at=at(here, past_from, "past") if past and not old else None,
                pager=_pager(files, number) if count > 1 else None,
            )
        )
    return pages


def _pager(files: list[str], number: int) -> Pager:
    here = files[number - 1]

    def href(n: int) -> str:
        return relative(here, files[n - 1])

    return Pager(
        prev=href(number - 1) if number > 1 else None,
        next=href(number + 1) if number < len(files) else None,
        links=[(n, None if n == number else href(n)) if n else (None, None) for n in numbers(number, len(files))],
    )
