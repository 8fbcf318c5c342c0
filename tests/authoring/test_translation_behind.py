"""A Swedish fix under time pressure (issue 25): the build names the translation that fell behind and still passes;
the English page tells its reader, with a link to the Swedish section; marking it checked needs an edit of the
translation."""
import re

from conftest import edit, mkdocs_build, open_guarded_page, run, run_axe, serve
from lxml import html as lxml_html

from tillit.pdfs import Part

PAGE = "ovning"   # a page of the fixture site (the `project` fixture)


def notice(site):
    tree = lxml_html.parse(str(site / "en" / PAGE / "index.html")).getroot()
    return tree.xpath('//article//div[contains(@class,"tillit-translation-notice")]')


def test_a_translation_behind_its_swedish_page(project, browser, axe_source):
    sv, en = project / f"docs/{PAGE}.sv.md", project / f"docs/{PAGE}.en.md"
    heading = next(line for line in sv.read_text(encoding="utf-8").splitlines() if line.startswith("## "))
    section = re.search(r"\{ #([a-z0-9-]+)", heading).group(1)
    edit(sv, heading + "\n", heading + "\n\nEn ny mening som bara finns på svenska.\n")

    result = mkdocs_build(project / "out", config=project / "mkdocs.yml", cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    said = [line for line in result.stderr.splitlines() if line.startswith("translation:")]
    assert len(said) == 1 and f"docs/{PAGE}.en.md" in said[0] and f"#{section}" in said[0], result.stderr[-2000:]
    assert f"make translated PAGE={PAGE}" in said[0]
    [box] = notice(project / "out")
    link = box.xpath(".//a")[0]
    assert link.get("hreflang") == "sv" and link.get("href").endswith(f"/{PAGE}/#{section}"), link.get("href")
    twin = (project / "out/en" / PAGE / link.get("href").split("#")[0]).resolve()
    assert twin == (project / "out" / PAGE).resolve() and (twin / "index.html").exists(), twin
    assert not lxml_html.parse(str(project / "out" / PAGE / "index.html")).getroot().xpath(
        '//*[contains(@class,"tillit-translation-notice")]'), "the Swedish page shows no notice"
    packed = Part(project / "out" / "en", f"{PAGE}.md").article   # as tillit.pdfs cuts a page for the PDF pack
    assert packed.xpath('.//*[contains(@class,"tillit-translation-notice")]'), "the PDF pack would lose the notice"
    server, base = serve(project / "out")
    try:
        for scheme in ("light", "dark"):   # axe on the notice, both palettes, at 320 px (reflow)
            context, page, guard = open_guarded_page(browser, viewport={"width": 320, "height": 700},
                                                     color_scheme=scheme)
            page.goto(f"{base}en/{PAGE}/", wait_until="load")
            problems = run_axe(page, axe_source, ".tillit-translation-notice")
            width = page.evaluate("document.documentElement.scrollWidth")
            context.close()
            assert not problems and width <= 320, (scheme, problems, width)
    finally:
        server.shutdown()

    code, output = run(project, "-m", "tillit.translations", "mark", PAGE)
    assert code == 1 and f"docs/{PAGE}.en.md is unchanged since it was checked" in output, output

    en_heading = next(line for line in en.read_text(encoding="utf-8").splitlines() if line.startswith("## "))
    edit(en, en_heading + "\n", en_heading + "\n\nA new sentence, translated.\n")
    code, output = run(project, "-m", "tillit.translations", "mark", PAGE)
    assert code == 0, output
    result = mkdocs_build(project / "out", config=project / "mkdocs.yml", cwd=project)
    assert result.returncode == 0 and "translation:" not in result.stderr, result.stderr[-2000:]
    assert not notice(project / "out")
