#include "marsad/clean/icu_regex.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <atomic>
#include <unordered_map>

namespace marsad::clean {
namespace {

std::atomic<uint64_t> next_regex_id{1};

// A RegexMatcher is not thread-safe and costly to create, so each thread
// keeps one per compiled pattern (keyed by a never-reused id, not by
// address) and resets it onto each new text.
icu::RegexMatcher* ThreadMatcher(uint64_t id, const icu::RegexPattern& pattern,
                                 const icu::UnicodeString& text) {
  thread_local std::unordered_map<uint64_t, std::unique_ptr<icu::RegexMatcher>> cache;
  auto& slot = cache[id];
  UErrorCode status = U_ZERO_ERROR;
  if (!slot) {
    slot.reset(pattern.matcher(text, status));
    if (U_FAILURE(status)) {
      slot.reset();
      return nullptr;
    }
    // Bound the work on hostile input (catastrophic backtracking).
    slot->setTimeLimit(200, status);
    return slot.get();
  }
  slot->reset(text);
  return slot.get();
}

}  // namespace

Regex::~Regex() = default;

StatusOr<std::shared_ptr<const Regex>> Regex::Compile(const std::string& pattern, bool case_insensitive) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  uint32_t flags = case_insensitive ? UREGEX_CASE_INSENSITIVE : 0;
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), flags, parse_error, status));
  if (U_FAILURE(status) || compiled == nullptr) {
    return DataError("bad regular expression '" + pattern + "': " + u_errorName(status) + " at offset " +
                     std::to_string(parse_error.offset));
  }
  std::shared_ptr<Regex> re(new Regex());
  re->pattern_ = pattern;
  re->compiled_ = std::move(compiled);
  re->id_ = next_regex_id.fetch_add(1);
  return std::shared_ptr<const Regex>(std::move(re));
}

bool Regex::Search(std::string_view text) const {
  return Search(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))));
}

bool Regex::Search(const icu::UnicodeString& text) const {
  icu::RegexMatcher* m = ThreadMatcher(id_, *compiled_, text);
  if (m == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  bool found = m->find(status);
  return U_SUCCESS(status) && found;
}

bool Regex::Find(const icu::UnicodeString& text, int32_t from, int32_t* groups, int max_groups) const {
  icu::RegexMatcher* m = ThreadMatcher(id_, *compiled_, text);
  if (m == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  if (!m->find(from, status) || U_FAILURE(status)) return false;
  int n = std::min(max_groups, m->groupCount() + 1);
  for (int g = 0; g < max_groups; ++g) {
    groups[2 * g] = groups[2 * g + 1] = -1;
  }
  for (int g = 0; g < n; ++g) {
    UErrorCode s = U_ZERO_ERROR;
    groups[2 * g] = m->start(g, s);
    groups[2 * g + 1] = m->end(g, s);
    if (U_FAILURE(s)) groups[2 * g] = groups[2 * g + 1] = -1;
  }
  return true;
}

}  // namespace marsad::clean
