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
  // A code without case, spaces, slashes, hyphens or dots: "AD/002a", "ad 002a" and "ad002a"
  // are the same code.
  function compact(s) {
    return fold(s).replace(/[\s\/\-\.]/g, "");
  }
  entries.forEach(function (e, i) {
    e.order = i;
    e.code = compact(e.c);
    e.all = fold(e.c + " " + e.t + " " + e.x);
    // Every code the entry mentions, compacted, so that "ad002a" finds where AD/002a is used.
    e.codes = " " + (fold(e.c + " " + e.t + " " + e.x).match(/[a-z]{2,4}\s*\/\s*(?:[a-z]{2,4}\s*\/\s*)?\d{2,3}[a-z]{0,2}/g) || [])
      .map(compact).join(" ") + " ";
    e.head = fold(e.c + " " + e.t);
  });
  // Whether a query is a code (letters then digits, perhaps a letter): matched compacted.
  function isCode(q) {
    return /^[a-z]{2,8}\d{2,3}[a-z]{0,2}$/.test(q);
  }
  function rank(e, q, words) {
    var c = compact(q);
    if (e.code && e.code === c) { return 0; }
    if (e.code && isCode(c) && e.code.indexOf(c) === 0) { return 1; }
    if (words.every(function (w) { return e.head.indexOf(w) >= 0; })) { return 2; }
    return 3;
  }
  function matches(e, q, words) {
    var c = compact(q);
    if (isCode(c) && ((e.code && e.code.indexOf(c) === 0) || e.codes.indexOf(" " + c) >= 0)) {
      return true;
    }
    return words.every(function (w) {
      var wc = compact(w);
      return e.all.indexOf(w) >= 0 || (isCode(wc) && e.codes.indexOf(" " + wc) >= 0);
    });
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
    var hits = entries.filter(function (e) { return matches(e, q, words); });
    hits.forEach(function (e) { e.rank = rank(e, q, words); });
    hits.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
    status.textContent = hits.length
      ? status.getAttribute("data-count").replace("\u00a7", String(hits.length))
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
