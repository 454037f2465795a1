// Fuzz target: the streaming WARC / WARC.gz reader and the HTTP response
// parser on arbitrary bytes (as given, and behind a "WARC/1.0" header so
// the record parser is reached). Never crash, never loop; errors carry a
// code and a one-line message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "marsad/common/utf8.h"
#include "marsad/ingest/reader.h"
#include "marsad/ingest/warc_reader.h"

namespace {

void ReadAll(std::string_view bytes) {
  marsad::ingest::WarcOptions wo;
  wo.max_record_bytes = 1 << 16;
  marsad::ingest::WarcReader reader(marsad::ingest::MemoryReadFn(bytes), wo);
  marsad::ingest::WarcRecord rec;
  std::string error;
  // Each record needs >= 30 decoded bytes; gzip inflates at most ~1032:1.
  for (size_t guard = 0; guard < 64 + 1100 * bytes.size(); ++guard) {
    const auto r = reader.Next(&rec, &error);
    if (r == marsad::ingest::WarcReader::Result::kEnd) return;
    if (r == marsad::ingest::WarcReader::Result::kError && error.find('\n') != std::string::npos)
      std::abort();
    if (r == marsad::ingest::WarcReader::Result::kRecord) {
      marsad::ingest::HttpResponse http;
      std::string why;
      marsad::ingest::ParseHttpResponse(rec.block, 1 << 16, &http, &why);
    }
  }
  std::abort();  // more results than bytes: the reader did not advance
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadAll(bytes);
  std::string framed =
      "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: " + std::to_string(size) + "\r\n\r\n";
  framed.append(bytes);
  framed += "\r\n\r\n";
  ReadAll(framed);
  marsad::ingest::ReadOptions options;
  options.max_file_bytes = 1 << 16;
  marsad::ingest::ReadBytes(
      framed, "fuzz.warc", options,
      [](marsad::Document&& d) {
        if (!marsad::utf8::IsValid(d.raw)) std::abort();
      },
      [](const marsad::ingest::InputError& e) {
        if (e.code.empty() || e.message.find('\n') != std::string::npos) std::abort();
      });
  return 0;
}
