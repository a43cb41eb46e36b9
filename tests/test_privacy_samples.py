"""Each privacy rule against its samples: every true positive found, no false positive at all.

tests/privacy_samples/<rule>/tp.txt and fp.txt hold one sample per line. The figures (recall
and false positives per rule) are printed with `pytest -s tests/test_privacy_samples.py`.
"""

import json
from pathlib import Path

import pytest

from build_tools.detect import detectors
from build_tools.detect.hits import prepare
from build_tools.privacy import scan
from build_tools.report.problems import Report, format_report
from build_tools.report.rules import RULES

SAMPLES = Path(__file__).parent / "privacy_samples"
TEXT_RULES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir() and not p.name.startswith("_"))  # _corpus: test_privacy_corpus.py


def samples(rule: str, kind: str) -> list[str]:
    lines = (SAMPLES / rule / f"{kind}.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def scan_line(line: str) -> Report:
    report = Report()
    scan.Scanner(report).text("sample.txt", line)
    return report


def test_every_text_rule_has_samples():
    assert {f"privacy/{r}" for r in TEXT_RULES} == {
        "privacy/id-number", "privacy/id-number-unchecked", "privacy/id-number-old", "privacy/mobile",
        "privacy/bank-card", "privacy/person-name", "privacy/house-address", "privacy/birth-date",
        "privacy/qq-number", "privacy/wechat-id", "privacy/photo-of-child"}
    assert all(f"privacy/{r}" in RULES for r in TEXT_RULES)


@pytest.mark.parametrize("rule", TEXT_RULES)
def test_recall_on_true_positives(rule):
    tp = samples(rule, "tp")
    missed = [line for line in tp if f"privacy/{rule}" not in {p.code for p in scan_line(line).problems}]
    print(f"\n{rule}: recall {len(tp) - len(missed)}/{len(tp)}")
    assert tp and missed == []


@pytest.mark.parametrize("rule", TEXT_RULES)
def test_no_finding_on_false_positives(rule):
    fp = samples(rule, "fp")
    flagged = [(line, [p.code for p in scan_line(line).problems]) for line in fp if scan_line(line).problems]
    print(f"\n{rule}: false positives {len(flagged)}/{len(fp)}")
    assert fp and flagged == []


@pytest.mark.parametrize("rule", TEXT_RULES)
@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_messages_never_repeat_the_value(rule, fmt):
    """CI logs are public: no report format shows what was matched, nor its digits."""
    for line in samples(rule, "tp"):
        out = format_report(scan_line(line), fmt)
        text = prepare(line).text
        for detector in detectors.ALL:
            for hit in detector.find(text):
                value = text[hit.start : hit.end]
                assert value not in out and value not in json.dumps(out)
                digits = "".join(c for c in value if c.isdigit())
                assert len(digits) < 6 or digits[:6] not in out.replace(" ", "")
