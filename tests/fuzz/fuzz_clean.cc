// Fuzz target: the cleaning stage on arbitrary bytes (invalid UTF-8, huge
// lines, control characters). It must never crash, hang or produce a body
// that is not valid UTF-8.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "marsad/clean/clean_stage.h"
#include "marsad/common/paths.h"
#include "marsad/common/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const marsad::StagePtr stage = [] {
    auto s = marsad::MakeCleanStage(marsad::DataDir());
    return s.ok() ? *s : nullptr;
  }();
  if (!stage) return 0;
  marsad::Document doc;
  doc.raw.assign(reinterpret_cast<const char*>(data), size);
  // Use the first line as a title hint half of the time, to reach that path.
  if (size > 0 && (data[0] & 1)) doc.input.title = doc.raw.substr(0, doc.raw.find('\n'));
  marsad::Status st = stage->Process(doc);
  if (!st.ok()) std::abort();
  if (!marsad::utf8::IsValid(doc.body) || !marsad::utf8::IsValid(doc.title)) std::abort();
  return 0;
}
