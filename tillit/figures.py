"""The site's pictures: `<!-- tillit:figure NAME -->` becomes diagrams/NAME.yml drawn as an inline SVG.

One source holds every language's labels, caption and alt text (REDAKTION.md, "Bilder"); tillit.checks stops the
build on a missing one. Layouts, vertical for 320 px: `stack` (boxes, arrows; `list: true` adds a numbered list) and
`timeline` (dated events, plus a table); `ours: true` parts are dashed and labelled. Theme colours (currentColor)
serve light and dark mode. The marker is replaced in the Markdown, so the text version gets the abbreviations.
"""
import html
import re
import textwrap
from itertools import count, takewhile

from tillit import site

SOURCES = site.ROOT / "diagrams"   # the project's (TILLIT_ROOT for a fixture site), as everywhere
LAYOUTS = {"stack": ("box", "boxes", ("title",)), "timeline": ("event", "events", ("date", "text"))}  # item, key, texts
LINKS = ("down", "line")   # the link kinds drawn between two boxes (down: with a head); "none" draws nothing

W = 340              # viewBox width: about 36 characters a line; scales down to ~12 px text at 320 px screens
PAD = 12
TITLE_PX, LINE_PX, LEAD = 16, 14, 1.3
GAP = 26             # space between boxes (arrows go here)
STRIPE = 10          # pattern stripe at the left of a zone box: golden (dots) or grey (hatch), never colour alone
_sources = {}        # name -> (raw bytes, parsed source), read again when the file changes (make serve)


class FigureError(ValueError):
    """A picture source that cannot be drawn; the message names diagrams/NAME.yml."""


def _check_text(value, where, rel, langs):
    if missing := site.untranslated(value, langs):
        raise FigureError(f"{rel}: {where} has no {', '.join(missing)} text. "
                          f"Write it as {{{', '.join(f'{lang}: ...' for lang in langs)}}}.")


def _validate(data, rel, langs):
    if not isinstance(data, dict) or data.get("layout") not in ("stack", "timeline"):
        raise FigureError(f"{rel}: 'layout' must be 'stack' or 'timeline'")
    for key in ("caption", "alt"):
        _check_text(data.get(key), key, rel, langs)
    kind, key, fields = LAYOUTS[data["layout"]]
    if not data.get(key):
        raise FigureError(f"{rel}: a {data['layout']} needs a list of '{key}'")
    for i, item in enumerate(data[key], 1):
        for field in fields:
            _check_text(item.get(field), f"{kind} {i} {field}", rel, langs)
        for j, line in enumerate(item.get("lines") or [], 1):
            _check_text(line, f"box {i} line {j}", rel, langs)
        link = item.get("link") or {}
        if link.get("kind", "none") not in (*LINKS, "none"):
            raise FigureError(f"{rel}: box {i} link kind must be {', '.join(LINKS)} or none")
        if link.get("label") is not None:
            _check_text(link["label"], f"box {i} link label", rel, langs)


def names():
    return sorted(path.stem for path in SOURCES.glob("*.yml"))


def source(name):
    """diagrams/NAME.yml, parsed and validated (FigureError naming the file otherwise)."""
    path = SOURCES / f"{name}.yml"
    if not path.is_file():
        raise FigureError(f"no picture '{name}': add diagrams/{name}.yml or fix the name "
                          f"(pictures: {', '.join(names()) or 'none'})")
    raw = path.read_bytes()
    if name not in _sources or _sources[name][0] != raw:
        data = site.yaml_load(raw)
        _validate(data, path.relative_to(site.ROOT).as_posix(), site.languages())
        _sources[name] = (raw, data)
    return _sources[name][1]


def problems():
    """Every picture source's problem, as messages naming the file (tillit.checks)."""
    found = []
    for name in names():
        try:
            source(name)
        except FigureError as error:
            found.append(str(error))
    return found


# --- drawing -------------------------------------------------------------------------------------------------------

def plain(text):
    """A label without its inline HTML (e.g. <span lang="sv">): the SVG and its title/desc hold plain text."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _wrap(text, px, width, bold=False):
    """Wrap to the box: average glyph width ~0.56 em, bold ~0.64 em (generous: the reader's font is not known)."""
    return textwrap.wrap(plain(text), max(10, int(width / (px * (0.64 if bold else 0.56)))),
                         break_long_words=False, break_on_hyphens=False) or [""]


def _text_block(x, y, rows, cls, px=LINE_PX, attrs=""):
    """Lines of one text as one <text> (selectable, found by find-in-page); y is the first baseline."""
    spans = "".join(f'<tspan x="{x}" dy="{0 if i == 0 else round(px * LEAD, 1)}">{html.escape(r)}</tspan>'
                    for i, r in enumerate(rows))
    return f'<text class="{cls}"{attrs} x="{x}" y="{y}">{spans}</text>', len(rows) * px * LEAD


def _box(item, lang, y, ui):
    """One box: title, lines (bullets with a dot), a tag when it is our illustration. Returns (svg, height)."""
    style = item.get("style", "plain")
    left = PAD + (STRIPE + 6 if style in ("golden", "grey") else 0)
    inner = W - 2 - left - PAD
    h = PAD + TITLE_PX
    t, th = _text_block(1 + left, y + h, _wrap(item["title"][lang], TITLE_PX, inner, bold=True), "tf-title", TITLE_PX)
    parts = [t]
    h += th
    lines = [(line[lang] + (" *" if line.get("ours") else ""), line.get("ours"), line.get("bullet"))
             for line in item.get("lines") or []]
    if item.get("ours"):
        lines.append((f"({ui['ours']})", True, False))
    for text, ours, bullet in lines:
        indent = 14 if bullet else 0
        rows = _wrap(text, LINE_PX, inner - indent)
        t, lh = _text_block(1 + left + indent, y + h + 2, rows, "tf-line" + (" tf-ours" if ours else ""))
        if bullet:
            parts.append(f'<circle class="tf-dot" cx="{1 + left + 4}" cy="{y + h + 2 - LINE_PX * 0.35:.1f}" r="2.5"/>')
        parts.append(t)
        h += lh + 2
    h += PAD - LINE_PX * 0.3
    cls = f"tf-box tf-box--{style}" + (" tf-box--ours" if item.get("ours") else "")
    shapes = [f'<rect class="{cls}" x="1" y="{y}" width="{W - 2}" height="{h:.1f}" rx="6"/>']
    if style in ("golden", "grey"):   # drawn shapes, not an SVG <pattern>: url(#id) breaks under a <base> (PDFs)
        top, bottom, x0 = y + 6, y + h - 6, 7
        shapes.append(f'<rect class="tf-stripe" x="{x0}" y="{top}" width="{STRIPE}" height="{bottom - top:.1f}"/>')
        if style == "golden":
            marks = "".join(f'<circle cx="{x0 + STRIPE / 2}" cy="{yy:.1f}" r="2.5"/>'
                            for yy in takewhile(lambda v: v <= bottom - 4, count(top + 5, 7)))
        else:
            marks = "".join(f'<line x1="{x0}" y1="{yy:.1f}" x2="{x0 + STRIPE}" y2="{yy - STRIPE:.1f}"/>'
                            for yy in takewhile(lambda v: v <= bottom, count(top + STRIPE, 6)))
        shapes.append(f'<g class="{"tf-golddot" if style == "golden" else "tf-hatch"}">{marks}</g>')
    return "".join(shapes + parts), h


def _arrow(y, link, lang):
    """The gap after a box, (svg, height): a line (kind line, or down: with a head) and an optional label beside it."""
    x, out, label = W / 2, [], link.get("label")
    h = GAP + (22 if label else 0)
    if link.get("kind") in LINKS:
        out.append(f'<line class="tf-link" x1="{x}" y1="{y + 2}" x2="{x}" y2="{y + h - 2}"/>')
    if link.get("kind") == "down":
        out.append(f'<path class="tf-head" d="M{x - 6} {y + h - 10}L{x} {y + h - 1}L{x + 6} {y + h - 10}Z"/>')
    if label:   # left of the line, right-aligned, wrapped to the half width
        ours = " tf-ours" if label.get("ours") else ""
        rows = _wrap(label[lang] + (" *" if ours else ""), 13, W / 2 - 24)
        first = y + h / 2 - (len(rows) - 1) * 13 * LEAD / 2 + 4
        out.append(_text_block(x - 10, f"{first:.1f}", rows, f"tf-line tf-small{ours}", 13, ' text-anchor="end"')[0])
    return "".join(out), h


def _stack(data, lang, ui):
    parts, y, boxes = [], 1, data["boxes"]
    for i, item in enumerate(boxes):
        svg, h = _box(item, lang, y, ui)
        parts.append(svg)
        y += h
        if i < len(boxes) - 1:
            svg, gap = _arrow(y, item.get("link") or {}, lang)
            parts.append(svg)
            y += gap
    return parts, y


def _timeline(data, lang, ui):
    parts, y = [], 4
    axis_x, text_x = 10, 28
    inner = W - text_x - 4
    for event in data["events"]:
        marker = "tf-marker tf-marker--open" if event.get("unknown") else "tf-marker"
        rows = _wrap(event["date"][lang], TITLE_PX, inner, bold=True)
        t, dh = _text_block(text_x, y + TITLE_PX, rows, "tf-title", TITLE_PX)
        t2, th = _text_block(text_x, y + TITLE_PX + dh + 2, _wrap(event["text"][lang], LINE_PX, inner), "tf-line")
        parts.append(f'<circle class="{marker}" cx="{axis_x}" cy="{y + TITLE_PX * 0.65:.1f}" r="6"/>{t}{t2}')
        y += TITLE_PX + dh + th + 14
    parts.insert(0, f'<line class="tf-axis" x1="{axis_x}" y1="10" x2="{axis_x}" y2="{y - 20:.1f}"/>')
    return parts, y


def _cell(text):
    """A label in Markdown: inline HTML (<span lang="sv">) kept, a table's pipe escaped."""
    return text.replace("|", "\\|")


def _text_version(data, lang, ui):
    """The list or table shown under timelines and decision paths, as Markdown (so abbreviations get <abbr> too)."""
    if data["layout"] == "timeline":
        rows = "".join(f"| {_cell(e['date'][lang])} | {_cell(e['text'][lang])} |\n" for e in data["events"])
        return f"| {ui['when']} | {ui['what']} |\n|---|---|\n{rows}"
    if data.get("list"):
        return "".join(f"1. **{_cell(b['title'][lang])}**{':' if b.get('lines') else ''}"
                       + "".join(f" {_cell(line[lang])}" for line in b.get("lines") or []) + "\n"
                       for b in data["boxes"])
    return ""


def figure(name, lang):
    """The figure as one raw HTML line (SVG + caption), then its table or list in Markdown."""
    data = source(name)
    ui = site.strings(lang)["figure"]
    parts, height = (_stack if data["layout"] == "stack" else _timeline)(data, lang, ui)
    pid = f"tf-{name}"   # ids prefixed with the picture's name: several may share a page
    # data-search-exclude: Material's search leaves the labels out (R4: they ran together in result snippets); the
    # caption and the text version under the picture stay searchable
    svg = (f'<svg class="tf-svg" data-search-exclude viewBox="0 0 {W} {height + 2:.0f}" role="img" '
           f'aria-labelledby="{pid}-title {pid}-desc" xmlns="http://www.w3.org/2000/svg">'
           f'<title id="{pid}-title">{html.escape(plain(data["caption"][lang]))}</title>'
           f'<desc id="{pid}-desc">{html.escape(plain(data["alt"][lang]))}</desc>' + "".join(parts) + "</svg>")
    # the legend for our own parts is in the caption only, naming the markings this picture uses (R15): a "*" on a
    # box's line or an arrow's label, a dashed frame round a box
    boxes = data.get("boxes") or []
    star = (any(line.get("ours") for b in boxes for line in b.get("lines") or [])
            or any(((b.get("link") or {}).get("label") or {}).get("ours") for b in boxes))
    frame = any(b.get("ours") for b in boxes)
    legend = (ui["caption_ours"] if star and frame else ui["caption_star"] if star
              else ui["caption_frame"] if frame else "")
    caption = data["caption"][lang] + (f" {html.escape(legend)}" if legend else "")
    text = _text_version(data, lang, ui)
    return (f'<figure class="tf" id="bild-{name}">{svg}<figcaption>{caption}</figcaption></figure>'
            + (f'\n\n<div class="tf-text" markdown="1">\n\n{text}\n</div>' if text else ""))
