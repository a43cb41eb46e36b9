"""What every generator receives: the checked dataset, its model objects, the site's facts,
the build day and the folder to write into (generate.py makes it, generators only read it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.forked import LateFiles
from ..load.lists import Lists
from .activity import Activity
from .centres import Centre
from .dataset import Dataset
from .hotlines import HotlineBook
from .policies import PolicyIndex
from .site import SiteInfo


@dataclass(frozen=True)
class Context:
    dataset: Dataset
    activities: list[Activity]  # typed, in file order: the live ones (not archived)
    lists: Lists
    site: SiteInfo
    today: dt.date
    docs: Path
    centres: tuple[Centre, ...] = ()  # care centres, in file order
    policies: PolicyIndex = field(default_factory=PolicyIndex)  # the policy library, which other pages link to
    hotlines: HotlineBook = field(default_factory=HotlineBook)  # local help numbers
    late: LateFiles = field(default_factory=LateFiles)  # slow files no page needs while mkdocs runs
    archived: list[Activity] = field(default_factory=list)  # ended long ago (model/archive.py): small pages only
