"""Authoring mistakes stop the build with a message that names the source file (and line) and the fix.

Each test breaks a copy of the project. Most run the copy's checker (`python -m tillit.checks`, a quarter of a second:
it imports nothing from MkDocs); the few that need MkDocs build the copy once. The last tests follow the README's steps
for a new page, and check that nothing prints or encodes a localhost address without a warning.
"""
import re
import shutil
import subprocess
import sys

import pytest
from conftest import (
    REAL_SITE_URL,
    ROOT,
    append,
    build_fails,
    check,
    check_fails,
    edit,
    line_of,
    make_publishable,
    mkdocs_build,
    run,
)

from tillit import site as _site

# ---------------------------------------------------------------- the unbroken copy (positive controls)

def test_the_unbroken_sources_pass_the_check(project):
    code, output = check(project)
    assert code == 0, output


@pytest.mark.slow
def test_the_unbroken_copy_builds_and_its_site_passes_the_check(project):
    result = mkdocs_build(project / "out", config=project / "mkdocs.yml", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    code, output = check(project, "--site", project / "out")
    assert code == 0, output


# ---------------------------------------------------------------- links

def test_broken_link_names_the_file_and_line(project):
    page = project / "docs/tsl/vad-ar-tsl.sv.md"
    append(page, "\n[Trasig länk](../kommuner/modig-kommun.md)\n")
    check_fails(project, f"docs/tsl/vad-ar-tsl.sv.md:{line_of(page, 'Trasig länk')}:",
                "there is no page docs/kommuner/modig-kommun.sv.md")


def test_broken_anchor_names_the_file_and_line(project):
    page = project / "docs/tsl/vad-ar-tsl.en.md"
    append(page, "\n[Broken anchor](../index.md#no-such-section)\n")
    check_fails(project, f"docs/tsl/vad-ar-tsl.en.md:{line_of(page, 'Broken anchor')}:",
                "docs/index.en.md has no section '#no-such-section'")


def test_a_link_with_a_language_suffix_says_the_right_form(project):
    page = project / "docs/tsl/vad-ar-tsl.sv.md"
    append(page, "\n[Bollebygd](../kommuner/bollebygd.sv.md#tidslinje)\n")
    check_fails(project, f"docs/tsl/vad-ar-tsl.sv.md:{line_of(page, '[Bollebygd]')}:",
                "write '../kommuner/bollebygd.md#tidslinje'")


@pytest.mark.slow
def test_the_build_and_make_serve_stop_with_the_checks_message(project):
    """hooks/build_start.py runs the source checks (tillit.checks) in every build and rebuild (make serve)."""
    page = project / "docs/kommuner/boras.sv.md"
    append(page, "\n![](../assets/images/logo.svg)\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    output = build_fails(project, f"docs/kommuner/boras.sv.md:{line}: the picture ../assets/images/logo.svg has "
                         "an empty alt text", "![Vad bilden visar](bild.svg)")
    assert "Traceback" not in output


# ---------------------------------------------------------------- page markers

@pytest.mark.parametrize("old,new,message", [
    ("<!-- tillit:exercise golden-zone -->", "<!-- tillit:exercises golden-zone -->",
     "unknown marker 'tillit:exercises'"),
    ("<!-- tillit:exercise golden-zone -->", "<!-- exercises: golden-zone -->", "an HTML comment that is not a marker"),
    ("<!-- tillit:exercise golden-zone -->", "<!-- tillit:exercise golden-zon -->",
     "has no file exercises/golden-zon.yml"),
])
def test_a_misspelt_marker_names_the_file_and_line(project, old, new, message):
    """The review's example: a misspelt marker used to pass every check while the exercise vanished from the page."""
    page = project / "docs/fortroendevalda/ovning.sv.md"
    edit(page, old, new)
    check_fails(project, f"docs/fortroendevalda/ovning.sv.md:{line_of(page, new)}:", message)


def test_a_figure_marker_naming_no_picture_names_the_file(project):
    page = project / "docs/kommuner/boras.en.md"
    edit(page, "<!-- tillit:figure tidslinje-boras -->", "<!-- tillit:figure tidslinje-bors -->")
    check_fails(project, f"docs/kommuner/boras.en.md:{line_of(page, 'tidslinje-bors')}:",
                "has no file diagrams/tidslinje-bors.yml")


@pytest.mark.slow
def test_a_misspelt_marker_stops_the_build_naming_the_file(project):
    page = project / "docs/fortroendevalda/ovning.sv.md"
    edit(page, "<!-- tillit:exercise golden-zone -->", "<!-- tillit:exercises golden-zone -->")
    output = build_fails(project, f"docs/fortroendevalda/ovning.sv.md:{line_of(page, 'tillit:exercises')}",
                         "unknown marker 'tillit:exercises'")
    assert "Traceback" not in output


def test_an_html_comment_left_in_a_built_page_names_its_source(project, tmp_path):
    """Under a generator that runs no hooks, every marker would stay a comment: the site check catches it."""
    site = tmp_path / "site"
    (site / "kommuner/boras").mkdir(parents=True)
    (site / "kommuner/boras/index.html").write_text(
        '<html><body><article><!-- tillit:figure tidslinje-boras --></article></body></html>', encoding="utf-8")
    code, output = check(project, "--site", site)
    assert code == 1 and "docs/kommuner/boras.sv.md: the built page kommuner/boras/index.html still holds an " \
        "HTML comment" in output, output


# ---------------------------------------------------------------- pairs and file names

def test_missing_translation_names_the_file(project):
    (project / "docs/kommuner/boras.en.md").unlink()
    check_fails(project, "docs/kommuner/boras.en.md", "copy docs/kommuner/boras.sv.md")


def test_a_problem_read_back_from_the_cache_is_reported_again(project):
    """tillit.checks keeps each result in .cache/ by a fingerprint of the sources: unchanged sources fail again."""
    (project / "docs/kommuner/boras.en.md").unlink()
    check_fails(project, "docs/kommuner/boras.en.md", "copy docs/kommuner/boras.sv.md")
    check_fails(project, "docs/kommuner/boras.en.md", "copy docs/kommuner/boras.sv.md")


def test_page_without_language_suffix_names_the_file(project):
    (project / "docs/utkast.md").write_text("# Utkast\n", encoding="utf-8")
    check_fails(project, "docs/utkast.md", "rename it to docs/utkast.sv.md")


# ---------------------------------------------------------------- front matter

@pytest.mark.parametrize("old,new,message", [
    ("description:", "beskrivning:", "missing 'description'"),
    ("review_date:", "review_date: snart\nold_review_date:", "'review_date' must be a date written YYYY-MM-DD"),
    ("review_date: 2027-11-23", "review_date: 2027-11-23 10:00:00",
     "must be a date without a time: write 'review_date: 2027-11-23'"),
    ("tags:\n", "tags:\n  - Okänd etikett\n", "unknown tag 'Okänd etikett' (allowed for 'sv': Grunder"),
    ("tags:\n  - Kommuner\n", "tags:\n  - Municipalities\n", "unknown tag 'Municipalities'"),
    ("description: Tidslinje", "description: " + "Mycket lång text. " * 10 + "Tidslinje", "shorten it to at most 160"),
])
def test_bad_front_matter_names_the_file_and_line(project, old, new, message):
    page = project / "docs/kommuner/bollebygd.sv.md"
    edit(page, old, new)
    key = new.split(":")[0].strip()
    where = f":{line_of(page, key + ':')}:" if key in ("review_date", "description") else ":"
    check_fails(project, f"docs/kommuner/bollebygd.sv.md{where}", message)


def test_front_matter_that_is_not_yaml_names_the_file(project):
    edit(project / "docs/ordlista.en.md", "title:", "title: [unclosed")
    check_fails(project, "docs/ordlista.en.md:", "not valid YAML")


# ---------------------------------------------------------------- pictures

@pytest.mark.parametrize("picture,message", [
    ("![](../assets/images/logo.svg)", "has an empty alt text"),                      # Markdown writes alt=""
    ("![logo.svg](../assets/images/logo.svg)", "has a file name as alt text ('logo.svg')"),
    ("![logo](../assets/images/logo.svg)", "has a file name as alt text ('logo')"),
    ('<img src="../assets/images/logo.svg">', "has no alt text"),
    ('<img src="../assets/images/logo.svg" alt="">', "has an empty alt text"),
    ('<img alt="bild.png" src="../assets/images/logo.svg">', "has a file name as alt text ('bild.png')"),
])
def test_picture_without_real_alt_text_names_the_file_and_line(project, picture, message):
    page = project / "docs/tsl/vad-ar-tsl.en.md"
    edit(page, "\n## ", f"\n{picture}\n\n## ")
    line = line_of(page, picture)
    text = check_fails(project, f"docs/tsl/vad-ar-tsl.en.md:{line}:", message)
    assert "{ .decorative }" in text, "the message should say how to mark a decorative picture"


def test_a_picture_needs_a_file_in_the_pages_language(project):
    """static-i18n puts docs/assets/images/logo.svg only into the Swedish build: an English page needs logo.en.svg."""
    page = project / "docs/tsl/vad-ar-tsl.en.md"
    edit(page, "\n## ", "\n![The Tillit logo](../assets/images/logo.svg)\n\n## ")
    check_fails(project, f"docs/tsl/vad-ar-tsl.en.md:{line_of(page, 'The Tillit logo')}:",
                "has no file for this language: add docs/assets/images/logo.en.svg")
    shutil.copy(project / "docs/assets/images/logo.svg", project / "docs/assets/images/logo.en.svg")
    code, output = check(project)
    assert code == 0, output


def test_a_decorative_picture_needs_the_marker_and_nothing_else(project):
    shutil.copy(project / "docs/assets/images/logo.svg", project / "docs/assets/images/logo.en.svg")
    append(project / "docs/tsl/vad-ar-tsl.en.md", "\n![](../assets/images/logo.svg){ .decorative }\n"
           '<img src="../assets/images/logo.svg" alt="" class="decorative">\n')
    edit(project / "docs/tsl/vad-ar-tsl.en.md", "## Sources { #kallor }",
         "![](../assets/images/logo.svg){ .decorative }\n\n## Sources { #kallor }")
    code, output = check(project)
    assert code == 0, output


def test_a_picture_in_a_code_example_is_not_checked(project):
    edit(project / "docs/tsl/vad-ar-tsl.en.md", "\n## ", "\n```md\n![](bild.svg)\n```\n\nUse `![](x.svg)`.\n\n## ")
    code, output = check(project)
    assert code == 0, output


def test_a_picture_a_hook_adds_without_alt_text_names_the_built_page(project, tmp_path):
    """The built site is checked too (pictures that no Markdown file holds): a generated <img alt=""> is caught."""
    site = tmp_path / "site"
    (site / "en/tsl/vad-ar-tsl").mkdir(parents=True)
    (site / "en/tsl/vad-ar-tsl/index.html").write_text(
        '<html><body><div class="md-content"><img src="x.svg" alt=""></div></body></html>', encoding="utf-8")
    code, output = check(project, "--site", site)
    assert code == 1 and "docs/tsl/vad-ar-tsl.en.md: the picture x.svg has an empty alt text" in output, output


# ---------------------------------------------------------------- headings and the sources section

def test_different_heading_ids_across_languages_name_both_files(project):
    page = project / "docs/kommuner/bollebygd.en.md"
    edit(page, "{ #vad-hande-sedan }", "{ #what-happened-next }")
    sv = project / "docs/kommuner/bollebygd.sv.md"
    check_fails(project, f"docs/kommuner/bollebygd.en.md:{line_of(page, '#what-happened-next')}:",
                f"docs/kommuner/bollebygd.sv.md:{line_of(sv, '#vad-hande-sedan')}", "{ #vad-hande-sedan }",
                "give both the same level and id")


def test_a_section_missing_in_one_language_names_the_file(project):
    edit(project / "docs/kommuner/bollebygd.en.md", "## What happened next? { #vad-hande-sedan }", "")
    check_fails(project, "docs/kommuner/bollebygd.sv.md:", "'#vad-hande-sedan' has no heading in "
                "docs/kommuner/bollebygd.en.md")


@pytest.mark.parametrize("heading,message", [
    ("## Utan id", "has no id: write '## Utan id { #kort-id }'"),
    ("### Fel id { #Fel_Id }", "may hold only a-z, 0-9 and hyphens"),
])
def test_a_heading_without_a_proper_id_names_the_line(project, heading, message):
    page = project / "docs/tsl/vad-ar-tsl.sv.md"
    edit(page, "\n## ", f"\n{heading}\n\nText.\n\n## ")
    check_fails(project, f"docs/tsl/vad-ar-tsl.sv.md:{line_of(page, heading)}:", message)


def test_a_page_without_a_sources_section_says_what_to_write(project):
    page = project / "docs/kommuner/boras.sv.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index("## Källor { #kallor }")], encoding="utf-8")
    check_fails(project, "docs/kommuner/boras.sv.md:", "the last section is not the sources section",
                "## Källor { #kallor }", "../kallor.md#")


def test_a_sources_section_without_a_source_names_the_file(project):
    page = project / "docs/kommuner/boras.en.md"
    text = page.read_text(encoding="utf-8")
    cut = text.index("## Sources { #kallor }")
    page.write_text(text[:cut] + "## Sources { #kallor }\n\nNone.\n", encoding="utf-8")
    check_fails(project, f"docs/kommuner/boras.en.md:{line_of(page, '## Sources')}:", "links to no source",
                "(../kallor.md#")


def test_pages_about_the_site_need_no_sources_section(project):
    for lang in ("sv", "en"):
        page = project / f"docs/om/tillganglighet.{lang}.md"
        text = page.read_text(encoding="utf-8")
        assert "{ #kallor }" in text
        page.write_text(re.sub(r"\n## [^\n]*\{ #kallor \}.*", "\n", text, flags=re.S), encoding="utf-8")
        # a published section that disappears is another rule (check_published_sections): unpublish it in the copy
        edit(project / "urls.txt", f"\n/{'en/' if lang == 'en' else ''}om/tillganglighet/#kallor\n", "\n")
    code, output = check(project)
    assert code == 0, output


# ---------------------------------------------------------------- menu, redirects and linking pages

def test_a_page_not_in_the_menu_says_where_and_how_to_add_it(project):
    edit(project / "mkdocs.yml", "      - kommuner/boras.md\n", "")
    check_fails(project, "docs/kommuner/boras.sv.md: the page is not in the menu",
                "add '- kommuner/boras.md' (without .sv) under nav: in mkdocs.yml")


def test_a_menu_entry_with_a_language_suffix_names_mkdocs_yml_and_the_right_form(project):
    edit(project / "mkdocs.yml", "      - kommuner/boras.md\n", "      - kommuner/boras.sv.md\n")
    line = check_fails(project, "mkdocs.yml:", "write 'kommuner/boras.md', not 'kommuner/boras.sv.md'")
    assert "not in the menu" not in line


def test_a_new_menu_group_needs_its_english_name(project):
    edit(project / "mkdocs.yml", "  - Kommuner:\n", "  - Kommuner:\n      - Exempel:\n          - kallor.md\n")
    check_fails(project, "mkdocs.yml:", "the menu name 'Exempel' has no name in 'en'", "nav_translations")


@pytest.mark.parametrize("entry,message", [
    ("tsl/gammal/: tsl/finns-inte.md", "the target docs/tsl/finns-inte.sv.md does not exist"),
    ("kallor/: tsl/vad-ar-tsl.md", "docs/kallor.sv.md is a page at that URL now"),
    ("tsl/gammal/: tsl/vad-ar-tsl.md#finns-inte", "docs/tsl/vad-ar-tsl.md#finns-inte has no section #finns-inte"),
    ("Tsl/Gammal: tsl/vad-ar-tsl.md", "the old path must be a lowercase URL path ending in '/'"),
])
def test_a_bad_redirect_names_mkdocs_yml(project, entry, message):
    edit(project / "mkdocs.yml", "  redirects:\n", f"  redirects:\n    {entry}\n")
    check_fails(project, f"mkdocs.yml extra.redirects '{entry.split(':')[0]}'", message)


def test_a_page_on_no_linking_page_names_the_file(project):
    """Every page's sections must be listed on one page under om/lanka/."""
    edit(project / "docs/om/lanka/kommuner.sv.md", "<!-- tillit:linking-pages kommuner/ -->",
         "<!-- tillit:linking-pages kommuner/boras kommuner/bollebygd -->")
    edit(project / "docs/om/lanka/kommuner.en.md", "<!-- tillit:linking-pages kommuner/ -->",
         "<!-- tillit:linking-pages kommuner/boras kommuner/bollebygd -->")
    check_fails(project, "docs/kommuner/falkoping.sv.md: its sections must be listed on exactly one linking page")


def test_a_page_on_two_linking_pages_names_both(project):
    for lang in ("sv", "en"):
        edit(project / f"docs/om/lanka/referens.{lang}.md", "<!-- tillit:linking-pages ",
             "<!-- tillit:linking-pages kommuner/boras ")
    check_fails(project, "docs/kommuner/boras.sv.md:", "docs/om/lanka/kommuner.sv.md", "docs/om/lanka/referens.sv.md")


# ---------------------------------------------------------------- the URL contract never records a wrong anchor

def test_make_urls_refuses_ids_that_differ_between_languages(site_dir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    page = site / "en/kommuner/bollebygd/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="vad-hande-sedan"', 'id="what-happened-next"'),
                    encoding="utf-8")
    contract = tmp_path / "urls.txt"
    shutil.copy(ROOT / "urls.txt", contract)
    before = contract.read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/update_url_contract.py"), "--site", str(site),
                             "--contract", str(contract)], capture_output=True, text=True)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "docs/kommuner/bollebygd.sv.md has ['vad-hande-sedan']" in result.stderr, result.stderr
    assert "docs/kommuner/bollebygd.en.md has ['what-happened-next']" in result.stderr, result.stderr
    assert contract.read_text(encoding="utf-8") == before, "nothing may be recorded"


@pytest.mark.slow
def test_make_urls_reports_an_update_as_success(project):
    """`make urls` adds a new section in both languages and ends with a success line and exit 0, not a make error."""
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    (project / ".venv").symlink_to(ROOT / ".venv")
    for lang, heading in (("sv", "## Nytt avsnitt { #nytt-avsnitt }"), ("en", "## New section { #nytt-avsnitt }")):
        edit(project / f"docs/kommuner/boras.{lang}.md", "\n## ", f"\n{heading}\n\nText.\n\n## ")
    made = subprocess.run(["make", "-o", ".venv/bin/mkdocs", "urls"], cwd=project, capture_output=True, text=True)
    output = made.stdout + made.stderr
    assert made.returncode == 0 and "Error" not in output, output
    assert "OK: urls.txt är uppdaterad" in output and "+ /en/kommuner/boras/#nytt-avsnitt" in output, output
    assert "/kommuner/boras/#nytt-avsnitt" in (project / "urls.txt").read_text(encoding="utf-8").split()


# ---------------------------------------------------------------- a new page by the README's steps

NEW_PAGE = {
    "sv": ("Tillit i praktiken", "Grunder", "Ett vanligt ärende", "Politikens roll", "Källor",
           "Så kan TSL se ut i ett vanligt ärende i kommunen, steg för steg.",
           "Läs om [den gyllene zonen](../kommuner/falkoping.md#gyllene-zonen). TSL bygger på tillit.",
           "Bilden visar Tillits logotyp", "Bollebygds kommun, KS §202", "vad kommunstyrelsen beslutade."),
    "en": ("Trust in practice", "Basics", "An everyday case", "The role of politics", "Sources",
           "What TSL can look like in an everyday municipal case, step by step.",
           "Read about [the golden zone](../kommuner/falkoping.md#gyllene-zonen). TSL builds on trust.",
           "The picture shows the Tillit logo", "Bollebygd Municipality, KS §202", "what the board decided."),
}


@pytest.mark.slow
def test_a_new_page_by_the_readme_steps_passes_the_check_and_builds(project):
    """README 'En ny sida': make new-page, replace every TODO, add the nav line; check and build pass.

    The page has two sections, a link to another page's section, an abbreviation and a picture in both languages."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make new-page PAGE=" in readme and "nav:" in readme and "{ #kallor }" in readme
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    (project / ".venv").symlink_to(ROOT / ".venv")
    titles = f'"{NEW_PAGE["sv"][0]}" "{NEW_PAGE["en"][0]}"'
    made = subprocess.run(["make", "-o", ".venv/bin/mkdocs", "new-page", "PAGE=tsl/tillit-i-praktiken",
                           f"TITLES={titles}"], cwd=project, capture_output=True, text=True)
    code, output = made.returncode, made.stdout + made.stderr
    assert code == 0, output
    assert "mkdocs.yml" in output and "- tsl/tillit-i-praktiken.md" in output, "the next steps name the nav line"
    code, output = check(project)
    assert code == 1 and "TODO" in output and "the page is not in the menu" in output, output

    for lang in NEW_PAGE:   # REDAKTION.md: a picture has a file per language, linked without the language
        shutil.copy(project / "docs/assets/images/logo.svg", project / f"docs/assets/images/praktik.{lang}.svg")
    for lang, (title, tag, first, second, sources, description, link, alt, source, supports) in NEW_PAGE.items():
        page = project / f"docs/tsl/tillit-i-praktiken.{lang}.md"
        page.write_text(f"""---
title: "{title}"
description: "{description}"
tags:
  - {tag}
owner: {"Redaktionen för Tillit" if lang == "sv" else "Tillit editorial team"}
review_date: 2027-11-23
---

# {title}

{link}

## {first} {{ #ett-vanligt-arende }}

![{alt}](../assets/images/praktik.svg)

## {second} {{ #politikens-roll }}

{description}

## {sources} {{ #kallor }}

- [{source}](../kallor.md#bollebygd-ks-202) – {supports}
""", encoding="utf-8")
    edit(project / "mkdocs.yml", "      - tsl/tillit-och-kontroll.md\n",
         "      - tsl/tillit-och-kontroll.md\n      - tsl/tillit-i-praktiken.md\n")
    code, output = check(project)
    assert code == 0, output

    result = mkdocs_build(project / "out", config=project / "mkdocs.yml", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    code, output = check(project, "--site", project / "out")
    assert code == 0, output
    from lxml import html as lxml_html
    for prefix, lang in (("", "sv"), ("en/", "en")):
        tree = lxml_html.fromstring((project / f"out/{prefix}tsl/tillit-i-praktiken/index.html").read_text("utf-8"))
        article = tree.xpath('//article')[0]
        assert [h.get("id") for h in article.xpath(".//h2")] == ["ett-vanligt-arende", "politikens-roll", "kallor"]
        assert article.xpath(".//abbr[text()='TSL']"), f"{lang}: TSL is not explained as an abbreviation"
        assert article.xpath(".//a[contains(@href, 'falkoping/#gyllene-zonen')]"), f"{lang}: the link is missing"
        assert article.xpath(f".//img[@alt='{NEW_PAGE[lang][7]}']"), f"{lang}: the picture or its alt is missing"
        assert tree.xpath("//nav//a[contains(@href, 'tillit-i-praktiken')]"), f"{lang}: not in the menu"


# ---------------------------------------------------------------- the published address, tool output

def test_linking_pages_cli_warns_before_printing_a_localhost_or_example_address(project):
    code, output = run(project, "linking_pages.py", "tsl/vad-ar-tsl#kallor",
                       env_extra={"SITE_URL": "http://127.0.0.1:8000/"})
    assert code == 0 and "warning:" in output and "127.0.0.1:8000" in output, output
    code, output = run(project, "linking_pages.py", "tsl/vad-ar-tsl#kallor", "--out", project / "qr")   # mkdocs.yml's
    warning = [line for line in output.splitlines() if line.startswith("warning:")]          # placeholder address
    assert code == 0 and warning and "mkdocs.yml site_url" in warning[0] and "QR codes" in warning[0], output
    assert "https://intranat.example.se/" in warning[0], output
    code, output = run(project, "linking_pages.py", "tsl/vad-ar-tsl#kallor",
                       env_extra={"SITE_URL": "https://intranat.falkoping.se/tsl/"})
    assert code == 0 and "warning:" not in output, output
    assert re.search(r"^sv: https://intranat.falkoping.se/tsl/tsl/vad-ar-tsl/#kallor$", output, re.M), output


@pytest.mark.parametrize("url,warned", [("https://intranat.example.se/", "an example address"),
                                        ("https://kommun.test/tsl/", "an example address"),
                                        ("http://localhost:8000/", "on this computer"),
                                        ("https://intranat.falkoping.se/tsl/", None)])
def test_the_address_warning_names_mkdocs_yml_site_url(url, warned):
    """One rule for every printed thing (linking_pages.py, tillit.pdfs, tillit.checks for QR codes and feeds)."""
    warning = _site.address_warning(url, "the links in x.pdf")
    if warned is None:
        assert warning == "" and _site.is_published(url)
    else:
        assert warned in warning and "mkdocs.yml site_url" in warning and url in warning, warning


def test_a_build_for_a_real_address_stops_while_mkdocs_yml_has_the_placeholder(project, tmp_path):
    make_publishable(project)   # the feedback address is real: only site_url is left
    result = mkdocs_build(tmp_path / "out", config=project / "mkdocs.yml", cwd=project,
                          env_extra={"SITE_URL": REAL_SITE_URL})
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "mkdocs.yml site_url is still https://intranat.example.se/" in output, \
        output[-2000:]


@pytest.mark.parametrize("canonical", ["http://127.0.0.1:8000/", "https://intranat.example.se/"])
def test_a_site_built_for_localhost_or_the_placeholder_gets_a_warning(project, tmp_path, canonical):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(f'<html><head><link rel="canonical" href="{canonical}"></head></html>',
                                     encoding="utf-8")
    code, output = check(project, "--site", site)
    assert code == 0 and "warning:" in output and "mkdocs.yml site_url" in output and "feeds" in output, output


@pytest.mark.parametrize("path", ["qr/tsl-vad-ar-tsl--kallor.sv.svg", "site/index.html", "dist/tillit-offline.zip",
                                  ".cache/qr/x.svg", "site.checked"])
def test_tool_output_folders_are_ignored_by_git(path):
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    result = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=ROOT)
    assert result.returncode == 0, f"{path} is not in .gitignore"
