"""Tillit's Python-Markdown extension: the transforms that need only a page's Markdown and its language.

Registered in mkdocs.yml as `tillit.markdown` (hooks/languages.py sets `lang` for each language's build), so it runs
unchanged under any generator that runs Python-Markdown extensions:
- `<!-- tillit:figure NAME -->` drawn (tillit.figures), through the one marker dispatcher (tillit.markers);
- a heading's old ids (`{ #new data-alias="old" }`) as empty anchors before it: published links keep working;
- each task-list checkbox named by its item's text, inside its label (pymdownx.tasklist's <label> wraps only the box);
- the first use of each abbreviation focusable, so keyboard users reach its expansion (tillit.css shows it on focus).
"""
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from tillit import figures, markers
from tillit.html import SR_ONLY
from tillit.sources import ALIAS_ATTR

_HEADING = re.compile(r'<h([1-6])([^>]*?)\s+' + ALIAS_ATTR + r'="([^"]*)"([^>]*)>')
# coupling to pymdownx.tasklist's markup (tillit.material coupling 7)
_TASK = re.compile(r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")([^>]*>)'
                   r'(.*?)(?=<li|</li>|<ul|<ol)', re.S)
_NOT_IN_LABEL = re.compile(r"</?(?:a|abbr)\b[^>]*>")
_ABBR = re.compile(r'<abbr title="([^"]*)">([^<]+)</abbr>')


def _task_name(match):
    # the same words as the item, with their language marks (<em lang="sv">), without its links and abbreviations
    # (no control inside a label)
    words = " ".join(_NOT_IN_LABEL.sub("", match.group(3).split("</label>", 1)[1]).split())
    # text inside the <label>, which names the box (an aria-label on it left the label empty: IBM Equal Access's
    # label_content_exists); hidden, read once by the search index's data-search-exclude rule, not twice
    name = f'<span class="{SR_ONLY}" data-search-exclude>{words}</span></label>'
    return match.group(1) + match.group(2) + match.group(3).replace("</label>", name, 1)


def _focusable_abbreviations(text: str) -> str:
    seen = set()

    def focusable(match):
        inside_link = text.rfind("<a ", 0, match.start()) > text.rfind("</a>", 0, match.start())
        if match.group(2) in seen or inside_link:
            return match.group(0)
        seen.add(match.group(2))
        return f'<abbr title="{match.group(1)}" tabindex="0">{match.group(2)}</abbr>'
    return _ABBR.sub(focusable, text)


class _Figures(Preprocessor):
    def __init__(self, md, lang):
        super().__init__(md)
        self.lang = lang

    def run(self, lines):
        figure = {"figure": lambda name: f"\n{figures.figure(name, self.lang)}\n"}
        return markers.expand("\n".join(lines), "markdown", figure, "this page").split("\n")


class _Html(Postprocessor):
    def run(self, text):
        text = _TASK.sub(_task_name, _focusable_abbreviations(text))
        # a heading's old ids as empty anchors before it: nothing shows and nothing is read aloud
        return _HEADING.sub(lambda m: "".join(f'<span id="{alias}"></span>' for alias in m.group(3).split())
                            + f"<h{m.group(1)}{m.group(2)}{m.group(4)}>", text)


class TillitExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"lang": ["sv", "the language of the page being rendered"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):   # noqa: N802 (Python-Markdown's name)
        # before the raw-HTML preprocessor (priority 20) stashes the picture's markup
        md.preprocessors.register(_Figures(md, self.getConfig("lang")), "tillit_figures", 25)
        md.postprocessors.register(_Html(md), "tillit_html", 1)   # last: on the page's final HTML


def makeExtension(**kwargs):   # noqa: N802 (Python-Markdown's name)
    return TillitExtension(**kwargs)
