// The one script of every page (sections: language switch, copy links, print, keyboard access, search results;
// the self-check has its own, selfcheck.js, on its page only).
// Its words come from the page: overrides/main.html writes locales/<lang>.yml's `js` strings as JSON (#tillit-strings).
function tillitStrings() {
  var data = document.getElementById("tillit-strings");
  return data ? JSON.parse(data.textContent) : {};
}

// Language switch keeps the section: carry the current #anchor over to the twin page in the other language.
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest(".md-select__link[hreflang]");
  if (link && location.hash) link.hash = location.hash;
}, true);

// ------------------------------------------------------------------------------------------------
// Copy links for agendas: a "copy link" button after every h2/h3 with an id, and a copy button after each URL
// on the om/lanka pages (made here: they need JavaScript anyway). Success or failure is announced in an aria-live region.
(function () {
  "use strict";
  var text = tillitStrings();

  var live = document.createElement("div");
  live.className = "tillit-sr-only tillit-live";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);

  function announce(message) {
    live.textContent = "";
    // a fresh text node after a tick is announced again even when the message is the same
    setTimeout(function () { live.textContent = message; }, 50);
  }

  function fallbackCopy(value) {
    var area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.className = "tillit-offscreen";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(value, button) {
    function done(ok) {
      announce(ok ? text.copied : text.failed);
      button.dispatchEvent(new CustomEvent("tillit:copied", { bubbles: true, detail: { ok: ok } }));   // the visible note
      button.classList.toggle("tillit-copied", ok);
      setTimeout(function () { button.classList.remove("tillit-copied"); }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(function () { done(true); },
        function () { done(fallbackCopy(value)); });
    } else {
      done(fallbackCopy(value));
    }
  }

  // The published address of this page: <link rel=canonical> comes from site_url.
  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return (canonical ? canonical.href : location.href).split("#")[0];
  }

  var icon = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">' +
    '<path fill="currentColor" d="M10.6 13.4a1 1 0 0 1 0-1.4l3.3-3.3a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0Z' +
    'M7.8 20.5a4.3 4.3 0 0 1-3-7.3l2.5-2.5a1 1 0 0 1 1.4 1.4l-2.5 2.5a2.3 2.3 0 0 0 3.3 3.3l2.5-2.5a1 1 0 1 1 1.4 1.4l-2.5 2.5a4.3 4.3 0 0 1-3.1 1.2Z' +
    'M16.1 14.2a1 1 0 0 1-.7-1.7l2.5-2.5a2.3 2.3 0 0 0-3.3-3.3l-2.5 2.5a1 1 0 0 1-1.4-1.4l2.5-2.5a4.3 4.3 0 0 1 6.1 6.1l-2.5 2.5a1 1 0 0 1-.7.3Z"/></svg>';

  var headings = document.querySelectorAll(".md-content article h2[id], .md-content article h3[id]");
  Array.prototype.forEach.call(headings, function (heading) {
    var name = heading.cloneNode(true);
    Array.prototype.forEach.call(name.querySelectorAll(".headerlink"), function (a) { a.remove(); });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "tillit-heading-copy";
    button.setAttribute("data-copy-heading", heading.id);
    button.setAttribute("aria-label", text.label + name.textContent.trim());
    button.title = text.label.replace(/: $/, "");
    button.innerHTML = icon;
    // heading and button side by side, the button after the heading in reading order
    var wrap = document.createElement("div");
    wrap.className = "tillit-heading tillit-heading--" + heading.tagName.toLowerCase();
    heading.parentNode.insertBefore(wrap, heading);
    wrap.appendChild(heading);
    wrap.appendChild(button);
  });

  // om/lanka tables (tillit/linking_pages.py): a button after each URL, named by its row (on a sub-page with the
  // page in the caption) and its column's language header.
  Array.prototype.forEach.call(document.querySelectorAll(".tillit-linking-pages td > code.tillit-url"), function (code) {
    var cell = code.parentNode, row = cell.parentNode, table = row.closest("table");
    var header = table.querySelectorAll("thead th")[cell.cellIndex].textContent.trim();
    var title = row.querySelector("th").textContent.trim();
    if (table.caption) title += " (" + table.caption.textContent.trim() + ")";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button tillit-copy";
    button.textContent = text.copy;
    button.setAttribute("aria-label", text.url.replace("{language}", text.lowercase_language ? header.toLowerCase() : header)
      .replace("{title}", title));
    code.after(button);   // right after its URL (the QR code's download links follow)
  });

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("button.tillit-copy, button[data-copy-heading]");
    if (!button) return;
    var value = button.classList.contains("tillit-copy")
      ? button.parentNode.querySelector("code.tillit-url").textContent
      : pageUrl() + "#" + button.getAttribute("data-copy-heading");
    copy(value, button);
  });

  // Printing an om/lanka page: load all its QR codes first.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("img.tillit-qr"), function (img) { img.loading = "eager"; });
  });
})();

// ------------------------------------------------------------------------------------------------
/* Print: give each link in the page text its absolute address, which the print section of tillit.css shows after the link on paper. */
document.addEventListener("DOMContentLoaded", function () {
  var here = location.href.split("#")[0];
  document.querySelectorAll(".md-content .md-typeset :is(p, li, td, dd) a[href]").forEach(function (a) {
    if (a.matches(".headerlink, .footnote-ref, .footnote-backref") || a.href.split("#")[0] === here) return;
    a.setAttribute("data-print-href", a.href);
  });
});

// ------------------------------------------------------------------------------------------------
// Keyboard access Material lacks: the phone menu button is a <label>, drawer sections take no focus, wide tables no stop.
// And the toggles tillit.html made (issue 26): the labels it turned into <div data-tillit-toggle> work as before, by
// pointer and, where they take focus, as buttons; a click on a label no longer leaves the focus on its hidden checkbox.
document.addEventListener("click", function (event) {
  var el = event.target instanceof Element && event.target.closest("[data-tillit-toggle]");
  // a link inside (the drawer title's logo) is followed, as it was inside the label
  if (!el || event.target.closest("a[href]")) return;
  var toggle = document.getElementById(el.getAttribute("data-tillit-toggle"));
  toggle.click();
  // the header's search button opens the search in its field, as Material's label did
  if (toggle.id === "__search" && toggle.checked) document.querySelector(".md-search__input").focus();
});
document.addEventListener("keydown", function (event) {
  var el = event.target;
  if ((event.key === "Enter" || event.key === " ") && el instanceof Element && el.matches("[data-tillit-toggle][role=button]")) {
    event.preventDefault();
    el.click();
  }
});
document.addEventListener("keydown", function (event) {
  if (event.key === "Escape") {
    document.querySelectorAll(".md-select:is(:hover, :focus-within)").forEach(function (select) {
      select.classList.add("tillit-dismissed");
    });
  }
});
document.addEventListener("focusin", function (event) {
  if (event.target.classList.contains("md-toggle") && event.relatedTarget) event.relatedTarget.focus({ preventScroll: true });
});
(function () {
  function setup() {
    var text = tillitStrings();
    // The phone menu "button" is a <label>, which takes no focus: put a real button in its place.
    var toggle = document.getElementById("__drawer");
    document.querySelectorAll('.md-header label.md-header__button[for="__drawer"]').forEach(function (label) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className + " tillit-menu-button";
      button.innerHTML = label.innerHTML;
      // named by the hidden text tillit.html put in the label (locales' a11y.menu)
      button.setAttribute("aria-expanded", String(toggle.checked));
      button.addEventListener("click", function () { toggle.click(); });
      toggle.addEventListener("change", function () { button.setAttribute("aria-expanded", String(toggle.checked)); });
      label.replaceWith(button);
    });
    // In the drawer, sections open as sub-menus; stock section labels take no focus, so give them one there, and
    // a sub-menu's title (which goes back up; the top one closes the menu) the role of the button it is there.
    var drawer = window.matchMedia("(max-width: 76.234375em)");
    function sectionLabels() {
      document.querySelectorAll(".md-nav--primary .md-nav__item--section > label.md-nav__link, .md-nav--primary .md-nav__title[data-tillit-toggle]").forEach(function (el) {
        if (drawer.matches) el.tabIndex = 0;
        else el.removeAttribute("tabindex");
        if (el.tagName !== "LABEL") {
          if (drawer.matches) el.setAttribute("role", "button");
          else el.removeAttribute("role");
          // the top title's logo link repeats the header's: a picture only, as a button holds no link
          el.querySelectorAll("a[href]").forEach(function (a) {
            var logo = document.createElement("span");
            logo.className = a.className;
            while (a.firstChild) logo.appendChild(a.firstChild);
            a.replaceWith(logo);
          });
        }
      });
    }
    sectionLabels();
    drawer.addEventListener("change", sectionLabels);
    // Content shown on hover can be dismissed (1.4.13): Escape closes the language menu the pointer or the focus
    // opened (Material opens it on :hover and :focus-within); it opens again once they have left it, or on a click.
    document.querySelectorAll(".md-select").forEach(function (select) {
      function reopen() { select.classList.remove("tillit-dismissed"); }
      select.addEventListener("mouseleave", reopen);
      select.addEventListener("click", reopen);
      select.addEventListener("focusout", function (event) { if (!select.contains(event.relatedTarget)) reopen(); });
    });
    // A table wider than the screen scrolls inside its wrapper: let keyboard users focus and scroll it. Each has
    // its own name: its caption, or "Table 2" (regions with the same name cannot be told apart).
    var tables = 0;
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      var caption = wrap.querySelector("caption");
      wrap.setAttribute("aria-label", caption ? caption.textContent : text.table + " " + (++tables));
    });
  }
  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();

// ------------------------------------------------------------------------------------------------
// Search results in the accessibility tree (issue 17): Material makes each result a link around an <article>, which
// leaves the link without a name in Chromium's tree, and gives each result an <h1>, one more level-1 heading per
// result. The article gets role=none (the link is named by its text), the h1 becomes an h2 (tillit.css styles it),
// and a result's tags a <div> (issue 26).
(function () {
  var list = document.querySelector(".md-search-result__list");
  if (!list) return;
  new MutationObserver(function () {
    Array.prototype.forEach.call(list.querySelectorAll("a > article:not([role])"), function (article) {
      article.setAttribute("role", "none");   // an article role stops Chromium naming the link from its text
    });
    // a result's tags are a <nav> each, one unnamed landmark per result (axe landmark-unique): plain lists of words
    Array.prototype.forEach.call(list.querySelectorAll("nav.md-tags"), function (nav) {
      var div = document.createElement("div");
      div.className = nav.className;
      while (nav.firstChild) div.appendChild(nav.firstChild);
      nav.replaceWith(div);
    });
    Array.prototype.forEach.call(list.querySelectorAll("article > h1"), function (h1) {
      var h2 = document.createElement("h2");
      h2.className = "tillit-result-title";
      while (h1.firstChild) h2.appendChild(h1.firstChild);
      h1.replaceWith(h2);
    });
  }).observe(list, { childList: true, subtree: true });
})();

// ------------------------------------------------------------------------------------------------
// Search that found nothing (issue 23): below Material's "No matching documents", "Did you mean …?" with the site's
// closest words (the worker's result carries them: workers/search-core.js suggest()), each a link that runs that
// search, and the glossary and the reading path. In a live region, so it is announced; links, so Tab reaches them.
(function () {
  var result = document.querySelector(".md-search-result");
  var meta = result && result.querySelector(".md-search-result__meta");
  var input = document.querySelector("input.md-search__input");
  var config = document.getElementById("__config");
  if (!meta || !input || !config || !window.component$) return;
  var text = tillitStrings().search || {};
  var root = new URL(JSON.parse(config.textContent).base, location.href);   // this language's root
  var help = document.createElement("div");
  help.className = "tillit-search-help";
  help.setAttribute("role", "status");
  help.setAttribute("aria-live", "polite");
  meta.after(help);

  function link(label, href, query) {
    var a = document.createElement("a");
    a.textContent = label;
    a.href = href;
    if (query !== undefined) a.setAttribute("data-tillit-query", query);
    return a;
  }
  // "Menade du {words}?" -> text and the given nodes in place of {name}
  function sentence(template, parts) {
    var p = document.createElement("p");
    template.split(/\{(\w+)\}/).forEach(function (piece, i) {
      p.append(i % 2 ? parts[piece] : piece);
    });
    return p;
  }
  function words(list) {
    var span = document.createElement("span");
    list.forEach(function (query, i) {
      if (i) span.append(i === list.length - 1 ? " " + text.or + " " : ", ");
      var url = new URL(location.href);
      url.searchParams.set("q", query);   // Material opens the search with ?q= (a link that also works in a new tab)
      span.append(link(query, url.href, query));
    });
    return span;
  }

  window.component$.subscribe(function (component) {
    if (component.ref !== result || !Array.isArray(component.items)) return;
    help.textContent = "";
    if (component.items.length || !input.value.trim()) return;
    var suggest = (component.tillit && component.tillit.suggest) || [];
    if (suggest.length) help.append(sentence(text.did_you_mean, { words: words(suggest) }));
    help.append(sentence(suggest.length ? text.also : text.instead, {
      glossary: link(text.glossary, new URL(text.pages.glossary, root).href),
      path: link(text.reading_path, new URL(text.pages.reading_path, root).href)
    }));
  });

  // A suggestion runs its search here, without loading the page again; the box keeps the focus. Material closes the
  // search on a click on any link in it: not on this one (Enter on the focused link is a click too).
  help.addEventListener("click", function (event) {
    var a = event.target instanceof Element && event.target.closest("a[data-tillit-query]");
    if (!a) return;
    event.preventDefault();
    event.stopPropagation();
    input.value = a.getAttribute("data-tillit-query");
    input.focus();
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));   // Material reads the box on keyup
  });
})();

// "Did it help?" (overrides/main.html): the address in its links also names the section the reader is at.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-tillit-feedback]");
  var box = link && link.closest(".tillit-feedback");
  if (!box || !location.hash) return;
  var address = box.getAttribute("data-address");
  link.href = link.href.split(address).join(address + encodeURIComponent(location.hash));
});

// ------------------------------------------------------------------------------------------------
// Copy confirmation you can see (issue 28, R19): "Kopierad!" / "Copied!" beside the button for a few seconds (the live
// region above still announces it); a failed copy says what to do instead. aria-hidden: the announcement is enough.
document.addEventListener("tillit:copied", function (event) {
  var text = tillitStrings(), button = event.target;
  var note = button.nextElementSibling;
  if (!note || !note.classList.contains("tillit-copied-note")) {
    note = document.createElement("span");
    note.className = "tillit-copied-note";
    note.setAttribute("aria-hidden", "true");
    button.after(note);
  }
  note.textContent = event.detail.ok ? text.copied_note : text.failed;
  note.classList.toggle("tillit-copied-note--failed", !event.detail.ok);
  clearTimeout(note.tillitTimer);
  note.tillitTimer = setTimeout(function () { note.remove(); }, event.detail.ok ? 4000 : 8000);
});

// ------------------------------------------------------------------------------------------------
// Print carries its address (issue 28, R21): the print line of overrides/main.html names the section the page was
// opened at (a section link from an agenda), when that section exists on the page.
(function () {
  function update() {
    document.querySelectorAll(".tillit-print-url[data-url]").forEach(function (span) {
      var id = decodeURIComponent(location.hash.slice(1));
      span.textContent = span.getAttribute("data-url") + (id && document.getElementById(id) ? "#" + id : "");
    });
  }
  update();
  window.addEventListener("hashchange", update);
  window.addEventListener("beforeprint", update);
})();
