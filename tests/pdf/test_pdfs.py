"""The onboarding PDFs (tillit/pdfs.py): one per language, wholly in that language, with a cover,
a table of contents whose page numbers are right, numbered pages and links that work."""
import math
import re
import subprocess
from urllib.parse import urldefrag, urljoin

import pytest
from conftest import LANGS, ROOT
from lxml import html as lxml_html
from mkdocs.utils import yaml_load

pypdf = pytest.importorskip("pypdf")

# An A4 page of 11 pt text holds well under this many words; it turns the pack's word count into a minimum page count.
MAX_WORDS_PER_PAGE = 650
FOOTER = {"sv": r"Sida (\d+) av (\d+)", "en": r"Page (\d+) of (\d+)"}
# Short words that only one of the two languages uses a lot: the PDF must be dominated by its own.
FUNCTION_WORDS = {"sv": {"och", "att", "det", "som", "är", "för", "inte", "med"},
                  "en": {"the", "and", "that", "is", "for", "not", "with", "of"}}


def _pack_config():
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["extra"]["onboarding_pdf"]


PACK = _pack_config()


def _built(md_path):
    stem = md_path.removesuffix(".md")
    return (stem.removesuffix("index") + "index.html" if stem == "index" or stem.endswith("/index")
            else stem + "/index.html")


def _lang_prefix(lang):
    return "" if lang == LANGS[0] else f"{lang}/"


def _run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def pdfs(printed_site):
    """lang -> Path of the PDF (printed by `make pdf`, or by the printed_site fixture)."""
    return {lang: printed_site / (_lang_prefix(lang) + PACK["file"].format(lang=lang)) for lang in LANGS}


@pytest.fixture(scope="module")
def parts(site_dir):
    """lang -> the pack's pages as built: address, site root, links, title, h2 titles, article text."""
    out = {}
    for lang in LANGS:
        out[lang] = []
        for md in PACK["pages"]:
            rel = _lang_prefix(lang) + _built(md)
            tree = lxml_html.fromstring((site_dir / rel).read_bytes())
            article = tree.xpath("//article")[0]
            for permalink in article.xpath(".//a[contains(@class,'headerlink')]"):
                permalink.drop_tree()
            url = tree.xpath("//link[@rel='canonical']/@href")[0]
            site_url = url.removesuffix(rel.removesuffix("index.html"))
            out[lang].append({
                "url": url,
                "site_url": site_url,
                "links": {urljoin(url, h) for h in article.xpath(".//a/@href")},
                "title": article.xpath(".//h1")[0].text_content().strip(),
                "sections": [h.text_content().strip() for h in article.xpath(".//h2")],
                "text": article.text_content(),
            })
    return out


def _page_texts(pdf):
    return _run("pdftotext", "-layout", str(pdf), "-").split("\f")[:-1]


def _norm(text):
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_is_in_its_language(pdfs, parts, lang):
    text = " ".join(_page_texts(pdfs[lang]))
    words = re.findall(r"[^\W\d_]+", text.lower())
    own = sum(w in FUNCTION_WORDS[lang] for w in words)
    other = sum(w in FUNCTION_WORDS[o] for o in LANGS if o != lang for w in words)
    assert own > 8 * other, f"{lang} PDF: {own} own-language function words, {other} of the other language"
    # no heading of the other language's pages (unless both languages spell it the same)
    own_headings = {h for p in parts[lang] for h in [p["title"], *p["sections"]]}
    lines = {_norm(line) for line in text.splitlines()}
    foreign = [h for o in LANGS if o != lang for p in parts[o] for h in [p["title"], *p["sections"]]
               if h not in own_headings and h in lines]
    assert not foreign, f"{lang} PDF has headings of the other language: {foreign}"
    # the document says which language it is in (screen readers pick their voice from it)
    assert pypdf.PdfReader(pdfs[lang]).trailer["/Root"].get("/Lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_page_count_fits_the_content(pdfs, parts, lang):
    words = sum(len(re.findall(r"\w+", p["text"])) for p in parts[lang])
    pages = len(pypdf.PdfReader(pdfs[lang]).pages)
    # a cover, the contents, and each part starting on a new page; no page can hold more than MAX_WORDS_PER_PAGE
    minimum = max(2 + len(parts[lang]), 2 + math.ceil(words / MAX_WORDS_PER_PAGE))
    assert pages >= minimum, f"{lang}: {pages} pages for {words} words (expected at least {minimum})"


@pytest.mark.parametrize("lang", LANGS)
def test_cover_contents_and_every_part(pdfs, parts, lang):
    pages = _page_texts(pdfs[lang])
    assert "Tillit" in pages[0] and parts[lang][0]["url"] in _norm(pages[0]), "the cover names the site and its address"
    # the contents: "Title ..... 12" lines on the pages before the first part
    toc = {}
    for number, page in enumerate(pages[1:], 2):
        if number >= toc.get(parts[lang][0]["title"], len(pages)):
            break   # the first part starts here: the contents are over
        for line in page.splitlines():
            match = re.match(r"\s*(\S.*?)\s+(\d+)\s*$", line)
            if match:
                toc.setdefault(match.group(1), int(match.group(2)))
    for part in parts[lang]:
        assert part["title"] in toc, f"{lang}: the contents do not list '{part['title']}'"
        number = toc[part["title"]]
        first_line = _norm(pages[number - 1]).split(" " + part["url"])[0]
        assert first_line.endswith(part["title"]), \
            f"{lang}: the contents say '{part['title']}' starts on page {number}, which begins '{first_line[:80]}'"
        for section in part["sections"]:
            assert section in toc, f"{lang}: the contents do not list section '{section}' of '{part['title']}'"
            assert any(_norm(line) == section for line in pages[toc[section] - 1].splitlines()), \
                f"{lang}: section '{section}' is not on page {toc[section]} as the contents say"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_but_the_cover_is_numbered(pdfs, lang):
    pages = _page_texts(pdfs[lang])
    for number, page in enumerate(pages, 1):
        found = re.findall(FOOTER[lang], page)
        if number == 1:
            assert not found, "the cover has no page number"
            continue
        assert (str(number), str(len(pages))) in found, (
            f"{lang}: page {number} lacks '{FOOTER[lang]}' = {number}/{len(pages)}")


@pytest.mark.parametrize("lang", LANGS)
def test_links_work(pdfs, parts, site_dir, lang):
    reader = pypdf.PdfReader(pdfs[lang])
    destinations = {name.lstrip("/") for name in reader.named_destinations}
    site_url = parts[lang][0]["site_url"]
    external, internal = [], []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            if "/A" in annot and "/URI" in annot["/A"]:
                external.append(str(annot["/A"]["/URI"]))
            elif "/Dest" in annot:
                internal.append(str(annot["/Dest"]).lstrip("/"))
    toc_entries = sum(1 + len(p["sections"]) for p in parts[lang])
    assert len(internal) >= toc_entries, f"{lang}: {len(internal)} internal links for {toc_entries} contents entries"
    assert not [d for d in internal if d not in destinations], f"{lang}: internal links to nowhere"
    assert external, f"{lang}: no links to the site"
    # every link to the site leads to a built page in the same language, and to an anchor that exists there
    broken = []
    for uri in external:
        if not uri.startswith(site_url):
            continue
        url, fragment = urldefrag(uri)
        rel = url[len(site_url):]
        target = site_dir / (rel + "index.html" if rel.endswith("/") or rel == "" else rel)
        if not target.exists():
            broken.append(uri)
        elif fragment and target.suffix == ".html" and f'id="{fragment}"' not in target.read_text(encoding="utf-8"):
            broken.append(uri)
        elif target.suffix == ".html" and lxml_html.fromstring(target.read_bytes()).get("lang") != lang:
            broken.append(f"{uri} (other language)")
    assert not broken, f"{lang}: broken links in the PDF: {broken}"
    # a link that is not on the site must be one the page itself has (an outbound source link)
    page_links = set().union(*(p["links"] for p in parts[lang]))
    stray = [u for u in external if not u.startswith(site_url) and u not in page_links]
    assert not stray, f"{lang}: links in the PDF that point neither at the site nor at a source the page links: {stray}"


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_bookmarks_and_title(pdfs, lang):
    reader = pypdf.PdfReader(pdfs[lang])
    assert reader.outline, f"{lang}: no bookmarks (outline)"
    assert "Tillit" in (reader.metadata.title or "")


@pytest.mark.parametrize("lang", LANGS)
def test_answers_are_printed_and_the_pdf_does_not_link_itself(pdfs, site_dir, lang):
    text = _norm(" ".join(_page_texts(pdfs[lang])))
    answers = []
    for md in PACK["pages"]:
        tree = lxml_html.fromstring((site_dir / (_lang_prefix(lang) + _built(md))).read_bytes())
        answers += [_norm(d.xpath("string(./*[not(self::summary)])")) for d in tree.xpath("//article//details")]
    assert answers, "the learning path has self-check answers"
    missing = [a for a in answers if a[:60] not in text]
    assert not missing, f"{lang}: answers missing from the PDF (details printed closed?): {missing}"
    reader = pypdf.PdfReader(pdfs[lang])
    uris = [str(a.get_object()["/A"]["/URI"]) for page in reader.pages for a in page.get("/Annots") or []
            if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]]
    assert not [u for u in uris if u.endswith(".pdf")], f"{lang}: the PDF links to a PDF (itself?)"


# Instructions that only make sense on a screen (click, tap, hover, a button, opening a box). On paper nothing
# can be clicked and the answers are already open, so the pack must word them for both or leave them out.
SCREEN_ONLY = {
    "sv": r"\b(klicka\w*|hovra\w*|muspekar\w*|skrolla\w*|scrolla\w*|knapp(en|ar|arna)?"
          r"|(tryck|trycka|peka|välj|öppna|fäll ut) (på )?(frågan|frågorna|rutan|länken|fliken|knappen|rubriken))\b",
    "en": r"\b(click\w*|tap(s|ped|ping)?|hover\w*|scroll\w*|buttons?|mouse"
          r"|(press|select|choose|open|expand) (on )?(the|a) (question|questions|box|link|tab|button|heading))\b",
}


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_no_instruction_to_click(pdfs, lang):
    text = _norm(" ".join(_page_texts(pdfs[lang])))
    found = [text[max(m.start() - 40, 0):m.end() + 40] for m in re.finditer(SCREEN_ONLY[lang], text, re.IGNORECASE)]
    assert not found, f"{lang} PDF tells the reader to do what paper cannot: {found}"
