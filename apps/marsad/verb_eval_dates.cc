// marsad eval dates [--specs DIR] [--wojood FILE] [--file NAME] [--examples N] [--verbose]
//                   [--out-of-scope FILE]
//
// 1. Recognizers-Text Arabic date specs (Microsoft, MIT licence): each case
//    has an input, a reference date-time and the expected expressions
//    (Text, Start, Length in UTF-16 units = code points for Arabic, Value.Timex
//    and Past/Future resolutions). For every *.json file prints: cases,
//    expected expressions, found with the exact span, found with the exact
//    value (strict TIMEX), and found with the value under the documented
//    notation mapping (docs/dates.md):
//      - their clock times "T20" / "T20:30" are compared as "T20:00" / "T20:30";
//      - where their Timex leaves the year unresolved (XXXX-10-02, XXXX-WXX-5,
//        (XXXX-09-03,XXXX-09-12,P9D), XXXX-XX-15T20), a value equal to their
//        Past or Future resolution counts (date-times as 2016-11-15T20:00;
//        parts of a day XXXX-WXX-2TEV as the day of their resolution + TEV):
//        marsad resolves against the reference instead of keeping
//        placeholders;
//      - ranges are compared on their start and end: the length is derived
//        from them, and theirs is inconsistent (P6D for the rest of a week
//        Nov 7..13, but P24D for the rest of a month Nov 7..30);
//      - a one-day range (D,D+1,P1D) equals their day D (their periods before
//        the reference end at it, exclusive: "آخر يوم" is yesterday).
//    The value is compared on the extracted expression overlapping the
//    expected span (so value accuracy is not hostage to span conventions).
//    Merged* files list several readings (Value.values[].timex); matching
//    any of them counts.
//    Beside the figures over all cases, `in_scope` gives the mapped value
//    figure over the cases not listed in data/eval/dates_out_of_scope.tsv
//    (each listed with its class and reason); a listed case that is now read
//    correctly, or whose expected text no longer matches, is reported as a
//    stale line.
// 2. Wojood (val.txt, IOB2 nested NER): recall of DATE spans (a gold span is
//    found if an extracted expression overlaps it; exact if same bounds),
//    and DATE span precision: the share of extractions that overlap a gold
//    DATE span. Extractions on a TIME span only (Wojood tags clock times and
//    parts of a day as TIME) are counted against precision but shown apart;
//    --verbose lists every extraction not on a DATE span with its kind.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "marsad/common/paths.h"
#include "marsad/common/utf8.h"
#include "marsad/dates/date_extractor.h"
#include "verb.h"

namespace {

namespace fs = std::filesystem;
using marsad::CivilDate;
using marsad::DateExpr;

// Byte offset -> code point offset.
int32_t CpOffset(const std::string& s, int32_t byte) {
  return static_cast<int32_t>(marsad::utf8::Length(std::string_view(s).substr(0, byte)));
}

std::string NormalizeTimex(std::string t) {
  // Their durations sometimes carry a stray clock suffix: "PT3H:00" = "PT3H".
  if (t.size() > 5 && t.compare(0, 2, "PT") == 0 && t.compare(t.size() - 3, 3, ":00") == 0) {
    return t.substr(0, t.size() - 3);
  }
  // "T20" -> "T20:00" (also inside a datetime); not in durations ("PT3H")
  // nor parts of the day ("TNI").
  size_t p = t.find('T');
  if (p != std::string::npos && t.size() == p + 3 && t.find('(') == std::string::npos &&
      t[0] != 'P' && std::isdigit(static_cast<unsigned char>(t[p + 1])) &&
      std::isdigit(static_cast<unsigned char>(t[p + 2]))) {
    t += ":00";
  }
  return t;
}

// "(2016-11-07,2016-11-30,P24D)" -> "2016-11-07,2016-11-30"; "" if not a range.
std::string RangeEnds(const std::string& v) {
  if (v.size() < 3 || v.front() != '(' || v.back() != ')') return "";
  size_t c = v.rfind(',');
  if (c == std::string::npos || c < 2) return "";
  return v.substr(1, c - 1);
}

// "2016-11-06,2016-11-07" -> "2016-11-06": a one-day range [D, D+1) is the
// day D under their convention for periods before the reference ("آخر 3
// سنوات" = [ref - 3Y, ref)), so "آخر يوم" as (D,D+1,P1D) is their day D.
// "" if the range is not exactly one day.
std::string OneDayRange(const std::string& ends) {
  size_t c = ends.find(',');
  if (c == std::string::npos) return "";
  auto a = marsad::civil::ParseIso(ends.substr(0, c));
  auto b = marsad::civil::ParseIso(ends.substr(c + 1));
  if (!a || !b || ends.size() != 21) return "";
  if (marsad::civil::ToIso(marsad::civil::AddDays(*a, 1)) != marsad::civil::ToIso(*b)) return "";
  return ends.substr(0, c);
}

std::vector<std::string> ResolutionCandidates(const nlohmann::json& value) {
  std::vector<std::string> out;
  std::string timex = value.value("Timex", "");
  if (timex.find('X') == std::string::npos) return out;
  for (const char* key : {"PastResolution", "FutureResolution"}) {
    if (!value.contains(key) || !value[key].is_object()) continue;
    const auto& r = value[key];
    if (r.contains("date")) out.push_back(r["date"].get<std::string>());
    // "2016-11-15 20:00:00" -> "2016-11-15T20:00" (seconds kept if not zero).
    if (r.contains("dateTime") && r["dateTime"].is_string()) {
      std::string dt = r["dateTime"];
      if (dt.size() == 19 && dt[10] == ' ') {
        dt[10] = 'T';
        if (dt.compare(16, 3, ":00") == 0) dt.resize(16);
        out.push_back(dt);
      }
    }
    // A part of the day with an unresolved day ("XXXX-WXX-2TEV"): the day of
    // their resolution with the same part ("2016-11-01 16:00:00" -> "2016-11-01TEV").
    if (r.contains("startDateTime") && r["startDateTime"].is_string() && timex.size() > 3 &&
        timex[timex.size() - 3] == 'T' && std::isalpha(static_cast<unsigned char>(timex.back()))) {
      std::string sd = r["startDateTime"];
      if (sd.size() >= 10) out.push_back(sd.substr(0, 10) + timex.substr(timex.size() - 3));
    }
    if (r.contains("startDate") && r.contains("endDate")) {
      std::string s = r["startDate"], e = r["endDate"];
      if (!timex.empty() && timex[0] == '(') {
        size_t c = timex.rfind(',');
        out.push_back("(" + s + "," + e + "," + timex.substr(c + 1));
      } else if (timex.size() == 7) {
        out.push_back(s.substr(0, 7));  // XXXX-MM
      } else if (timex.size() == 4) {
        out.push_back(s.substr(0, 4));
      }
    }
    // Same notation with the year filled in: "XXXX-07-W04" -> "2016-07-W04",
    // the year being that of their resolution.
    if (timex.compare(0, 4, "XXXX") == 0 && timex.size() > 4) {
      std::string start = r.contains("date") ? r["date"].get<std::string>()
                          : r.contains("startDate") ? r["startDate"].get<std::string>()
                                                    : "";
      if (start.size() >= 4 && start[0] != 'X') out.push_back(start.substr(0, 4) + timex.substr(4));
    }
  }
  return out;
}

struct FileScore {
  int cases = 0, expected = 0, span = 0, value = 0, value_mapped = 0;
  int in_scope = 0, in_scope_mapped = 0;
};

// One case left out of scope: spec file, case index, expected text.
struct OutOfScope {
  std::string file;
  int index = -1;
  std::string text;
  std::string klass;
  bool seen = false;
};

// Reads data/eval/dates_out_of_scope.tsv (file, index, text, class, reason);
// '#' lines are comments. A malformed line is reported and ignored.
std::vector<OutOfScope> LoadOutOfScope(const std::string& path) {
  std::vector<OutOfScope> out;
  std::ifstream in(path);
  if (!in) {
    std::printf("out-of-scope list %s not found: in_scope = all cases\n", path.c_str());
    return out;
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    int index = -1;
    if (cols.size() >= 4 && !cols[1].empty() &&
        std::all_of(cols[1].begin(), cols[1].end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      index = std::stoi(cols[1]);
    }
    if (index < 0 || cols[2].empty()) {
      std::printf("%s:%d: malformed line (want file, index, text, class, reason), ignored\n",
                  path.c_str(), n);
      continue;
    }
    out.push_back({cols[0], index, cols[2], cols[3]});
  }
  return out;
}

int RunSpecs(const marsad::DateExtractor& ex, const std::string& dir, const std::string& only,
             int examples, std::vector<OutOfScope>& scope, const std::string& scope_path) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::printf("%-28s %6s %8s %10s %11s %12s %14s\n", "file", "cases", "expected", "exact_span",
              "exact_value", "value_mapped", "in_scope");
  FileScore total;
  for (const auto& path : files) {
    std::string name = path.filename().string();
    if (!only.empty() && name.find(only) == std::string::npos) continue;
    std::ifstream in(path);
    nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!j.is_array()) {
      std::printf("%-28s unreadable\n", name.c_str());
      continue;
    }
    FileScore fsc;
    int shown = 0;
    try {
    int index = -1;
    for (const auto& c : j) {
      ++index;
      if (!c.contains("Input")) continue;
      ++fsc.cases;
      std::string input = c["Input"].get<std::string>();
      std::optional<CivilDate> ref;
      if (c.contains("Context") && c["Context"].contains("ReferenceDateTime")) {
        ref = marsad::civil::ParseIso(c["Context"]["ReferenceDateTime"].get<std::string>());
      }
      std::vector<DateExpr> got = ex.Extract(input, ref);
      if (!c.contains("Results")) continue;
      for (const auto& r : c["Results"]) {
        ++fsc.expected;
        int32_t es = r.value("Start", -1), el = r.value("Length", 0);
        bool span_ok = false;
        const DateExpr* overlap = nullptr;
        for (const auto& g : got) {
          int32_t gs = CpOffset(input, g.span.start), ge = CpOffset(input, g.span.end);
          if (gs == es && ge == es + el) span_ok = true;
          if (gs < es + el && es < ge && !overlap) overlap = &g;
          if (gs == es && ge == es + el) overlap = &g;
        }
        bool value_ok = false, mapped_ok = false;
        std::string want;
        if (r.contains("Value") && r["Value"].is_object() && r["Value"].contains("values") &&
            r["Value"]["values"].is_array()) {
          // Merged* files: several readings, each {timex, type, value | start/end}.
          for (const auto& v : r["Value"]["values"]) {
            if (!v.is_object()) continue;
            std::string t = NormalizeTimex(v.value("timex", ""));
            if (want.empty()) want = t;
            if (!overlap || overlap->value.empty()) continue;
            if (overlap->value == t) value_ok = mapped_ok = true;
            if (t.find('X') != std::string::npos && v.value("type", "") == "date" &&
                overlap->value == v.value("value", "")) {
              mapped_ok = true;
            }
          }
        } else if (r.contains("Value") && r["Value"].is_object()) {
          want = NormalizeTimex(r["Value"].value("Timex", ""));
          if (overlap && !overlap->value.empty()) {
            value_ok = overlap->value == want;
            mapped_ok = value_ok;
            if (!mapped_ok) {
              for (const auto& cand : ResolutionCandidates(r["Value"])) {
                if (overlap->value == cand) mapped_ok = true;
                std::string a = RangeEnds(overlap->value);
                if (!a.empty() && a == RangeEnds(cand)) mapped_ok = true;
              }
              std::string a = RangeEnds(overlap->value);
              if (!a.empty() && a == RangeEnds(want)) mapped_ok = true;
              if (!a.empty() && OneDayRange(a) == want) mapped_ok = true;
            }
          }
        }
        fsc.span += span_ok;
        fsc.value += value_ok;
        fsc.value_mapped += mapped_ok;
        const std::string text = r.value("Text", "");
        OutOfScope* listed = nullptr;
        for (auto& o : scope) {
          if (o.file == name && o.index == index && o.text == text) listed = &o;
        }
        if (listed) {
          listed->seen = true;
          if (mapped_ok) {
            std::printf("  stale out-of-scope line: %s case %d '%s' (%s) is now read correctly\n",
                        name.c_str(), index, text.c_str(), listed->klass.c_str());
          }
        } else {
          ++fsc.in_scope;
          fsc.in_scope_mapped += mapped_ok;
        }
        if (!mapped_ok && shown < examples) {
          ++shown;
          std::printf("  miss [%s] ref=%s  %s\n    want '%s' = %s\n    got  '%s' = %s\n",
                      name.c_str(),
                      ref ? marsad::civil::ToIso(*ref).c_str() : "-", input.c_str(),
                      r.value("Text", "").c_str(), want.c_str(),
                      overlap ? overlap->text.c_str() : "", overlap ? overlap->value.c_str() : "");
        }
      }
    }
    } catch (const nlohmann::json::exception& e) {
      std::printf("%-28s malformed spec (%s), partial counts\n", name.c_str(), e.what());
    }
    auto pct = [](int a, int b) { return b ? 100.0 * a / b : 0.0; };
    // Extractor files carry no values: no in_scope value figure for them.
    const bool values = name.find("Extractor") == std::string::npos;
    char in_scope[40] = "             -";
    if (values) {
      std::snprintf(in_scope, sizeof in_scope, "%4d/%-3d %5.1f%%", fsc.in_scope_mapped, fsc.in_scope,
                    pct(fsc.in_scope_mapped, fsc.in_scope));
      total.in_scope += fsc.in_scope;
      total.in_scope_mapped += fsc.in_scope_mapped;
    }
    std::printf("%-28s %6d %8d %5d %5.1f%% %5d %5.1f%% %5d %5.1f%% %s\n", name.c_str(), fsc.cases,
                fsc.expected, fsc.span, pct(fsc.span, fsc.expected), fsc.value,
                pct(fsc.value, fsc.expected), fsc.value_mapped, pct(fsc.value_mapped, fsc.expected),
                in_scope);
    total.cases += fsc.cases;
    total.expected += fsc.expected;
    total.span += fsc.span;
    total.value += fsc.value;
    total.value_mapped += fsc.value_mapped;
  }
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 0.0; };
  std::printf("%-28s %6d %8d %5d %5.1f%% %5d %5.1f%% %5d %5.1f%% %4d/%-3d %5.1f%%\n", "TOTAL",
              total.cases, total.expected, total.span, pct(total.span, total.expected), total.value,
              pct(total.value, total.expected), total.value_mapped,
              pct(total.value_mapped, total.expected), total.in_scope_mapped, total.in_scope,
              pct(total.in_scope_mapped, total.in_scope));
  int listed = 0;
  for (const auto& o : scope) {
    if (!only.empty() && o.file.find(only) == std::string::npos) continue;
    listed += o.seen;
    if (!o.seen) {
      std::printf("  stale out-of-scope line: %s case %d '%s' matches no expected expression\n",
                  o.file.c_str(), o.index, o.text.c_str());
    }
  }
  std::printf("in_scope leaves out %d listed case(s) (%s: class and reason of each); policy "
              "disagreements count as misses in both figures\n",
              listed, scope_path.c_str());
  return 0;
}

int RunWojood(const marsad::DateExtractor& ex, const std::string& path, int examples) {
  std::ifstream in(path);
  if (!in) {
    std::printf("wojood: %s not found, skipped\n", path.c_str());
    return 0;
  }
  struct GoldSpan {
    int32_t b, e;  // code points
    std::string type;
  };
  int gold_dates = 0, found = 0, exact = 0, extracted = 0, spurious = 0, time_only = 0, shown = 0;
  std::vector<std::pair<std::string, std::vector<std::string>>> toks;
  auto flush = [&]() {
    if (toks.empty()) return;
    std::string text;
    std::vector<int32_t> tb, te;
    int32_t cp = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (i) {
        text += ' ';
        ++cp;
      }
      tb.push_back(cp);
      text += toks[i].first;
      cp += static_cast<int32_t>(marsad::utf8::Length(toks[i].first));
      te.push_back(cp);
    }
    // Gold spans per tag column.
    std::vector<GoldSpan> gold;
    size_t ncols = 0;
    for (const auto& t : toks) ncols = std::max(ncols, t.second.size());
    for (size_t col = 0; col < ncols; ++col) {
      int start = -1;
      std::string type;
      for (size_t i = 0; i <= toks.size(); ++i) {
        std::string tag = i < toks.size() && col < toks[i].second.size() ? toks[i].second[col] : "O";
        bool cont = tag.size() > 2 && tag[0] == 'I' && tag.substr(2) == type && start >= 0;
        if (!cont && start >= 0) {
          gold.push_back({tb[start], te[i - 1], type});
          start = -1;
        }
        if (tag.size() > 2 && tag[0] == 'B') {
          start = static_cast<int>(i);
          type = tag.substr(2);
        }
      }
    }
    std::vector<DateExpr> got = ex.Extract(text, std::nullopt);
    std::vector<std::pair<int32_t, int32_t>> g2;
    for (const auto& g : got) g2.push_back({CpOffset(text, g.span.start), CpOffset(text, g.span.end)});
    for (const auto& gs : gold) {
      if (gs.type != "DATE") continue;
      ++gold_dates;
      bool f = false, x = false;
      for (const auto& [b, e] : g2) {
        if (b < gs.e && gs.b < e) f = true;
        if (b == gs.b && e == gs.e) x = true;
      }
      found += f;
      exact += x;
      if (!f && shown < examples) {
        ++shown;
        std::u32string u = marsad::utf8::ToU32(text);
        std::printf("  wojood miss: %s\n", marsad::utf8::FromU32(u.substr(gs.b, gs.e - gs.b)).c_str());
      }
    }
    for (size_t k = 0; k < g2.size(); ++k) {
      ++extracted;
      bool on_date = false, on_time = false;
      for (const auto& gs : gold) {
        if (!(g2[k].first < gs.e && gs.b < g2[k].second)) continue;
        if (gs.type == "DATE") on_date = true;
        if (gs.type == "TIME") on_time = true;
      }
      if (on_date) continue;
      // Not on a DATE span: a false positive for DATE precision. Wojood tags
      // clock times and parts of a day as TIME, so those are shown apart.
      const char* what = on_time ? "time-only" : "false positive";
      if (on_time) {
        ++time_only;
      } else {
        ++spurious;
      }
      if (shown < examples) {
        ++shown;
        std::printf("  wojood %s: '%s' = %s (%s)\n", what, got[k].text.c_str(), got[k].value.c_str(),
                    got[k].kind.c_str());
      }
    }
    toks.clear();
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    std::istringstream ss(line);
    std::string tok, tag;
    ss >> tok;
    std::vector<std::string> tags;
    while (ss >> tag) tags.push_back(tag);
    toks.push_back({tok, tags});
  }
  flush();
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 0.0; };
  std::printf("wojood val DATE spans: %d  found(overlap) %d %.1f%%  exact %d %.1f%%\n", gold_dates,
              found, pct(found, gold_dates), exact, pct(exact, gold_dates));
  const int on_date = extracted - spurious - time_only;
  std::printf("wojood val DATE span precision: %d/%d %.1f%%  (not on a DATE span: %d on a TIME span only, "
              "%d on no DATE/TIME span)\n",
              on_date, extracted, pct(on_date, extracted), time_only, spurious);
  return 0;
}

int Run(const std::string& data_dir, std::string specs, std::string wojood, const std::string& only,
        int examples, std::string scope_path) {
  auto ex = marsad::DateExtractor::Load(marsad::DataDir(data_dir));
  if (!ex.ok()) {
    marsad::cli::Error(ex.status().ToString());
    return 1;
  }
  std::string shared = marsad::SharedDir();
  if (specs.empty() && !shared.empty()) specs = shared + "/data/recognizers-text-arabic-dates";
  if (wojood.empty() && !shared.empty()) wojood = shared + "/data/wojood-sample/val.txt";
  if (specs.empty() || !fs::is_directory(specs)) {
    std::printf("recognizers-text specs not found (../shared/data absent?), skipped\n");
  } else {
    if (scope_path.empty()) scope_path = marsad::DataDir(data_dir) + "/eval/dates_out_of_scope.tsv";
    std::vector<OutOfScope> scope = LoadOutOfScope(scope_path);
    RunSpecs(*ex, specs, only, examples, scope, scope_path);
  }
  if (!wojood.empty()) RunWojood(*ex, wojood, examples);
  return 0;
}

void Setup(CLI::App& eval, marsad::cli::VerbContext& ctx) {
  auto* cmd = eval.add_subcommand("dates", "Date extraction vs Recognizers-Text specs and Wojood DATE spans");
  auto specs = std::make_shared<std::string>();
  auto wojood = std::make_shared<std::string>();
  auto only = std::make_shared<std::string>();
  auto examples = std::make_shared<int>(0);
  cmd->add_option("--specs", *specs, "Folder of *.json specs (default: <shared>/data/recognizers-text-arabic-dates)");
  cmd->add_option("--wojood", *wojood, "Wojood IOB2 file (default: <shared>/data/wojood-sample/val.txt)");
  cmd->add_option("--file", *only, "Only spec files whose name contains this");
  cmd->add_option("--examples", *examples, "Print up to N misses per file (default: 0)");
  auto scope = std::make_shared<std::string>();
  cmd->add_option("--out-of-scope", *scope,
                  "Cases left out of the in_scope figure (default: <data>/eval/dates_out_of_scope.tsv)");
  auto verbose = std::make_shared<bool>(false);
  cmd->add_flag("--verbose,-v", *verbose, "Print every miss (same as a large --examples)");
  cmd->callback([&ctx, specs, wojood, only, examples, verbose, scope] {
    int n = *verbose ? 100000 : *examples;
    ctx.exit_code = Run(ctx.global.data_dir, *specs, *wojood, *only, n, *scope);
  });
}
MARSAD_REGISTER_SUBVERB(eval, dates, Setup);

}  // namespace
