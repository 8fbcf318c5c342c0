"""PDF/UA-1, the machine-checkable part (issue 17), for both onboarding PDFs (tillit/pdfs.py, pdf_ua()).

Two checkers, both without a JVM (veraPDF, the reference checker, needs Java):
- pdfua (PyPI, pinned in requirements/test.txt): 12 checks of 16 PDF/UA-1 rules; no error and no warning allowed.
- our own pikepdf checks below, of the Matterhorn Protocol checkpoint groups a program can decide from the file:
  01 real content tagged (every painting operator inside a tag or an artifact), 06 metadata (XMP with pdfuaid:part 1
  and dc:title), 07 DisplayDocTitle, 11 natural language (/Lang), 13 figures with /Alt, 14 headings (in order, not
  empty: pdfua 0.1.3's own heading rule crashes on Chromium's files, so it is done here), 15 tables (rows and
  cells, TH with a scope), 16 lists (L > LI > Lbl/LBody), 28 annotations (each link tagged and described, /Tabs /S),
  31 fonts (embedded). Plus bookmarks for every part and section.
Not checked by any program here, so still for a person: whether the reading order, the alt texts, the link
descriptions and the heading texts make sense (Matterhorn's human checkpoints).
"""
import pytest
from conftest import LANGS
from test_pdfs import pdfs  # noqa: F401  (the fixture: lang -> the printed PDF)

pikepdf = pytest.importorskip("pikepdf")
pdfua = pytest.importorskip("pdfua")

PAINT = {"Tj", "TJ", "'", '"', "Do", "sh", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s"}
HEADINGS = {f"/H{n}": n for n in range(1, 7)}


def _elements(node):
    if isinstance(node, pikepdf.Array):
        for kid in node:
            yield from _elements(kid)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        yield node
        if "/K" in node:
            yield from _elements(node.K)


def _kids(element):
    k = element.get("/K")
    return [] if k is None else list(k) if isinstance(k, pikepdf.Array) else [k]


def _kid_types(element):
    return [str(k.S) for k in _kids(element) if isinstance(k, pikepdf.Dictionary) and "/S" in k]


@pytest.fixture(scope="module")
def opened(pdfs):  # noqa: F811
    files = {lang: pikepdf.open(pdfs[lang]) for lang in LANGS}
    yield files
    for pdf in files.values():
        pdf.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdfua_checker_finds_nothing(pdfs, lang):  # noqa: F811
    report = pdfua.validate(str(pdfs[lang]))
    findings = [f"{f.rule_id} {f.severity.name} {f.location}: {f.message}" for f in report.findings]
    assert not findings, f"{pdfs[lang].name}: pdfua {pdfua.__version__}:\n" + "\n".join(findings)


def metadata_problems(pdf, lang):
    found = []
    if str(pdf.Root.get("/Lang", "")) != lang:
        found.append("11: no /Lang in the catalog")
    if pdf.Root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
        found.append("07: no DisplayDocTitle")
    if "/Metadata" not in pdf.Root:
        found.append("06: no XMP metadata stream")
    meta = pdf.open_metadata()
    if str(meta.get("pdfuaid:part")) != "1":
        found.append("06: no PDF/UA identifier (pdfuaid:part) in the XMP metadata")
    if "Tillit" not in str(meta.get("dc:title", "")) or str(pdf.docinfo.get("/Title")) != str(meta.get("dc:title")):
        found.append("06: dc:title missing or not the Info /Title")
    if pdf.Root.get("/MarkInfo", {}).get("/Marked") is not True or "/StructTreeRoot" not in pdf.Root:
        found.append("01: not a tagged PDF")
    return found


def untagged(pdf):
    problems = []
    for number, page in enumerate(pdf.pages, 1):
        depth, loose = 0, 0
        for instruction in pikepdf.parse_content_stream(page):
            op = str(getattr(instruction, "operator", "INLINE IMAGE"))
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth -= 1
            elif depth == 0 and (op in PAINT or op == "INLINE IMAGE"):
                loose += 1
        if loose:
            problems.append(f"01: page {number}: {loose} operators paint outside any tag or artifact")
    return problems


def test_the_checks_find_an_untagged_pdf():
    """Positive control: a PDF with text outside any tag, no metadata, no language."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].obj.Contents = pdf.make_stream(b"BT /F1 12 Tf (x) Tj ET")
    assert len(metadata_problems(pdf, "en")) == 6
    assert untagged(pdf) == ["01: page 1: 1 operators paint outside any tag or artifact"]
    pdf.pages[0].obj.Contents = pdf.make_stream(b"/Artifact BMC BT /F1 12 Tf (x) Tj ET EMC")
    assert untagged(pdf) == []


@pytest.mark.parametrize("lang", LANGS)
def test_metadata_language_and_title(opened, lang):
    found = metadata_problems(opened[lang], lang)
    assert not found, found


@pytest.mark.parametrize("lang", LANGS)
def test_no_untagged_content(opened, lang):
    found = untagged(opened[lang])
    assert not found, found


@pytest.mark.parametrize("lang", LANGS)
def test_structure_headings_lists_tables_figures(opened, lang):
    pdf = opened[lang]
    elements = list(_elements(pdf.Root.StructTreeRoot.K))
    types = [str(e.S) for e in elements]
    problems = []
    levels = [HEADINGS[t] for t in types if t in HEADINGS]
    if not levels or levels[0] != 1:
        problems.append(f"14: the first heading is not H1 ({levels[:1]})")
    problems += [f"14: H{a} followed by H{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    problems += [f"14: empty {t}" for e, t in zip(elements, types) if t in HEADINGS and not _kids(e)]
    for e, t in zip(elements, types):
        kids = _kid_types(e)
        if t == "/L" and not set(kids) <= {"/LI", "/L", "/Caption"}:
            problems.append(f"16: L holds {kids}")
        if t == "/LI" and (not set(kids) <= {"/Lbl", "/LBody"} or "/LBody" not in kids):
            problems.append(f"16: LI holds {kids}")
        if t == "/Table" and not set(kids) <= {"/TR", "/THead", "/TBody", "/TFoot", "/Caption"}:
            problems.append(f"15: Table holds {kids}")
        if t == "/TR" and not set(kids) <= {"/TH", "/TD"}:
            problems.append(f"15: TR holds {kids}")
        if t == "/TH":
            attrs = e.get("/A")
            attrs = list(attrs) if isinstance(attrs, pikepdf.Array) else [attrs] if attrs is not None else []
            if not any(isinstance(a, pikepdf.Dictionary) and "/Scope" in a for a in attrs):
                problems.append("15: TH without /Scope")
        if t == "/Figure" and not str(e.get("/Alt", "")).strip():
            problems.append("13: Figure without /Alt")
    for needed in ("/H1", "/H2", "/L", "/LI", "/Table", "/Link"):
        if needed not in types:
            problems.append(f"no {needed} at all: is the PDF still printed with tagged=True?")
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("lang", LANGS)
def test_links_are_tagged_and_described(opened, lang):
    problems = []
    for number, page in enumerate(opened[lang].pages, 1):
        annots = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        if annots and page.obj.get("/Tabs") != "/S":
            problems.append(f"28: page {number} has links but no /Tabs /S")
        for a in annots:
            if not str(a.get("/Contents", "")).strip():
                problems.append(f"28: page {number}: a link with no /Contents")
            if "/StructParent" not in a:
                problems.append(f"28: page {number}: a link not in the structure tree")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("lang", LANGS)
def test_fonts_are_embedded(opened, lang):
    missing = set()
    for page in opened[lang].pages:
        for name, font in page.Resources.get("/Font", {}).items():
            fonts = list(font.get("/DescendantFonts", [])) or [font]
            for f in fonts:
                d = f.get("/FontDescriptor")
                if d is None or not any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.add(str(f.get("/BaseFont", name)))
    assert not missing, f"31: fonts not embedded: {sorted(missing)}"


@pytest.mark.parametrize("lang", LANGS)
def test_bookmarks_hold_every_part_and_section(opened, lang):
    with opened[lang].open_outline() as outline:
        titles = []
        stack = list(outline.root)
        while stack:
            item = stack.pop()
            titles.append(item.title.strip())
            stack.extend(item.children)
    headings = []
    for e in _elements(opened[lang].Root.StructTreeRoot.K):
        if str(e.S) in ("/H1", "/H2"):
            headings.append(e)
    assert len(titles) >= 6, f"bookmarks: {titles}"
    assert len(titles) >= len(headings) - 1, f"{len(titles)} bookmarks for {len(headings)} H1/H2 headings"
