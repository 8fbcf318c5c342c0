"""Every language's UI strings file has every key of the default language's (a missing key would be an empty text)."""
from tillit import site as locale_strings
from tillit.site import languages, strings


def test_every_language_has_every_string():
    assert len(languages()) >= 2
    assert locale_strings.missing_strings() == []


def test_a_missing_string_is_named_with_its_file(monkeypatch):
    default, other = languages()[:2]
    full = strings(other)
    partial = {**full, "page": {k: v for k, v in full["page"].items() if k != "review_title"}}
    monkeypatch.setattr(locale_strings, "strings", lambda lang: partial if lang == other else strings(lang))
    assert locale_strings.missing_strings() == [
        f"locales/{other}.yml lacks page.review_title: copy them from locales/{default}.yml and translate them"]
