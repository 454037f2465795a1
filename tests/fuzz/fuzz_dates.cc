// Fuzz target: DateExtractor::Analyze and InferDocumentDate on arbitrary
// bytes, with and without a reference date. Never crash; spans are in range,
// ordered and non-overlapping; every expression has an anchor; without a
// reference nothing is resolved relative to a document.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "marsad/common/paths.h"
#include "marsad/dates/date_extractor.h"
#include "marsad/dates/dates_stage.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

const marsad::DateExtractor* Extractor() {
  static const marsad::DateExtractor* ex = [] {
    auto e = marsad::DateExtractor::Load(marsad::DataDir());
    if (!e.ok()) std::abort();  // the data folder must be reachable ($MARSAD_DATA)
    return new marsad::DateExtractor(std::move(e).value());
  }();
  return ex;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto* ex = Extractor();
  // The first byte picks a reference date (or none) so both paths are fuzzed.
  std::optional<marsad::CivilDate> ref;
  if (size > 0 && data[0] % 3 != 0) ref = marsad::CivilDate{2000 + data[0] % 30, 1 + data[0] % 12, 1 + data[0] % 28};
  auto ms = ex->Analyze(text, ref);
  int32_t last = 0;
  for (const auto& m : ms) {
    const auto& d = m.expr;
    Check(d.span.start >= last && d.span.start < d.span.end);
    Check(d.span.end <= static_cast<int32_t>(size));
    Check(d.text == text.substr(d.span.start, d.span.end - d.span.start));
    Check(!d.anchor.empty());
    if (!ref) Check(d.anchor != "document");
    last = d.span.end;
  }
  (void)marsad::InferDocumentDate(*ex, text);
  return 0;
}
