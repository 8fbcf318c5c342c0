"""Flag pages whose review date has passed (overrides/main.html shows a notice); scripts/check_site.py checks the front matter itself."""
import datetime

from _site import local_time


def on_page_markdown(markdown, page, config, files):
    review = page.meta.get("review_date")
    # a datetime or a text is not a review date: check_site.py reports it; here it only means "no notice"
    page.meta["review_overdue"] = type(review) is datetime.date and review < local_time().date()   # Swedish date
    return markdown
