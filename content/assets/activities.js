/* 志愿活动页面的小脚本：活动列表筛选、微信内的提示、打印海报、复制订阅地址。
 *
 * No framework and nothing from another host. Every page works without it: the filter form
 * stays hidden (the by-type, county, month and status pages give the same groupings), and
 * the poster prints from the browser's own menu. The filter only hides and shows the cards
 * already on the list page, using the small index activities/filter.json; its choices are
 * kept in the address (?type=…&region=…) so a filtered list can be shared.
 */
(function () {
  "use strict";

  var WECHAT = /MicroMessenger/i.test(navigator.userAgent);
  var FIELDS = ["type", "region", "month", "status", "age", "skill"];
  var OPEN = { "recruiting": true, "closing-soon": true };

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  function once(el) {  // with instant navigation init() runs on every page view
    if (el.getAttribute("data-ready")) return false;
    el.setAttribute("data-ready", "1");
    return true;
  }

  function showWechatTips() {
    if (WECHAT) each(".wechat-tip", function (el) { el.hidden = false; });
  }

  function bindPrint() {
    each("[data-print]", function (button) {
      if (WECHAT || !window.print || !once(button)) return;  // WeChat cannot print: its tip says what to do
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function bindCopy() {
    if (!navigator.clipboard || !window.isSecureContext) return;
    each("[data-copy]", function (button) {
      if (!once(button)) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
          button.textContent = "已复制";
        });
      });
    });
  }

  /* ---- the list filter ---- */

  function iso(d) {
    var m = d.getMonth() + 1, day = d.getDate();
    return d.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day;
  }

  /* First and last day (YYYY-MM-DD) of a month choice; presets count from the visitor's today. */
  function range(choice, now) {
    var y = now.getFullYear(), m = now.getMonth();
    if (choice === "this-week") {
      var monday = new Date(y, m, now.getDate() - (now.getDay() + 6) % 7);
      return [iso(monday), iso(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6))];
    }
    if (choice === "next-month") m += 1;
    else if (choice !== "this-month") {
      var parts = /^(\d{4})-(\d{2})$/.exec(choice);
      if (!parts) return null;
      y = +parts[1]; m = +parts[2] - 1;
    }
    return [iso(new Date(y, m, 1)), iso(new Date(y, m + 1, 0))];
  }

  function matches(a, q, now) {
    if (q.type && a.type !== q.type) return false;
    if (q.region && a.region !== q.region) return false;
    if (q.status && (q.status === "open" ? !OPEN[a.status] : a.status !== q.status)) return false;
    if (q.age && a.min_age && a.min_age > +q.age) return false;
    if (q.skill && a.skills.indexOf(q.skill) < 0) return false;
    if (q.month) {
      var r = range(q.month, now);
      if (!r || a.start > r[1] || a.end < r[0]) return false;
    }
    return true;
  }

  /* Cards are the list items whose link ends in an activity id (YYYY-MM-DD-name/). */
  function cards(article) {
    var out = [];
    Array.prototype.forEach.call(article.querySelectorAll("ul > li"), function (li) {
      var link = li.querySelector("a[href]");
      var id = link && /(\d{4}-\d{2}-\d{2}-[a-z0-9-]+)\/?$/.exec(link.getAttribute("href"));
      if (id) out.push({ li: li, id: id[1] });
    });
    return out;
  }

  function readQuery(form) {
    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var field = form.elements[name], value = params.get(name) || "";
      if (!field) return;
      if (field.tagName === "SELECT") {
        var known = Array.prototype.some.call(field.options, function (o) { return o.value === value; });
        field.value = known ? value : "";
      } else {
        field.value = /^\d{1,3}$/.test(value) ? value : "";
      }
    });
  }

  function writeQuery(q) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (q[name]) params.set(name, q[name]); });
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function updateCounts(list) {
    var lists = [];
    list.forEach(function (c) { if (lists.indexOf(c.li.parentNode) < 0) lists.push(c.li.parentNode); });
    lists.forEach(function (ul) {
      var shown = ul.querySelectorAll(":scope > li:not([hidden])").length;
      var heading = ul.previousElementSibling;
      var count = heading && heading.querySelector(".count");
      if (count) count.textContent = shown;
      var empty = ul.nextElementSibling;
      if (!empty || !empty.classList.contains("filter-empty")) {
        empty = document.createElement("p");
        empty.className = "filter-empty";
        empty.textContent = "没有符合条件的活动。";
        ul.parentNode.insertBefore(empty, ul.nextSibling);
      }
      empty.hidden = shown > 0;
    });
  }

  function apply(form, list, facts) {
    var q = {}, now = new Date(), shown = 0, active = false;
    FIELDS.forEach(function (name) {
      q[name] = form.elements[name] ? form.elements[name].value.trim() : "";
      active = active || !!q[name];
    });
    list.forEach(function (c) {
      var ok = !facts[c.id] || matches(facts[c.id], q, now);  // a card the index does not know stays
      c.li.hidden = !ok;
      if (ok) shown += 1;
    });
    updateCounts(list);
    form.querySelector(".filter-result").textContent =
      active ? "符合条件的活动：" + shown + " 项（共 " + list.length + " 项）" : "共 " + list.length + " 项活动";
    writeQuery(q);
  }

  function setupFilter(form) {
    if (!once(form)) return;
    if (!window.fetch || !window.URLSearchParams) {
      form.classList.add("filter-unavailable");
      return;
    }
    var article = form.closest("article") || document.body;
    var list = cards(article);
    fetch(form.getAttribute("data-index")).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (index) {
      var facts = {};
      index.activities.forEach(function (a) { facts[a.id] = a; });
      var run = function () { apply(form, list, facts); };
      readQuery(form);
      form.hidden = false;
      form.addEventListener("change", run);
      form.addEventListener("input", run);
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      form.addEventListener("reset", function () { setTimeout(run, 0); });
      run();
    }).catch(function () {  // the plain list and the grouping pages still work
      form.classList.add("filter-unavailable");
    });
  }

  function init() {
    showWechatTips();
    bindPrint();
    bindCopy();
    each("form.activity-filter", setupFilter);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
