// Keyboard access Material lacks: the mobile menu button is a <label>, and wide tables scroll without a focus stop.
(function () {
  function setup() {
    var en = document.documentElement.lang === "en";
    document.querySelectorAll('.md-header label[for="__drawer"]:not([role])').forEach(function (label) {
      var toggle = document.getElementById("__drawer");
      label.tabIndex = 0;
      label.setAttribute("role", "button");
      label.setAttribute("aria-label", en ? "Menu" : "Meny");
      label.setAttribute("aria-expanded", String(toggle.checked));
      toggle.addEventListener("change", function () { label.setAttribute("aria-expanded", String(toggle.checked)); });
      label.addEventListener("keydown", function (event) {
        if (event.key !== " ") return;   // Material's keyboard handler already clicks a focused label on Enter
        event.preventDefault();
        label.click();
      });
    });
    // In the drawer, sections open as sub-menus; stock section labels take no focus, so give them one there.
    var drawer = window.matchMedia("(max-width: 76.234375em)");
    function sectionLabels() {
      document.querySelectorAll(".md-nav--primary .md-nav__item--section > label.md-nav__link").forEach(function (label) {
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
