"""The pictures (diagrams/*.yml drawn by tillit/figures.py): on their pages in both languages, labels in the page's
language only, caption and text alternative, list/table versions, contrast in both palettes, no sideways scroll at
320 px, and a source missing a language stops the build naming the file."""
import re
import shutil

import pytest
import yaml
from conftest import LANGS, ROOT, copy_mini, mkdocs_build
from lxml import html as lxml_html

from tillit import site as _site

MARKER = re.compile(r"<!-- tillit:figure ([a-z0-9-]+) -->")
SOURCES = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "diagrams").glob("*.yml"))}


def _placements():
    """(picture, page source stem, lang) for every marker in docs/."""
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        m = re.match(r"(.+)\.(sv|en)\.md$", path.relative_to(ROOT / "docs").as_posix())
        if m:
            found += [(name, m.group(1), m.group(2)) for name in MARKER.findall(path.read_text(encoding="utf-8"))]
    return found


PLACEMENTS = _placements()


def _labels(node, top=True):
    """Every {sv, en} text of a source except the caption and text alternative (checked on their own)."""
    if isinstance(node, dict):
        if set(LANGS) <= set(node):
            yield node
            return
        for key, value in node.items():
            if not (top and key in ("caption", "alt")):
                yield from _labels(value, top=False)
    elif isinstance(node, list):
        for value in node:
            yield from _labels(value, top=False)


def _url(base_url, stem, lang):
    return base_url + _site.lang_prefix(lang) + _site.url_path(stem)


def _figure(pages, stem, lang, name):
    rel = _site.lang_prefix(lang) + _site.url_path(stem) + "index.html"
    page = next(p for p in pages if p.rel == rel)
    figs = page.tree.xpath(f'//figure[@id="bild-{name}"]')
    assert len(figs) == 1, f"{rel}: expected the picture {name} once, found {len(figs)}"
    return figs[0]


def plain(text):
    return " ".join(lxml_html.fromstring(f"<p>{text}</p>").text_content().split())


def _svg_texts(fig):
    """Each <text> of the picture as one string (its wrapped lines joined by spaces)."""
    return [" ".join(" ".join(t.itertext()).split()) for t in fig.xpath('.//*[local-name()="text"]')]


def test_every_picture_is_used_in_both_languages():
    assert SOURCES, "no sources in diagrams/"
    used = {(name, stem) for name, stem, _ in PLACEMENTS}
    assert {name for name, _ in used} == set(SOURCES), "a source in diagrams/ is on no page (or a marker names none)"
    for name, stem in used:
        for lang in LANGS:
            assert (name, stem, lang) in PLACEMENTS, f"docs/{stem}.{lang}.md lacks <!-- tillit:figure {name} -->"


@pytest.mark.parametrize("name,stem,lang", PLACEMENTS)
def test_picture_labels_caption_and_alternative(pages, name, stem, lang):
    source, fig = SOURCES[name], _figure(pages, stem, lang, name)
    other = next(lang_ for lang_ in LANGS if lang_ != lang)
    svg = fig.xpath('./*[local-name()="svg"]')[0]
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    title, desc = (svg.xpath(f'.//*[@id="{i}"]')[0].text_content().strip() for i in ids)
    assert title == plain(source["caption"][lang]) and desc == plain(source["alt"][lang])
    caption = fig.xpath("./figcaption")[0].text_content()
    assert caption.startswith(plain(source["caption"][lang]))
    texts = _svg_texts(fig)
    joined = "\n".join(texts)
    for label in _labels(source):
        this, that = plain(label[lang]), plain(label[other])
        assert any(t in (this, this + " *") for t in texts), f"{name}: label {this!r} not drawn"
        if that != this and that not in this:
            assert that not in joined, f"{name} on a {lang} page shows the {other} label {that!r}"
    assert plain(source["caption"][other]) not in caption


@pytest.mark.parametrize("name,stem,lang", [p for p in PLACEMENTS if SOURCES[p[0]]["layout"] == "timeline"
                                            or SOURCES[p[0]].get("list")])
def test_timelines_and_paths_also_as_text(pages, name, stem, lang):
    fig = _figure(pages, stem, lang, name)
    after = fig.getnext()
    found = after.xpath("descendant-or-self::table | descendant-or-self::ol") if after is not None else []
    after = found[0] if found else after
    assert after is not None and after.tag in ("table", "ol"), f"{name}: no table or list right after the picture"
    text = " ".join(after.text_content().split())
    items = SOURCES[name].get("events") or SOURCES[name].get("boxes")
    for item in items:
        for key in ("date", "text", "title"):
            if key in item:
                assert plain(item[key][lang]) in text, f"{name}: {item[key][lang]!r} missing from the {after.tag}"
    assert len(after.xpath(".//tr[td] | ./li")) == len(items)


_CONTRAST_JS = """fig => {
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  let el = fig, page = 'rgb(255, 255, 255)';
  while (el) {
    const c = getComputedStyle(el).backgroundColor;
    if (c && !/rgba\\(.*, 0\\)$|transparent/.test(c)) { page = c; break; }
    el = el.parentElement;
  }
  const boxes = [...fig.querySelectorAll('rect.tf-box')];
  return [...fig.querySelectorAll('text')].map(t => {
    const b = t.getBBox(), cx = b.x + b.width / 2, cy = b.y + b.height / 2;
    const under = boxes.filter(r => {
      const q = r.getBBox();
      return cx >= q.x && cx <= q.x + q.width && cy >= q.y && cy <= q.y + q.height;
    }).pop();
    const fill = under ? getComputedStyle(under).fill : 'none';
    return {text: t.textContent, fg: rgba(getComputedStyle(t).fill), bg: rgba(/^rgb/.test(fill) ? fill : page),
            page: rgba(page)};
  });
}"""


def _blend(fg, bg):
    return [fg[i] * fg[3] + bg[i] * (1 - fg[3]) for i in range(3)]


def _luminance(rgb):
    c = [v / 255 for v in rgb]
    c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def _contrast(a, b):
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme,attr", [("light", "default"), ("dark", "slate")])
def test_picture_text_contrast(browser, base_url, scheme, attr):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    checked = 0
    for name, stem, lang in PLACEMENTS:
        page.goto(_url(base_url, stem, lang))
        assert page.get_attribute("body", "data-md-color-scheme") == attr
        for t in page.locator(f"#bild-{name}").evaluate(_CONTRAST_JS):
            bg = _blend(t["bg"], t["page"])
            ratio = _contrast(_blend(t["fg"], bg), bg)
            assert ratio >= 4.5, f"{name} ({lang}, {scheme}): {t['text']!r} has contrast {ratio:.2f}:1"
            checked += 1
    context.close()
    assert checked > 50


def test_no_sideways_scroll_at_320px(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    for name, stem, lang in PLACEMENTS:
        page.goto(_url(base_url, stem, lang))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{stem} ({lang}) scrolls sideways at 320 px: {width} px wide"
        box = page.locator(f"#bild-{name} svg").bounding_box()
        assert box["width"] <= 320 and box["height"] > 100
    context.close()


@pytest.mark.slow
def test_label_missing_a_language_stops_the_build(tmp_path):
    project = copy_mini(tmp_path / "project")   # the fixture site: its start page draws diagrams/krav.yml
    source = project / "diagrams" / "krav.yml"
    text = source.read_text(encoding="utf-8")
    broken = text.replace('en: "Class size"', 'en: ""')
    assert broken != text
    source.write_text(broken, encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", config=project / "mkdocs.yml", cwd=project)
    assert result.returncode != 0
    assert "diagrams/krav.yml" in result.stderr + result.stdout
    assert "no en text" in result.stderr + result.stdout
    shutil.rmtree(project)
