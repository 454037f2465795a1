// Fuzz target: the HTML page reader (charset sniffing, gumbo parse, JSON-LD,
// main-content extraction) on arbitrary bytes, directly and through
// ReadBytes. Never crash or throw; bodies are valid UTF-8; errors carry a
// code and a one-line message. Seeds: tests/fixtures/web/*.html.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "marsad/common/utf8.h"
#include "marsad/ingest/html_page.h"
#include "marsad/ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  marsad::ingest::HtmlPageOptions po;
  po.url = "https://www.enabbaladi.net/archives/1";
  po.fallback_date = "2020-01-01T00:00:00Z";
  std::string code;
  auto page = marsad::ingest::ReadHtmlPage(bytes, po, &code);
  if (page.ok()) {
    if (!marsad::utf8::IsValid(page->body) || !marsad::utf8::IsValid(page->title)) std::abort();
  } else if (code.empty()) {
    std::abort();
  }
  // The same bytes as an HTML document through the reader (forces markup).
  std::string doc = "<html>";
  doc.append(bytes);
  marsad::ingest::ReadOptions options;
  options.max_file_bytes = 1 << 20;
  marsad::ingest::ReadBytes(
      doc, "fuzz.html", options,
      [](marsad::Document&& d) {
        if (d.layers.count("raw") == 0 || !marsad::utf8::IsValid(d.raw)) std::abort();
      },
      [](const marsad::ingest::InputError& e) {
        if (e.code.empty() || e.message.find('\n') != std::string::npos) std::abort();
      });
  return 0;
}
