"""Tests for the .docx reader: hand-made packages, python-docx documents, fixtures."""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from advicelint.readers import ReadError, read_bytes, read_path
from advicelint.readers import docx as docx_reader

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WORDML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
MAIN_TYPE = f"{WORDML}.document.main+xml"


def p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def package(
    body: str = "",
    *,
    main: str = "word/document.xml",
    main_type: str = MAIN_TYPE,
    root: str = "",
    parts: dict[str, str] | None = None,
    rels: dict[str, tuple[str, str]] | None = None,
    office_rel: str = REL + "officeDocument",
) -> bytes:
    """A minimal .docx: ``body`` goes into ``w:body`` unless ``root`` is given.

    ``parts`` maps extra part names to XML; ``rels`` maps relationship ids of
    the main part to ``(type suffix, target)``.
    """
    root = root or f"<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>"
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType='
        '"application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main}" ContentType="{main_type}"/></Types>'
    )
    relationships = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    )
    folder, base = main.rsplit("/", 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr(
            "_rels/.rels",
            f'{relationships}<Relationship Id="rId1" Type="{office_rel}" '
            f'Target="{main}"/></Relationships>',
        )
        archive.writestr(main, root)
        main_rels = "".join(
            f'<Relationship Id="{rid}" Type="{REL}{kind}" Target="{target}"/>'
            for rid, (kind, target) in (rels or {}).items()
        )
        archive.writestr(
            f"{folder}/_rels/{base}.rels", f"{relationships}{main_rels}</Relationships>"
        )
        for name, xml in (parts or {}).items():
            archive.writestr(name, xml)
    return buffer.getvalue()


def text_of(data: bytes) -> str:
    return read_bytes(data, "letter.docx").text


def refusal(data: bytes, name: str = "letter.docx") -> str:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, name)
    reason = str(caught.value)
    assert "\n" not in reason
    return reason


def wrap(tag: str, inner: str) -> str:
    return f"<w:{tag} {NAMESPACES}>{inner}</w:{tag}>"


# --- what text is read -----------------------------------------------------------


def test_revisions_keep_inserted_and_moved_to_text_only() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r>'
        '<w:ins w:id="1"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins>'
        '<w:del w:id="2"><w:r><w:delText>deleted </w:delText></w:r></w:del>'
        '<w:moveFrom w:id="3"><w:r><w:t>moved-away </w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="4"><w:r><w:t>moved-here</w:t></w:r></w:moveTo></w:p>'
    )
    assert text_of(package(body)) == "Kept inserted moved-here"


def test_fields_read_results_not_codes() -> None:
    def char(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    body = (
        '<w:p><w:r><w:t xml:space="preserve">Dear </w:t></w:r>'
        '<w:fldSimple w:instr=" MERGEFIELD Name "><w:r><w:t>Mrs Jones</w:t></w:r>'
        '</w:fldSimple><w:r><w:t xml:space="preserve">, you said </w:t></w:r>'
        + char("begin")
        + '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
        + char("begin")
        + "<w:r><w:instrText>MERGEFIELD Answer</w:instrText></w:r>"
        + char("separate")
        + "<w:r><w:t>nested-code-result</w:t></w:r>"
        + char("end")
        + '<w:r><w:instrText> = "1" "yes" "no"</w:instrText></w:r>'
        + char("separate")
        + "<w:r><w:t>yes</w:t></w:r>"
        + char("end")
        + "</w:p>"
    )
    assert text_of(package(body)) == "Dear Mrs Jones, you said yes"


def test_unclosed_field_does_not_hide_later_paragraphs() -> None:
    broken = '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>x</w:t></w:r></w:p>'
    assert text_of(package(broken + p("Still read"))) == "\nStill read"


def test_wrappers_are_read() -> None:
    body = (
        "<w:sdt><w:sdtPr><w:alias w:val="
        '"Name"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr>'
        f"<w:sdtContent>{p('Block control')}</w:sdtContent></w:sdt>"
        '<w:p><w:smartTag w:uri="urn:x" w:element="place"><w:smartTagPr/>'
        "<w:r><w:t>Leeds</w:t></w:r></w:smartTag>"
        '<w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> link</w:t></w:r>'
        '</w:hyperlink><w:customXml w:element="x"><w:customXmlPr/>'
        '<w:r><w:t xml:space="preserve"> custom</w:t></w:r></w:customXml>'
        '<w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> inline</w:t></w:r>'
        "</w:sdtContent></w:sdt></w:p>"
    )
    assert text_of(package(body)) == "Block control\nLeeds link custom inline"


def test_special_characters_and_properties() -> None:
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>'
        '<w:rPr><w:del w:id="1"/></w:rPr></w:pPr>'
        "<w:r><w:rPr><w:b/></w:rPr><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/>"
        '<w:t>c</w:t><w:br w:type="page"/><w:t>d</w:t><w:cr/><w:t>e</w:t>'
        "<w:noBreakHyphen/><w:t>f</w:t><w:softHyphen/><w:t>g</w:t>"
        '<w:sym w:font="Wingdings" w:char="F04A"/><w:lastRenderedPageBreak/>'
        "<w:t>h</w:t></w:r></w:p>"
    )
    assert text_of(package(body)) == "a\tb\nc\nd\ne-fgh"


TEXT_BOX = "<w:txbxContent>" + p("Box line one") + p("Box line two") + "</w:txbxContent>"
CHOICE_FALLBACK = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
    '<a:graphic><a:graphicData uri="x"><wps:wsp><wps:txbx>'
    + TEXT_BOX
    + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
    + TEXT_BOX
    + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_text_box_read_once_after_its_paragraph() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r>'
        + CHOICE_FALLBACK
        + "<w:r><w:t>after</w:t></w:r></w:p>"
        + p("Next")
    )
    got = read_bytes(package(body), "letter.docx")
    assert got.text == "Before after\nBox line one\nBox line two\nNext"
    # w:p order in the part: outer 0, Choice 1-2, Fallback 3-4, Next 5.
    assert [b.index for b in got.blocks] == [0, 1, 2, 5]


def test_vml_only_text_box() -> None:
    shape = f"<v:shape><v:textbox>{TEXT_BOX}</v:textbox></v:shape>"
    body = f"<w:p><w:r><w:pict>{shape}</w:pict></w:r></w:p>"
    assert text_of(package(body)) == "\nBox line one\nBox line two"


def test_nested_tables_and_merged_cells_once() -> None:
    def cell(inner: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"

    inner_table = f"<w:tbl><w:tr>{cell(p('Inner'))}</w:tr></w:tbl>"
    span, restart, merged = (
        '<w:gridSpan w:val="2"/>',
        '<w:vMerge w:val="restart"/>',
        "<w:vMerge/>",
    )
    body = (
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"<w:tr>{cell(p('Wide'), span)}</w:tr>"
        f"<w:tr>{cell(p('Tall'), restart)}"
        f"{cell(p('Right') + inner_table + p(''))}</w:tr>"
        f"<w:tr>{cell(p(''), merged)}{cell(p('Last'))}</w:tr></w:tbl>"
    )
    assert text_of(package(body)) == "Wide\nTall\nRight\nInner\n\n\nLast"


def test_comments_are_not_read() -> None:
    comments = wrap(
        "comments",
        '<w:comment w:id="0" w:author="A">' + p("Private note") + "</w:comment>",
    )
    body = (
        '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Letter</w:t></w:r>'
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    data = package(
        body,
        parts={"word/comments.xml": comments},
        rels={"rId5": ("comments", "comments.xml")},
    )
    assert text_of(data) == "Letter"


def test_part_order_headers_notes_footers() -> None:
    def note(tag: str, nid: str, kind: str, text: str) -> str:
        attr = f' w:type="{kind}"' if kind else ""
        return f'<w:{tag} w:id="{nid}"{attr}>{p(text)}</w:{tag}>'

    footnotes = wrap(
        "footnotes",
        note("footnote", "-1", "separator", "SEP")
        + note("footnote", "0", "continuationSeparator", "CONT")
        + note("footnote", "1", "", "Footnote text"),
    )
    endnotes = wrap(
        "endnotes",
        note("endnote", "0", "separator", "SEP") + note("endnote", "1", "", "End"),
    )
    section = (
        '<w:sectPr><w:headerReference w:type="first" r:id="rH2"/>'
        '<w:headerReference w:type="default" r:id="rH1"/>'
        '<w:footerReference w:type="default" r:id="rF1"/></w:sectPr>'
    )
    body = (
        p("Body one")
        + f"<w:p><w:pPr>{section}</w:pPr></w:p>"
        + p("Body two")
        + '<w:sectPr><w:headerReference w:type="default" r:id="rH1"/>'
        '<w:headerReference w:type="even" r:id="rH3"/></w:sectPr>'
    )
    data = package(
        body,
        parts={
            "word/header1.xml": wrap("hdr", p("Default header")),
            "word/header2.xml": wrap("hdr", p("First header")),
            "word/header3.xml": wrap("hdr", p("")),  # blank part: left out
            "word/footer1.xml": wrap("ftr", p("Footer")),
            "word/footnotes.xml": footnotes,
            "word/endnotes.xml": endnotes,
        },
        rels={
            "rH1": ("header", "header1.xml"),
            "rH2": ("header", "/word/header2.xml"),
            "rH3": ("header", "header3.xml"),
            "rF1": ("footer", "footer1.xml"),
            "rN": ("footnotes", "footnotes.xml"),
            "rE": ("endnotes", "endnotes.xml"),
        },
    )
    got = read_bytes(data, "letter.docx")
    assert got.text == (
        "First header\n\nDefault header\n\nBody one\n\nBody two\n\nFootnote text\n\nEnd\n\nFooter"
    )
    assert [(b.part, b.index) for b in got.blocks] == [
        ("word/header2.xml", 0),
        ("word/header1.xml", 0),
        ("word/document.xml", 0),
        ("word/document.xml", 1),
        ("word/document.xml", 2),
        ("word/footnotes.xml", 2),
        ("word/endnotes.xml", 1),
        ("word/footer1.xml", 0),
    ]


def test_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    root = (
        '<?xml version="1.0"?>\n<!DOCTYPE w:document [\n'
        f'<!ENTITY ext SYSTEM "{secret.as_uri()}">\n'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/never">\n'
        '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
        f"<w:document {NAMESPACES}><w:body>"
        "<w:p><w:r><w:t>A&ext;B&net;C&lol2;D</w:t></w:r></w:p></w:body></w:document>"
    )
    assert text_of(package(root=root)) == "ABCD"


def test_renamed_main_part_and_default_content_type() -> None:
    data = package(p("Renamed"), main="word/my letter.xml")
    assert read_bytes(data, "x.docx").blocks[0].part == "word/my letter.xml"


# --- refusals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("main_type", "reason"),
    [
        (
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "macro-enabled Word document (.docm) is not supported: save as .docx",
        ),
        (
            f"{WORDML}.template.main+xml",
            "Word template (.dotx) is not supported: save as .docx",
        ),
        (
            "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
            "Word template (.dotm) is not supported: save as .docx",
        ),
    ],
)
def test_macro_and_template_refused(main_type: str, reason: str) -> None:
    assert refusal(package(p("Hi"), main_type=main_type)) == reason


def test_strict_refused() -> None:
    strict_rel = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
    assert refusal(package(p("Hi"), office_rel=strict_rel)).startswith(
        "Strict Open XML is not supported"
    )
    strict_root = (
        '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">'
        "<w:body/></w:document>"
    )
    assert refusal(package(root=strict_root)).startswith("Strict Open XML")


def test_zip_without_word_part() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("theme/theme1.xml", "<a/>")
    reason = "not a Word document: no main document part"
    assert refusal(buffer.getvalue()) == reason
    assert refusal(package(root="<notword/>")) == reason


def test_opendocument_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    assert refusal(buffer.getvalue()).startswith("OpenDocument file is not supported")


def test_malformed_xml() -> None:
    data = package(root=f"<w:document {NAMESPACES}><w:body><w:p></w:body>")
    assert refusal(data) == "corrupt .docx: word/document.xml is not well-formed XML"


@pytest.mark.parametrize(
    "data",
    [b"Dear parent, this is text named .docx", package(p("Hi"))[:200], b"PK\x03\x04"],
)
def test_not_a_readable_zip(data: bytes) -> None:
    assert refusal(data) == "corrupt .docx: not a readable zip archive"


def test_corrupt_member() -> None:
    data = bytearray(package(p("Hello " * 200)))
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 10 : start + 20] = b"\xff" * 10  # damage the deflate stream
    assert refusal(bytes(data)).startswith("corrupt .docx: word/document.xml")


def test_zip_bomb_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED", 2000)
    data = package(p("x" * 5000))
    assert refusal(data).startswith("refused: the file unpacks to more than")


def test_empty_document() -> None:
    reason = "empty document: no text to check"
    assert refusal(package(p("") + p("  "))) == reason
    assert refusal(package("<w:sectPr/>")) == reason


def test_sniffed_docx_without_suffix() -> None:
    data = package(p("From stdin"))
    assert read_bytes(data, "-").text == "From stdin"
    assert read_bytes(data, "letter").kind == "docx"


# --- python-docx documents and blocks -------------------------------------------------


def _python_docx_letter(path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Advice Service header"
    document.sections[0].footer.paragraphs[0].text = "Page footer"
    document.add_paragraph("Dear Ms Smith,")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Merged heading"
    table.cell(1, 0).text = "A"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "B and C"
    document.add_paragraph("Tab\there, then a line break").add_run().add_break()
    document.add_paragraph("Yours sincerely")
    document.save(str(path))


def test_python_docx_document_blocks(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    _python_docx_letter(path)
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(tmp_path.iterdir()))
    got = read_path(path)
    assert (
        path.read_bytes(),
        path.stat().st_mtime_ns,
        sorted(tmp_path.iterdir()),
    ) == before
    assert (got.kind, got.encoding, got.path) == ("docx", None, str(path))
    assert got.text == (
        "Advice Service header\n\nDear Ms Smith,\nMerged heading\nA\nB and C\n"
        "Tab\there, then a line break\n\nYours sincerely\n\nPage footer"
    )
    assert got.text.count("Merged heading") == 1

    with zipfile.ZipFile(path) as archive:
        roots = {
            name: etree.fromstring(archive.read(name)) for name in {b.part for b in got.blocks}
        }
    expected = [
        "Advice Service header",
        "Dear Ms Smith,",
        "Merged heading",
        "A",
        "B and C",
        "Tab\there, then a line break\n",
        "Yours sincerely",
        "Page footer",
    ]
    assert [got.text[b.start : b.end] for b in got.blocks] == expected
    assert [b.part for b in got.blocks] == (
        ["word/header1.xml"] + ["word/document.xml"] * 6 + ["word/footer1.xml"]
    )
    for block, text in zip(got.blocks, expected, strict=True):
        paragraph = list(roots[block.part].iter(f"{{{W_NS}}}p"))[block.index]
        visible = "".join(paragraph.itertext()).replace("\n", "")
        assert visible == text.replace("\t", "").replace("\n", "")


def test_blocks_cover_text_exactly(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    _python_docx_letter(path)
    got = read_path(path)
    for previous, block in itertools.pairwise(got.blocks):
        gap = got.text[previous.end : block.start]
        assert gap == ("\n" if previous.part == block.part else "\n\n")
    assert got.blocks[0].start == 0 and got.blocks[-1].end == len(got.text)


# --- fixtures ----------------------------------------------------------------------

READ, REFUSED = "read", "refused"
ENCRYPTED = "encrypted (password-protected) Word file"
CORRUPT = "corrupt .docx: not a readable zip archive"
EMPTY = "empty document: no text to check"
STRICT = "Strict Open XML is not supported"

# fixture -> (READ, strings that must appear, strings that must not appear)
#         or (REFUSED, start of the reason)
EXPECTED: dict[str, tuple] = {
    "apache-poi/56392.docx": (READ, ["Test dopisu odstoupení", "S\xa0pozdravem"], []),
    "apache-poi/58067.docx": (
        READ,
        ["This is a test.", "This is a whole paragraph where one word is deleted."],
        ["This is another Test.", "only "],
    ),
    "apache-poi/Bug60341.docx": (READ, ["Page 2of 2"], ["PAGE", "NUMPAGES"]),
    "apache-poi/ExternalEntityInText.docx": (
        READ,
        ['Here should not be the POI web site: ""'],
        ["testent", "<html", "Apache"],
    ),
    "apache-poi/FieldCodes.docx": (
        READ,
        ["ANTONI\n16 June 2010"],
        ["AUTHOR", "CREATEDATE", "MERGEFORMAT"],
    ),
    "apache-poi/IllustrativeCases.docx": (
        READ,
        ["ILLUSTRATIVE CASES", "Gain from Early Childcare Supplement"],
        [],
    ),
    "apache-poi/SimpleMacro.docm": (REFUSED, "macro-enabled Word document (.docm)"),
    "apache-poi/Tika-792.docx": (REFUSED, EMPTY),  # only deleted/moved-away text
    "apache-poi/bug53475-password-is-pass.docx": (REFUSED, ENCRYPTED),
    "apache-poi/bug56075-changeTracking_on.docx": (READ, ["Change Tracking ON"], []),
    "apache-poi/checkboxes.docx": (
        READ,
        ["This is a small test for checkboxes", "In Table:", "In Sequence:"],
        ["FORMCHECKBOX"],
    ),
    "apache-poi/clusterfuzz-testcase-minimized-POIXWPFFuzzer-4791943399604224.docx": (
        REFUSED,
        CORRUPT,
    ),
    "apache-poi/comment.docx": (REFUSED, EMPTY),  # the only text is a comment
    "apache-poi/delins.docx": (
        READ,
        [
            "March 2009: Apache Tika Release",
            "Apache Tika 0.3 has been released.",
            "Thorsten Scherler. March 26th @ 15:00",
        ],
        ["A pendant worn in place of the red spot", "DragonLance", "HYPERLINK"],
    ),
    "apache-poi/documentProtection_trackedChanges_no_password.docx": (
        READ,
        ["Tracked changed senza password."],
        [],
    ),
    "apache-poi/endnotes.docx": (
        READ,
        ["A Nepalese name for Tilaka", "\n\n XXX"],
        [],
    ),
    "apache-poi/hello-world-signed.docx": (READ, ["Hello world"], []),
    "apache-poi/protected_agile.docx": (REFUSED, ENCRYPTED),
    "apache-poi/smarttag-snippet.docx": (
        READ,
        [
            "Carnegie Mellon University School of Computer Science",
            "Alice's Adventures in Wonderland",
        ],
        [],
    ),
    "apache-poi/stress025.docx": (
        REFUSED,
        "not a Word document: no main document part",
    ),
    "apache-poi/test.dotx": (REFUSED, "Word template (.dotx) is not supported"),
    "apache-poi/testComment.docx": (READ, ["this is a comment paragraph!"], []),
    "apache-poi/truncated62886.docx": (REFUSED, CORRUPT),
    "docx2python/comments.docx": (READ, ["Par2\nPar3\nPar4\nPar5 Lorem ipsum"], []),
    "docx2python/created-in-pages-paragraphs-only.docx": (
        READ,
        ["This is a document for testing docx2python module."],
        [],
    ),
    "docx2python/example_numbering.docx": (READ, ["expect II\nexpect C"], []),
    "docx2python/libreoffice_conversion.docx": (
        READ,
        ["第一章  竞争性谈判采购公告", "\n-6-\n\n", "\n-19-\n\n", "\n-41-"],
        [],
    ),
    "docx2python/nested_paragraphs.docx": (
        READ,
        ["aaa aab aac", "azz\n[Grab your reader’s attention"],
        [],
    ),
    "docx2python/renamed_document_xml.docx": (
        READ,
        ["This is a link to my website."],
        [],
    ),
    "docx2python/slanted_quotes.docx": (
        READ,
        ["“double quote”\n‘single quote’\nApostrophe’s"],
        [],
    ),
    "docx2python/strict.docx": (REFUSED, STRICT),
    "docx2python/test-docx2python-conversion-google_docs.docx": (
        READ,
        [
            "Pop-up lomo waistcoat",
            "Heirloom messenger bag bespoke pabst qui thundercats.",
        ],
        [],
    ),
    "docx4j/HelloWordOnline.docx": (READ, ["Hello World from Word Online"], []),
    "docx4j/MERGEFIELD.docx": (
        READ,
        [
            "Hallo, lower «Kundenname»",
            "date example«yourdate»",
            "number example«yournumber»",
        ],
        ["MERGEFIELD", "Kundenstrasse"],
    ),
    "docx4j/arabic_align.docx": (READ, ["ONEالمدينة", "وثيقة تجربة : 123456789"], []),
    "docx4j/comments-one.docx": (READ, ["One paragraph"], []),
    "docx4j/docx4j_IndividualContributor.docx": (
        READ,
        ["Individual Contributor License Agreement", "Please sign:"],
        [],
    ),
    "docx4j/odd_even_different_first_page.docx": (
        READ,
        ["Even header", "Odd header", "First page", "My footer"],
        [],
    ),
    "docx4j/textbox.docx": (READ, ["v:textbox/w:txbxContent"], []),
    "docx4j/unmarshallFromTemplateDirtyExample.docx": (
        READ,
        [
            "This document intentionally contains revisions etc",
            "My favourite colour is ${color}.",
        ],
        [],
    ),
    "mammoth/comments.docx": (READ, ["Ouch."], []),
    "mammoth/empty.docx": (REFUSED, EMPTY),
    "mammoth/endnotes.docx": (
        READ,
        ["Ouch.\n\n A tachyon walks into a bar.\n Fin."],
        [],
    ),
    "mammoth/external-picture.docx": (REFUSED, EMPTY),  # only a linked image
    "mammoth/footnote-hyperlink.docx": (READ, [" Example"], []),
    "mammoth/footnotes.docx": (
        READ,
        ["Ouch.\n\n A tachyon walks into a bar.\n Fin."],
        [],
    ),
    "mammoth/strict-format.docx": (REFUSED, STRICT),
    "mammoth/tables.docx": (
        READ,
        ["Above\nTop left\nTop right\nBottom left\nBottom right\nBelow"],
        [],
    ),
    "mammoth/text-box.docx": (READ, ["Datum plane"], []),
    "mammoth/utf8-bom.docx": (READ, ["This XML has a byte order mark."], []),
    "python-docx/comments-rich-para.docx": (
        READ,
        ["Document text", "Paragraph 7"],
        [],
    ),
    "python-docx/default.docx": (REFUSED, EMPTY),
    "python-docx/doc-odd-even-hdrs.docx": (
        READ,
        ["Even page header.\n\nOdd page header.\n\nFirst Page."],
        [],
    ),
    "python-docx/doc-word-default-blank.docx": (REFUSED, EMPTY),
    "python-docx/hdr-header-footer.docx": (
        READ,
        ["Header for section-1\n\nsection with header", "\n\nFooter for section 1"],
        [],
    ),
    "python-docx/par-hyperlinks.docx": (
        READ,
        ["Three hyperlinks: the first one here, the second one, and the third."],
        [],
    ),
    "python-docx/par-rendered-page-breaks.docx": (
        READ,
        ["Page break in>><<this hyperlink and another one here>><<with text following"],
        [],
    ),
    "python-docx/tbl-cell-access.docx": (
        READ,
        [  # merged cells once: python-docx repeats "4", "5" and "4" here
            "\n".join("123456789") + "\n\n" + "\n".join("12346789") + "\n\n",
            "\n".join("1234567") + "\n\n9\n\n" + "\n".join("12346") + "\n\n9",
        ],
        [],
    ),
}
# Text a reader sees exactly once (text boxes have a VML copy in mc:Fallback).
ONCE = {
    "mammoth/text-box.docx": "Datum plane",
    "docx4j/textbox.docx": "v:textbox/w:txbxContent",
    "docx2python/nested_paragraphs.docx": "[Grab your reader’s attention",
    "docx2python/libreoffice_conversion.docx": "粘\n\n贴\n\n处",  # one w:p each
}


def _fixtures() -> list[str]:
    if not FIXTURES.is_dir():
        return ["<fixtures missing>"]
    return sorted(
        path.relative_to(FIXTURES).as_posix()
        for pattern in ("*.docx", "*.docm", "*.dotx")
        for path in FIXTURES.rglob(pattern)
    )


def _need_fixtures() -> None:
    if not FIXTURES.is_dir():
        pytest.skip(f"docx fixtures folder not found: {FIXTURES}")


@pytest.mark.parametrize("name", _fixtures())
def test_fixture(name: str) -> None:
    _need_fixtures()
    if name not in EXPECTED:
        pytest.fail(
            f"no expected outcome for fixture {name!r}: "
            f"add one to EXPECTED in {Path(__file__).name}"
        )
    path = FIXTURES / name
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    outcome, *details = EXPECTED[name]
    if outcome == REFUSED:
        with pytest.raises(ReadError) as caught:
            read_path(path)
        assert str(caught.value).startswith(details[0])
        assert "\n" not in str(caught.value)
    else:
        got = read_path(path)
        present, absent = details
        assert got.text.strip() and got.kind == "docx"
        for text in present:
            assert text in got.text
        for text in absent:
            assert text not in got.text
        if name in ONCE:
            assert got.text.count(ONCE[name]) == 1
        for block in got.blocks:
            assert 0 <= block.start <= block.end <= len(got.text)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_fixture_table_has_no_stale_entries() -> None:
    _need_fixtures()
    assert sorted(set(EXPECTED) - set(_fixtures())) == []


def test_fixture_main_parts_and_header_blocks() -> None:
    _need_fixtures()
    renamed = read_path(FIXTURES / "docx2python/renamed_document_xml.docx")
    assert {b.part for b in renamed.blocks} == {"word/blah_blah.xml"}
    online = read_path(FIXTURES / "docx4j/HelloWordOnline.docx")
    assert {b.part for b in online.blocks} == {"word/document22.xml"}
    headers = read_path(FIXTURES / "python-docx/hdr-header-footer.docx")
    first = headers.blocks[0]
    assert first.part.startswith("word/header")
    assert headers.text[first.start : first.end] == "Header for section-1"


def test_python_docx_drops_text_we_read() -> None:
    """Documents why python-docx's Paragraph.text is not used for extraction."""
    _need_fixtures()
    path = FIXTURES / "apache-poi/delins.docx"
    python_docx = "\n".join(par.text for par in docx.Document(str(path)).paragraphs)
    assert "March 2009: Apache Tika Release" not in python_docx
    assert "March 2009: Apache Tika Release" in read_path(path).text


def test_fixture_paths_are_not_written(tmp_path: Path) -> None:
    _need_fixtures()
    stamp = {p: os.stat(p).st_mtime_ns for p in FIXTURES.rglob("*") if p.is_file()}
    for name in EXPECTED:
        with contextlib.suppress(ReadError):
            read_path(FIXTURES / name)
    assert {p: os.stat(p).st_mtime_ns for p in FIXTURES.rglob("*") if p.is_file()} == stamp
