"""The workshop's card sets (tillit/cards.py): one PDF per language, every item on a numbered card, the sorting mat
and every model answer; read with pdftotext, and a card page rendered with pdftoppm to check it is not blank."""
import subprocess

import pytest
import yaml
from conftest import ROOT

from tillit import site as _site

PER_PAGE = 8


def _config():
    return _site.load_config()["extra"]["card_pdf"]


def _items():
    return yaml.safe_load((ROOT / "exercises" / f"{_config()['exercise']}.yml").read_text(encoding="utf-8"))["items"]


@pytest.fixture(scope="module")
def cards(printed_site):
    return {lang: printed_site / _site.lang_prefix(lang) / _config()["file"].format(lang=lang)
            for lang in _site.languages()}


def _text(pdf, first=None, last=None):
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    return " ".join(subprocess.run(["pdftotext", "-raw", *pages, str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def _pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.parametrize("lang", _site.languages())
def test_every_item_is_a_numbered_card_and_the_sheet_has_every_answer(cards, lang):
    pdf, items = cards[lang], _items()
    card_pages = -(-len(items) // PER_PAGE)
    # the cards, one page for the mat, then the answer sheet (at least five answers a page)
    assert card_pages + 1 < _pages(pdf) <= card_pages + 1 + -(-len(items) // 5), f"{pdf.name}: {_pages(pdf)} pages"
    s, c = _site.strings(lang)["selfcheck"], _site.strings(lang)["cards"]
    for page in range(1, card_pages + 1):
        text = _text(pdf, page, page)
        on_page = items[(page - 1) * PER_PAGE: page * PER_PAGE]
        for number, item in enumerate(on_page, (page - 1) * PER_PAGE + 1):
            card = " ".join(item["text"][lang].split())
            assert f"{number} {card}" in text, f"{pdf.name} page {page}: card {number} missing or unnumbered"
        other = [lang_ for lang_ in _site.languages() if lang_ != lang]
        assert not any(" ".join(on_page[0]["text"][o].split()) in text for o in other), "a card in the other language"
    mat = _text(pdf, card_pages + 1, card_pages + 1)
    assert c["mat"] in mat and all(s["answers"][a] in mat for a in ("what", "how", "grey"))
    sheet = _text(pdf, card_pages + 2)
    assert c["sheet"] in sheet
    for number, item in enumerate(items, 1):
        assert " ".join(item["why"][lang].split()) in sheet, (
            f"{pdf.name}: the answer sheet lacks item {number}'s reason")


def test_a_card_page_is_drawn(cards, tmp_path):
    """pdftoppm renders the first card page; its cut lines and text leave dark pixels (a blank page has none)."""
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "30", "-gray", str(cards["sv"]), str(tmp_path / "card")],
                   check=True)
    raw = next(tmp_path.glob("card*.pgm")).read_bytes()   # P5, width height, 255, then one byte a pixel
    header = raw.split(maxsplit=4)
    width, height = int(header[1]), int(header[2])
    pixels = raw[-width * height:]
    dark = sum(1 for value in pixels if value < 128)
    assert width < height and dark > 500, f"the first card page is (almost) blank or not A4 portrait ({dark} dark)"
