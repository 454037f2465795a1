// Fuzz target: DisplayForm, MatchForm, Tokenize and SplitSentences on
// arbitrary bytes, checking their invariants (traps on violation).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/utf8.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/tokenize/tokenizer.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

void CheckAlignment(std::string_view in, const std::string& out, const std::vector<int32_t>& al) {
  Check(al.size() == out.size() + 1);
  Check(al.back() == static_cast<int32_t>(in.size()));
  for (size_t i = 0; i < al.size(); ++i) {
    Check(al[i] >= 0 && al[i] <= static_cast<int32_t>(in.size()));
    if (i > 0) Check(al[i - 1] <= al[i]);
  }
  Check(marsad::utf8::IsValid(out));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string out;
  std::vector<int32_t> al;

  marsad::DisplayForm(in, &out, &al);
  CheckAlignment(in, out, al);
  Check(marsad::DisplayForm(out) == out);

  marsad::MatchForm(in, &out, &al);
  CheckAlignment(in, out, al);
  Check(marsad::MatchForm(out) == out);

  std::vector<marsad::Span> sents = marsad::SplitSentences(in);
  int32_t prev = 0;
  for (const marsad::Span& s : sents) {
    Check(s.start >= prev && s.start < s.end && s.end <= static_cast<int32_t>(size));
    prev = s.end;
  }
  std::vector<marsad::Token> toks = marsad::Tokenize(in, sents);
  prev = 0;
  for (const marsad::Token& t : toks) {
    Check(t.span.start >= prev && t.span.start < t.span.end && t.span.end <= static_cast<int32_t>(size));
    prev = t.span.end;
    Check(t.prefix_bytes + t.suffix_bytes <= t.norm.size());
    Check(t.stem == t.norm.substr(t.prefix_bytes, t.norm.size() - t.prefix_bytes - t.suffix_bytes));
    Check(t.sentence >= 0 && (sents.empty() || t.sentence < static_cast<int32_t>(sents.size())));
    if (t.kind == marsad::TokenKind::kArabic) {
      Check(!marsad::SegmentClitics(in.substr(t.span.start, t.span.end - t.span.start)).empty());
    }
  }
  return 0;
}
