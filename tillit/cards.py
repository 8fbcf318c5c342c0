"""Print the workshop's card set for exercise 1: one PDF per language, from exercises/<name>.yml (extra.card_pdf).

Usage: python -m tillit.cards [SITE_DIR]        (default: site; `make build` runs it after tillit.pdfs)

Each PDF holds the cards to cut out (A4, 8 a page, cut lines, the item's number on each card), a sorting mat (what |
how | grey zone) and the facilitator's sheet with every model answer, printed as tillit.pdfs prints (Chromium);
tillit/pdf_placeholders.py registers the file so pages may link it.
"""
import sys
from html import escape
from pathlib import Path

from tillit import exercise
from tillit.pdfs import chromium, print_html
from tillit.site import ROOT, lang_prefix, languages, load_config, site_url, strings

PER_PAGE = 8   # 2 columns x 4 rows on A4
CSS = Path(__file__).with_name("cards.css").read_text(encoding="utf-8")


def document(name, lang):
    s, c = strings(lang)["selfcheck"], strings(lang)["cards"]
    data = exercise.load_all(name)
    items, meanings = data["items"], data["meanings"]
    out = [f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(c["title"])}</title>'
           f"<style>{CSS}</style></head><body>"]
    for start in range(0, len(items), PER_PAGE):
        out.append(f'<section class="sheet"><p class="cut">{escape(c["cut"])}</p><div class="cards">')
        for number, item in enumerate(items[start:start + PER_PAGE], start + 1):
            out.append(f'<div class="card"><span class="number">{number}</span>{escape(item["text"][lang])}</div>')
        out.append("</div></section>")
    out.append(f'<section class="sheet"><h1>{escape(c["mat"])}</h1><div class="mat">')
    out += [f'<div>{escape(s["answers"][a])}<p>{escape(meanings[a][lang])}</p></div>' for a in exercise.ANSWERS]
    out.append("</div></section>")
    base, head = site_url() + lang_prefix(lang), ["#", c["item"], *(s[k].rstrip(":") for k in ("model", "who", "why"))]
    out.append(f'<section class="sheet"><h1>{escape(c["sheet"])}</h1><p>{escape(c["sheet_lead"])}</p>'
               f'<p>{escape(s["meanings"])}</p>'
               f'<ul>{"".join(f"<li>{escape(meanings[a][lang])}</li>" for a in exercise.ANSWERS)}</ul>'
               f'<table><thead><tr>{"".join(f"<th>{escape(h)}</th>" for h in head)}</tr></thead><tbody>')
    for number, item in enumerate(items, 1):
        (href, title, heading), (_, _, source_heading) = exercise.reading(item, lang)
        out.append(f'<tr><td>{number}</td><td>{escape(item["text"][lang])}</td>'
                   f'<td>{escape(exercise.model_answer(data, item, lang))}</td><td>{escape(item["who"][lang])}</td>'
                   f'<td>{escape(item["why"][lang])} {escape(s["read"])} {escape(title)}: '
                   f'{escape(exercise.heading_text(heading))} <span class="url">{escape(base + href)}</span> '
                   f'{escape(s["source"])} {escape(exercise.heading_text(source_heading))}</td></tr>')
    out.append("</tbody></table></section></body></html>")
    return "".join(out)


if __name__ == "__main__":
    site = (ROOT / (sys.argv[1] if len(sys.argv) > 1 else "site")).resolve()
    cards = load_config()["extra"]["card_pdf"]
    with chromium("build_cards") as browser:
        for lang in languages():
            out = site / lang_prefix(lang) / cards["file"].format(lang=lang)
            out.parent.mkdir(parents=True, exist_ok=True)
            print_html(browser, document(cards["exercise"], lang), out)
            print(f"build_cards: {out.relative_to(site)}")
