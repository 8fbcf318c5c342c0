// Keyboard access Material lacks: the phone menu button is a <label>, drawer sections take no focus, wide tables no stop.
(function () {
  function setup() {
    var en = document.documentElement.lang === "en";
    // The phone menu "button" is a <label>, which takes no focus: put a real button in its place.
    var toggle = document.getElementById("__drawer");
    document.querySelectorAll('.md-header label.md-header__button[for="__drawer"]').forEach(function (label) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className + " tillit-menu-button";
      button.innerHTML = label.innerHTML;
      button.setAttribute("aria-label", en ? "Menu" : "Meny");
      button.setAttribute("aria-expanded", String(toggle.checked));
      button.addEventListener("click", function () { toggle.click(); });
      toggle.addEventListener("change", function () { button.setAttribute("aria-expanded", String(toggle.checked)); });
      label.replaceWith(button);
    });
    // In the drawer, sections open as sub-menus; stock section labels take no focus, so give them one there.
    var drawer = window.matchMedia("(max-width: 76.234375em)");
    function sectionLabels() {
      // section labels open a sub-menu; a sub-menu's title label goes back up (the top one closes the menu)
      document.querySelectorAll(".md-nav--primary .md-nav__item--section > label.md-nav__link, .md-nav--primary label.md-nav__title").forEach(function (label) {
        if (drawer.matches) label.tabIndex = 0;
        else label.removeAttribute("tabindex");
      });
    }
    sectionLabels();
    drawer.addEventListener("change", sectionLabels);
    // A table wider than the screen scrolls inside its wrapper: let keyboard users focus and scroll it.
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      var caption = wrap.querySelector("caption");
      wrap.setAttribute("aria-label", caption ? caption.textContent : (en ? "Table" : "Tabell"));
    });
  }
  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
