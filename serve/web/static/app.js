// tolmach's web app: enhancements only. Every page works without this
// script (server-rendered forms); with it, the lookup answers as you
// type and the report's snippets get copy buttons. No inline handlers,
// so it runs under the server's Content-Security-Policy.
"use strict";

(function () {
  function lookupAsYouType() {
    var form = document.getElementById("lookup-form");
    var box = document.getElementById("q");
    var results = document.getElementById("results");
    if (!form || !box || !results || !window.fetch) return;
    var timer = 0;
    var pending = null;
    var last = null;

    function params() {
      var p = new URLSearchParams();
      p.set("q", box.value.trim());
      var lang = form.elements["lang"].value;
      if (lang && lang !== "auto") p.set("lang", lang);
      if (form.elements["exact"].checked) p.set("exact", "1");
      return p;
    }

    function run() {
      var p = params();
      var key = p.toString();
      if (key === last) return;
      last = key;
      // The address bar follows, so the page can be shared or reloaded.
      var shown = p.get("q") ? "/?" + key : "/";
      history.replaceState(null, "", shown);
      if (!p.get("q")) {
        results.innerHTML = "";
        return;
      }
      if (pending) pending.abort();
      pending = new AbortController();
      p.set("part", "results");
      fetch("/?" + p.toString(), { signal: pending.signal, credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) { results.innerHTML = html; })
        .catch(function (e) { if (e && e.name === "AbortError") return; });
    }

    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    form.addEventListener("change", run);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      last = null;
      run();
    });
    // Down arrow from the box goes to the first result's link.
    box.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown") return;
      var first = results.querySelector("a");
      if (first) { e.preventDefault(); first.focus(); }
    });
  }

  function copyButtons() {
    if (!navigator.clipboard) return;
    var buttons = document.querySelectorAll("button.copy");
    for (var i = 0; i < buttons.length; i++) {
      (function (b) {
        var pre = b.parentNode.querySelector("pre");
        if (!pre) return;
        var label = b.textContent;
        var done = document.documentElement.lang === "ru" ? "Скопировано" : "Copied";
        b.hidden = false;
        b.addEventListener("click", function () {
          navigator.clipboard.writeText(pre.textContent).then(function () {
            b.textContent = done;
            setTimeout(function () { b.textContent = label; }, 1500);
          });
        });
      })(buttons[i]);
    }
  }

  function init() {
    lookupAsYouType();
    copyButtons();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
