// Fuzz target: arbitrary bytes as a user search query. Compiling the query
// must give a value or a clean Status, and running it against an in-memory
// store (custom FTS5 tokenizer included) must never crash; a query that
// compiled must not make FTS5 report a syntax error. The query's highlighter
// (with and without function words) marks and cuts the first half of the
// input as a text: parts must rebuild a substring of it, in order.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "marsad/store/search_query.h"
#include "marsad/store/store.h"

namespace {

marsad::Store* TestStore() {
  static std::unique_ptr<marsad::Store> store = [] {
    auto s = marsad::Store::Open(":memory:");
    if (!s.ok()) std::abort();
    // A few hand-written documents (Arabic with clitics and tashkeel, Latin).
    const char* bodies[][2] = {
        {"وقعت اشتباكات بالبوكمال يوم الأحد.", "خبر"},     // clashes in Al-Bukamal on Sunday
        {"وَصَلَتِ القَوَافِلُ إِلَى البُوكَمَالِ.", "قوافل"},  // the convoys reached Al-Bukamal
        {"Reuters reported fighting near Albu Kamal.", "Latin"},
        {"افتتح سوق في الميادين ٢٠١٧.", "سوق"},            // a market opened in al-Mayadin 2017
    };
    for (const auto& b : bodies) {
      marsad::Document d;
      d.body = b[0];
      d.title = b[1];
      if (!(*s)->Put(d).ok()) std::abort();
    }
    return std::move(s.value());
  }();
  return store.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string query(reinterpret_cast<const char*>(data), size);
  auto compiled = marsad::CompileSearchQuery(query);
  auto hits = TestStore()->Search(query, {.limit = 5});
  if (compiled.ok() != hits.ok() && compiled.ok()) {
    // The compiler promised FTS5 a well-formed expression.
    std::abort();
  }
  static const marsad::QueryStopwords kStop({"في", "من"});  // "in", "from"
  std::string text = query.substr(0, size / 2);
  for (const marsad::QueryStopwords* stop : {static_cast<const marsad::QueryStopwords*>(nullptr), &kStop}) {
    marsad::QueryHighlighter marker(query, stop);
    std::string whole;
    for (const auto& p : marker.Highlight(text)) whole += p.text;
    if (whole != text) std::abort();  // highlighting keeps every byte
    std::string cut;
    for (const auto& p : marker.Snippet(text, 8, "")) cut += p.text;
    if (text.find(cut) == std::string::npos) std::abort();  // a snippet is a piece of the text
  }
  return 0;
}
