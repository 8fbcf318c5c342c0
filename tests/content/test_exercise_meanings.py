"""The self-check's answers hold (issue 27 point 2): one meaning for each answer category (what, how, grey zone), shown
on the practice page and on the facilitator's sheet, and every grey-zone item says which kind of grey zone it is, so
"Gråzon" cannot drift back to meaning "it depends" (review 2026-12, S7). Data: exercises/golden-zone.yml."""
import copy
import subprocess

import pytest
import sitetext
import yaml

from tillit import exercise, sources
from tillit import site as _site

NAME = "golden-zone"
FILE = f"exercises/{NAME}.yml"
LANGS = _site.languages()
PAGE = "fortroendevalda/ovning/"


def data():
    return sitetext.load(FILE)


def page_ids(stem, lang):
    path = sitetext.ROOT / "docs" / f"{stem}.{lang}.md"
    return sources.read_page(path, stem, lang).ids if path.exists() else None


def test_every_answer_category_has_one_meaning_in_every_language():
    meanings = data()["meanings"]
    assert set(meanings) == set(exercise.ANSWERS), f"{FILE}: meanings must be exactly {exercise.ANSWERS}"
    for answer in exercise.ANSWERS:
        for lang in LANGS:
            assert str(meanings[answer].get(lang) or "").strip(), f"{FILE}: meanings: {answer} has no text in {lang}"


def test_every_grey_item_says_which_defined_meaning_applies():
    kinds, items = data()["grey_kinds"], data()["items"]
    grey = [(n, item) for n, item in enumerate(items, 1) if item["answer"] == "grey"]
    assert grey, f"{FILE}: no item is answered grey, so the grey zone is never practised"
    unnamed = [f"{FILE}: item {n} is answered grey but names no kind of grey zone ({item.get('grey')!r}; "
               f"write grey: one of {sorted(kinds)})" for n, item in grey if item.get("grey") not in kinds]
    assert not unnamed, "\n".join(unnamed)
    stray = [f"{FILE}: item {n} has grey: but is answered {item['answer']}" for n, item in enumerate(items, 1)
             if item["answer"] != "grey" and "grey" in item]
    assert not stray, "\n".join(stray)
    unused = set(kinds) - {item["grey"] for _, item in grey}
    assert not unused, f"{FILE}: grey_kinds {sorted(unused)} are defined but no item uses them"


def test_the_build_check_names_the_file_and_the_item(tmp_path, monkeypatch):
    """Controls for tillit/exercise.py problems() (run by tillit.checks before every build): a grey item without its
    kind, one with an unknown kind and a non-grey item with a kind are each named; the real file passes."""
    broken = copy.deepcopy(data())
    grey = [n for n, item in enumerate(broken["items"], 1) if item["answer"] == "grey"]
    not_grey = next(n for n, item in enumerate(broken["items"], 1) if item["answer"] != "grey")
    del broken["items"][grey[0] - 1]["grey"]
    broken["items"][grey[1] - 1]["grey"] = "it-depends"
    broken["items"][not_grey - 1]["grey"] = "politician-in-how"
    del broken["meanings"]["grey"]["en"]
    (tmp_path / f"{NAME}.yml").write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(exercise, "EXERCISES", tmp_path)
    found = exercise.problems(NAME, page_ids)
    assert any(f"{FILE}: item {grey[0]}: a grey-zone item must say which kind" in p for p in found), found
    assert any(f"{FILE}: item {grey[1]}: a grey-zone item" in p and "'it-depends'" in p for p in found), found
    assert any(f"{FILE}: item {not_grey}: 'grey:' is only for items answered grey" in p for p in found), found
    assert any(f"{FILE}: 'meanings: grey' has no text in 'en'" in p for p in found), found
    assert len(found) == 4, found
    monkeypatch.setattr(exercise, "EXERCISES", sitetext.ROOT / "exercises")
    assert exercise.problems(NAME, page_ids) == [], "the real file passes"


def _norm(text):
    return " ".join(str(text).split())


@pytest.mark.parametrize("lang", LANGS)
def test_the_practice_page_states_each_meaning_and_each_grey_items_kind(pages, lang):
    page = next(p for p in pages if p.lang == lang and p.url_path == PAGE)
    box = page.tree.xpath('//*[contains(@class, "tillit-selfcheck")]')[0]
    shown = _norm(box.xpath('string(.//ul[@class="tillit-exercise-meanings"])'))
    for answer in exercise.ANSWERS:
        assert _norm(data()["meanings"][answer][lang]) in shown, f"{sitetext.source_file(page)}: meaning of {answer}"
    for number, (li, item) in enumerate(zip(box.xpath('.//li[@class="tillit-exercise-item"]'), data()["items"]), 1):
        model = _norm(li.xpath('string(.//p[@class="tillit-exercise-model"])'))
        if item["answer"] == "grey":
            assert _norm(data()["grey_kinds"][item["grey"]][lang]) in model, f"item {number}: kind not shown: {model}"
        source = li.xpath('.//details//a[contains(@href, "kallor/#")]/@href')
        assert source and source[0].endswith("#" + item["source"].partition("#")[2]), f"item {number}: no source link"


@pytest.fixture(scope="module")
def cards(printed_site):
    config = _site.load_config()["extra"]["card_pdf"]
    return {lang: printed_site / _site.lang_prefix(lang) / config["file"].format(lang=lang) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_the_mat_and_the_facilitators_sheet_state_the_same_meanings(cards, lang):
    text = _norm(subprocess.run(["pdftotext", "-raw", str(cards[lang]), "-"], capture_output=True, text=True,
                                check=True).stdout)
    for answer in exercise.ANSWERS:
        assert text.count(_norm(data()["meanings"][answer][lang])) >= 2, \
            f"{cards[lang].name}: the meaning of {answer} is not on both the mat and the facilitator's sheet"
    squeezed = "".join(text.split())   # the sheet's narrow answer column breaks words across lines
    for kind in data()["grey_kinds"].values():
        assert "".join(kind[lang].split()) in squeezed, \
            f"{cards[lang].name}: the sheet lacks the grey-zone kind {kind[lang]!r}"
