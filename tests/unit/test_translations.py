"""What counts as a change of a Swedish page, and when marking a translation checked is refused
(tillit.translations)."""
import datetime

import pytest

from tillit import sources, translations

PAGE = """---
title: Sida
description: En sida.
tags:
  - Grunder
owner: Redaktionen
review_date: 2027-01-01
{extra}---

# Sida

Inledning.

## Första { #forsta }

En mening.

## Andra { #andra }

En annan mening.
"""


@pytest.fixture
def docs(tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    folder.mkdir()
    monkeypatch.setattr(translations, "DOCS", folder)
    monkeypatch.setattr(sources, "DOCS", folder)
    monkeypatch.setattr(translations, "LOCK", tmp_path / "translations.lock")
    return folder


def write(docs, lang, extra="", sentence="En mening."):
    (docs / f"sida.{lang}.md").write_text(PAGE.replace("{extra}", extra).replace("En mening.", sentence),
                                          encoding="utf-8")


def test_bookkeeping_in_the_front_matter_does_not_count(docs):
    write(docs, "sv")
    before = translations.sections("sida", "sv")
    write(docs, "sv", extra="changes:\n  - {date: 2026-12-03, text: Ny not.}\n")
    assert translations.sections("sida", "sv") == before


def test_a_changed_sentence_names_its_section(docs):
    write(docs, "sv")
    write(docs, "en")
    assert translations.mark(["sida"], force=True) == []
    assert translations.behind() == []
    write(docs, "sv", sentence="En ändrad mening.")
    [item] = translations.behind()
    assert (item["stem"], item["lang"], item["section"]) == ("sida", "en", "forsta")
    assert "docs/sida.en.md" in translations.message(item) and "make translated PAGE=sida" in translations.message(item)


def test_marking_an_untouched_translation_is_refused(docs):
    write(docs, "sv")
    write(docs, "en")
    translations.mark(["sida"], today=datetime.date(2026, 12, 1), force=True)
    write(docs, "sv", sentence="En ändrad mening.")
    refused = translations.mark(["sida"])
    assert refused and "docs/sida.en.md is unchanged since it was checked on 2026-12-01" in refused[0]
    assert translations.behind(), "nothing was recorded"
    write(docs, "en", sentence="A changed sentence.")   # the translator's edit
    assert translations.mark(["sida"]) == []
    assert translations.behind() == []


def test_a_page_never_checked_is_behind(docs):
    write(docs, "sv")
    write(docs, "en")
    [item] = translations.behind()
    assert item["checked"] is None and "has never been checked" in translations.message(item)


def test_the_committed_record_is_current():
    """The site as committed: every translation is checked against its Swedish page."""
    assert translations.behind() == [], "\n".join(translations.message(item) for item in translations.behind())
