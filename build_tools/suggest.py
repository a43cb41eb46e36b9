"""“您是不是要填 …” — near-miss suggestions against allow-lists and field names."""

from __future__ import annotations

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
    grams = _bigrams(value)
    for spelling, accepted in choices.items():
        score = SequenceMatcher(None, value.lower(), spelling.lower()).ratio()
        if score < 0.5:
            continue
        desc = notes.get(accepted, "")
        score += 0.1 * sum(g in desc for g in grams) / len(grams)
        scores[accepted] = max(score, scores.get(accepted, 0))
    ranked = sorted(scores, key=lambda a: (-scores[a], a))
    return ranked[:limit]


def did_you_mean(candidates: list[str]) -> str:
    if not candidates:
        return ""
    return "您是不是要填 " + " 或 ".join(f"“{c}”" for c in candidates) + "？"
