#include "marsad/attribute/lexicon.h"

#include <fstream>
#include <sstream>

#include "marsad/common/utf8.h"
#include "marsad/normalize/arabic_normalizer.h"

namespace marsad::lex {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Arabic letters in matching form are two bytes each (U+0621..U+064A).
bool AllArabic(std::string_view s) {
  if (s.empty() || s.size() % 2 != 0) return false;
  for (size_t i = 0; i < s.size(); i += 2) {
    unsigned char a = s[i], b = s[i + 1];
    if (!(a == 0xD8 || a == 0xD9)) return false;
    (void)b;
  }
  return true;
}

constexpr std::string_view kWaw = "و", kFa = "ف", kAlefLam = "ال", kAlef = "ا";

}  // namespace

Status ReadTsv(const std::string& path, std::vector<std::vector<std::string>>* rows) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      f.push_back(Trim(std::string_view(line).substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (f.empty() || f[0].empty()) continue;
    rows->push_back(std::move(f));
  }
  if (in.bad()) return IoError("error reading " + path);
  return Status::Ok();
}

std::string Key(std::string_view display) { return Trim(MatchForm(Trim(display))); }

std::vector<std::string> VerbForms(const std::string& past, const std::string& present) {
  std::vector<std::string> out;
  if (past.empty()) return out;
  for (const char* suf : {"", "ت", "وا", "و", "ا", "تا", "ن", "نا", "تم"}) out.push_back(past + suf);
  std::string stem = present;
  if (stem.empty()) stem = StartsWith(past, kAlef) ? past.substr(kAlef.size()) : past;
  if (stem.empty()) return out;
  for (const char* pre : {"ي", "ت", "ن", "سي", "ست", "سن"}) {
    out.push_back(pre + stem);
  }
  for (const char* form : {"يXون", "تXون", "يXو", "يXان", "تXان", "يXن", "سيXون"}) {
    std::string f = form;
    f.replace(f.find('X'), 1, stem);
    out.push_back(f);
  }
  return out;
}

void TokenKeys(std::string_view norm, std::vector<KeyCandidate>* out) {
  out->clear();
  out->push_back({std::string(norm), "", ""});
  if (!AllArabic(norm)) return;
  auto push = [&](std::string_view k, std::string_view pro, std::string_view enc) {
    if (Letters(k) < 2) return;
    out->push_back({std::string(k), std::string(pro), std::string(enc)});
  };
  // Conjunction.
  std::vector<std::pair<std::string_view, std::string>> bases = {{norm, ""}};
  if ((StartsWith(norm, kWaw) || StartsWith(norm, kFa)) && Letters(norm) >= 3) {
    std::string_view rest = norm.substr(2);
    push(rest, norm.substr(0, 2), "");
    bases.push_back({rest, std::string(norm.substr(0, 2))});
  }
  // Prepositions, article, future and purpose prefixes.
  static const std::string_view kPrefixes[] = {"بال", "كال", "لل", "ال", "ب", "ل", "ك", "س"};
  size_t n_bases = bases.size();
  for (size_t bi = 0; bi < n_bases; ++bi) {
    auto [base, conj] = bases[bi];
    for (std::string_view p : kPrefixes) {
      if (!StartsWith(base, p) || Letters(base) < Letters(p) + 2) continue;
      std::string_view rest = base.substr(p.size());
      push(rest, conj + std::string(p), "");
      bases.push_back({rest, conj + std::string(p)});
      if (p == "لل") {  // لل = ل + ال: also try the article form
        std::string with_article = std::string(kAlefLam) + std::string(rest);
        out->push_back({with_article, conj + "ل", ""});
      }
    }
  }
  // Pronoun suffixes (on any of the bases).
  static const std::string_view kSuffixes[] = {"هما", "ها", "هم", "هن", "كم", "نا", "ه"};
  size_t n = out->size();
  for (size_t i = 0; i < n; ++i) {
    std::string k = (*out)[i].key;
    for (std::string_view s : kSuffixes) {
      if (!EndsWith(k, s) || Letters(k) < Letters(s) + 2) continue;
      std::string stem = k.substr(0, k.size() - s.size());
      // A feminine noun writes its ة as ت before a suffix: سيطرتها = سيطرة + ها.
      if (EndsWith(stem, "ت") && Letters(stem) >= 3) {
        out->push_back({stem.substr(0, stem.size() - std::string("ت").size()) + "ه", (*out)[i].proclitic, std::string(s)});
      }
      out->push_back({std::move(stem), (*out)[i].proclitic, std::string(s)});
      break;
    }
  }
}

bool IsQuote(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.norm == "\"" || t.norm == "'");
}

bool IsBreakPunct(const Token& t) {
  if (t.kind != TokenKind::kPunct && t.kind != TokenKind::kSymbol) return false;
  if (IsQuote(t)) return false;
  if (t.norm == "-" || t.norm == "ـ") return false;
  return true;
}

bool IsOpeningQuote(std::string_view body, const Token& t) {
  if (t.span.start < 0 || static_cast<size_t>(t.span.start) >= body.size()) return false;
  int len = 0;
  char32_t cp = utf8::Decode(body, t.span.start, &len);
  return cp == 0x00AB || cp == 0x201C || cp == 0x201E || cp == 0x2039;
}

}  // namespace marsad::lex
