"""“您是不是要填 …” — near-miss suggestions against allow-lists and field names."""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def closest(value: str, choices: dict[str, str], notes: dict[str, str] | None = None, limit: int = 2) -> list[str]:
    """The accepted values closest to `value`.

    `choices` maps every spelling we compare against to the accepted value it stands for;
    `notes` (accepted value → description) breaks ties: 法治讲座 is nearer 法治教育, whose
    description mentions 法治…讲座, than 安全讲座.
    """
    notes = notes or {}
    scores: dict[str, float] = {}
    value = unicodedata.normalize("NFKC", value).strip().lower()  # １２３ → 123, Ａ → a
    grams = _bigrams(value)
    for spelling, accepted in choices.items():
        score = SequenceMatcher(None, value, unicodedata.normalize("NFKC", spelling).lower()).ratio()
        if score < 0.5:
            continue
        desc = notes.get(accepted, "")
        score += 0.1 * sum(g in desc for g in grams) / len(grams)
        scores[accepted] = max(score, scores.get(accepted, 0))
    ranked = sorted(scores, key=lambda a: (-scores[a], a))
    return ranked[:limit]


def did_you_mean(candidates: list[str], labels: dict[str, str] | None = None) -> str:
    """"您是不是要填 “a” 或 “b”？", each code followed by its name when it has another one:
    “430603”（岳阳市云溪区）, “yunxi-education-bureau”（岳阳市云溪区教育体育局）."""
    if not candidates:
        return ""
    labels = labels or {}

    def one(c: str) -> str:
        label = labels.get(c, c)
        return f"“{c}”" + (f"（{label}）" if label != c else "")

    return "您是不是要填 " + " 或 ".join(one(c) for c in candidates) + "？"
