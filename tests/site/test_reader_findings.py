"""Smaller findings of the December reader trial (issue 28) that lxml can see in the built site."""
import re
from urllib.parse import urljoin

import pytest
from conftest import LANGS
from lxml import html as lxml_html


def test_every_page_links_whats_new_in_its_footer(pages):
    """R8: "Nytt och ändrat" is one tap from any page (the footer), in the page's language."""
    missing = []
    for page in pages:
        hrefs = page.tree.xpath('//footer//a[@class="tillit-news-link"]/@href')
        target = urljoin("http://x/" + page.rel, hrefs[0]).removeprefix("http://x/") if hrefs else ""
        if target != ("en/" if page.lang == "en" else "") + "om/nytt/":
            missing.append(f"{page.rel}: {hrefs}")
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("short", ["kommuner/", "om/"])
def test_trimmed_addresses_lead_somewhere(site_dir, lang, short):
    """R11: /kommuner/ and /om/ (an address trimmed by hand) lead to a page, in both languages."""
    stub = site_dir / ("en/" if lang == "en" else "") / short / "index.html"
    assert stub.is_file(), f"nothing at {stub.relative_to(site_dir)}"
    text = stub.read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in text, f"{stub}: not a redirect"


def test_page_toc_is_not_in_the_search_index(site_dir):
    """R9: the phone's list of sections is not indexed (it would repeat every heading in each page's snippet)."""
    for index in site_dir.glob("**/search/search_index.json"):
        assert "tillit-page-toc" not in index.read_text(encoding="utf-8")


def test_figure_legends_name_only_markings_the_figure_uses(pages):
    """R15: a caption mentions a dashed frame only where the picture has one, and "*" only where a part is starred;
    the legend is said once (in the caption, not again inside the picture)."""
    problems = []
    words = {"sv": ("streckad ram", "vår illustration, står inte i källan"),
             "en": ("dashed frame", "our illustration, not in the source")}
    for page in pages:
        frame_word, old_legend = words[page.lang]
        for figure in page.tree.xpath('//figure[@class="tf"]'):
            caption = figure.xpath("./figcaption")[0].text_content()
            svg_text = " ".join(figure.xpath(".//*[local-name()='svg']//*[local-name()='text']//text()"))
            boxes = figure.xpath(".//*[contains(@class,'tf-box--ours')]")   # a dashed box: ours
            markers = figure.xpath(".//*[contains(@class,'tf-marker--open')]")   # a dashed marker: ours or unknown
            starred = " *" in svg_text
            if (frame_word in caption and not (boxes or markers)) or (boxes and frame_word not in caption):
                problems.append(f"{page.rel} #{figure.get('id')}: caption and dashed parts disagree: {caption!r}")
            if ("*" in caption) != starred:
                problems.append(f"{page.rel} #{figure.get('id')}: caption and starred parts disagree: {caption!r}")
            if old_legend in svg_text:
                problems.append(f"{page.rel} #{figure.get('id')}: the legend is inside the picture as well")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_linking_sub_pages_list_their_pages_in_the_table_of_contents(pages, lang):
    """R23: on om/lanka/kommuner/ a reader jumps to Falköping, Borås or Bollebygd from the table of contents (and, on
    a phone, from the list of sections); URLs in the tables may break only after a "/" or a "."."""
    page = next(p for p in pages if p.lang == lang and p.url_path == "om/lanka/kommuner/")
    tables = page.tree.xpath('//div[contains(@class,"tillit-linking-pages")]/table[@id]')
    assert len(tables) == 3, len(tables)
    toc = page.tree.xpath('//nav[contains(@class,"md-nav--secondary")]//a/@href')
    phone = page.tree.xpath('//nav[contains(@class,"tillit-page-toc")]//a/@href')
    for table in tables:
        assert "#" + table.get("id") in toc, f"{page.rel}: {table.get('id')} not in the table of contents {toc}"
        assert "#" + table.get("id") in phone, f"{page.rel}: {table.get('id')} not in the phone's list {phone}"
    for code in page.tree.xpath('//code[contains(@class,"tillit-url")]'):
        raw = lxml_html.tostring(code, encoding="unicode", with_tail=False)
        pieces = re.sub(r"<(?!wbr)[^>]*>", "", raw.replace("</wbr>", "")).split("<wbr>")
        assert len(pieces) > 2, pieces
        assert all(p.endswith(("/", ".")) for p in pieces[:-1]), pieces   # breaks after "/" or ".", never mid-word


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_snippets_leave_out_picture_labels_and_self_check_answers(site_dir, prefix):
    """R4, R5: Material's search skips what is marked data-search-exclude: a picture's SVG labels (the caption and
    the text version stay) and the self-check's answers (the questions stay)."""
    import json

    from tillit import exercise
    index = json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    lang = "en" if prefix else "sv"
    text = " ".join(d["text"] for d in index["docs"])
    item = exercise.load_all("golden-zone")["items"][0]
    assert item["text"][lang] in text, "the self-check's questions must stay searchable"
    assert item["why"][lang] not in text, "a model answer's reasoning is in the search index (R5)"
    page = lxml_html.parse(str(site_dir / prefix / "kommuner/falkoping/index.html")).getroot()
    labels = [t.text_content().strip() for t in page.xpath("//figure//*[local-name()='svg']//*[local-name()='text']")]
    caption = page.xpath("//figure/figcaption")[0].text_content().strip()
    falkoping = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("kommuner/falkoping/"))
    glued = [a + b for a, b in zip(labels, labels[1:])]   # how the labels ran together in the snippets
    assert labels and not [g for g in glued if g in falkoping], "the picture's labels are in the search index (R4)"
    assert caption.split()[0] in falkoping
