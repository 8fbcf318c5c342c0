"""Authoring mistakes fail the build with a message that names the file: each test breaks a copy of the site."""
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build

pytestmark = pytest.mark.slow


@pytest.fixture
def broken_copy(tmp_path):
    """A copy of the project (no git history: the date plugin falls back to the build date)."""
    return copy_project(tmp_path)


def build_fails(copy, needle):
    result = mkdocs_build(copy / "out", config=copy / "mkdocs.yml", cwd=copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output[-2000:]}"
    assert needle in output, f"the error should name {needle!r}:\n{output[-2000:]}"


def edit(path: Path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_unbroken_copy_builds(broken_copy):
    result = mkdocs_build(broken_copy / "out", config=broken_copy / "mkdocs.yml", cwd=broken_copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_broken_link_names_the_file(broken_copy):
    page = broken_copy / "docs/tsl/vad-ar-tsl.sv.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Trasig länk](finns-inte.md)\n", encoding="utf-8")
    build_fails(broken_copy, "tsl/vad-ar-tsl.sv.md")


def test_broken_anchor_names_the_file(broken_copy):
    page = broken_copy / "docs/tsl/vad-ar-tsl.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Broken anchor](../index.md#no-such-section)\n",
                    encoding="utf-8")
    build_fails(broken_copy, "tsl/vad-ar-tsl.en.md")


def test_missing_translation_names_the_file(broken_copy):
    (broken_copy / "docs/kommuner/boras.en.md").unlink()
    build_fails(broken_copy, "docs/kommuner/boras.en.md")


def test_page_without_language_suffix_names_the_file(broken_copy):
    (broken_copy / "docs/utkast.md").write_text("# Utkast\n", encoding="utf-8")
    build_fails(broken_copy, "docs/utkast.md")


@pytest.mark.parametrize("old,new,message", [
    ("description:", "beskrivning:", "missing 'description'"),
    ("review_date:", "review_date: snart\nold_review_date:", "'review_date' must be a date"),
    ("tags:\n", "tags:\n  - Okänd etikett\n", "unknown tag 'Okänd etikett'"),
])
def test_bad_front_matter_names_the_file(broken_copy, old, new, message):
    edit(broken_copy / "docs/kommuner/bollebygd.sv.md", old, new)
    build_fails(broken_copy, "docs/kommuner/bollebygd.sv.md")
    build_fails(broken_copy, message)


def test_front_matter_that_is_not_yaml_names_the_file(broken_copy):
    edit(broken_copy / "docs/ordlista.en.md", "title:", "title: [unclosed")
    build_fails(broken_copy, "ordlista.en.md")


def test_image_without_alt_text_names_the_file(broken_copy):
    page = broken_copy / "docs/om/lanka/index.sv.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<img src="../../assets/images/logo.svg">\n', encoding="utf-8")
    build_fails(broken_copy, "docs/om/lanka/index.sv.md")


def test_a_page_on_no_linking_page_names_the_file(broken_copy):
    """Every page's sections must be listed on one page under om/lanka/ (hooks/agenda_links.py)."""
    edit(broken_copy / "docs/om/lanka/kommuner.sv.md", "<!-- agenda-links: kommuner/ -->",
         "<!-- agenda-links: kommuner/boras kommuner/bollebygd -->")
    build_fails(broken_copy, "docs/kommuner/falkoping.sv.md: its sections must be listed on exactly one linking page")
