/* The web form for schools (schools/form/): fields → a canonical activity record (YAML).
 *
 * Labels, help, choices and limits come from record-form.json, which the build writes from
 * the same schema and allow-lists the validator uses. The YAML is written exactly as
 * build_tools/check/canonical.py writes it (double-quoted scalars, schema key order, literal blocks
 * for text of several lines), so the record passes `fmt --check` unchanged. Nothing is sent
 * anywhere: the record goes to GitHub only when the user opens the link.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("record-form");
  if (!form || !script) return;
  var DATA = null;
  var RULES = null;  // the privacy rules (privacy-rules.js + privacy-rules.json), fetched when a record is made
  var MAX_URL = 8000;  // characters; longer pre-filled links fall back to pasting the copied record

  // ---- canonical YAML (mirror of build_tools/check/canonical.py) ----
  function printable(cp) {
    return ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000) &&
      cp !== 0x2028 && cp !== 0x2029 && cp !== 0xfeff;
  }
  function hex(cp, n) { var s = cp.toString(16).toUpperCase(); while (s.length < n) s = "0" + s; return s; }
  var ESC = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r" };
  function quote(text) {
    var out = "";
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      if (ESC[ch]) out += ESC[ch];
      else if (printable(cp)) out += ch;
      else out += cp < 0x100 ? "\\x" + hex(cp, 2) : cp < 0x10000 ? "\\u" + hex(cp, 4) : "\\U" + hex(cp, 8);
    }
    return '"' + out + '"';
  }
  function block(text) {
    var body = text.replace(/\n+$/, "");
    if (body.indexOf("\n") < 0) return null;
    for (var ch of body) if (ch !== "\n" && ch !== "\t" && !printable(ch.codePointAt(0))) return null;
    var trailing = text.length - body.length;
    var chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
    var lines = body.split("\n");
    var first = lines.filter(function (l) { return l; })[0];
    for (var i = 1; i < trailing; i++) lines.push("");
    return { header: "|" + (first.charAt(0) === " " ? "2" : "") + chomp, lines: lines };
  }
  function pad(n) { return new Array(n + 1).join(" "); }
  function emitValue(head, value, indent, out) {
    if (Array.isArray(value)) {
      out.push(head);
      value.forEach(function (item) {
        if (typeof item === "object") emitMapping(item, indent + 4, out, pad(indent + 2) + "- ");
        else emitValue(pad(indent + 2) + "-", item, indent + 2, out);
      });
    } else if (typeof value === "object") {
      out.push(head);
      emitMapping(value, indent + 2, out);
    } else {
      var b = block(value);
      if (!b) { out.push(head + " " + quote(value)); return; }
      out.push(head + " " + b.header);
      b.lines.forEach(function (l) { out.push(l ? pad(indent + 2) + l : ""); });
    }
  }
  function emitMapping(obj, indent, out, first) {
    Object.keys(obj).forEach(function (key, i) {
      var lead = i === 0 && first !== undefined ? first : pad(indent);
      emitValue(lead + key + ":", obj[key], indent, out);
    });
  }
  function toYaml(rec) { var out = []; emitMapping(rec, 0, out); return out.join("\n") + "\n"; }

  // ---- reading the form ----
  function el(name) { return form.querySelector('[name="' + name + '"]'); }
  function val(name) { var e = el(name); return e ? e.value.replace(/\r\n?/g, "\n").trim() : ""; }
  function lines(name) { return val(name).split("\n").map(function (l) { return l.trim(); }).filter(Boolean); }
  function field(name) { return DATA.fields.filter(function (f) { return f.name === name; })[0] || {}; }
  function when(date, time) { return time ? date + "T" + time + ":00+08:00" : date; }

  function setPath(rec, path, value) {
    var parts = path.split("."), node = rec;
    for (var i = 0; i < parts.length - 1; i++) node = node[parts[i]] = node[parts[i]] || {};
    node[parts[parts.length - 1]] = value;
  }
  function items(prefix, rows) {  // rows of {sub: value} → items in schema key order
    var keys = DATA.fields.filter(function (f) { return f.name.indexOf(prefix + "[].") === 0; })
      .map(function (f) { return f.name.slice(prefix.length + 3); });
    return rows.map(function (row) {
      var item = {};
      keys.forEach(function (k) { if (row[k]) item[k] = row[k]; });
      return item;
    });
  }
  function timetable(problems) {
    return lines("timetable").map(function (line, i) {
      var m = /^(?:(\d{4}-\d{2}-\d{2})\s+)?(\d{1,2}:\d{2}(?:\s*[-–~至]\s*\d{1,2}:\d{2})?)\s+(.+)$/.exec(line);
      if (!m) { problems.push("日程第 " + (i + 1) + " 行应写成“08:30-09:00 内容”。"); return {}; }
      var time = m[2].replace(/\s*[–~至]\s*|\s*-\s*/, "-").replace(/\b(\d):/g, "0$1:");
      return { date: m[1] || "", time: time, title: m[3] };
    });
  }
  function supplies(problems) {
    return lines("supplies").map(function (line, i) {
      var m = /^(.+?)\s+(\d+)\s*(\S+)$/.exec(line);
      if (!m) { problems.push("物资第 " + (i + 1) + " 行应写成“物资名称 数量 单位”，如“儿童牙刷牙膏 75 套”。"); return {}; }
      return { item: m[1], quantity: String(Number(m[2])), unit: m[3] };
    });
  }

  var LISTS = { "timetable": timetable, "supplies": supplies };
  var TEXT_LISTS = { "volunteers.tasks[]": "tasks", "volunteers.requirements[]": "requirements", "policy_refs[]": "policy_refs" };

  function record(problems) {
    var rec = {}, done = {};
    var id = val("start_date") + "-" + val("slug");
    DATA.fields.forEach(function (f) {
      var name = f.name, top = name.split("[]")[0];
      if (LISTS[top] && name.indexOf("[].") > 0) {
        if (!done[top]) { done[top] = true; var rows = items(top, LISTS[top](problems)); if (rows.length) setPath(rec, top, rows); }
        return;
      }
      var value = "";
      if (name === "id") value = id;
      else if (name === "start") value = when(val("start_date"), val("start_time"));
      else if (name === "end") value = when(val("end_date") || val("start_date"), val("end_time"));
      else if (TEXT_LISTS[name]) { var list = lines(TEXT_LISTS[name]); if (list.length) setPath(rec, name.slice(0, -2), list); return; }
      else if (name === "volunteers.skills[]") {
        var skills = Array.prototype.map.call(form.querySelectorAll('[name="skills"]:checked'), function (e) { return e.value; });
        if (skills.length) setPath(rec, "volunteers.skills", skills);
        return;
      } else if (name === "description") {
        value = val("description");
        if (value.indexOf("\n") >= 0) value = value.split("\n").map(function (l) { return l.replace(/\s+$/, ""); }).join("\n") + "\n";
      } else value = val(name);
      if (value) setPath(rec, name, value);
    });
    return rec;
  }

  // ---- checks in the browser: the basics; the full check runs on the pull request ----
  function check(rec, problems) {
    var required = ["title", "slug", "summary", "type", "start_date", "region", "venue.name", "venue.address", "organizer",
      "audience.summary", "volunteers.needed", "cost.free", "contact.role", "last_confirmed"];
    required.forEach(function (n) {
      if (!val(n)) problems.push("请填写“" + label(n) + "”。");
    });
    DATA.fields.forEach(function (f) {
      var v = val(f.name);
      if (!v || f.name.indexOf("[]") >= 0) return;
      if (f.maxLength && v.length > f.maxLength) problems.push("“" + f.title + "”最多 " + f.maxLength + " 字，现在 " + v.length + " 字。");
      if (f.minLength && v.length < f.minLength) problems.push("“" + f.title + "”至少 " + f.minLength + " 字。");
      if (f.type === "integer" && (f.minimum !== undefined && Number(v) < f.minimum || f.maximum !== undefined && Number(v) > f.maximum))
        problems.push("“" + f.title + "”应在 " + f.minimum + " 至 " + f.maximum + " 之间。");
    });
    if (val("slug") && !new RegExp("^(?:" + field("id").pattern + ")$").test(rec.id))
      problems.push("英文短名只能用小写字母、数字和连字符（如 anquan-jiangzuo），编号现在是 " + rec.id + "。");
    if (rec.start && rec.end && rec.end.slice(0, 10) < rec.start.slice(0, 10)) problems.push("结束日期不能早于开始日期。");
    if (rec.start && rec.end && rec.end.length > 10 && rec.end.slice(0, 10) === rec.start.slice(0, 10) && rec.end < rec.start)
      problems.push("结束时间不能早于开始时间。");
    var vol = rec.volunteers || {};
    if (vol.signup_url && !/^https:\/\/\S+$/i.test(vol.signup_url)) problems.push("报名链接必须以 https:// 开头。");
    if (vol.signup_deadline && rec.start && vol.signup_deadline > rec.start.slice(0, 10)) problems.push("报名截止日期不能晚于活动开始日期。");
    var contact = rec.contact || {};
    if (!contact.phone && !contact.email) problems.push("联系电话和联系邮箱至少填一项。");
    if (contact.phone && new RegExp("^(?:" + DATA.mobile + ")$").test(contact.phone))
      problems.push("联系电话请填单位的办公电话或热线，不要填个人手机号。");
    else if (contact.phone && !new RegExp("^(?:" + field("contact.phone").pattern + ")$").test(contact.phone))
      problems.push("联系电话的格式不对，应写成 0730-8123456 这样的办公电话或 12355 这样的热线。");
    if (contact.email && !new RegExp("^(?:" + field("contact.email").pattern + ")$").test(contact.email)) problems.push("联系邮箱的格式不对。");
    var rest = JSON.parse(JSON.stringify(rec));
    if (rest.contact) delete rest.contact.phone;
    rest = toYaml(rest);
    if (new RegExp("(?<!\\d)(?:" + DATA.mobile + ")(?!\\d)").test(rest))
      problems.push("记录里有手机号码：除联系电话外不能写任何手机号，更不能写孩子或家长的。");
    if (/(?<!\d)\d{17}[\dXx](?!\d)/.test(rest)) problems.push("记录里有一串像身份证号的数字，请删除。");
    if (/<\s*[A-Za-z!\/?]|!\[/.test(rec.description || "")) problems.push("详细介绍里不能用 HTML 标签或图片。");
  }
  // ---- the privacy rules of `check` (names, birth dates, house addresses, photos), on the record as written ----
  function privacyRules() {
    if (!RULES) RULES = fetch(new URL("privacy-rules.json", script.src)).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (data) { return window.PrivacyRules.compile(data); });
    return RULES;
  }
  function privacy(engine, yaml, problems) {
    // Read as shown, like `check` (hits.py): Markdown emphasis between characters does not split a name (**张**小明).
    yaml = yaml.replace(/[*_`~]+/g, "");
    var lines = yaml.split("\n"), points = Array.from(yaml), seen = {};  // positions are code points
    engine.find(yaml).forEach(function (hit) {
      var line = points.slice(0, hit.start).join("").split("\n").length;
      var key = fieldOfLine(lines, line), title = key && (field(key).title || (DATA.groups[key] || {}).title);
      var where = title ? "“" + title + "”" : "记录第 " + line + " 行";
      var text = where + "：" + engine.messages[hit.code];
      if (!seen[text]) { seen[text] = true; problems.push(text); }
    });
  }
  function fieldOfLine(lines, n) {  // the top-level key a line of the record belongs to
    for (var i = n - 1; i >= 0; i--) { var m = /^([a-z_]+):/.exec(lines[i]); if (m) return m[1]; }
    return "";
  }
  function label(name) { var e = form.querySelector('[data-label="' + name + '"]'); return e ? e.textContent.replace(/\s*\*$/, "") : name; }

  // ---- output ----
  function show(rec, problems) {
    var year = (rec.id || "").slice(0, 4);
    var path = DATA.repo.folder + "/" + year + "/" + rec.id + ".yaml";
    var yaml = toYaml(rec);
    var out = document.getElementById("record-output");
    var list = document.getElementById("record-problems");
    form.setAttribute("data-state", "done");
    list.innerHTML = "";
    problems.forEach(function (p) { var li = document.createElement("li"); li.textContent = p; list.appendChild(li); });
    document.getElementById("record-problems-box").hidden = !problems.length;
    out.hidden = problems.length > 0;
    if (problems.length) { list.scrollIntoView({ block: "center" }); return; }
    document.getElementById("record-path").textContent = path;
    document.getElementById("record-yaml").value = yaml;
    var gh = document.getElementById("record-github");
    // The forge's new-file page in the year's folder (build_tools/model/forge.py writes DATA.repo):
    // GitHub, Gitea and Forgejo take ?filename=&value=, GitLab ?file_name=&content=, Gitee nothing.
    var folder = DATA.repo.folder + "/" + year;
    var base = DATA.repo.new + "/" + folder.split("/").map(encodeURIComponent).join("/");
    var pre = DATA.repo.prefill;
    if (pre) base += "?" + pre[0] + "=" + encodeURIComponent(rec.id + ".yaml");
    var full = pre ? base + "&" + pre[1] + "=" + encodeURIComponent(yaml) : base;
    gh.textContent = "在 " + DATA.repo.name + " 上提交";
    // A very long address may be refused by the server: then the forge opens with the file name only.
    gh.href = full.length <= MAX_URL ? full : base;
    document.getElementById("record-paste").hidden = pre && full.length <= MAX_URL;
    var dl = document.getElementById("record-download");
    dl.download = rec.id + ".yaml";
    dl.href = URL.createObjectURL(new Blob([yaml], { type: "text/yaml;charset=utf-8" }));
    out.scrollIntoView({ block: "start" });
  }

  // ---- set-up from record-form.json ----
  function options(select, list, withLabel) {
    list.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o.value;
      opt.textContent = withLabel && o.label !== o.value ? o.label + "（" + o.value + "）" : o.label.split("（")[0];
      if (o.note) opt.title = o.note;
      select.appendChild(opt);
    });
  }
  function setUp(data) {
    DATA = data;
    data.fields.forEach(function (f) {
      var l = form.querySelector('[data-label="' + f.name + '"]');
      if (l) l.textContent = f.title + (f.required ? " *" : "");
      var h = form.querySelector('[data-help="' + f.name + '"]');
      if (h) h.textContent = f.description;
      var input = el(f.name);
      if (input && f.maxLength) input.maxLength = f.maxLength;
      if (input && f.type === "integer") { input.min = f.minimum; input.max = f.maximum; }
    });
    options(el("type"), data.lists["activity-types"]);
    options(el("region"), data.lists.regions, true);
    options(el("organizer"), data.lists.organizations, true);
    var status = field("status");
    options(el("status"), status.enum.map(function (v) { return { value: v, label: status.values[v] || v }; }));
    var box = document.getElementById("record-skills");
    data.lists.skills.forEach(function (s) {
      var l = document.createElement("label");
      var c = document.createElement("input");
      c.type = "checkbox"; c.name = "skills"; c.value = s.value;
      l.appendChild(c); l.appendChild(document.createTextNode(" " + s.label));
      l.title = s.note;
      box.appendChild(l);
    });
    var today = new Date();
    el("last_confirmed").value = today.getFullYear() + "-" + ("0" + (today.getMonth() + 1)).slice(-2) + "-" + ("0" + today.getDate()).slice(-2);
    form.hidden = false;
    document.getElementById("record-loading").hidden = true;
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    form.setAttribute("data-state", "checking");  // tests (and people) can tell when this check is over
    var problems = [];
    var rec = record(problems);
    check(rec, problems);
    privacyRules().then(function (engine) {
      privacy(engine, toYaml(rec), problems);
      show(rec, problems);
    }, function () {
      problems.push("隐私检查的规则没有加载成功，请刷新页面再试（检查通过以前不能生成记录）。");
      show(rec, problems);
    });
  });
  document.getElementById("record-copy").addEventListener("click", function () {
    var area = document.getElementById("record-yaml");
    var done = function () { document.getElementById("record-copied").hidden = false; };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(area.value).then(done, function () { area.select(); });
    else { area.select(); if (document.execCommand("copy")) done(); }
  });
  fetch(new URL("record-form.json", script.src)).then(function (r) { return r.json(); }).then(setUp, function () {
    document.getElementById("record-loading").textContent = "表单数据没有加载成功，请刷新页面再试。";
  });
})();
