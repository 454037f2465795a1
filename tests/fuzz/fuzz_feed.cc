// Fuzz target: the RSS/Atom reader (libxml2 without network, entity
// substitution or recovery) on arbitrary bytes. Never crash; items carry
// valid UTF-8; errors carry a code. Seeds: tests/fixtures/web/feed_*.xml.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "marsad/common/utf8.h"
#include "marsad/ingest/feed_reader.h"
#include "marsad/ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string code;
  auto feed = marsad::ingest::ParseFeed(bytes, &code);
  if (feed.ok()) {
    for (const auto& item : feed->items) {
      if (!marsad::utf8::IsValid(item.body) || !marsad::utf8::IsValid(item.title)) std::abort();
    }
  } else if (code.empty()) {
    std::abort();
  }
  std::string doc = "<rss>";
  doc.append(bytes);
  marsad::ingest::ReadOptions options;
  marsad::ingest::ReadBytes(
      doc, "fuzz.xml", options,
      [](marsad::Document&& d) {
        if (!marsad::utf8::IsValid(d.raw)) std::abort();
      },
      [](const marsad::ingest::InputError& e) {
        if (e.code.empty() || e.message.find('\n') != std::string::npos) std::abort();
      });
  return 0;
}
