// The report's only script. Article data is read from data-* attributes and written with
// textContent, never as HTML.
(function () {
  "use strict";
  var FIELDS = ["surface", "value", "unit", "qualifier", "subject", "metric", "metric_text", "period_text",
                "period_start", "period_end", "comparison", "direction", "modality", "verdict", "article_id"];
  var marks = document.querySelectorAll("mark.claim[data-claim]");
  var detail = document.getElementById("detail");
  var ok = 0;

  function describe(c) {
    var bits = [c.surface];
    if (c.subject) bits.push(c.subject);
    if (c.metric) bits.push(c.metric);
    if (c.period_text || c.period_start) bits.push(c.period_text || c.period_start.slice(0, 10));
    if (c.comparison) bits.push(c.comparison + (c.direction ? " " + c.direction : ""));
    if (c.modality && c.modality !== "actual") bits.push(c.modality);
    bits.push(c.verdict);
    return bits.join(" · ");
  }

  function show(el) {
    var c;
    try { c = JSON.parse(el.getAttribute("data-claim")); } catch (e) { return; }
    while (detail.firstChild) detail.removeChild(detail.firstChild);
    var table = document.createElement("table");
    FIELDS.forEach(function (k) {
      if (c[k] === null || c[k] === undefined || c[k] === "") return;
      var tr = document.createElement("tr");
      var a = document.createElement("td"); a.textContent = k;
      var b = document.createElement("td"); b.textContent = String(c[k]);
      tr.appendChild(a); tr.appendChild(b); table.appendChild(tr);
    });
    detail.appendChild(table);
    (c.findings || []).forEach(function (fi) {
      var f = document.querySelector('li.finding[data-finding="' + Number(fi) + '"] .expl');
      if (f) { var p = document.createElement("p"); p.textContent = "finding: " + f.textContent; detail.appendChild(p); }
    });
    detail.hidden = false;
  }

  marks.forEach(function (el) {
    try {
      var c = JSON.parse(el.getAttribute("data-claim"));
      el.setAttribute("title", describe(c));
      ok += 1;
    } catch (e) { /* a malformed attribute stays unmarked in the count */ }
    el.addEventListener("click", function (ev) { ev.stopPropagation(); show(el); });
    el.addEventListener("keydown", function (ev) { if (ev.key === "Enter") show(el); });
  });
  document.addEventListener("click", function () { detail.hidden = true; });

  document.querySelectorAll("a.figref[data-target]").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      var m = document.querySelector('mark.claim[data-q="' + a.getAttribute("data-target") + '"]');
      if (!m) return;
      ev.preventDefault();
      m.scrollIntoView({ block: "center" });
      m.classList.add("flash");
      setTimeout(function () { m.classList.remove("flash"); }, 1500);
      m.focus({ preventScroll: true });
    });
  });

  document.querySelectorAll(".filters input[data-verdict]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-verdict"), !box.checked);
    });
  });

  document.documentElement.setAttribute("data-claims-marked", String(ok));
  document.documentElement.setAttribute("data-findings-listed",
    String(document.querySelectorAll("li.finding[data-finding]").length));
  document.documentElement.setAttribute("data-ready", "1");
})();
