"""Authoring mistakes stop the build with a message that names the source file (and line) and the fix.

Each test breaks a copy of the small fixture site (tests/fixtures/mini-site, the `project` fixture: the project's
configuration, hooks and checker over a few pages). Most run the checker on it (`python -m tillit.checks`, a tenth of
a second: it imports nothing from MkDocs); the few that need MkDocs build the copy (about a second). The last tests
follow the README's steps for a new page, and check that nothing prints or encodes a localhost address without a
warning.
"""
import os
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
    page = project / "docs/ovning.sv.md"
    append(page, "\n[Trasig länk](kommuner/modig-kommun.md)\n")
    check_fails(project, f"docs/ovning.sv.md:{line_of(page, 'Trasig länk')}:",
                "there is no page docs/kommuner/modig-kommun.sv.md")


def test_broken_anchor_names_the_file_and_line(project):
    page = project / "docs/ovning.en.md"
    append(page, "\n[Broken anchor](index.md#no-such-section)\n")
    check_fails(project, f"docs/ovning.en.md:{line_of(page, 'Broken anchor')}:",
                "docs/index.en.md has no section '#no-such-section'")


def test_a_link_with_a_language_suffix_says_the_right_form(project):
    page = project / "docs/ovning.sv.md"
    append(page, "\n[Källan](kallor.sv.md#kallan)\n")
    check_fails(project, f"docs/ovning.sv.md:{line_of(page, '(kallor.sv.md')}:", "write 'kallor.md#kallan'")


@pytest.mark.slow
def test_the_build_and_make_serve_stop_with_the_checks_message(project):
    """hooks/build_start.py runs the source checks (tillit.checks) in every build and rebuild (make serve)."""
    page = project / "docs/kallor.sv.md"
    append(page, "\n![](assets/images/logo.svg)\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    output = build_fails(project, f"docs/kallor.sv.md:{line}: the picture assets/images/logo.svg has "
                         "an empty alt text", "![Vad bilden visar](bild.svg)")
    assert "Traceback" not in output


# ---------------------------------------------------------------- page markers

@pytest.mark.parametrize("old,new,message", [
    ("<!-- tillit:exercise mini -->", "<!-- tillit:exercises mini -->", "unknown marker 'tillit:exercises'"),
    ("<!-- tillit:exercise mini -->", "<!-- exercises: mini -->", "an HTML comment that is not a marker"),
    ("<!-- tillit:exercise mini -->", "<!-- tillit:exercise mni -->", "has no file exercises/mni.yml"),
])
def test_a_misspelt_marker_names_the_file_and_line(project, old, new, message):
    """The review's example: a misspelt marker used to pass every check while the exercise vanished from the page."""
    page = project / "docs/ovning.sv.md"
    edit(page, old, new)
    check_fails(project, f"docs/ovning.sv.md:{line_of(page, new)}:", message)


def test_a_figure_marker_naming_no_picture_names_the_file(project):
    page = project / "docs/index.en.md"
    edit(page, "<!-- tillit:figure krav -->", "<!-- tillit:figure krv -->")
    check_fails(project, f"docs/index.en.md:{line_of(page, 'tillit:figure krv')}:", "has no file diagrams/krv.yml")


@pytest.mark.slow
def test_a_misspelt_marker_stops_the_build_naming_the_file(project):
    page = project / "docs/ovning.sv.md"
    edit(page, "<!-- tillit:exercise mini -->", "<!-- tillit:exercises mini -->")
    output = build_fails(project, f"docs/ovning.sv.md:{line_of(page, 'tillit:exercises')}",
                         "unknown marker 'tillit:exercises'")
    assert "Traceback" not in output


def test_an_html_comment_left_in_a_built_page_names_its_source(project, tmp_path):
    """Under a generator that runs no hooks, every marker would stay a comment: the site check catches it."""
    site = tmp_path / "site"
    (site / "kallor").mkdir(parents=True)
    (site / "kallor/index.html").write_text(
        '<html><body><article><!-- tillit:figure krav --></article></body></html>', encoding="utf-8")
    code, output = check(project, "--site", site)
    assert code == 1 and "docs/kallor.sv.md: the built page kallor/index.html still holds an " \
        "HTML comment" in output, output


# ---------------------------------------------------------------- pairs and file names

def test_missing_translation_names_the_file(project):
    (project / "docs/kallor.en.md").unlink()
    check_fails(project, "docs/kallor.en.md", "copy docs/kallor.sv.md")


def test_page_without_language_suffix_names_the_file(project):
    (project / "docs/utkast.md").write_text("# Utkast\n", encoding="utf-8")
    check_fails(project, "docs/utkast.md", "rename it to docs/utkast.sv.md")


# ---------------------------------------------------------------- front matter

@pytest.mark.parametrize("old,new,message", [
    ("description:", "beskrivning:", "missing 'description'"),
    ("review_date:", "review_date: snart\nold_review_date:", "'review_date' must be a date written YYYY-MM-DD"),
    ("review_date: 2030-01-01", "review_date: 2030-01-01 10:00:00",
     "must be a date without a time: write 'review_date: 2030-01-01'"),
    ("tags:\n", "tags:\n  - Okänd etikett\n", "unknown tag 'Okänd etikett' (allowed for 'sv': Grunder"),
    ("tags:\n  - Referens\n", "tags:\n  - Reference\n", "unknown tag 'Reference'"),
    ('description: "Källor', 'description: "' + "Mycket lång text. " * 10 + "Källor", "shorten it to at most 160"),
])
def test_bad_front_matter_names_the_file_and_line(project, old, new, message):
    page = project / "docs/kallor.sv.md"
    edit(page, old, new)
    key = new.split(":")[0].strip()
    where = f":{line_of(page, key + ':')}:" if key in ("review_date", "description") else ":"
    check_fails(project, f"docs/kallor.sv.md{where}", message)


def test_front_matter_that_is_not_yaml_names_the_file(project):
    edit(project / "docs/kallor.en.md", "title:", "title: [unclosed")
    check_fails(project, "docs/kallor.en.md:", "not valid YAML")


# ---------------------------------------------------------------- pictures

@pytest.mark.parametrize("picture,message", [
    ("![](assets/images/logo.svg)", "has an empty alt text"),                      # Markdown writes alt=""
    ("![logo.svg](assets/images/logo.svg)", "has a file name as alt text ('logo.svg')"),
    ("![logo](assets/images/logo.svg)", "has a file name as alt text ('logo')"),
    ('<img src="assets/images/logo.svg">', "has no alt text"),
    ('<img src="assets/images/logo.svg" alt="">', "has an empty alt text"),
    ('<img alt="bild.png" src="assets/images/logo.svg">', "has a file name as alt text ('bild.png')"),
])
def test_picture_without_real_alt_text_names_the_file_and_line(project, picture, message):
    page = project / "docs/ovning.en.md"
    edit(page, "\n## ", f"\n{picture}\n\n## ")
    line = line_of(page, picture)
    text = check_fails(project, f"docs/ovning.en.md:{line}:", message)
    assert "{ .decorative }" in text, "the message should say how to mark a decorative picture"


def test_a_picture_needs_a_file_in_the_pages_language(project):
    """static-i18n puts docs/assets/images/logo.svg only into the Swedish build: an English page needs logo.en.svg."""
    page = project / "docs/ovning.en.md"
    edit(page, "\n## ", "\n![The Tillit logo](assets/images/logo.svg)\n\n## ")
    check_fails(project, f"docs/ovning.en.md:{line_of(page, 'The Tillit logo')}:",
                "has no file for this language: add docs/assets/images/logo.en.svg")
    shutil.copy(project / "docs/assets/images/logo.svg", project / "docs/assets/images/logo.en.svg")
    code, output = check(project)
    assert code == 0, output


def test_a_decorative_picture_needs_the_marker_and_nothing_else(project):
    shutil.copy(project / "docs/assets/images/logo.svg", project / "docs/assets/images/logo.en.svg")
    append(project / "docs/ovning.en.md", "\n![](assets/images/logo.svg){ .decorative }\n"
           '<img src="assets/images/logo.svg" alt="" class="decorative">\n')
    edit(project / "docs/ovning.en.md", "## Sources { #kallor }",
         "![](assets/images/logo.svg){ .decorative }\n\n## Sources { #kallor }")
    code, output = check(project)
    assert code == 0, output


def test_a_picture_in_a_code_example_is_not_checked(project):
    edit(project / "docs/ovning.en.md", "\n## ", "\n```md\n![](bild.svg)\n```\n\nUse `![](x.svg)`.\n\n## ")
    code, output = check(project)
    assert code == 0, output


def test_a_picture_a_hook_adds_without_alt_text_names_the_built_page(project, tmp_path):
    """The built site is checked too (pictures that no Markdown file holds): a generated <img alt=""> is caught."""
    site = tmp_path / "site"
    (site / "en/ovning").mkdir(parents=True)
    (site / "en/ovning/index.html").write_text(
        '<html><body><div class="md-content"><img src="x.svg" alt=""></div></body></html>', encoding="utf-8")
    code, output = check(project, "--site", site)
    assert code == 1 and "docs/ovning.en.md: the picture x.svg has an empty alt text" in output, output


# ---------------------------------------------------------------- headings and the sources section

def test_different_heading_ids_across_languages_name_both_files(project):
    page = project / "docs/kallor.en.md"
    edit(page, "{ #kallan }", "{ #the-source }")
    sv = project / "docs/kallor.sv.md"
    check_fails(project, f"docs/kallor.en.md:{line_of(page, '#the-source')}:",
                f"docs/kallor.sv.md:{line_of(sv, '#kallan')}", "{ #kallan }", "give both the same level and id")


def test_a_section_missing_in_one_language_names_the_file(project):
    edit(project / "docs/kallor.en.md", "## The source { #kallan }", "")
    check_fails(project, "docs/kallor.sv.md:", "'#kallan' has no heading in docs/kallor.en.md")


@pytest.mark.parametrize("heading,message", [
    ("## Utan id", "has no id: write '## Utan id { #kort-id }'"),
    ("### Fel id { #Fel_Id }", "may hold only a-z, 0-9 and hyphens"),
])
def test_a_heading_without_a_proper_id_names_the_line(project, heading, message):
    page = project / "docs/ovning.sv.md"
    edit(page, "\n## ", f"\n{heading}\n\nText.\n\n## ")
    check_fails(project, f"docs/ovning.sv.md:{line_of(page, heading)}:", message)


def test_a_page_without_a_sources_section_says_what_to_write(project):
    page = project / "docs/ovning.sv.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index("## Källor { #kallor }")], encoding="utf-8")
    check_fails(project, "docs/ovning.sv.md:", "the last section is not the sources section",
                "## Källor { #kallor }", "(kallor.md#")


def test_a_sources_section_without_a_source_names_the_file(project):
    page = project / "docs/ovning.en.md"
    text = page.read_text(encoding="utf-8")
    cut = text.index("## Sources { #kallor }")
    page.write_text(text[:cut] + "## Sources { #kallor }\n\nNone.\n", encoding="utf-8")
    check_fails(project, f"docs/ovning.en.md:{line_of(page, '## Sources')}:", "links to no source", "(kallor.md#")


def test_pages_about_the_site_need_no_sources_section(project):
    """docs/om/nytt.*.md ends without one and passes; the same page outside om/ must have one."""
    for lang in ("sv", "en"):
        assert "{ #kallor }" not in (project / f"docs/om/nytt.{lang}.md").read_text(encoding="utf-8")
    code, output = check(project)
    assert code == 0, output
    for lang in ("sv", "en"):
        (project / f"docs/om/nytt.{lang}.md").rename(project / f"docs/nytt.{lang}.md")
    check_fails(project, "docs/nytt.sv.md:", "the last section is not the sources section")


# ---------------------------------------------------------------- menu, redirects and linking pages

def test_a_page_not_in_the_menu_says_where_and_how_to_add_it(project):
    edit(project / "mkdocs.yml", "  - kallor.md\n", "")
    check_fails(project, "docs/kallor.sv.md: the page is not in the menu",
                "add '- kallor.md' (without .sv) under nav: in mkdocs.yml")


def test_a_menu_entry_with_a_language_suffix_names_mkdocs_yml_and_the_right_form(project):
    edit(project / "mkdocs.yml", "  - kallor.md\n", "  - kallor.sv.md\n")
    line = check_fails(project, "mkdocs.yml:", "write 'kallor.md', not 'kallor.sv.md'")
    assert "not in the menu" not in line


def test_a_new_menu_group_needs_its_english_name(project):
    edit(project / "mkdocs.yml", "  - kallor.md\n", "  - Exempel:\n      - kallor.md\n")
    check_fails(project, "mkdocs.yml:", "the menu name 'Exempel' has no name in 'en'", "nav_translations")


@pytest.mark.parametrize("entry,message", [
    ("gammal/: finns-inte.md", "the target docs/finns-inte.sv.md does not exist"),
    ("kallor/: ovning.md", "docs/kallor.sv.md is a page at that URL now"),
    ("gammal/: ovning.md#finns-inte", "docs/ovning.md#finns-inte has no section #finns-inte"),
    ("Gammal/Sida: ovning.md", "the old path must be a lowercase URL path ending in '/'"),
])
def test_a_bad_redirect_names_mkdocs_yml(project, entry, message):
    edit(project / "mkdocs.yml", "    lanka/: om/lanka/index.md\n", f"    lanka/: om/lanka/index.md\n    {entry}\n")
    check_fails(project, f"mkdocs.yml extra.redirects '{entry.split(':')[0]}'", message)


def test_a_page_on_no_linking_page_names_the_file(project):
    """Every page's sections must be listed on one page under om/lanka/."""
    for lang in ("sv", "en"):
        edit(project / f"docs/om/lanka/sidor.{lang}.md", " kallor ", " ")
    check_fails(project, "docs/kallor.sv.md: its sections must be listed on exactly one linking page")


def test_a_page_on_two_linking_pages_names_both(project):
    for lang in ("sv", "en"):   # a second sub-page, naming a page that docs/om/lanka/sidor names too
        second = project / f"docs/om/lanka/mer.{lang}.md"
        shutil.copy(project / f"docs/om/lanka/sidor.{lang}.md", second)
        edit(second, "<!-- tillit:linking-pages index ovning kallor om/ -->", "<!-- tillit:linking-pages kallor -->")
    check_fails(project, "docs/kallor.sv.md:", "docs/om/lanka/mer.sv.md", "docs/om/lanka/sidor.sv.md")


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


def make(project, *args):
    """The project's Makefile run on the copy (TILLIT_ROOT): its scripts and tillit/ package, the copy's files."""
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    return subprocess.run(["make", "-C", str(ROOT), "-o", ".venv/bin/mkdocs", *args], capture_output=True, text=True,
                          env={**os.environ, "TILLIT_ROOT": str(project)})


@pytest.mark.slow
def test_make_urls_reports_an_update_as_success(project):
    """`make urls` adds a new section in both languages and ends with a success line and exit 0, not a make error."""
    for lang, heading in (("sv", "## Nytt avsnitt { #nytt-avsnitt }"), ("en", "## New section { #nytt-avsnitt }")):
        edit(project / f"docs/ovning.{lang}.md", "\n## ", f"\n{heading}\n\nText.\n\n## ")
    made = make(project, "urls")
    output = made.stdout + made.stderr
    assert made.returncode == 0 and "Error" not in output, output
    assert "OK: urls.txt är uppdaterad" in output and "+ /en/ovning/#nytt-avsnitt" in output, output
    assert "/ovning/#nytt-avsnitt" in (project / "urls.txt").read_text(encoding="utf-8").split()


# ---------------------------------------------------------------- a new page by the README's steps

NEW_PAGE = {
    "sv": ("Tillit i praktiken", "Grunder", "Ett vanligt ärende", "Politikens roll", "Källor",
           "Så kan TSL se ut i ett vanligt ärende i kommunen, steg för steg.",
           "Läs om [frågorna](../ovning.md#fragor). TSL bygger på tillit.",
           "Bilden visar Tillits logotyp", "Källan", "vad den säger."),
    "en": ("Trust in practice", "Basics", "An everyday case", "The role of politics", "Sources",
           "What TSL can look like in an everyday municipal case, step by step.",
           "Read about [the questions](../ovning.md#fragor). TSL builds on trust.",
           "The picture shows the Tillit logo", "The source", "what it says."),
}


@pytest.mark.slow
def test_a_new_page_by_the_readme_steps_passes_the_check_and_builds(project):
    """README 'En ny sida': make new-page, replace every TODO, add the nav line; check and build pass.

    The page has two sections, a link to another page's section, an abbreviation and a picture in both languages."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make new-page PAGE=" in readme and "nav:" in readme and "{ #kallor }" in readme
    titles = f'"{NEW_PAGE["sv"][0]}" "{NEW_PAGE["en"][0]}"'
    made = make(project, "new-page", "PAGE=tsl/tillit-i-praktiken", f"TITLES={titles}")
    code, output = made.returncode, made.stdout + made.stderr
    assert code == 0, output
    assert "mkdocs.yml" in output and "- tsl/tillit-i-praktiken.md" in output, "the next steps name the nav line"
    assert "'<!-- tillit:linking-pages … -->'" in output, "the next steps name the linking pages' marker as written"
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

- [{source}](../kallor.md#kallan) – {supports}
""", encoding="utf-8")
        # README step 4: the fixture site has no tsl/ folder yet, so its linking page names it
        edit(project / f"docs/om/lanka/sidor.{lang}.md", " om/ -->", " om/ tsl/ -->")
    edit(project / "mkdocs.yml", "  - kallor.md\n", "  - kallor.md\n  - Om TSL:\n      - tsl/tillit-i-praktiken.md\n")
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
        assert article.xpath(".//a[contains(@href, 'ovning/#fragor')]"), f"{lang}: the link is missing"
        assert article.xpath(f".//img[@alt='{NEW_PAGE[lang][7]}']"), f"{lang}: the picture or its alt is missing"
        assert tree.xpath("//nav//a[contains(@href, 'tillit-i-praktiken')]"), f"{lang}: not in the menu"


# ---------------------------------------------------------------- the published address, tool output

def test_linking_pages_cli_warns_before_printing_a_localhost_or_example_address(project):
    code, output = run(project, "-m", "tillit.linking_pages", "ovning#kallor",
                       env_extra={"SITE_URL": "http://127.0.0.1:8000/"})
    assert code == 0 and "warning:" in output and "127.0.0.1:8000" in output, output
    code, output = run(project, "-m", "tillit.linking_pages", "ovning#kallor", "--out", project / "qr")   # mkdocs.yml's
    warning = [line for line in output.splitlines() if line.startswith("warning:")]          # placeholder address
    assert code == 0 and warning and "mkdocs.yml site_url" in warning[0] and "QR codes" in warning[0], output
    assert "https://intranat.example.se/" in warning[0], output
    code, output = run(project, "-m", "tillit.linking_pages", "ovning#kallor", env_extra={"SITE_URL": REAL_SITE_URL})
    assert code == 0 and "warning:" not in output, output
    assert re.search(r"^sv: https://intranat.falkoping.se/tsl/ovning/#kallor$", output, re.M), output


@pytest.mark.parametrize("url,warned", [("https://intranat.example.se/", "an example address"),
                                        ("https://kommun.test/tsl/", "an example address"),
                                        ("http://localhost:8000/", "on this computer"),
                                        ("https://intranat.falkoping.se/tsl/", None)])
def test_the_address_warning_names_mkdocs_yml_site_url(url, warned):
    """One rule for every printed thing (tillit.linking_pages, tillit.pdfs, tillit.checks for QR codes and feeds)."""
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
