// Thin RAII helpers over ICU regular expressions for the cleaner.
//
// A compiled Regex is immutable and may be shared by threads: each call
// creates its own matcher, as ICU requires.
#pragma once

#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "marsad/common/status.h"

U_NAMESPACE_BEGIN
class RegexPattern;
U_NAMESPACE_END

namespace marsad::clean {

class Regex {
 public:
  // Compiles `pattern` (UTF-8, ICU syntax). Case-insensitive if asked.
  static StatusOr<std::shared_ptr<const Regex>> Compile(const std::string& pattern, bool case_insensitive);
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // True if the pattern matches somewhere in `text` (UTF-8).
  bool Search(std::string_view text) const;
  bool Search(const icu::UnicodeString& text) const;

  // Finds the first match at or after UTF-16 index `from`; returns false if
  // none. `groups` receives [start, end) UTF-16 indices of groups 0..n (-1
  // for a group that did not take part).
  bool Find(const icu::UnicodeString& text, int32_t from, int32_t* groups, int max_groups) const;

  const std::string& pattern() const { return pattern_; }

 private:
  Regex() = default;
  std::string pattern_;
  std::unique_ptr<icu::RegexPattern> compiled_;
  uint64_t id_ = 0;  // key of the per-thread matcher cache
};

}  // namespace marsad::clean
