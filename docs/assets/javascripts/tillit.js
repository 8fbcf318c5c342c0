// Language switch keeps the section: carry the current #anchor over to the twin page in the other language.
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest(".md-select__link[hreflang]");
  if (link && location.hash) link.hash = location.hash;
}, true);
