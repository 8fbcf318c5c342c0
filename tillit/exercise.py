"""An exercise file (exercises/NAME.yml) where a page says <!-- tillit:exercise NAME -->: a list with answers in
<details>, which docs/assets/javascripts/selfcheck.js turns into a self-check, one item at a time.
"""
import html
import json
import re

from tillit import sources
from tillit.site import ROOT, lang_prefix, languages, strings, untranslated, url_path, yaml_load

EXERCISES = ROOT / "exercises"
ANSWERS = ("what", "how", "grey")
TEXTS = ("text", "who", "why")
_EMPHASIS = re.compile(r"\*([^*]+)\*(?:\{\s*lang=([a-z]+)\s*\})?")


def load_all(name):
    """exercises/<name>.yml as a dict: meanings, grey_kinds and items (validated by tillit.checks first)."""
    with open(EXERCISES / f"{name}.yml", encoding="utf-8") as f:
        return yaml_load(f) or {}


def model_answer(data, item, lang):
    """The model answer as text: the answer's label, and for a grey-zone item which kind of grey zone it is."""
    label = strings(lang)["selfcheck"]["answers"][item["answer"]]
    return f"{label}. {data['grey_kinds'][item['grey']][lang]}" if item["answer"] == "grey" else label


def problems(name, page_ids):
    """Authoring mistakes in exercises/<name>.yml, each naming the fix; page_ids(stem, lang): a page's ids or None."""
    import yaml
    rel = f"exercises/{name}.yml"
    try:
        data = load_all(name)
    except yaml.YAMLError as error:
        return [f"{rel}: not valid YAML ({str(error).splitlines()[0]})"]
    items = data.get("items") if isinstance(data, dict) else None
    if not items or not isinstance(items, list):
        return [f"{rel}: write the items as a list under 'items:'"]
    found = []
    for group, keys in (("meanings", ANSWERS), ("grey_kinds", None)):
        block = data.get(group)
        if not isinstance(block, dict) or not block:
            found.append(f"{rel}: write '{group}:' with a text in every language for "
                         + (", ".join(keys) if keys else "each kind of grey zone") + " (see the file's top comment)")
            continue
        found += [f"{rel}: '{group}: {key}' has no text in '{lang}'" for key in keys or block
                  for lang in untranslated(block.get(key))]
    kinds = data.get("grey_kinds") if isinstance(data.get("grey_kinds"), dict) else {}
    for number, item in enumerate(items, 1):
        where = f"{rel}: item {number}"
        if not isinstance(item, dict):
            found.append(f"{where}: write the item as 'answer:', 'text:', 'who:', 'why:' and 'link:'")
            continue
        if item.get("answer") not in ANSWERS:
            found.append(f"{where}: answer is {item.get('answer')!r}: write one of {', '.join(ANSWERS)}")
        found += [f"{where}: '{key}' has no text in '{lang}': write '{key}: {{{lang}: ...}}' for every language"
                  for key in TEXTS for lang in untranslated(item.get(key))]
        if item.get("answer") == "grey" and item.get("grey") not in kinds:
            found.append(f"{where}: a grey-zone item must say which kind of grey zone it is: write 'grey:' and one of "
                         f"{', '.join(kinds) or 'the grey_kinds'} (it has {item.get('grey')!r})")
        elif item.get("answer") != "grey" and "grey" in item:
            found.append(f"{where}: 'grey:' is only for items answered grey; remove it or change the answer")
        for key, example in (("link", "fortroendevalda/politikerrollen.md#vad-och-hur"),
                             ("source", "kallor.md#falkoping-politikerutbildning")):
            link = str(item.get(key) or "")
            path, _, anchor = link.partition("#")
            if not path.endswith(".md") or not anchor or (key == "source" and path != "kallor.md"):
                found.append(f"{where}: {key} {link!r}: write a page and a section, e.g. '{example}' "
                             "(path from docs/, no language)")
                continue
            for lang in languages():
                ids = page_ids(path.removesuffix(".md"), lang)
                if ids is None:
                    found.append(f"{where}: {key} {link!r}: there is no page docs/{path.removesuffix('.md')}.{lang}.md")
                elif anchor not in ids:
                    found.append(f"{where}: {key} {link!r}: docs/{path.removesuffix('.md')}.{lang}.md has no section "
                                 f"'#{anchor}' (use one of its heading ids)")
    return found


def reading(item, lang):
    """(URL path from the language root + #id, page title, heading in Markdown) of the item's link and its source."""
    found = []
    for key in ("link", "source"):
        path, _, anchor = item[key].partition("#")
        stem = path.removesuffix(".md")
        page = sources.read_page(sources.DOCS / f"{stem}.{lang}.md", stem, lang)
        found.append((f"{url_path(path)}#{anchor}", page.meta.get("title"),
                      {h.id: h.text for h in page.headings}[anchor]))
    return found


def heading_html(markdown):
    """A heading's inline Markdown as HTML: *word*{ lang=sv } -> <em lang="sv">word</em> (escaped otherwise)."""
    return _EMPHASIS.sub(lambda m: f'<em lang="{m.group(2)}">{m.group(1)}</em>' if m.group(2) else
                         f"<em>{m.group(1)}</em>", html.escape(markdown, quote=False))


def heading_text(markdown):
    """A heading's inline Markdown as plain text (for paper)."""
    return _EMPHASIS.sub(lambda m: m.group(1), markdown)


def render(name, lang, page_url):
    """The exercise as HTML: an ordered list; each item's model answer, who decides, why and a link in <details>."""
    s = strings(lang)["selfcheck"]
    esc = html.escape
    root = "../" * page_url.removeprefix(lang_prefix(lang)).count("/")   # from this page to the language root
    data = {key: s[key] for key in ("question", "check", "next", "restart", "right", "wrong", "score", "choose",
                                    "result_title", "your_answer", "so_far", "missed", "result_now", "answers")}
    exercise = load_all(name)
    out = [f'<div class="tillit-selfcheck" data-exercise="{esc(name)}" '
           f'data-strings="{esc(json.dumps(data, ensure_ascii=False))}">',
           f'<p id="{esc(name)}-meanings"><strong>{esc(s["meanings"])}</strong></p>'
           '<ul class="tillit-exercise-meanings">',
           *(f'<li>{esc(exercise["meanings"][answer][lang])}</li>' for answer in ANSWERS),
           '</ul>', '<ol class="tillit-exercise-list">']
    for number, item in enumerate(exercise["items"], 1):
        (href, title, heading), (source_href, _, source_heading) = reading(item, lang)
        out.append(
            f'<li class="tillit-exercise-item" id="{esc(name)}-{number}" data-answer="{item["answer"]}">'
            f'<p class="tillit-exercise-text">{esc(item["text"][lang])}</p>'
            f'<details class="tillit-exercise-answer" data-search-exclude>'   # R5: the answers are not searched
            f'<summary>{esc(s["show"].format(n=number))}</summary>'
            f'<p class="tillit-exercise-model"><strong>{esc(s["model"])}</strong> '
            f'{esc(model_answer(exercise, item, lang))}</p>'
            f'<p><strong>{esc(s["who"])}</strong> {esc(item["who"][lang])}</p>'
            f'<p><strong>{esc(s["why"])}</strong> {esc(item["why"][lang])}</p>'
            f'<p><strong>{esc(s["read"])}</strong> '
            f'<a href="{esc(root + href)}">{esc(title)}: {heading_html(heading)}</a></p>'
            f'<p><strong>{esc(s["source"])}</strong> '
            f'<a href="{esc(root + source_href)}">{heading_html(source_heading)}</a></p>'
            f'</details></li>')
    # the self-check's script only on the pages that need it (first-view budget)
    out += ["</ol></div>",
            f'<script src="{"../" * page_url.count("/")}assets/javascripts/selfcheck.js" defer></script>']
    return "\n".join(out)
