#include "marsad/clean/chrome_classifier.h"

#include <unicode/unistr.h>

#include "marsad/clean/fold.h"
#include "marsad/clean/icu_regex.h"
#include "marsad/clean/tsv.h"
#include "marsad/common/utf8.h"

namespace marsad::clean {
namespace {

constexpr char32_t kTatweel = 0x0640;

bool IsSeparatorSymbol(char32_t c) {
  return c == kTatweel || c == '-' || c == '_' || c == '=' || c == '*' || c == '.' || c == '~' || c == '#' ||
         c == '+' || c == 0x2022 || c == 0x25CF || c == 0x00B7 || c == 0x2026 ||
         (c >= 0x2010 && c <= 0x2015) || (c >= 0x2500 && c <= 0x25FF) || c == 0x2212 || c == 0x2E3A ||
         c == 0x2E3B || c == 0xFE4D || c == 0xFE4E || c == 0xFE4F;
}

bool IsBlankChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200F) ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// Patterns run on keys whose ASCII letters are already lower-case, so they
// are lower-cased here and compiled case-sensitive (ICU's case-insensitive
// matching folds every character and costs several times more). Letters
// after a backslash are escapes (\S, \p{...}) and keep their case.
std::string PreparePattern(const std::string& pattern) {
  std::string p = FoldKey(pattern, /*lower_latin=*/false);
  bool escaped = false, in_property = false;
  for (char& c : p) {
    if (in_property) {
      if (c == '}') in_property = false;
    } else if (escaped) {
      if (c == 'p' || c == 'P') in_property = true;
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return p;
}

}  // namespace

std::string ClassifySymbolsOnly(std::string_view line) {
  bool any = false, all_separator = true;
  for (size_t i = 0; i < line.size();) {
    int len = 1;
    char32_t c = utf8::Decode(line, i, &len);
    i += static_cast<size_t>(len);
    if (IsBlankChar(c)) continue;
    if (c != kTatweel && IsAlnum(c)) return "";  // tatweel is category Lm
    any = true;
    if (!IsSeparatorSymbol(c)) all_separator = false;
  }
  if (!any) return "";
  return all_separator ? "separator" : "lone-symbol";
}

StatusOr<std::shared_ptr<const ChromeClassifier>> ChromeClassifier::Load(const std::string& path) {
  auto rows = ReadTsv(path, 3);
  if (!rows.ok()) return rows.status();
  std::vector<std::vector<std::string>> fields;
  std::shared_ptr<ChromeClassifier> c(new ChromeClassifier());
  for (const auto& r : *rows) {
    ChromeRule rule;
    rule.reason = r.fields[0];
    rule.max_words = std::atoi(r.fields[1].c_str());
    rule.pattern = r.fields[2];
    rule.line = r.line;
    if (rule.reason.empty() || rule.max_words <= 0) {
      return DataError(path + ":" + std::to_string(r.line) + ": need a reason and max_words > 0");
    }
    auto re = Regex::Compile(PreparePattern(rule.pattern), false);
    if (!re.ok()) {
      return DataError(path + ":" + std::to_string(r.line) + ": " + re.status().message());
    }
    rule.re = *re;
    c->rules_.push_back(std::move(rule));
  }
  return std::shared_ptr<const ChromeClassifier>(std::move(c));
}

StatusOr<std::shared_ptr<const ChromeClassifier>> ChromeClassifier::FromRows(
    const std::vector<std::vector<std::string>>& rows, const std::string& origin) {
  std::shared_ptr<ChromeClassifier> c(new ChromeClassifier());
  int n = 0;
  for (const auto& f : rows) {
    ++n;
    if (f.size() < 3) return DataError(origin + ": row " + std::to_string(n) + ": 3 fields needed");
    ChromeRule rule{f[0], std::atoi(f[1].c_str()), f[2], n, nullptr};
    auto re = Regex::Compile(PreparePattern(rule.pattern), false);
    if (!re.ok()) return re.status();
    rule.re = *re;
    c->rules_.push_back(std::move(rule));
  }
  return std::shared_ptr<const ChromeClassifier>(std::move(c));
}

std::string ChromeClassifier::Classify(std::string_view line) const {
  const ChromeRule* unused = nullptr;
  return Classify(line, &unused);
}

std::string ChromeClassifier::Classify(std::string_view line, const ChromeRule** rule) const {
  *rule = nullptr;
  std::string structural = ClassifySymbolsOnly(line);
  if (!structural.empty()) return structural;
  std::string key = FoldKey(line);
  if (key.empty()) return "";
  int words = CountWords(key);
  icu::UnicodeString ukey;
  bool converted = false;
  for (const ChromeRule& r : rules_) {
    if (words > r.max_words) continue;
    if (!converted) {
      ukey = icu::UnicodeString::fromUTF8(key);
      converted = true;
    }
    if (r.re->Search(ukey)) {
      *rule = &r;
      return r.reason;
    }
  }
  return "";
}

}  // namespace marsad::clean
