/* The privacy text rules in the browser: the same rules as `check`, on the same data.
 *
 * The data (patterns, word lists, weights) is assets/privacy-rules.json, written at build time
 * by build_tools/privacy/textrules.py from the Python rules; this file is only the engine, a
 * function-for-function mirror of build_tools/detect/names.py (Names.find: the contexts next to
 * a name, then every name-like span of a sentence that speaks of a child) and textrules.py (the
 * "match" and "near" kinds). tests/test_privacy_parity.py runs one corpus through both
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

  function setOf(list) { var s = new Set(); list.forEach(function (w) { s.add(w); }); return s; }
  function wordsOf(groups, last) {  // textrules._by_head: {shared character: "rest rest …"} → the words
    var out = [];
    Object.keys(groups).forEach(function (k) {
      groups[k].split(" ").forEach(function (rest) { out.push(last ? rest + k : k + rest); });
    });
    return out;
  }
  function weightsOf(groups) {  // textrules._by_weight: {weight: "characters"} → Map(character → weight)
    var out = new Map();
    Object.keys(groups).forEach(function (w) { Array.from(groups[w]).forEach(function (ch) { out.set(ch, Number(w)); }); });
    return out;
  }
  function has(str, ch) { return ch !== undefined && ch !== "" && str.indexOf(ch) >= 0; }
  function strip(s) {  // Python's str.strip(" \u3000\t\r")
    var a = 0, b = s.length;
    while (a < b && " \u3000\t\r".indexOf(s[a]) >= 0) a++;
    while (b > a && " \u3000\t\r".indexOf(s[b - 1]) >= 0) b--;
    return s.slice(a, b);
  }
  function rfind(text, sub, lo, hi) {  // Python's text.rfind(sub, lo, hi) for one character
    if (hi <= lo) return -1;
    var j = text.lastIndexOf(sub, hi - 1);
    return j >= lo ? j : -1;
  }
  function find(text, sub, lo, hi) {  // Python's text.find(sub, lo, hi) for one character
    var j = text.indexOf(sub, lo);
    return j >= 0 && (hi === undefined || j < hi) ? j : -1;
  }
  function endsWithAt(text, w, i) { return i - w.length >= 0 && text.slice(i - w.length, i) === w; }
  function endsWithAny(text, i, words) {
    if (i <= 0) return false;
    for (var k = 0; k < words.length; k++) if (endsWithAt(text, words[k], i)) return true;
    return false;
  }
  function endsWithLong(text, i, words) {  // nametext.ends_with: words of two characters or more
    if (i <= 1) return false;
    for (var k = 0; k < words.length; k++) if (words[k].length > 1 && endsWithAt(text, words[k], i)) return true;
    return false;
  }

  function Names(d) {
    this.d = d;
    this.before = new RegExp(d.before, "gu");
    this.afterAt = new RegExp(d.afterAt, "gu");
    this.after = new RegExp(d.after, "yu");
    this.nameClause = new RegExp(d.nameClause, "yu");
    this.childRole = new RegExp(d.childRole, "gu");
    this.adultServes = new RegExp(d.adultServes, "yu");
    this.heading = new RegExp(d.heading, "gu");
    this.listItem = new RegExp(d.listItem, "yu");
    this.cue = new RegExp(d.cue, "u");
    this.childHead = new RegExp(d.childHead, "u");
    this.candidate = new RegExp(d.candidate, "gu");
    this.splitAt = new RegExp(d.splitAt, "gu");
    this.split = new RegExp(d.split, "yu");
    this.heads = d.surnames + d.compound.map(function (c) { return c[0]; }).join("");
    this.titles = d.titles;
    this.longTitles = d.titles.filter(function (t) { return t.length > 1; });
    this.adultWords = Array.from(setOf(d.titles.concat(d.adultRoles))).sort();
    this.famous = setOf(d.famous);
    this.counties = setOf(d.counties);
    this.wordNames = setOf(d.wordNames);
    var common = wordsOf(d.common), fixed = wordsOf(d.fixed);
    this.common = setOf(common.concat(fixed));
    this.fixed = setOf(fixed);
    this.closing = setOf(wordsOf(d.closing, true));
    this.opening = setOf(wordsOf(d.opening));
    this.first = weightsOf(d.first);
    this.last = weightsOf(d.last);
    this.surnameWeight = weightsOf(d.surname);
  }
  var SPACES = " \u3000", CELL_BORDERS = "|｜\t", SPLITS = " \u3000·•・";

  Names.prototype.find = function (raw) {  // names.Names.find
    var joined = this.joinSplit(raw), text = joined.text, found = new Map();
    this.strong(text, found);
    this.weak(text, found);
    var starts = Array.from(found.keys()).sort(function (a, b) { return a - b; });
    var kept = [], lastEnd = -1, cuts = joined.cuts;
    var self = this;
    starts.forEach(function (s) {
      if (s >= lastEnd && !self.adultRow(text, s)) { kept.push([back(cuts, s), back(cuts, found.get(s) - 1) + 1]); lastEnd = found.get(s); }
    });
    return kept;
  };
  function back(cuts, index) { var n = 0; cuts.forEach(function (c) { if (c <= index) n++; }); return index + n; }
  function setDefault(found, s, e) { if (!found.has(s)) found.set(s, e); }

  Names.prototype.strong = function (text, found) {
    var self = this;
    allMatches(this.before, text).forEach(function (m) {
      if (startsWithAny(text, m[0], self.d.teamRoles) && self.adultsTeam(text, m[0])) return;
      if (!self.closing.has(text.slice(m[1] - 1, m[1] + 1)) || self.weighs(text, m[1])) self.forward(text, m[1], false, found);
    });
    allMatches(this.afterAt, text).forEach(function (m) { self.backward(text, m[1], found); });
    allMatches(this.heading, text).forEach(function (m) {
      if (self.endsWithRole(text, m[0]) && !text.startsWith("点名", m[0])) return;
      var start = skip(text, m[1], SPACES);
      if (self.readForward(text, start, true) !== null) self.forward(text, start, true, found);
      else if (endsLine(text, m[1])) self.listLines(text, m[1]).forEach(function (s) { self.forward(text, s, true, found); });
    });
  };
  Names.prototype.weak = function (text, found) {
    var self = this, after = 0, segments = new Map();
    allMatches(this.candidate, text).forEach(function (m) {
      var i = m[0];
      if (i < after || found.has(i) || !self.mayWeigh(text, i)) return;
      var judged = self.judge(text, i);
      if (judged === null) return;
      after = judged[1];
      if (!judged[2]) return;
      var span = [judged[0], judged[1]];
      var seg = self.segment(text, i);
      if (!segments.has(seg[0])) segments.set(seg[0], [seg[1], seg[2], []]);
      segments.get(seg[0])[2].push(span);
    });
    segments.forEach(function (v) {
      var runs = v[1] === "child" ? [v[2]] : v[1] === "adult" ? [] : self.listsOf(text, v[2]);
      runs.forEach(function (run) { run.forEach(function (sp) { setDefault(found, sp[0], sp[1]); }); });
    });
    for (var i = text.indexOf("小"); i >= 0; i = text.indexOf("小", i + 1)) {
      if (!found.has(i) && this.nickname(text, i) && this.segment(text, i)[2] === "child") setDefault(found, i, i + 2);
    }
  };
  Names.prototype.nickname = function (text, i) {  // names.Names._nickname
    var d = this.d, j = i + 2;
    if (j > text.length || !has(d.surnames, text[i + 1])) return false;
    if (i > 0 && isHan(text[i - 1]) && !has(d.nicknameBefore, text[i - 1])) return false;
    if (j < text.length && isHan(text[j]) && (has(d.placeAfter, text[j]) || !has(d.notGiven, text[j])
        && !has(d.notLast, text[j]) && !startsWithAny(text, j, d.nicknameAfter))) return false;
    for (var k = j; k <= Math.min(text.length, i + 4); k++) if (this.common.has(text.slice(i, k))) return false;
    if (startsWithAny(text, skip(text, j, SPACES), this.titles) || this.adultBracket(text, j)) return false;
    return !this.thing(text, i, j);
  };

  // ---- reading a name ----
  Names.prototype.readings = function (text, start) {
    var d = this.d, out = [];
    if (d.compound.indexOf(text.slice(start, start + 2)) >= 0) out.push([start + 4, 2], [start + 3, 2]);
    if (start < text.length && has(d.surnames, text[start])) out.push([start + 3, 1], [start + 2, 1]);
    if (start < text.length && has(d.nicknameHeads, text[start])) out.push([start + 2, 1]);
    return out.filter(function (r) { return r[0] <= text.length; });
  };
  Names.prototype.plausible = function (text, start, end, surname, closed, ended) {
    var d = this.d, given = text.slice(start + surname, end);
    if (d.anonymous.indexOf(given) >= 0) return text.slice(end, end + 1) !== "某";
    if (given === "家") return false;  // a surname and 家: a family, not a name
    for (var k = 0; k < given.length; k++) {
      var c = given[k];
      if (!isHan(c) || has(d.notGiven, c) || c === "某") return false;
    }
    var word = text.slice(start, end);
    if (this.famous.has(word) || startsWithAny(text, start + surname, this.titles)) return false;
    if (given.length === 1 && has(d.surnames, given) && startsWithAny(text, end, this.titles)) return false;
    if (this.common.has(word) && !(closed && given.length === 1 && !this.fixed.has(word))) return false;
    for (var e = end + 1; e <= Math.min(text.length, start + 4); e++) if (this.common.has(text.slice(start, e))) return false;
    if (given.length === 2) {
      if (startsWithAny(text, end - 1, this.longTitles)) return false;
      if ((has(d.notLast, given[1]) && !ended) || (given[0] === "家" && has(d.placeAfterJia, given[1]))) return false;
      var head = text.slice(start, start + surname + 1);
      if (this.common.has(head) && (!has(d.nameEnd, given[1]) || (this.fixed.has(head) && !closed)
                                    || this.opening.has(text.slice(end - 1, end + 1)))) return false;
    }
    return true;
  };
  Names.prototype.thing = function (text, start, end) {
    var d = this.d;
    if (this.inBookTitle(text, start, end) || this.inFamous(text, start, end)) return true;
    if (d.textbookNames.indexOf(text.slice(start, end)) >= 0 && lineNear(text, start, end, d.textbookCues, d.textbookNear)) return true;
    if (startsWithAny(text, skip(text, end, SPACES), d.pseudonym)) return true;
    for (var at = start + 2; at <= end + d.maxOrgGap; at++) {
      if (at > text.length || (at > end && (!isHan(text[at - 1]) || has(d.notGiven, text[at - 1])))) break;
      if (startsWithAny(text, at, d.orgAfter)) return true;
    }
    return false;
  };
  Names.prototype.readForward = function (text, start, heading, context) {
    var d = this.d, r = this.readings(text, start);
    for (var p = 0; p < r.length; p++) {
      var e = r[p][0];
      if (e < text.length && (has(d.placeAfter, text[e]) || (text[e - 1] === "家" && has(d.placeAfterJia, text[e])))) return null;
    }
    for (var k = 0; k < r.length; k++) {
      var shut = this.closedRight(text, r[k][0], heading);
      if (!shut && context) {
        this.nameClause.lastIndex = r[k][0];
        shut = this.nameClause.test(text) && this.weight(text, start, r[k][0], r[k][1]) >= this.d.clauseMin;
      }
      if (!shut && this.county(text, start, r[k][0])) continue;
      if (this.plausible(text, start, r[k][0], r[k][1], shut, false) && !this.thing(text, start, r[k][0])) return [start, r[k][0]];
    }
    return null;
  };
  Names.prototype.county = function (text, start, end) {  // names.Names._county
    return this.counties.has(text.slice(start, end)) || (end - start === 3 && this.counties.has(text.slice(start, start + 2))
                                                          && !has(this.d.nameEnd, text[end - 1]));
  };
  function lineNear(text, start, end, words, near) {  // nametext.line_near
    var lineStart = rfind(text, "\n", 0, start) + 1, lineEnd = find(text, "\n", end);
    if (lineEnd < 0) lineEnd = text.length;
    var win = text.slice(Math.max(lineStart, start - near), Math.min(lineEnd, end + near));
    for (var k = 0; k < words.length; k++) if (win.indexOf(words[k]) >= 0) return true;
    return false;
  }
  Names.prototype.readBackward = function (text, end) {
    var d = this.d, tries = [[end - 4, 2], [end - 3, 1], [end - 3, 2], [end - 2, 1]];
    for (var k = 0; k < tries.length; k++) {
      var start = tries[k][0], surname = tries[k][1];
      if (start < 0) continue;
      var head = text.slice(start, start + surname);
      var nickname = end - start === 2 && has(d.nicknameHeads, head);
      if ((surname === 2 && d.compound.indexOf(head) < 0) || (surname === 1 && !has(d.surnames, head) && !nickname)) continue;
      if (end - start === 3 && surname === 1 && has(d.leadChars, text[start]) && has(d.surnames, text[start + 1])) continue;
      var shut = start === 0 || has(d.closers, text[start - 1]);
      if (this.plausible(text, start, end, surname, shut, true) && !this.thing(text, start, end)) return [start, end];
    }
    return null;
  };

  // ---- judging a name-shaped span in a sentence that speaks of a child ----
  Names.prototype.judge = function (text, start) {
    var d = this.d;
    if (start > 0 && this.closing.has(text.slice(start - 1, start + 1))) return null;
    if (endsWithLong(text, start + 1, this.adultWords) || endsWithAny(text, start, d.placeBefore)) return null;
    var span = this.readForward(text, start, false);
    if (span === null) return null;
    if (endsWithAny(text, start, d.storyBefore)) return [span[0], span[1], false];
    if (this.endsWithRole(text, start, true) || this.credited(text, start)) return [span[0], span[1], false];
    if (startsWithAny(text, skip(text, span[1], SPACES), this.titles) || this.adultBracket(text, span[1])) return [span[0], span[1], false];
    if (this.adultList(text, start) || this.adultsNamedAfter(text, span[1])) return [span[0], span[1], false];
    var r = this.readings(text, start);
    for (var k = 0; k < r.length; k++) {
      if (this.wordNames.has(text.slice(start, start + 2)) && (r[k][0] - start === 2 || !has(d.nameEnd, text[r[k][0] - 1]))) continue;
      if (r[k][0] <= span[1] && this.plausible(text, start, r[k][0], r[k][1], false, false)
          && this.weight(text, start, r[k][0], r[k][1]) >= d.weakMin) return [start, r[k][0], true];
    }
    return null;
  };
  Names.prototype.adultsTeam = function (text, i) {  // names.Names._adults_team
    var ends = this.d.sentenceEnd, begin = -1, end = text.length;
    for (var k = 0; k < ends.length; k++) {
      begin = Math.max(begin, i > 0 ? text.lastIndexOf(ends[k], i - 1) : -1);
      var j = text.indexOf(ends[k], i);
      if (j >= 0 && j < end) end = j;
    }
    var s = text.slice(begin + 1, end);
    for (var w = 0; w < this.d.adultTeams.length; w++) if (s.indexOf(this.d.adultTeams[w]) >= 0) return true;
    return false;
  };
  Names.prototype.weighs = function (text, start) {  // names.Names._weighs
    var span = this.readForward(text, start, false);
    if (span === null) return false;
    var surname = span[1] - start > 2 && this.d.compound.indexOf(text.slice(start, start + 2)) >= 0 ? 2 : 1;
    return this.weight(text, start, span[1], surname) >= this.d.insideWordMin;
  };
  Names.prototype.w = function (table, ch) { return table.has(ch) ? table.get(ch) : this.d.minWeight; };
  Names.prototype.mayWeigh = function (text, start) {
    if (this.d.compound.indexOf(text.slice(start, start + 2)) >= 0) return true;
    var best = this.w(this.surnameWeight, text[start]), min = this.d.minWeight;
    var one = start + 1 < text.length ? this.w(this.last, text[start + 1]) : min;
    var two = this.w(this.first, text[start + 1]) + (start + 2 < text.length ? this.w(this.last, text[start + 2]) : min);
    return text.slice(start + 1, start + 2) === "某" || best + Math.max(one, two) >= this.d.weakMin;
  };
  Names.prototype.weight = function (text, start, end, surname) {
    var given = text.slice(start + surname, end);
    if (this.d.anonymous.indexOf(given) >= 0) return this.d.anonymousWeight;
    var total = surname === 2 ? this.d.compoundWeight : this.w(this.surnameWeight, text[start]);
    if (given.length === 2) total += this.w(this.first, given[0]);
    return total + this.w(this.last, given[given.length - 1]);
  };
  Names.prototype.adultList = function (text, start) {
    for (var n = 0; n < this.d.maxListLines; n++) {
      if (this.endsWithRole(text, start, true) || this.credited(text, start) || this.adultHeading(text, start)) return true;
      var end = this.endOfPrevious(text, start), next = -1;
      for (var length = 2; length <= 4; length++) {
        var item = end - length;
        if (item < 0) continue;
        var span = this.readForward(text, item, false);
        if (span !== null && span[1] === end && (item === 0 || !isHan(text[item - 1]) || this.endsWithRole(text, item, false) || this.credited(text, item))) {
          next = item;
          break;
        }
      }
      if (next < 0) return false;
      start = next;
    }
    return false;
  };
  Names.prototype.adultsNamedAfter = function (text, end) {  // names.Names._adults_named_after
    var d = this.d;
    for (var n = 0; n < d.maxListLines; n++) {
      if (startsWithAny(text, end, d.adultTasks)) return true;
      this.adultServes.lastIndex = end;
      if (this.adultServes.test(text)) return true;
      var nxt = this.nextInList(text, end), span = nxt !== null ? this.readForward(text, nxt, false) : null;
      if (span === null) break;
      end = span[1];
    }
    if (this.adultsAfter(text, end)) return true;
    var i = skip(text, end, SPACES + "，,");
    for (var k = 0; k < d.adultPredicate.length; k++) {
      var verb = d.adultPredicate[k];
      if (!text.startsWith(verb, i)) continue;
      var clause = skip(text, i + verb.length, "“\"「『");
      while (clause < text.length && clause - i <= 12 && (!has(d.closers, text[clause]) || "“”".indexOf(text[clause]) >= 0)) clause++;
      var said = text.slice(i + verb.length, clause);
      for (var w = 0; w < this.adultWords.length; w++) {
        var word = this.adultWords[w];
        if (word.length > 1 && said.indexOf(word) >= 0 && said.indexOf("小" + word) < 0) return true;
      }
      return false;
    }
    return false;
  };

  // ---- contexts ----
  Names.prototype.forward = function (text, start, heading, found) {
    if (start + 1 < text.length && has(this.d.leadChars, text[start]) && has(this.d.surnames, text[start + 1])) start++;
    for (var n = 0; n < this.d.maxListLines; n++) {
      var span = this.readForward(text, start, heading, true);
      if (span === null || startsWithAny(text, skip(text, span[1], SPACES), this.titles) || this.adultBracket(text, span[1])) return;
      setDefault(found, span[0], span[1]);
      start = this.nextInList(text, span[1]);
      if (start === null) return;
    }
  };
  Names.prototype.backward = function (text, end, found) {
    for (var n = 0; n < this.d.maxListLines; n++) {
      var span = this.readBackward(text, end);
      if (span === null || this.endsWithRole(text, span[0])) return;
      setDefault(found, span[0], span[1]);
      if (span[0] === 0 || !has(this.d.separators, text[span[0] - 1])) return;
      end = span[0] - 1;
      while (end > 0 && SPACES.indexOf(text[end - 1]) >= 0) end--;
    }
  };
  Names.prototype.inBookTitle = function (text, start, end) {
    var max = this.d.maxBookTitle, opened = rfind(text, "《", Math.max(0, start - max - 1), end);
    if (opened < 0) return false;
    var closed = find(text, "》", opened + 1);
    var inside = closed < 0 ? text.slice(opened + 1, -1) : text.slice(opened + 1, closed);
    return closed >= start && closed - opened <= max + 1 && inside.indexOf("\n") < 0 && inside.indexOf("《") < 0;
  };
  Names.prototype.inFamous = function (text, start, end) {
    for (var at = Math.max(0, start - 3); at <= start; at++) {
      for (var length = 4; length >= 2; length--) {
        if (at + length > start && this.famous.has(text.slice(at, at + length))) {
          if (!(at === start && length === 2 && end > at + 2 && has(this.d.nameEnd, text[end - 1]))) return true;
        }
      }
    }
    return false;
  };
  Names.prototype.endsInChildRole = function (cell) {  // a match of CHILD_ROLE (Python's finditer) ends the cell
    var m, re = this.childRole;
    re.lastIndex = 0;
    while ((m = re.exec(cell)) !== null) {
      if (re.lastIndex === cell.length) return true;
      if (m[0] === "") re.lastIndex++;
    }
    return false;
  };
  Names.prototype.adultRow = function (text, i) {  // names.Names._adult_row
    var d = this.d, lineStart = rfind(text, "\n", 0, i) + 1, lineEnd = find(text, "\n", i);
    if (lineEnd < 0) lineEnd = text.length;
    var any = false;
    for (var k = lineStart; k < lineEnd; k++) if (d.rowBorders.indexOf(text[k]) >= 0) { any = true; break; }
    if (!any) return false;
    var cells = [], cell = "", column = 0;
    for (k = lineStart; k < lineEnd; k++) {
      if (d.rowBorders.indexOf(text[k]) >= 0) { cells.push(cell); cell = ""; if (k < i) column++; }
      else cell += text[k];
    }
    cells.push(cell);
    if (cells.length < 3) return false;
    for (k = 0; k < cells.length; k++) {
      var c = cells[k].replace(/^[ \u3000\r]+|[ \u3000\r]+$/gu, "");
      if (k === column || c === "" || c.indexOf("：") >= 0 || c.indexOf(":") >= 0 || c.indexOf("监护") >= 0) continue;
      if (endsWithAny(c, c.length, d.familyCells) && !c.startsWith("代理")) continue;
      if (this.endsInChildRole(c)) continue;
      if (has(d.surnames, c[0]) && this.titles.indexOf(c.slice(1)) >= 0) continue;
      var role = endsWithLong(c, c.length, this.adultWords) || endsWithAny(c, c.length, d.adultOrgs)
        || d.rowOfficeEnd.indexOf(c[c.length - 1]) >= 0;
      if (role && this.readForward(c, 0) === null) return true;
    }
    return false;
  };
  Names.prototype.segment = function (text, i) {  // nametext.segment: [start, end, who]
    var ends = this.d.sentenceEnd, lineStart = rfind(text, "\n", 0, i) + 1, lineEnd = find(text, "\n", i);
    if (lineEnd < 0) lineEnd = text.length;
    var head = this.governing(text, lineStart), heading = head !== null ? text.slice(head[0], head[1]) : "";
    var adults = head !== null && this.namesAdults(heading);
    if (head !== null) {
      if (isRow(heading) && isRow(text.slice(lineStart, lineEnd))) {
        var column = 0;
        for (var c = lineStart; c < i; c++) if (CELL_BORDERS.indexOf(text[c]) >= 0) column++;
        var cells = splitCells(heading);
        if (column < cells.length && this.namesAdults(cells[column])) return [lineStart, lineEnd, "adult"];
      }
      if (adults && !stripStart(heading).startsWith("#")) return [lineStart, lineEnd, "adult"];
      if (!adults && this.cue.test(heading)) return [lineStart, lineEnd, "child"];
    }
    var begin = -1, end = lineEnd;
    for (var k = 0; k < ends.length; k++) {
      begin = Math.max(begin, rfind(text, ends[k], lineStart, i));
      var j = find(text, ends[k], i, lineEnd);
      if (j >= 0 && j < end) end = j;
    }
    begin = Math.max(lineStart, begin + 1);
    if (this.cue.test(text.slice(begin, end))) return [begin, end, "child"];
    return [begin, end, adults ? "adult" : ""];
  };
  Names.prototype.governing = function (text, lineStart) {
    var end = lineStart - 1, near = true;
    for (var n = 0; n < (end >= 0 ? this.d.maxListLines : 0); n++) {
      var start = rfind(text, "\n", 0, end) + 1, line = strip(text.slice(start, end));
      if (line.startsWith("#")) return [start, end];
      if (near && (line.endsWith("：") || line.endsWith(":") || isRow(line))) return [start, end];
      if (line === "" || /[。！？!?]/u.test(line)) near = false;
      if (start === 0) return null;
      end = start - 1;
    }
    return null;
  };
  Names.prototype.namesAdults = function (heading) {
    for (var k = 0; k < this.adultWords.length; k++) {
      if (this.adultWords[k].length > 1 && heading.indexOf(this.adultWords[k]) >= 0) return !this.childHead.test(heading);
    }
    return false;
  };
  function isRow(line) { return line.indexOf("|") >= 0 || line.indexOf("｜") >= 0 || line.indexOf("\t") >= 0; }
  function splitCells(line) {
    var cells = [], cell = "";
    for (var k = 0; k < line.length; k++) {
      if (CELL_BORDERS.indexOf(line[k]) >= 0) { cells.push(cell); cell = ""; } else cell += line[k];
    }
    cells.push(cell);
    return cells;
  }
  function stripStart(s) { var a = 0; while (a < s.length && " \u3000\t".indexOf(s[a]) >= 0) a++; return s.slice(a); }
  Names.prototype.listsOf = function (text, spans) {
    var out = [], run = [], all = spans.concat([[-1, -1]]);
    for (var k = 0; k < all.length; k++) {
      if (run.length && this.nextInList(text, run[run.length - 1][1]) === all[k][0]) { run.push(all[k]); continue; }
      if (run.length >= 2 && !this.adultsAfter(text, run[run.length - 1][1])) out.push(run);
      run = [all[k]];
    }
    return out;
  };
  Names.prototype.adultsAfter = function (text, i) {
    var start = i = skip(text, i, SPACES);
    i = skip(text, i, "等");
    while (i < text.length && "0123456789两一二三四五六七八九十".indexOf(text[i]) >= 0) i++;
    if (i < text.length && "名位个人".indexOf(text[i]) >= 0) i++;
    return i > start && startsWithAny(text, i, this.adultWords);
  };
  Names.prototype.joinSplit = function (text) {
    if (!/[ \u3000·•・]/u.test(text)) return { text: text, cuts: [] };
    var parts = [], cuts = [], pos = 0, removed = 0, self = this;
    allMatches(this.splitAt, text).forEach(function (at) {
      if (at[0] < pos) return;
      self.split.lastIndex = at[0];
      var m = self.split.exec(text);
      if (m === null) return;
      for (var i = m.index; i < m.index + m[0].length; i++) {
        if (SPLITS.indexOf(text[i]) >= 0) { parts.push(text.slice(pos, i)); cuts.push(i - removed); removed++; pos = i + 1; }
      }
    });
    if (!cuts.length) return { text: text, cuts: [] };
    parts.push(text.slice(pos));
    return { text: parts.join(""), cuts: cuts };
  };
  Names.prototype.closedRight = function (text, end, heading) {
    this.after.lastIndex = end;
    if (this.after.test(text)) return true;
    return Boolean(heading) && (end >= text.length || has(this.d.closers, text[end]));
  };
  Names.prototype.endsWithRole = function (text, i, linked) {
    var j = i > 0 && ("：: ".indexOf(text[i - 1]) >= 0 || (linked && "是有".indexOf(text[i - 1]) >= 0)) ? i - 1 : i;
    if (j <= 0) return false;
    var roles = this.d.adultRoles;
    for (var k = 0; k < roles.length; k++) if (endsWithAt(text, roles[k], j) && !endsWithAt(text, "小" + roles[k], j)) return true;
    return false;
  };
  Names.prototype.credited = function (text, i) {  // nametext.credited
    var d = this.d, j = i > 0 && "：: 的".indexOf(text[i - 1]) >= 0 ? i - 1 : i;
    if (endsWithAny(text, j, d.credits) || endsWithAny(text, j, d.adultOrgs)) return true;
    var begin = i;
    while (begin > 0 && i - begin < 24 && "。；;！？!?\n".indexOf(text[begin - 1]) < 0) begin--;
    var colon = -1;
    [find(text, "：", begin, i), find(text, ":", begin, i)].forEach(function (k) { if (k >= 0 && (colon < 0 || k < colon)) colon = k; });
    if (colon <= begin) return false;
    var head = text.slice(begin, colon), a = 0, b = head.length;
    while (a < b && " \u3000（(".indexOf(head[a]) >= 0) a++;
    while (b > a && " \u3000（(".indexOf(head[b - 1]) >= 0) b--;
    return d.credits.indexOf(head.slice(a, b)) >= 0;
  };
  Names.prototype.adultHeading = function (text, i) {
    var j = i;
    while (j > 0 && SPACES.indexOf(text[j - 1]) >= 0) j--;
    if (j === 0 || "：:".indexOf(text[j - 1]) < 0) return false;
    var begin = j - 1;
    while (begin > 0 && !has(this.d.closers, text[begin - 1])) begin--;
    var heading = text.slice(begin, j - 1);
    for (var k = 0; k < this.adultWords.length; k++) if (this.adultWords[k].length > 1 && heading.indexOf(this.adultWords[k]) >= 0) return true;
    return false;
  };
  function closeAfter(text, i) {  // the nearer of ） and ) at most 12 characters on, or -1
    var close = -1;
    [find(text, "）", i), find(text, ")", i)].forEach(function (j) {
      if (j - i >= 0 && j - i <= 12 && (close < 0 || j < close)) close = j;
    });
    return close;
  }
  Names.prototype.adultBracket = function (text, i) {
    if (!text.startsWith("（", i) && !text.startsWith("(", i)) return false;
    var close = closeAfter(text, i);
    if (close <= 0) return false;
    var inside = text.slice(i, close);
    for (var k = 0; k < this.adultWords.length; k++) if (this.adultWords[k].length > 1 && inside.indexOf(this.adultWords[k]) >= 0) return true;
    return false;
  };
  Names.prototype.endOfPrevious = function (text, i) {
    var j = i;
    while (j > 0 && SPACES.indexOf(text[j - 1]) >= 0) j--;
    if (j > 0 && has(this.d.separators, text[j - 1])) {
      j--;
      while (j > 0 && SPACES.indexOf(text[j - 1]) >= 0) j--;
    } else if (j === i) return -1;
    if (j > 0 && "）)".indexOf(text[j - 1]) >= 0) {
      var opened = Math.max(rfind(text, "（", 0, j), rfind(text, "(", 0, j));
      if (opened >= 0 && j - opened <= 14) return opened;
    }
    return j;
  };
  Names.prototype.nextInList = function (text, i) {
    if (text.startsWith("（", i) || text.startsWith("(", i)) {
      var close = closeAfter(text, i);
      if (close < 0) return null;
      i = close + 1;
    }
    ["同学", "小朋友"].forEach(function (suffix) { if (text.startsWith(suffix, i)) i += suffix.length; });
    if (i >= text.length || !has(this.d.separators, text[i])) return null;
    i = skip(text, i + 1, SPACES);
    this.listItem.lastIndex = i;
    var m = this.listItem.exec(text);
    return m === null ? i : m.index + m[0].length;
  };
  function endsLine(text, i) {  // nametext.ends_line
    var lineStart = rfind(text, "\n", 0, i) + 1, lineEnd = find(text, "\n", i);
    if (lineEnd < 0) lineEnd = text.length;
    var rest = text.slice(i, lineEnd), a = 0, b = rest.length;
    while (a < b && " \u3000\r".indexOf(rest[a]) >= 0) a++;
    while (b > a && " \u3000\r".indexOf(rest[b - 1]) >= 0) b--;
    rest = rest.slice(a, b);
    return rest === "" || ",，\t|｜".indexOf(rest[0]) >= 0 || isRow(text.slice(lineStart, lineEnd));
  }
  Names.prototype.listLines = function (text, after) {
    var out = [], pos = text.indexOf("\n", after) + 1;
    for (var n = 0; n < (pos > 0 ? this.d.maxListLines : 0); n++) {
      var end = text.indexOf("\n", pos);
      if (end < 0) end = text.length;
      if (strip(text.slice(pos, end)) === "" || /[。！？!?]/u.test(text.slice(pos, end))) return out;
      this.listItem.lastIndex = skip(text, pos, SPACES + CELL_BORDERS);
      var m = this.listItem.exec(text), starts = [m === null ? this.listItem.lastIndex : m.index + m[0].length];
      for (var i = pos; i < end; i++) if (CELL_BORDERS.indexOf(text[i]) >= 0) starts.push(skip(text, i + 1, SPACES));
      var han = false, reads = false;
      for (var k = pos; k < end; k++) if (isHan(text[k])) { han = true; break; }
      for (var s = 0; s < starts.length; s++) if (this.readForward(text, starts[s], true) !== null) { reads = true; break; }
      if (han && !reads) return out;
      starts.forEach(function (st) { out.push(st); });
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
