// The self-check's script, loaded only by pages with an exercise (hooks/exercise.py adds it): keeps every other page light.
// Self-check (<!-- exercise: name -->, hooks/exercise.py): one item at a time instead of the list with <details>.
// Native radio buttons and buttons; the verdict in a live region, focus on the model answer, then on the next item.
// Words from the page (data-strings). Stores nothing, sends nothing.
(function () {
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) node.textContent = text;
    return node;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function setup() {
    document.querySelectorAll(".tillit-selfcheck[data-strings]:not([data-ready])").forEach(function (box) {
      box.setAttribute("data-ready", "");
      var s = JSON.parse(box.getAttribute("data-strings"));
      var name = box.getAttribute("data-exercise");
      var items = Array.prototype.map.call(box.querySelectorAll(".tillit-exercise-item"), function (li) {
        var details = li.querySelector("details");
        return { answer: li.getAttribute("data-answer"), text: li.querySelector(".tillit-exercise-text").textContent,
                 model: Array.prototype.filter.call(details.children, function (c) { return c.tagName !== "SUMMARY"; }) };
      });
      var list = box.querySelector(".tillit-exercise-list");
      var form = el("form", { "class": "tillit-selfcheck-ui tillit-no-print", novalidate: "" });
      var heading = el("h3", { tabindex: "-1", "class": "tillit-selfcheck-heading" });
      var question = el("p", { "class": "tillit-selfcheck-question" });
      var fieldset = el("fieldset");
      fieldset.appendChild(el("legend", {}, s.choose));
      ["what", "how", "grey"].forEach(function (value) {
        var label = el("label", { "class": "tillit-selfcheck-choice" });
        label.appendChild(el("input", { type: "radio", name: "tillit-" + name, value: value }));
        label.appendChild(document.createTextNode(" " + s.answers[value]));
        fieldset.appendChild(label);
      });
      var check = el("button", { type: "submit", "class": "md-button md-button--primary" }, s.check);
      var live = el("p", { role: "status", "aria-live": "polite", "class": "tillit-selfcheck-verdict" });
      var model = el("div", { tabindex: "-1", "class": "tillit-selfcheck-model" });
      var next = el("button", { type: "button", "class": "md-button" });
      var score = el("div", { "class": "tillit-selfcheck-score" });
      var early = el("button", { type: "button", "class": "md-button tillit-selfcheck-early" }, s.result_now);
      // the score comes before "Börja om" (R13); "see the result now" lets a reader stop after a few items
      [heading, question, fieldset, check, live, model, score, next, early].forEach(function (node) { form.appendChild(node); });
      list.hidden = true;
      box.appendChild(form);
      var index = 0, right = 0, answered = 0, missed = [];

      function radios() { return Array.prototype.slice.call(fieldset.querySelectorAll("input")); }
      function show(i, quiet) {
        index = i;
        heading.textContent = fill(s.question, { n: i + 1, total: items.length });
        question.textContent = items[i].text;
        question.hidden = fieldset.hidden = check.hidden = false;
        radios().forEach(function (r) { r.checked = false; r.disabled = false; });
        check.disabled = false;
        live.textContent = "";
        model.hidden = next.hidden = score.hidden = early.hidden = true;
        live.className = "tillit-selfcheck-verdict";
        model.textContent = "";
        if (!quiet) heading.focus();
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (check.disabled) return;
        var chosen = radios().filter(function (r) { return r.checked; })[0];
        if (!chosen) { live.textContent = s.your_answer; radios()[0].focus(); return; }
        var item = items[index], ok = chosen.value === item.answer;
        if (ok) right += 1; else missed.push(item.text);
        answered += 1;
        radios().forEach(function (r) { r.disabled = true; });
        check.disabled = true;
        live.textContent = fill(ok ? s.right : s.wrong, { answer: s.answers[item.answer], chosen: s.answers[chosen.value] }) +
          " " + fill(s.so_far, { score: right, n: answered });
        live.className = "tillit-selfcheck-verdict tillit-selfcheck-verdict--" + (ok ? "right" : "wrong");   // ✓ or ✗
        item.model.forEach(function (node) { model.appendChild(node.cloneNode(true)); });
        model.hidden = next.hidden = false;
        early.hidden = index + 1 >= items.length;
        next.textContent = index + 1 < items.length ? s.next : s.result_title;
        model.focus();
      });
      function result() {
        heading.textContent = s.result_title;
        question.hidden = fieldset.hidden = check.hidden = model.hidden = early.hidden = true;
        live.textContent = "";
        live.className = "tillit-selfcheck-verdict";
        score.textContent = "";
        score.appendChild(el("p", {}, fill(s.score, { score: right, total: answered })));
        if (missed.length) {
          score.appendChild(el("p", {}, s.missed));
          var list = el("ul");
          missed.forEach(function (text) { list.appendChild(el("li", {}, text)); });
          score.appendChild(list);
        }
        score.hidden = false;
        next.textContent = s.restart;
        heading.focus();
      }
      next.addEventListener("click", function () {
        if (next.textContent === s.restart) { right = 0; answered = 0; missed = []; show(0); return; }
        if (index + 1 < items.length) { show(index + 1); return; }
        result();
      });
      early.addEventListener("click", result);
      show(0, true);   // on load focus stays put (no jump down the page); it moves only once the reader acts
    });
  }
  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
