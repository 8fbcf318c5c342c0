"""Validate every page's front matter (title, description, tags per language, owner, review_date) and flag overdue reviews."""
import datetime

from _site import local_time, strings
from mkdocs.exceptions import PluginError

REQUIRED = ("title", "description", "tags", "owner", "review_date")
MAX_DESCRIPTION = 160


def on_page_markdown(markdown, page, config, files):
    lang = getattr(page.file, "locale", None)
    src = f"docs/{page.file.src_uri}"
    meta = page.meta
    problems = [f"missing '{key}'" for key in REQUIRED if not meta.get(key)]
    allowed = strings(lang).get("tags", []) if lang else []   # locales/<lang>.yml, key tags
    tags = meta.get("tags") or []
    if not isinstance(tags, list):
        problems.append("'tags' must be a list")
        tags = []
    problems += [f"unknown tag '{tag}' (allowed for '{lang}': {', '.join(allowed)})"
                 for tag in tags if tag not in allowed]
    description = meta.get("description")
    if description and len(str(description)) > MAX_DESCRIPTION:
        problems.append(f"'description' is longer than {MAX_DESCRIPTION} characters")
    review = meta.get("review_date")
    if review and type(review) is not datetime.date:   # a datetime (2027-11-23 10:00) is not a review date
        problems.append(f"'review_date' must be a date written YYYY-MM-DD, not '{review}'")
    if problems:
        raise PluginError(f"{src}: bad front matter: " + "; ".join(problems))
    meta["review_overdue"] = review < local_time().date()   # the date in Sweden, not UTC
    return markdown
