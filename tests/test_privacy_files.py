"""Files the scanner used to skip (issue 13, class 8) and tables of people (issue 14, deliverable 2).

What cannot be read is not publishable: every kind here is read (text layers, metadata, members)
or refused, under data/, content/ and in the built site alike.
"""

import io
import json
import struct
import tarfile
import zipfile
import zlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from build_tools.privacy.files import scan_paths  # noqa: E402
from build_tools.report.problems import Report  # noqa: E402

ID = "430603201503124519"  # fictional, valid check character


def found(tmp_path, name, content) -> list[tuple[str, str]]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    report = Report()
    scan_paths([path], report)
    return sorted((p.file.split(str(tmp_path) + "/")[-1], p.code) for p in report.problems)


def pdf_with_text(text: str) -> bytes:
    """A one-page PDF drawn by matplotlib: its content stream is compressed (Flate), as most PDFs are."""
    fig = plt.figure(figsize=(3, 1))
    fig.text(0.1, 0.5, text)
    out = io.BytesIO()
    fig.savefig(out, format="pdf", metadata={"Author": "学校办公室"})
    plt.close(fig)
    assert b"/FlateDecode" in out.getvalue() and ID.encode() not in out.getvalue()
    return out.getvalue()


def test_pdf_text_layer_is_read_even_when_compressed(tmp_path):
    assert found(tmp_path, "content/notice.pdf", pdf_with_text(f"ID {ID}")) == [("content/notice.pdf!/page-1", "privacy/id-number")]
    assert found(tmp_path, "content/ok.pdf", pdf_with_text("Safety lecture")) == []


def test_damaged_or_encrypted_pdf_is_refused(tmp_path):
    assert found(tmp_path, "content/bad.pdf", b"%PDF-1.4\nnot really") == [("content/bad.pdf", "privacy/not-scanned")]


def test_tar_xz_members_are_read(tmp_path):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:xz") as archive:
        data = f"学生证件号 {ID}\n".encode()
        info = tarfile.TarInfo("notes/a.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    assert found(tmp_path, "content/downloads/all.tar.xz", out.getvalue()) == [
        ("content/downloads/all.tar.xz!/all.tar!/notes/a.txt", "privacy/id-number")]


def jpeg_with_exif(**tags) -> bytes:
    exif = Image.Exif()
    for tag, value in tags.items():
        exif[{"description": 0x010E, "artist": 0x013B, "xp_comment": 0x9C9C}[tag]] = value
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


@pytest.mark.parametrize("tags", [
    {"description": f"学生证 {ID}"}, {"artist": ID}, {"xp_comment": f"身份证 {ID}".encode("utf-16-le")}])
def test_jpeg_exif_text_is_read(tmp_path, tags):
    assert ("content/a.jpg!/metadata", "privacy/id-number") in found(tmp_path, "content/a.jpg", jpeg_with_exif(**tags))


def png_with_text(text: str, compressed: bool) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, "PNG")
    if compressed:  # an iTXt chunk, UTF-8, deflated
        body = b"Comment\0\1\0\0\0" + zlib.compress(text.encode("utf-8"))
        kind = b"iTXt"
    else:
        body, kind = b"Comment\0" + text.encode("latin-1"), b"tEXt"
    chunk = struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    data = out.getvalue()
    return data[:33] + chunk + data[33:]  # after IHDR


@pytest.mark.parametrize("compressed", [False, True])
def test_png_text_chunks_are_read(tmp_path, compressed):
    data = png_with_text(f"学生王芳同学，证件 {ID}。" * 10 if compressed else f"ID {ID}", compressed)
    assert (ID.encode() in data) is not compressed
    codes = found(tmp_path, "content/a.png", data)
    assert ("content/a.png!/metadata", "privacy/id-number") in codes
    if compressed:
        assert ("content/a.png!/metadata", "privacy/person-name") in codes


def docx(paragraph_runs: list[list[str]]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join("<w:p>" + "".join(f"<w:r><w:t>{run}</w:t></w:r>" for run in runs) + "</w:p>" for runs in paragraph_runs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')
        z.writestr("docProps/core.xml", "<cp:coreProperties xmlns:cp='x'><dc:creator xmlns:dc='y'>办公室</dc:creator></cp:coreProperties>")
    return out.getvalue()


def test_docx_runs_are_joined_into_paragraphs(tmp_path):
    """Word splits text into runs (学生|张|小明同学): each paragraph is read as one line again."""
    assert found(tmp_path, "content/report.docx", docx([["活动简报"], ["学生", "张", "小明同学参加了夏令营。"]])) == [
        ("content/report.docx!/word/document.xml", "privacy/person-name")]
    assert found(tmp_path, "content/ok.docx", docx([["活动简报"], ["同学们参加了夏令营。"]])) == []


@pytest.mark.parametrize("name, head", [
    ("content/a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ("content/a.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00"),
    ("data/名单.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00"), ("content/a.rtf", b"{\\rtf1\\ansi \\'d5\\'c5"),
    ("content/a.7z", b"7z\xbc\xaf\x27\x1c\x00\x04"), ("content/a.rar", b"Rar!\x1a\x07\x01\x00"),
    ("content/renamed.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00"), ("content/app.wasm", b"\x00asm\x01\x00"),
])
def test_kinds_that_cannot_be_read_are_refused(tmp_path, name, head):
    assert found(tmp_path, name, head + b"\x00" * 64) == [(name, "privacy/not-scanned")]


ROSTER = "姓名,性别,乡镇,年级\n" + "".join(f"{n},男,陆城镇,三年级\n" for n in ["张小明", "李华", "王芳", "赵雷"] * 12)


@pytest.mark.parametrize("name, content", [
    ("content/about/input.csv", ROSTER),
    ("content/about/input.tsv", ROSTER.replace(",", "\t")),
    ("data/lists/winners.csv", "a,b\n" + "".join(f"{n},一等奖\n" for n in ["陈思远", "刘雨桐", "黄佳琪", "周梓萱"])),
    ("content/list.json", json.dumps([{"who": n, "grade": "三年级"} for n in ["陈思远", "刘雨桐", "黄佳琪", "王芳"]], ensure_ascii=False)),
    ("content/list.yaml", "- 陈思远\n- 刘雨桐\n- 黄佳琪\n- 欧阳娜娜\n"),
    ("data/helped.yaml", "helped:\n  - student: x\n    grade: 三年级\n"),
    ("content/名单.json", json.dumps({"rows": [{"Student Name": "x"}]})),
])
def test_tables_of_people_are_refused(tmp_path, name, content):
    assert (name, "privacy/people-table") in found(tmp_path, name, content)


def test_a_roster_in_a_spreadsheet_is_refused(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["序号", "学生姓名", "年级"])
    book.active.append([1, "张小明", "三年级"])
    out = io.BytesIO()
    book.save(out)
    assert ("content/a.xlsx", "privacy/people-table") in found(tmp_path, "content/a.xlsx", out.getvalue())
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
               "<office:body><table:table>" + "".join(
                   f"<table:table-row><table:table-cell><text:p>{n}</text:p></table:table-cell>"
                   f'<table:table-cell table:number-columns-repeated="3000"/></table:table-row>'
                   for n in ["陈思远", "刘雨桐", "黄佳琪", "王芳"]) + "</table:table></office:body></office:document-content>")
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    assert ("content/a.ods", "privacy/people-table") in found(tmp_path, "content/a.ods", ods.getvalue())


@pytest.mark.parametrize("name, content", [
    ("data/lists/towns.csv", "code,name\n430603001,云溪街道\n430603100,陆城镇\n430603101,路口镇\n430603102,永济乡\n"),
    ("content/speakers.csv", "主讲人,题目\n李老师,防溺水\n王法官,未成年人保护法\n"),
    ("content/figures.csv", "人物,朝代\n岳飞,宋\n李白,唐\n杜甫,唐\n诸葛亮,三国\n"),
    ("content/a.json", json.dumps([{"name": "云溪区陆城镇中心小学", "kind": "学校"}] * 5, ensure_ascii=False)),
])
def test_ordinary_tables_pass(tmp_path, name, content):
    assert found(tmp_path, name, content) == []
