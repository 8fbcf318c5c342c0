/* Print: give each link in the page text its absolute address, which print.css shows after the link on paper. */
document.addEventListener("DOMContentLoaded", function () {
  var here = location.href.split("#")[0];
  document.querySelectorAll(".md-content .md-typeset :is(p, li, td, dd) a[href]").forEach(function (a) {
    if (a.matches(".headerlink, .footnote-ref, .footnote-backref") || a.href.split("#")[0] === here) return;
    a.setAttribute("data-print-href", a.href);
  });
});
