/* 站内搜索：主题原有的搜索框和结果列表，由 Pagefind 的接口驱动。
 *
 * The theme's own search (lunr, one index file parsed whole) is not used: the build indexes the
 * finished pages with Pagefind (build_tools/engine/search_index.py), whose index is cut into chunks and
 * fetched per query. Nothing is fetched before the search is opened (the header's magnifier, a
 * click in the box, or the keys / s f); then pagefind.js, its worker and the chunks a query
 * needs, the synonym table (search/synonyms.json: misspellings and other words people type,
 * from data/lists/search-synonyms.csv) and this script's small stylesheet.
 * Keyboard as in the theme: / s f open, arrow keys move through the results, Enter opens the
 * first (or the chosen) result, Esc closes. A result links to its page with ?h=<words>, and
 * that page marks the words (highlight() below, no download). Record text reaches the page
 * through textContent only.
 */
(function () {
  "use strict";

  var SHOWN = 6;  // results listed at first (a phone shows about four); "显示更多" adds as many again
  var WAIT = 50;  // ms after the last key before searching: typing a word does not search each letter
  var MAX_VARIANTS = 6;  // the query as typed plus at most this many rewritten by the synonym table

  var box = document.querySelector("[data-portal-search]");
  var toggle = document.getElementById("__search");
  highlight(new URLSearchParams(location.search).get("h"));
  if (!box || !toggle) return;

  var input = box.querySelector(".md-search__input");
  var form = box.querySelector(".md-search__form");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var filters = box.querySelector(".portal-search__filters");
  var hint = meta.textContent;
  var engine = null, timer = 0, latest = 0;

  function absolute(path) { return new URL(path, location.href).href; }

  /* Pagefind, the synonym table and the stylesheet, fetched once, when the search is first opened. */
  function start() {
    if (engine) return engine;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = absolute(box.getAttribute("data-style"));
    document.head.appendChild(style);
    var bundle = absolute(box.getAttribute("data-bundle"));
    var pagefind = import(bundle).then(function (pf) {
      return pf.options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24 }).then(function () {
        pf.init();
        return pf;
      });
    });
    var terms = fetch(absolute(box.getAttribute("data-terms")))
      .then(function (r) { return r.ok ? r.json() : { pairs: [] }; })
      .catch(function () { return { pairs: [] }; });
    engine = Promise.all([pagefind, terms]).then(function (both) {
      return { pagefind: both[0], pairs: both[1].pairs || [] };
    });
    engine.catch(function () { meta.textContent = "搜索暂时不能使用，请稍后再试。"; });
    return engine;
  }

  /* The query without its filler words (怎么办, 被…), then as the synonym table rewrites it: each rule
     alone, then all together. Pairs are [typed, finds]; a filler word has finds "". */
  function variants(query, pairs) {
    var base = query;
    pairs.forEach(function (p) { if (!p[1]) base = base.split(p[0]).join(" "); });
    base = base.replace(/\s+/g, " ").trim() || query;
    var out = [base], all = base;
    pairs.forEach(function (p) {
      if (!p[1] || base.indexOf(p[0]) < 0 || lengthens(base, p)) return;
      out.push(base.split(p[0]).join(p[1]));
      if (!lengthens(all, p)) all = all.split(p[0]).join(p[1]);
    });
    out.push(all);
    return out.filter(function (v, i) { return out.indexOf(v) === i; }).slice(0, MAX_VARIANTS + 1);
  }

  function chosen() {
    var picked = {}, any = false;
    Array.prototype.forEach.call(box.querySelectorAll(".portal-search__choices select"), function (s) {
      if (s.value) { picked[s.getAttribute("data-filter")] = s.value; any = true; }
    });
    return any ? picked : null;
  }

  function lengthens(query, p) {  // 防溺 → 防溺水 in a query that says 防溺水 already would make 防溺水水
    return p[1].indexOf(p[0]) >= 0 && query.indexOf(p[1]) >= 0;
  }

  /* The query with each run of single characters cut to its first one (侗 族 大 歌 → 侗; 劝 返 复学 → 劝 复学).
     The browser cuts a query into words with its own dictionary (Intl.Segmenter), the index was cut
     at build time with another; a word the browser does not know arrives as single characters, and
     each must begin a word of the page: only the first of them surely does. Used when a query finds
     fewer than three pages. */
  function relaxed(query) {
    if (!window.Intl || !Intl.Segmenter) return null;
    var out = [], single = false;
    Array.from(new Intl.Segmenter("zh", { granularity: "word" }).segment(query)).forEach(function (s) {
      if (!s.isWordLike) { single = false; return; }
      var one = Array.from(s.segment).length === 1 && /[\u3400-\u9fff]/.test(s.segment);
      if (!one || !single) out.push(s.segment);
      single = one;
    });
    var r = out.join(" ");
    return r && r !== query && r.replace(/ /g, "") !== query ? r : null;
  }

  function searchAll(e, queries, options) {
    return Promise.all(queries.map(function (q) { return e.pagefind.search(q, options); }));
  }

  /* Every variant searched, each page kept once with its best score. */
  function search(e, query, picked) {
    var options = picked ? { filters: picked } : {};
    var queries = query ? variants(query, e.pairs) : [null];
    return searchAll(e, queries, options).then(function (found) {
      var best = merge({}, found);
      if (!query || Object.keys(best).length >= 3) return best;
      var loose = queries.map(relaxed).filter(function (q, i, all) { return q && all.indexOf(q) === i; });
      return searchAll(e, loose, options).then(function (more) { return merge(best, more); });
    }).then(function (best) {
      return Object.keys(best).map(function (k) { return best[k]; }).sort(function (a, b) { return b.score - a.score; });
    });
  }

  function merge(best, found) {
    found.forEach(function (s) {
      (s ? s.results : []).forEach(function (r) {
        if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r;
      });
    });
    return best;
  }

  function run() {
    var query = input.value.trim(), picked = chosen(), mine = ++latest;
    if (!query && !picked) { clear(); return; }
    meta.textContent = "正在搜索…";
    start().then(function (e) { return search(e, query, picked); }).then(function (results) {
      if (mine !== latest) return;  // a newer query is on its way
      list.textContent = "";
      meta.textContent = results.length ? "找到 " + results.length + " 个符合条件的结果" : "没有找到符合条件的结果。换个说法试试，比如只输入关键的两三个字。";
      show(results, 0, mine);
    }).catch(function () { if (mine === latest) meta.textContent = "搜索暂时不能使用，请稍后再试。"; });
  }

  /* Results from `from` on, each listed as soon as its own fragment has arrived, in rank order. */
  function show(results, from, mine) {
    var slots = results.slice(from, from + SHOWN).map(function (r) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      list.appendChild(li);
      r.data().then(function (d) { if (mine === latest) fill(li, d); });
      return li;
    });
    if (results.length > from + SHOWN) {
      var li = document.createElement("li"), more = document.createElement("button");
      li.className = "md-search-result__item portal-search__more";
      more.type = "button";
      more.className = "md-button";
      more.textContent = "显示更多结果";
      more.addEventListener("click", function () { li.remove(); show(results, from + SHOWN, mine); });
      li.appendChild(more);
      list.appendChild(li);
    }
    return slots;
  }

  function fill(li, d) {
    var words = marked(d.excerpt);
    li.appendChild(entry(d.url, words, d.meta.title || d.url, d.excerpt, true, d.meta));
    (d.sub_results || []).filter(function (s) { return s.url !== d.url && s.url.indexOf("#") > 0; })
      .slice(0, 2).forEach(function (s) { li.appendChild(entry(s.url, marked(s.excerpt).concat(words), s.title, s.excerpt, false)); });
  }

  function entry(url, words, title, excerpt, page, facts) {
    var a = document.createElement("a"), article = document.createElement("article");
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    a.href = withWords(url, words);
    article.className = "md-search-result__article md-typeset" + (page ? " md-search-result__article--document" : "");
    if (page) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      article.appendChild(icon);
    }
    var heading = document.createElement(page ? "h1" : "h2");
    heading.textContent = title;
    article.appendChild(heading);
    if (facts && (facts.when || facts.status)) {
      var line = document.createElement("p");
      line.className = "portal-search__facts";
      line.textContent = [facts.when, facts.status].filter(Boolean).join(" · ");
      article.appendChild(line);
    }
    var p = document.createElement("p");
    excerptInto(p, excerpt);
    article.appendChild(p);
    a.appendChild(article);
    a.addEventListener("click", function () { toggle.checked = false; });
    return a;
  }

  /* Pagefind's excerpt is text with its characters escaped and <mark> around the hits. */
  function excerptInto(p, excerpt) {
    String(excerpt || "").split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part, i) {
      if (!part) return;
      if (i % 2) {
        var mark = document.createElement("mark");
        mark.textContent = decode(part.slice(6, -7));
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(decode(part)));
      }
    });
  }

  function decode(text) {  // character references to characters; a textarea's content is never markup
    var t = document.createElement("textarea");
    t.innerHTML = text;
    return t.value;
  }

  function marked(excerpt) {  // the words Pagefind marked, neighbouring marks joined (防 溺水 → 防溺水)
    var words = [], re = /<mark>([\s\S]*?)<\/mark>/g, m, text = String(excerpt || "").replace(/<\/mark><mark>/g, "");
    while ((m = re.exec(text))) {
      var w = decode(m[1]).trim();
      if (w && words.indexOf(w) < 0) words.push(w);
    }
    return words;
  }

  function withWords(url, words) {
    if (!words.length) return url;
    var hash = url.indexOf("#"), path = hash < 0 ? url : url.slice(0, hash), rest = hash < 0 ? "" : url.slice(hash);
    return path + (path.indexOf("?") < 0 ? "?" : "&") + "h=" + encodeURIComponent(words.slice(0, 5).join(" ")) + rest;
  }

  function clear() {
    latest++;
    list.textContent = "";
    meta.textContent = hint;
  }

  /* The filters' values and counts (Pagefind's filter index, fetched when the filters are opened). */
  function loadFilters() {
    if (!filters.open || filters.getAttribute("data-ready")) return;
    filters.setAttribute("data-ready", "1");
    start().then(function (e) { return e.pagefind.filters(); }).then(function (all) {
      Array.prototype.forEach.call(filters.querySelectorAll("select"), function (select) {
        var key = select.getAttribute("data-filter"), counts = all[key] || {};
        Object.keys(counts).sort().forEach(function (v) {
          var o = document.createElement("option");
          o.value = v;
          o.textContent = (key === "month" ? monthName(v) : v) + "（" + counts[v] + "）";
          select.appendChild(o);
        });
      });
    });
  }

  function monthName(v) {
    var m = /^(\d{4})-(\d{2})$/.exec(v);
    return m ? m[1] + "年" + +m[2] + "月" : v;
  }

  /* Opening and closing as the theme does: the toggle #__search shows the box (CSS). */
  function open() {
    toggle.checked = true;
    start();
    input.focus();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function links() {
    return [input].concat(Array.prototype.slice.call(list.querySelectorAll("a[href], button")));
  }

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey) return;
    if (!toggle.checked) {
      if ((ev.key === "/" || ev.key === "s" || ev.key === "f") && !typing(document.activeElement)) {
        ev.preventDefault();
        open();
        input.select();
      }
      return;
    }
    if (ev.key === "Escape") {
      close();
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (document.activeElement && document.activeElement.tagName === "SELECT") return;
      var els = links(), i = Math.max(0, els.indexOf(document.activeElement));
      els[(i + els.length + (ev.key === "ArrowUp" ? -1 : 1)) % els.length].focus();
      ev.preventDefault();
    }
  });

  form.addEventListener("submit", function (ev) {  // Enter in the box opens the first result
    ev.preventDefault();
    var first = list.querySelector("a[href]");
    if (first) { first.click(); } else { run(); }
  });
  form.addEventListener("reset", function () { setTimeout(function () { clear(); input.focus(); }, 0); });
  input.addEventListener("focus", function () { toggle.checked = true; start(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, WAIT);
    var query = input.value.trim();  // Pagefind fetches the chunks while the last key is awaited
    if (query && engine) engine.then(function (e) { e.pagefind.preload(variants(query, e.pairs)[0]); });
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { start(); input.focus(); } else { input.blur(); }
  });
  filters.addEventListener("toggle", loadFilters);
  filters.addEventListener("change", run);

  /* ---- on the page a result opened: mark the words searched for (?h=防溺水 溺水) ---- */

  function highlight(words) {
    var article = document.querySelector("article.md-content__inner");
    if (!words || !article) return;
    var terms = words.split(/\s+/).filter(function (w) { return w.length > 0 && w.length <= 40; })
      .sort(function (a, b) { return b.length - a.length; }).slice(0, 5);
    if (!terms.length) return;
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentNode.closest("mark, script, style, svg") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) { markIn(node, terms); });
  }

  function markIn(node, terms) {
    var text = node.nodeValue, at = -1, term = "";
    terms.forEach(function (t) {
      var i = text.indexOf(t);
      if (i >= 0 && (at < 0 || i < at)) { at = i; term = t; }
    });
    if (at < 0) return;
    var rest = node.splitText(at), after = rest.splitText(term.length), mark = document.createElement("mark");
    mark.setAttribute("data-md-highlight", "");
    mark.textContent = term;
    rest.parentNode.replaceChild(mark, rest);
    markIn(after, terms);
  }
})();
