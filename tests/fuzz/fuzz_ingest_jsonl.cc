// Fuzz target: the JSONL line parser and the in-memory reader on arbitrary
// bytes. Never crash or throw; every error carries a code and a one-line
// message; every Document has the "raw" layer and valid UTF-8 text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "marsad/common/utf8.h"
#include "marsad/ingest/jsonl.h"
#include "marsad/ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string code;
  auto rec = marsad::ingest::ParseJsonlLine(bytes, &code);
  if (!rec.ok() && (code.empty() || rec.status().message().find('\n') != std::string::npos)) {
    std::abort();
  }
  marsad::ingest::ReadOptions options;
  options.max_file_bytes = 1 << 16;
  marsad::ingest::ReadBytes(
      bytes, "fuzz.jsonl", options,
      [](marsad::Document&& doc) {
        if (doc.layers.count("raw") == 0 || !marsad::utf8::IsValid(doc.raw)) std::abort();
      },
      [](const marsad::ingest::InputError& e) {
        if (e.code.empty() || e.message.find('\n') != std::string::npos) std::abort();
      });
  return 0;
}
