"""The duplicate index: each activity record's (county, start day, bare title, id), kept on disk.

`check FILE` compares the files it is given with every other activity of the repository
(duplicates.py). Reading and checking 100,000 records for that took 40 s; the comparison
needs four values of each. So they are kept in a cache file outside data/ (git-ignored,
.cache/duplicate-index.json), with each file's size and modification time: a record is read
again only when it changed, and then only parsed, not checked (its own problems are found when
it is checked itself). The first run reads every record once and writes the cache; a run that
cannot write it (a read-only checkout) still answers, it only stays slow.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from ..load.strict_yaml import parse
from .duplicates import Key, bare_title

CACHE = ".cache/duplicate-index.json"
VERSION = 1  # of the cache's layout: a different one is rebuilt, never misread
MAX_BYTES = 256 * 1024  # the loader's cap on a record (file/too-large): bigger files are not records


def keys(root: Path, folder: str = "data/activities") -> dict[str, Key]:
    """Every activity file under folder (path relative to root) → its key; None for a file whose
    key cannot be read (a broken record, a cancelled one)."""
    path = root / CACHE
    cached = _read(path)
    fresh: dict[str, list] = {}
    changed = False
    for file, stat in _files(root / folder, root):
        seen = cached.get(file)
        if seen and seen[0] == stat:
            fresh[file] = seen
            continue
        fresh[file] = [stat, _read_key(root / file)]
        changed = True
    if changed or len(fresh) != len(cached):
        _write(path, fresh)
    return {file: _key(entry[1]) for file, entry in fresh.items()}


def _files(folder: Path, root: Path):
    """(relative path, [size, mtime_ns]) of every .yaml file under folder; os.scandir is the fast walk."""
    todo = [folder]
    while todo:
        try:
            entries = list(os.scandir(todo.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                todo.append(Path(entry.path))
            elif entry.name.endswith(".yaml") and entry.is_file(follow_symlinks=False):
                st = entry.stat(follow_symlinks=False)
                yield Path(entry.path).relative_to(root).as_posix(), [st.st_size, st.st_mtime_ns]


def _read_key(path: Path) -> list | None:
    """[region, start day, bare title, id] of a record, or None (unreadable, cancelled, incomplete)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        doc, issues = parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    rec = doc.value
    if issues or not isinstance(rec, dict) or rec.get("status") == "cancelled":
        return None
    region, start, title, rid = (rec.get(k) for k in ("region", "start", "title", "id"))
    if not all(isinstance(v, str) for v in (region, start, title)):
        return None
    try:
        dt.date.fromisoformat(start[:10])
    except ValueError:
        return None
    return [region, start[:10], bare_title(title), rid if isinstance(rid, str) else None]


def _key(entry: list | None) -> Key:
    if entry is None:
        return None
    region, start, title, rid = entry
    return region, dt.date.fromisoformat(start), title, rid


def _read(path: Path) -> dict[str, list]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("files", {}) if isinstance(data, dict) and data.get("version") == VERSION else {}


def _write(path: Path, files: dict[str, list]) -> None:
    """Write the cache atomically (a rename); silently not when the folder cannot be written."""
    try:
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"version": VERSION, "files": files}, ensure_ascii=False, separators=(",", ":")),
                       encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
