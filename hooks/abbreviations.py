"""Abbreviations per language: append includes/abbreviations.<lang>.md to each page; make the first of each focusable."""
import re
from pathlib import Path

ABBR = re.compile(r'<abbr title="([^"]*)">([^<]+)</abbr>')


def on_page_markdown(markdown, page, config, files):
    lang = config.theme["language"]   # static-i18n sets it per language build
    path = Path(config["config_file_path"]).parent / "includes" / f"abbreviations.{lang}.md"
    if not path.exists():
        return markdown
    return markdown + "\n\n" + path.read_text(encoding="utf-8")


def on_page_content(html, page, config, files):
    # keyboard users reach the first use of each abbreviation; CSS shows its expansion on focus
    seen = set()

    def focusable(match):
        before = html[: match.start()]
        inside_link = before.rfind("<a ") > before.rfind("</a>")
        if match.group(2) in seen or inside_link:
            return match.group(0)
        seen.add(match.group(2))
        return f'<abbr title="{match.group(1)}" tabindex="0">{match.group(2)}</abbr>'

    return ABBR.sub(focusable, html)
