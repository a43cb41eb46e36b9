"""The text rules the web form runs too, as data: one JSON for Python's rules and the form's engine.

`rule_data()` is what the build writes to assets/privacy-rules.json for the form
(content/assets/privacy-rules.js runs it); the Python detectors run the very same patterns
and lists, which are defined once, here and in names.py, birthdate.py, address.py. Three
kinds of rule:

- "match": every match of a pattern is a finding (birth dates, house addresses);
- "near": a match counts only when its sentence, within NEAR characters either side, also
  matches `near` and not `unless` (照片见附件 next to a child, not 请勿上传孩子的照片);
- "names": the name detector of names.py, with its lists.

The number rules (ID, mobile, bank card) stay in their own modules for now; a "number" kind
(a pattern and a named check such as the MOD 11-2 check character or Luhn) can join this
list when the form runs them too. Every pattern keeps to the regex subset that Python's `re`
and ECMAScript read alike (see names.py); tests/test_privacy_parity.py holds both to it.
"""

from __future__ import annotations

from ..detect import address, birthdate, names
from ..detect.photo import NEAR, PHOTO, PHOTO_CODE, PHOTO_NEAR, PHOTO_UNLESS, SENTENCE_END, find_photo_text
from ..report.rules import RULES

ASSET = "assets/privacy-rules.json"  # where the build writes rule_data() for the form (form_data.py)
RULES_DATA = (
    {"code": birthdate.CODE, "kind": "match", "pattern": birthdate.PATTERN},
    {"code": address.CODE, "kind": "match", "pattern": address.PATTERN},
    {"code": PHOTO_CODE, "kind": "near", "pattern": PHOTO, "near": PHOTO_NEAR, "unless": PHOTO_UNLESS},
    {"code": names.CODE, "kind": "names"},
)

def find_all(text: str) -> list[tuple[str, int, int]]:
    """(code, start, end) of every finding of these rules, rule by rule: what the form's engine returns."""
    finders = {birthdate.CODE: birthdate.find, address.CODE: address.find, PHOTO_CODE: find_photo_text, names.CODE: names.find}
    return [(hit.code, hit.start, hit.end) for rule in RULES_DATA for hit in finders[rule["code"]](text)]


def rule_data() -> dict:
    """Everything the form's engine needs: rules, the name detector's patterns, lists and weights, and messages."""
    from ..detect import lexicon, namedata, nametext

    lists = names.detector().lists
    return {
        "version": 2,
        "rules": list(RULES_DATA),
        "names": {
            "before": namedata.BEFORE,
            "after": namedata.AFTER,
            "afterAt": namedata.AFTER_AT,
            "heading": namedata.HEADING,
            "listItem": namedata.LIST_ITEM,
            "cue": namedata.CUE,
            "childHead": namedata.CHILD_HEAD,
            "candidate": names.CANDIDATE,
            "splitAt": namedata.SPLIT_AT,
            "split": namedata.SPLIT_NAME,
            "surnames": namedata.SURNAMES,
            "compound": list(namedata.COMPOUND_SURNAMES),
            "anonymous": list(namedata.ANONYMOUS),
            "nicknameHeads": namedata.NICKNAME_HEADS,
            "notGiven": namedata.NOT_GIVEN,
            "notLast": namedata.NOT_LAST,
            "nameEnd": namedata.NAME_END,
            "placeAfter": namedata.PLACE_AFTER,
            "placeAfterJia": namedata.PLACE_AFTER_JIA,
            "placeBefore": list(namedata.PLACE_BEFORE),
            "storyBefore": list(namedata.STORY_BEFORE),
            "orgAfter": list(namedata.ORG_AFTER),
            "maxOrgGap": namedata.MAX_ORG_GAP,
            "titles": list(namedata.TITLES),
            "adultRoles": list(namedata.ADULT_ROLES),
            "adultTasks": list(namedata.ADULT_TASKS),
            "adultPredicate": list(namedata.ADULT_PREDICATE),
            "adultServes": namedata.ADULT_SERVES,
            "leadChars": namedata.LEAD_CHARS,
            "famous": sorted(namedata.FAMOUS),
            "counties": sorted(set(namedata.COUNTIES)),
            "wordNames": sorted(namedata.WORD_NAMES),
            "textbookNames": list(namedata.TEXTBOOK_NAMES),
            "textbookCues": list(namedata.TEXTBOOK_CUES),
            "textbookNear": namedata.TEXTBOOK_NEAR,
            "credits": list(namedata.CREDITS),
            "adultOrgs": list(namedata.ADULT_ORGS),
            "rowBorders": namedata.ROW_BORDERS,
            "childRole": namedata.CHILD_ROLE,
            "nicknameBefore": namedata.NICKNAME_BEFORE,
            "nicknameAfter": list(namedata.NICKNAME_AFTER),
            "nameClause": namedata.NAME_CLAUSE,
            "rowOfficeEnd": namedata.ROW_OFFICE_END,
            "familyCells": list(namedata.FAMILY_CELLS),
            "teamRoles": list(namedata.TEAM_ROLES),
            "adultTeams": list(namedata.ADULT_TEAMS),
            "pseudonym": list(namedata.PSEUDONYM),
            "separators": namedata.SEP_NAME,
            "closers": nametext.CLOSERS,
            "sentenceEnd": namedata.SENTENCE_END,
            "maxListLines": namedata.MAX_LIST_LINES,
            "maxBookTitle": nametext.MAX_BOOK_TITLE,
            "weakMin": names.WEAK_MIN,
            "insideWordMin": names.INSIDE_WORD_MIN,
            "anonymousWeight": names.ANONYMOUS_WEIGHT,
            "compoundWeight": names.COMPOUND_WEIGHT,
            "clauseMin": names.CLAUSE_MIN,
            "minWeight": lexicon.MIN_WEIGHT,
            # Word lists by the character they share (the form rebuilds the words): common less fixed, and fixed.
            "common": _by_head(lists.common - lists.fixed),
            "fixed": _by_head(lists.fixed),
            "closing": _by_head(lists.closing, last=True),
            "opening": _by_head(lists.opening),
            "first": _by_weight(lists.first),
            "last": _by_weight(lists.last),
            "surname": _by_weight(lists.surname),
        },
        "sentenceEnd": SENTENCE_END,
        "near": NEAR,
        "messages": {r["code"]: RULES[r["code"]].message for r in RULES_DATA},
    }


def _by_head(words: frozenset[str], last: bool = False) -> dict[str, str]:
    """{first (or last) character: the rest of each word, space-separated}: about a third smaller gzipped."""
    out: dict[str, list[str]] = {}
    for w in sorted(words):
        out.setdefault(w[-1] if last else w[0], []).append(w[:-1] if last else w[1:])
    return {k: " ".join(v) for k, v in sorted(out.items())}


def _by_weight(weights: dict[str, int]) -> dict[str, str]:
    """{weight: the characters of that weight}: the compact form of a weight table (the form rebuilds it)."""
    out: dict[int, list[str]] = {}
    for ch, weight in weights.items():
        out.setdefault(weight, []).append(ch)
    return {str(w): "".join(sorted(chars)) for w, chars in sorted(out.items())}
