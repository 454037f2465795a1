// Fuzz target: DecodeText / DecodeToUtf8 on arbitrary bytes. The output must
// always be valid UTF-8, and decoding must never crash or throw.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "marsad/common/utf8.h"
#include "marsad/ingest/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks a charset hint so hinted paths are fuzzed too.
  static constexpr const char* kHints[] = {"", "windows-1256", "ISO-8859-1", "UTF-16LE",
                                           "no-such-charset", "Shift_JIS"};
  const char* hint = kHints[size > 0 ? data[0] % 6 : 0];
  std::string code;
  auto decoded = marsad::ingest::DecodeText(bytes, hint, &code);
  if (decoded.ok()) {
    if (!marsad::utf8::IsValid(decoded->text)) std::abort();
    (void)marsad::ingest::IsBlankText(decoded->text);
  } else if (code.empty()) {
    std::abort();  // every failure carries a stable code
  }
  std::string enc;
  (void)marsad::ingest::DecodeToUtf8(bytes, "", &enc);
  return 0;
}
