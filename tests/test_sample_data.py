"""Sample data is marked as such (`example: true`): the repository's activities, centres and
hotlines are all made up, and a made-up number may belong to a real person. No page makes such a
number a tel: link, and every page that shows one says it is an example."""

import html as htmllib
import re

import yaml

from build_tools import ROOT
from tests.test_directory_rules import problems_in

DATA = ROOT / "data"
NUMBER = re.compile(r"0\d{2,3}-\d{7,8}")


def _records():
    for path in sorted((DATA / "activities").rglob("*.yaml")) + sorted((DATA / "centres").glob("*.yaml")):
        yield path, yaml.safe_load(path.read_text(encoding="utf-8"))


def test_all_the_repository_data_is_flagged_as_sample():
    unflagged = [p.name for p, rec in _records() if rec.get("example") not in (True, "true")]
    assert unflagged == []
    assert yaml.safe_load((DATA / "hotlines.yaml").read_text(encoding="utf-8"))["example"] in (True, "true")


def _sample_numbers() -> set[str]:
    numbers = {rec["contact"]["phone"] for _, rec in _records() if rec["contact"].get("phone")}
    hotlines = yaml.safe_load((DATA / "hotlines.yaml").read_text(encoding="utf-8"))["hotlines"]
    return numbers | {h["number"] for h in hotlines}


def test_no_sample_number_is_a_tel_link_and_every_page_showing_one_says_so(built_site):
    numbers = _sample_numbers()
    assert len(numbers) > 20
    shown = 0
    for page in built_site.rglob("*.html"):
        html = htmllib.unescape(page.read_text(encoding="utf-8"))  # record text is written as references
        on_page = {n for n in NUMBER.findall(html) if n in numbers}
        if not on_page:
            continue
        shown += 1
        dialled = [n for n in on_page if f'href="tel:{n}"' in html]
        assert dialled == [], (page, dialled)
        assert "示例号码，请勿拨打" in html, page
    assert shown >= 14 + 8 + 1  # activity pages, posters, the centres' counties and the local help page


def test_the_activity_page_of_a_sample_says_it_first(built_site):
    html = (built_site / "activities/2027-07-10-yunxi-summer-camp/index.html").read_text(encoding="utf-8")
    # Right after the sign-up button (the facts and the button keep the phone's first screen).
    assert html.index('class="signup"') < html.index("示例数据：示例号码，请勿拨打") < html.index('class="actions"')
    poster = (built_site / "activities/2027-07-10-yunxi-summer-camp/poster/index.html").read_text(encoding="utf-8")
    assert "示例海报" in poster


def test_a_real_record_keeps_its_tel_link(built_site):
    """The flag is data: a record without it dials as before (the sample lecture fixture)."""
    from build_tools.pages.render import environment

    class A:
        contact_role, contact_phone, contact_email, example = "安全办", "0730-8123456", "", False

    macro = environment().get_template("_macros.md.j2").module.contact
    assert 'href="tel:0730-8123456"' in str(macro(A()))
    A.example = True
    assert "tel:" not in str(macro(A())) and 'title="示例号码，请勿拨打"' in str(macro(A()))


def test_the_flag_is_validated_like_every_field(tmp_path):
    from tests.test_directory_rules import base

    text = base("centre").replace("last_confirmed:", 'example: "也许"\nlast_confirmed:', 1)
    assert [c for c, _ in problems_in(tmp_path, "centre", text)] == ["schema/type"]
