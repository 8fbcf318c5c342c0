"""Append the abbreviation list of the page's own language (includes/abbreviations.<lang>.md) to every page."""
from pathlib import Path


def on_page_markdown(markdown, page, config, files):
    lang = getattr(page.file, "locale", None)
    path = Path(config["config_file_path"]).parent / "includes" / f"abbreviations.{lang}.md"
    if lang is None or not path.exists():
        return markdown
    return markdown + "\n\n" + path.read_text(encoding="utf-8")
