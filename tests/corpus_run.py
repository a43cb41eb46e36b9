"""Blocking recall and false-alarm rate of the privacy scan on a corpus of sentences.

    .venv/bin/python -m tests.corpus_run [FOLDER …] [--list]

A corpus folder holds positives.txt (sentences that must be blocked) and negatives.txt
(sentences that must pass), one sentence a line; empty lines and lines starting with # are
skipped. Each sentence is scanned alone, as the text of a file, by every blocking rule of the
scanner (build_tools.privacy.scan): a positive counts as blocked when any error is found, a
negative as a false alarm when any error is found. --list prints the missed positives and the
false alarms with their line numbers. Default folder: tests/privacy_samples/_corpus.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from build_tools.privacy import scan
from build_tools.report.problems import Report

DEFAULT = Path(__file__).parent / "privacy_samples/_corpus"


def sentences(path: Path) -> list[tuple[int, str]]:
    """(line number, sentence) of a corpus file."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.lstrip().startswith("#")]


def blocked(sentence: str) -> bool:
    """True when the scan finds an error in the sentence."""
    report = Report()
    scan.Scanner(report).text("corpus.txt", sentence)
    return bool(report.errors)


@dataclass(frozen=True)
class Result:
    positives: int
    missed: list[tuple[int, str]]
    negatives: int
    false_alarms: list[tuple[int, str]]

    @property
    def recall(self) -> float:
        return (self.positives - len(self.missed)) / self.positives if self.positives else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / self.negatives if self.negatives else 0.0


def run(folder: Path) -> Result:
    pos, neg = sentences(folder / "positives.txt"), sentences(folder / "negatives.txt")
    return Result(len(pos), [s for s in pos if not blocked(s[1])], len(neg), [s for s in neg if blocked(s[1])])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--list", action="store_true", help="print missed positives and false alarms")
    args = parser.parse_args(argv)
    for folder in args.folders:
        r = run(folder)
        print(f"{folder}: recall {r.recall:.3f} ({r.positives - len(r.missed)}/{r.positives} blocked), "
              f"false alarms {r.false_alarm_rate:.1%} ({len(r.false_alarms)}/{r.negatives})")
        if args.list:
            for n, s in r.missed:
                print(f"  missed      positives.txt:{n}: {s}")
            for n, s in r.false_alarms:
                print(f"  false alarm negatives.txt:{n}: {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
