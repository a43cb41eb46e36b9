/* 志愿活动页面的小脚本：活动列表筛选、微信内的提示、打印海报、复制订阅地址、内容过时的提示。
 *
 * No framework and nothing from another host. Every page works without it: the filter form
 * stays hidden (the list's pages and the by-type, county, month and status pages give the same
 * groupings), and the poster prints from the browser's own menu. The list is cut into pages
 * (build_tools/model/paging.py); the filter searches the whole list: when a choice is set (or the
 * address carries one), it fetches activities/filter.json — only then: it grows with the
 * data — hides the page's sections and pager and lists every match. Its choices are kept in the address
 * (?type=…&region=…) so a filtered list can be shared; clearing them restores the page.
 * Record text reaches the page through textContent only.
 */
(function () {
  "use strict";

  var WECHAT = /MicroMessenger/i.test(navigator.userAgent);
  var FIELDS = ["type", "region", "month", "status", "age", "skill"];
  var OPEN = { "recruiting": true, "closing-soon": true };
  var SHOWN = 50;  // result rows shown at first; "显示更多" adds as many again

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

  /* A county code (430603), or a city's code (430600: all its counties, the first four digits). */
  function inRegion(county, choice) {
    return /00$/.test(choice) ? county.slice(0, 4) === choice.slice(0, 4) : county === choice;
  }

  var FIELD_NAMES = { type: "类型", region: "县区", month: "时间", status: "状态", age: "年龄", skill: "技能" };

  /* An empty result says which choice to relax: each choice dropped alone, with how many activities
     that gives, and the soonest matching activity when the time is what rules everything out. */
  function suggestions(all, q, now, names) {
    var out = [];
    FIELDS.forEach(function (name) {
      if (!q[name]) return;
      var relaxed = {}; FIELDS.forEach(function (f) { relaxed[f] = f === name ? "" : q[f]; });
      var found = all.filter(function (a) { return matches(a, relaxed, now); });
      if (!found.length) return;
      var text = "不限" + FIELD_NAMES[name] + "：" + found.length + " 项";
      if (name === "month") {
        var today = iso(now), next = found.filter(function (a) { return a.end >= today; })
          .sort(function (x, y) { return x.start < y.start ? -1 : 1; })[0];
        if (next) text += "，最近的一项在 " + cnDate(next.start);
      }
      if (name === "region") {
        var counts = {};
        found.forEach(function (a) { counts[a.region] = (counts[a.region] || 0) + 1; });
        text += "（" + Object.keys(counts).sort(function (x, y) { return counts[y] - counts[x]; }).slice(0, 3)
          .map(function (c) { return (names.region[c] || c) + " " + counts[c] + " 项"; }).join("、") + "）";
      }
      out.push({ field: name, text: text, count: found.length });
    });
    return out.sort(function (x, y) { return y.count - x.count; });
  }

  /* The calendar feed and Atom feed that match the current type and county (the feeds cannot
     follow the other choices); null when no such feed is made. */
  function feedsFor(q, all, base) {
    var city = /00$/.test(q.region), path = "calendar/all.ics", atom = "feed.xml";
    if (city) return null;
    if (q.type && q.region) {
      var made = all.some(function (a) { return a.type === q.type && a.region === q.region; });
      if (!made) return null;
      path = "calendar/types/" + q.type + "/" + q.region + ".ics";
    } else if (q.type) path = "calendar/types/" + q.type + ".ics";
    else if (q.region) path = "calendar/regions/" + q.region + ".ics";
    if (q.region) atom = "regions/" + q.region + "/feed.xml";
    var url = new URL(base + path, location.href).href;
    return { ics: url, webcal: url.replace(/^https?:/, "webcal:"), atom: new URL(base + atom, location.href).href };
  }

  function matches(a, q, now) {
    if (q.type && a.type !== q.type) return false;
    if (q.region && !inRegion(a.region, q.region)) return false;
    if (q.status && (q.status === "open" ? !OPEN[a.status] : a.status !== q.status)) return false;
    if (q.age && a.min_age && a.min_age > +q.age) return false;
    if (q.skill && a.skills.indexOf(q.skill) < 0) return false;
    if (q.month) {
      var r = range(q.month, now);
      if (!r || a.start > r[1] || a.end < r[0]) return false;
    }
    return true;
  }

  /* The form's choices; q.active tells whether any is set. */
  function choices(form) {
    var q = { active: false };
    FIELDS.forEach(function (name) {
      q[name] = form.elements[name] ? form.elements[name].value.trim() : "";
      q.active = q.active || !!q[name];
    });
    return q;
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

  function queryOf(q) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (q[name]) params.set(name, q[name]); });
    return params.toString();
  }

  function writeQuery(search) {
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  /* value → label of a select's options: the names of types, counties and statuses are written
     once, in the form, and not repeated in filter.json. */
  function labels(select) {
    var out = {};
    if (select) Array.prototype.forEach.call(select.options, function (o) { if (o.value) out[o.value] = o.textContent; });
    return out;
  }

  /* filter.json keeps its keys once ("fields") and one row per activity, in the list's order. */
  function entries(index) {
    return index.activities.map(function (row) {
      var a = {};
      index.fields.forEach(function (key, i) { a[key] = row[i]; });
      return a;
    });
  }

  function cnDate(isoDay) {
    var p = isoDay.split("-");
    return +p[0] + "年" + +p[1] + "月" + +p[2] + "日";
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  /* One result row, like a card of the list; record text goes in as text only. */
  function resultRow(a, names, base) {
    var li = el("li"), title = el("strong"), link = el("a", "", a.title);
    link.setAttribute("href", base + a.id + "/");
    title.appendChild(link);
    li.appendChild(el("span", "status status--" + a.status, names.status[a.status] || ""));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(title);
    li.appendChild(el("br"));
    var when = cnDate(a.start) + (a.end !== a.start ? " 至 " + cnDate(a.end) : "");
    li.appendChild(document.createTextNode([when, names.type[a.type] || "", names.region[a.region] || ""].join(" · ")));
    return li;
  }

  /* Where the matches are listed, in place of the list's static sections and pager. */
  function resultsBox(listing) {
    var ui = { box: el("div", "filter-results"), list: el("ul"), empty: el("p", "filter-empty", "没有符合条件的活动。可以换个条件，或点“清除筛选”。"),
               relax: el("p", "filter-relax"), more: el("button", "md-button filter-more"), feeds: el("p", "filter-subscribe") };
    ui.more.type = "button";
    ui.box.hidden = true;
    ui.box.appendChild(ui.list);
    ui.box.appendChild(ui.empty);
    ui.box.appendChild(ui.relax);
    ui.box.appendChild(ui.more);
    ui.box.appendChild(ui.feeds);
    listing.parentNode.insertBefore(ui.box, listing);
    return ui;
  }

  function setupFilter(form) {
    if (!once(form)) return;
    var listing = (form.closest("article") || document).querySelector(".listing");
    if (!window.fetch || !window.URLSearchParams || !listing) {
      form.classList.add("filter-unavailable");  // the pages and the by-type… pages still work
      return;
    }
    var names = { type: labels(form.elements.type), region: labels(form.elements.region), status: labels(form.elements.status) };
    var base = form.getAttribute("data-base") || "", result = form.querySelector(".filter-result");
    var idle = result.textContent, ui = resultsBox(listing), index = null, matched = [], shown = 0, last = null;

    function load() {  // fetched once, and only when a choice is set
      index = index || fetch(form.getAttribute("data-index")).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(entries);
      return index;
    }

    function showMore(moveFocus) {
      var first = shown;
      shown = Math.min(shown + SHOWN, matched.length);
      for (var i = first; i < shown; i++) ui.list.appendChild(resultRow(matched[i], names, base));
      ui.more.hidden = shown >= matched.length;
      ui.more.textContent = "显示更多（还有 " + (matched.length - shown) + " 项）";
      if (moveFocus && ui.list.children[first]) ui.list.children[first].querySelector("a").focus();
    }

    function show(all, q) {
      var now = new Date();
      matched = all.filter(function (a) { return matches(a, q, now); });
      ui.list.textContent = "";
      shown = 0;
      showMore(false);
      ui.empty.hidden = matched.length > 0;
      ui.relax.textContent = "";
      if (!matched.length) suggestions(all, q, now, names).forEach(function (s) {
        var button = el("button", "md-button", s.text);
        button.type = "button";
        button.addEventListener("click", function () {
          form.elements[s.field].value = "";
          run();
        });
        ui.relax.appendChild(button);
      });
      showFeeds(feedsFor(q, all, base));
      ui.box.hidden = false;
      listing.hidden = true;
      result.textContent = "符合条件的活动：" + matched.length + " 项（共 " + all.length + " 项）";
    }

    function showFeeds(feeds) {
      ui.feeds.textContent = "";
      ui.feeds.hidden = !feeds;
      if (!feeds) return;
      ui.feeds.appendChild(el("strong", "", "订阅当前筛选（按类型和县区）："));
      var links = [["苹果手机一键订阅日历", feeds.webcal], ["日历订阅地址", feeds.ics], ["新活动提醒（Atom）", feeds.atom]];
      links.forEach(function (pair, i) {
        if (i) ui.feeds.appendChild(document.createTextNode(" · "));
        var a = el("a", "", pair[0]);
        a.href = pair[1];
        ui.feeds.appendChild(a);
      });
      ui.feeds.appendChild(el("br"));
      ui.feeds.appendChild(el("code", "", feeds.ics));
    }

    function restore() {
      ui.box.hidden = true;
      listing.hidden = false;
      result.textContent = idle;
    }

    function run() {
      var q = choices(form), search = queryOf(q);
      if (search === last) return;  // a select fires both input and change
      last = search;
      writeQuery(search);
      if (!q.active) return restore();
      result.textContent = "正在查找……";
      load().then(function (all) {
        if (last === search) show(all, q);  // skip if the choices changed while the index loaded
      }, function () {
        index = null;
        last = null;  // the next change tries again
        restore();
        result.textContent = "筛选暂时用不了，请检查网络后再试，或按类型、县区、月份、状态浏览。";
      });
    }

    readQuery(form);
    form.hidden = false;  // its choices are on the page already: no need to wait for the index
    form.addEventListener("change", run);
    form.addEventListener("input", run);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(run, 0); });
    ui.more.addEventListener("click", function () { showMore(true); });
    if (choices(form).active) run(); else last = "";
  }

  // Never silently stale: statuses (报名中, 已满, 已结束) are worked out on the day the site was built
  // (the footer's data-built). When the visitor's date is more than STALE_DAYS past it, say so at
  // the top of the page; without JavaScript the footer still shows the build date.
  var STALE_DAYS = 2;
  function warnIfStale() {
    var built = document.querySelector(".portal-built[data-built]");
    var m = built && /^(\d{4})-(\d{2})-(\d{2})$/.exec(built.getAttribute("data-built"));
    var inner = document.querySelector(".md-content__inner");
    if (!m || !inner || document.querySelector(".portal-stale")) return;
    var now = new Date();
    var today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    var days = Math.round((today - new Date(+m[1], +m[2] - 1, +m[3])) / 86400000);
    if (days <= STALE_DAYS) return;
    var note = document.createElement("p");
    note.className = "portal-stale";
    note.setAttribute("role", "status");
    note.textContent = "本页按 " + (+m[1]) + " 年 " + (+m[2]) + " 月 " + (+m[3]) + " 日的情况生成，已经过去 " + days +
      " 天，活动的报名状态等信息可能已经过时，请以主办单位的通知为准。";
    inner.insertBefore(note, inner.firstChild);
  }

  function init() {
    warnIfStale();
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
