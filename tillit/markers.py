"""The one page-marker grammar, `<!-- tillit:NAME ARGS -->`, and its one dispatcher (an unknown name stops the build).

Each name is expanded in one phase of the build, in this order: `page` (the page's Markdown, with the page's URL at
hand: hooks/shortcodes.py), `markdown` (inside Python-Markdown: tillit.markdown), `content` (the page's HTML) or
`context` (after Material's search took the page's text, so generated lists are not searched). tillit.checks reports
unknown names with file and line before anything is built, and any HTML comment left in a built page (a marker nothing
expanded) fails the site check.
"""
import re

MARKER = re.compile(r"<!--\s*tillit:([a-z][a-z-]*)(?:[ \t]+([^\n]*?))?\s*-->")
PHASES = {
    "figure": "markdown",        # <!-- tillit:figure NAME -->: diagrams/NAME.yml drawn (tillit.markdown)
    "exercise": "page",          # <!-- tillit:exercise NAME -->: exercises/NAME.yml as a self-check (tillit.exercise)
    "contact": "content",        # <!-- tillit:contact -->: mkdocs.yml extra.contact (tillit.contact)
    "changes-list": "context",   # <!-- tillit:changes-list -->: every change note (tillit.change_notes)
    "linking-pages": "context",  # <!-- tillit:linking-pages [STEM …] -->: links and QR codes (tillit.linking_pages)
}


class MarkerError(ValueError):
    """An unknown or malformed marker; the message names the file and line."""


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def find(text: str):
    """(line, name, args) of each marker in a text, lines counted from 1."""
    for match in MARKER.finditer(text):
        yield _line(text, match.start()), match.group(1), (match.group(2) or "").strip()


def problems(text: str, where: str, line_offset: int = 0) -> list[str]:
    """Unknown marker names and HTML comments that are not markers, as messages naming `where` and the line."""
    found = [f"{where}:{line + line_offset}: unknown marker 'tillit:{name}': write one of "
             f"{', '.join('tillit:' + n for n in PHASES)}" for line, name, _ in find(text) if name not in PHASES]
    markers = {m.start() for m in MARKER.finditer(text)}
    return found + [f"{where}:{_line(text, m.start()) + line_offset}: an HTML comment that is not a "
                    "marker (a misspelt one would vanish silently): write '<!-- tillit:NAME … -->' with a known name, "
                    "or remove the comment" for m in re.finditer("<!--", text) if m.start() not in markers]


def expand(text: str, phase: str, handlers: dict, where: str) -> str:
    """Replace every marker of `phase` by handlers[name](args); stop on a name no phase knows."""
    def replace(match):
        name, args = match.group(1), (match.group(2) or "").strip()
        if name not in PHASES:
            raise MarkerError(f"{where}: line {_line(text, match.start())} of the page's text: unknown marker "
                              f"'tillit:{name}' (known: {', '.join(PHASES)})")
        return handlers[name](args) if PHASES[name] == phase else match.group(0)
    return MARKER.sub(replace, text)


def args_of(text: str, name: str) -> str | None:
    return next((args for _, n, args in find(text) if n == name), None)
