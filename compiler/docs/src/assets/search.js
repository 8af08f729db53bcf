// Search without a server: the index (search-index.js) is loaded beside this script, so the
// site works from the file system. Results are built with textContent, never as HTML.
(function () {
  "use strict";
  var entries = window.PMF_SEARCH_INDEX || [];
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) {
    return;
  }
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  entries.forEach(function (e, i) {
    e.order = i;
    e.code = fold(e.c);
    e.all = fold(e.c + " " + e.t + " " + e.x);
    e.head = fold(e.c + " " + e.t);
  });
  function rank(e, q, words) {
    if (e.code === q) { return 0; }
    if (e.code && e.code.indexOf(q) === 0) { return 1; }
    if (words.every(function (w) { return e.head.indexOf(w) >= 0; })) { return 2; }
    return 3;
  }
  function show(query) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    var q = fold(query.trim());
    if (!q) {
      status.textContent = "";
      return;
    }
    var words = q.split(/\s+/);
    var hits = entries.filter(function (e) {
      return words.every(function (w) { return e.all.indexOf(w) >= 0; });
    });
    hits.forEach(function (e) { e.rank = rank(e, q, words); });
    hits.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
    status.textContent = hits.length
      ? status.getAttribute("data-count").replace("{n}", String(hits.length))
      : status.getAttribute("data-none");
    hits.slice(0, 200).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.u;
      a.textContent = e.c ? e.c + " " + e.t : e.t;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = e.k;
      li.appendChild(kind);
      list.appendChild(li);
    });
  }
  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  show(initial);
  input.addEventListener("input", function () {
    show(input.value);
  });
  var form = input.form;
  if (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      show(input.value);
      if (window.history && window.history.replaceState) {
        try {
          window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
        } catch (err) {
          // Some browsers refuse to change the address of a file:// page; the results stand.
        }
      }
    });
  }
})();
