/* The privacy text rules in the browser: the same rules as `check`, on the same data.
 *
 * The data (patterns, word lists) is assets/privacy-rules.json, written at build time by
 * build_tools/privacy/textrules.py from the Python rules; this file is only the engine, a
 * line-for-line mirror of build_tools/privacy/names.py (Names.find) and textrules.py
 * (the "match" and "near" kinds). tests/test_privacy_parity.py runs one corpus through both
 * and requires the same findings. Positions are counted in code points, as in Python: a
 * character outside the Basic Multilingual Plane is first replaced by one U+FFFD (no rule
 * matches either).
 * Works in a browser (window.PrivacyRules) and in node (module.exports).
 */
(function (root) {
  "use strict";

  function isHan(ch) { return ch >= "\u4e00" && ch <= "\u9fff"; }
  function startsWithAny(text, i, words) {
    for (var k = 0; k < words.length; k++) if (text.startsWith(words[k], i)) return true;
    return false;
  }
  function skip(text, i, chars) { while (i < text.length && chars.indexOf(text[i]) >= 0) i++; return i; }
  function allMatches(re, text) {  // Python's finditer: [start, end] of each match
    var out = [], m;
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      out.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
    return out;
  }
  function set(list) { var s = Object.create(null); list.forEach(function (w) { s[w] = true; }); return s; }

  function Names(d) {
    this.before = new RegExp(d.before, "gu");
    this.afterAt = new RegExp(d.afterAt, "gu");
    this.heading = new RegExp(d.heading, "gu");
    this.listItem = new RegExp(d.listItem, "yu");
    this.surnames = d.surnames;
    this.compound = d.compound;
    this.anonymous = d.anonymous;
    this.nicknameHeads = d.nicknameHeads;
    this.notGiven = d.notGiven;
    this.notLast = d.notLast;
    this.nameEnd = d.nameEnd;
    this.placeAfter = d.placeAfter;
    this.titles = d.titles;
    this.adultRoles = d.adultRoles;
    this.leadChars = d.leadChars;
    this.famous = set(d.famous);
    this.common = set(d.common);
    this.seps = d.separators;
    this.maxList = d.maxListLines;
  }
  var SPACES = " \u3000", CELL_BORDERS = "|｜\t";

  Names.prototype.find = function (text) {
    var found = new Map(), self = this;
    allMatches(this.before, text).forEach(function (m) { self.forward(text, m[1], found); });
    allMatches(this.afterAt, text).forEach(function (m) { self.backward(text, m[1], found); });
    allMatches(this.heading, text).forEach(function (m) {
      var start = skip(text, m[1], SPACES);
      if (self.readForward(text, start) !== null) self.forward(text, start, found);
      else self.listLines(text, m[1]).forEach(function (s) { self.forward(text, s, found); });
    });
    var starts = Array.from(found.keys()).sort(function (a, b) { return a - b; });
    var kept = [], lastEnd = -1;
    starts.forEach(function (s) { if (s >= lastEnd) { kept.push([s, found.get(s)]); lastEnd = found.get(s); } });
    return kept;
  };
  Names.prototype.readings = function (text, start) {
    var out = [];
    if (this.compound.indexOf(text.slice(start, start + 2)) >= 0) out.push([start + 4, 2], [start + 3, 2]);
    if (start < text.length && this.surnames.indexOf(text[start]) >= 0) out.push([start + 3, 1], [start + 2, 1]);
    if (start < text.length && this.nicknameHeads.indexOf(text[start]) >= 0) out.push([start + 2, 1]);
    return out.filter(function (r) { return r[0] <= text.length; });
  };
  Names.prototype.plausible = function (text, start, end, surname) {
    var given = text.slice(start + surname, end);
    if (this.anonymous.indexOf(given) >= 0) return text.slice(end, end + 1) !== "某";
    for (var k = 0; k < given.length; k++) {
      var c = given[k];
      if (!isHan(c) || this.notGiven.indexOf(c) >= 0 || c === "某") return false;
    }
    var word = text.slice(start, end);
    if (this.common[word] || this.famous[word] || startsWithAny(text, start + surname, this.titles)) return false;
    if (given.length === 2) {
      if (this.notLast.indexOf(given[1]) >= 0) return false;
      if (this.common[text.slice(start, start + surname + 1)] && this.nameEnd.indexOf(given[1]) < 0) return false;
    }
    return true;
  };
  Names.prototype.readForward = function (text, start) {
    var r = this.readings(text, start);
    for (var p = 0; p < r.length; p++) if (r[p][0] < text.length && this.placeAfter.indexOf(text[r[p][0]]) >= 0) return null;
    for (var k = 0; k < r.length; k++) if (this.plausible(text, start, r[k][0], r[k][1])) return [start, r[k][0]];
    return null;
  };
  Names.prototype.readBackward = function (text, end) {
    var tries = [[end - 4, 2], [end - 3, 1], [end - 3, 2], [end - 2, 1]];
    for (var k = 0; k < tries.length; k++) {
      var start = tries[k][0], surname = tries[k][1];
      if (start < 0) continue;
      var head = text.slice(start, start + surname);
      var nickname = end - start === 2 && this.nicknameHeads.indexOf(head) >= 0;
      if ((surname === 2 && this.compound.indexOf(head) < 0) || (surname === 1 && this.surnames.indexOf(head) < 0 && !nickname)) continue;
      if (end - start === 3 && surname === 1 && this.leadChars.indexOf(text[start]) >= 0 && this.surnames.indexOf(text[start + 1]) >= 0) continue;
      if (this.plausible(text, start, end, surname)) return [start, end];
    }
    return null;
  };
  Names.prototype.forward = function (text, start, found) {
    for (var n = 0; n < this.maxList; n++) {
      var span = this.readForward(text, start);
      if (span === null || startsWithAny(text, span[1], this.titles)) return;
      if (!found.has(span[0])) found.set(span[0], span[1]);
      start = this.nextInList(text, span[1]);
      if (start === null) return;
    }
  };
  Names.prototype.backward = function (text, end, found) {
    for (var n = 0; n < this.maxList; n++) {
      var span = this.readBackward(text, end);
      if (span === null || this.endsWithRole(text, span[0])) return;
      if (!found.has(span[0])) found.set(span[0], span[1]);
      if (span[0] === 0 || this.seps.indexOf(text[span[0] - 1]) < 0) return;
      end = span[0] - 1;
      while (end > 0 && SPACES.indexOf(text[end - 1]) >= 0) end--;
    }
  };
  Names.prototype.endsWithRole = function (text, i) {
    var j = i > 0 && "：: ".indexOf(text[i - 1]) >= 0 ? i - 1 : i;
    for (var k = 0; k < this.adultRoles.length; k++) if (text.endsWith(this.adultRoles[k], j)) return true;
    return false;
  };
  Names.prototype.nextInList = function (text, i) {
    if (text.startsWith("（", i) || text.startsWith("(", i)) {
      var close = -1;
      [text.indexOf("）", i), text.indexOf(")", i)].forEach(function (j) {
        if (j - i >= 0 && j - i <= 12 && (close < 0 || j < close)) close = j;
      });
      if (close < 0) return null;
      i = close + 1;
    }
    ["同学", "小朋友"].forEach(function (suffix) { if (text.startsWith(suffix, i)) i += suffix.length; });
    if (i >= text.length || this.seps.indexOf(text[i]) < 0) return null;
    return skip(text, i + 1, SPACES);
  };
  Names.prototype.listLines = function (text, after) {
    var out = [], pos = text.indexOf("\n", after) + 1;
    for (var n = 0; n < (pos > 0 ? this.maxList : 0); n++) {
      var end = text.indexOf("\n", pos);
      if (end < 0) end = text.length;
      var line = text.slice(pos, end), blank = true;
      for (var k = 0; k < line.length; k++) if (" \u3000\t\r".indexOf(line[k]) < 0) { blank = false; break; }
      if (blank) return out;
      this.listItem.lastIndex = skip(text, pos, SPACES + CELL_BORDERS);
      var m = this.listItem.exec(text);
      out.push(m === null ? this.listItem.lastIndex : m.index + m[0].length);
      for (var i = pos; i < end; i++) if (CELL_BORDERS.indexOf(text[i]) >= 0) out.push(skip(text, i + 1, SPACES));
      pos = end + 1;
      if (pos > text.length) return out;
    }
    return out;
  };

  function sentence(text, start, end, ends, near) {  // textrules._sentence
    var begin = -1;
    for (var k = 0; k < ends.length; k++) begin = Math.max(begin, start > 0 ? text.lastIndexOf(ends[k], start - 1) : -1);
    begin = Math.max(begin + 1, start - near);
    var stop = text.length;
    for (k = 0; k < ends.length; k++) { var j = text.indexOf(ends[k], end); if (j >= 0 && j < stop) stop = j; }
    return text.slice(begin, Math.min(stop, end + near));
  }

  /** The engine for the data of privacy-rules.json: find(text) → [{code, start, end}] for each rule, in rule order. */
  function compile(data) {
    var rules = data.rules.map(function (r) {
      if (r.kind === "names") return { code: r.code, names: new Names(data.names) };
      return { code: r.code, kind: r.kind, re: new RegExp(r.pattern, "gu"),
        near: r.near ? new RegExp(r.near, "u") : null, unless: r.unless ? new RegExp(r.unless, "u") : null };
    });
    function find(raw) {
      var text = String(raw).replace(/[\u{10000}-\u{10FFFF}]/gu, "\uFFFD");
      var out = [];
      rules.forEach(function (r) {
        var spans = r.names ? r.names.find(text) : allMatches(r.re, text).filter(function (m) {
          if (r.kind !== "near") return true;
          var s = sentence(text, m[0], m[1], data.sentenceEnd, data.near);
          return r.near.test(s) && !r.unless.test(s);
        });
        spans.forEach(function (m) { out.push({ code: r.code, start: m[0], end: m[1] }); });
      });
      return out;
    }
    return { find: find, messages: data.messages };
  }

  var api = { compile: compile };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.PrivacyRules = api;
})(this);
