(function () {
  "use strict";
  var list = document.getElementById("trial-list");
  if (!list) { return; }
  var rows = Array.prototype.slice.call(list.querySelectorAll(".trial"));
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var search = document.getElementById("trial-search");
  var counter = document.getElementById("trial-count");
  function apply() {
    var wanted = [];
    selects.forEach(function (s) {
      if (s.value) { wanted.push(["data-" + s.getAttribute("data-filter"), s.value]); }
    });
    var query = search && search.value ? search.value.toLowerCase() : "";
    var shown = 0;
    rows.forEach(function (row) {
      var ok = wanted.every(function (w) { return row.getAttribute(w[0]) === w[1]; });
      if (ok && query) { ok = row.textContent.toLowerCase().indexOf(query) !== -1; }
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (counter) { counter.textContent = String(shown); }
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  if (search) { search.addEventListener("input", apply); }
  var expand = document.getElementById("trial-expand");
  if (expand) {
    expand.addEventListener("click", function () {
      var open = expand.getAttribute("aria-pressed") !== "true";
      rows.forEach(function (row) { if (!row.hidden) { row.open = open; } });
      expand.setAttribute("aria-pressed", open ? "true" : "false");
      expand.textContent = open ? "Collapse shown" : "Expand shown";
    });
  }
  apply();
}());
