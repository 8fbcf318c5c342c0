"""The head of every page: no generator meta (it named the stack's versions, which nginx hides), and the page's own
description and owner from its front matter, escaped as attribute values."""
from pathlib import Path

import yaml

from tillit.site import lang_prefix, url_path

ROOT = Path(__file__).resolve().parents[2]


def test_no_page_names_its_generator(site_dir):
    offenders = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                 if '<meta name="generator"' in p.read_text(encoding="utf-8")]
    assert not offenders, offenders


def test_description_and_author_come_from_the_front_matter(pages):
    checked = 0
    for page in pages:
        stem = next((s for s in _stems() if lang_prefix(page.lang) + url_path(s) == page.rel[: -len("index.html")]),
                    None)
        if stem is None:
            continue
        text = (ROOT / "docs" / f"{stem}.{page.lang}.md").read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1])
        assert page.tree.xpath("//meta[@name='description']/@content") == [str(meta["description"])], page.rel
        assert page.tree.xpath("//meta[@name='author']/@content") == [str(meta["owner"])], page.rel
        checked += 1
    assert checked >= 20, f"only {checked} pages matched their source"


def _stems():
    return {p.relative_to(ROOT / "docs").as_posix().rsplit(".", 2)[0] for p in (ROOT / "docs").rglob("*.md")}
