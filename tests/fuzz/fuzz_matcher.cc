// Fuzz target for entity recognition: arbitrary bytes are tokenized and run
// through the matcher and linker (with an external span derived from the
// input). Checks that it never crashes and that every mention span lies in
// the text and matches its text. Uses the project KB when $MARSAD_DATA or the
// build-time data directory is readable, else a small built-in KB.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "marsad/common/paths.h"
#include "marsad/recognize/recognizer.h"
#include "marsad/tokenize/tokenizer.h"

namespace {

std::shared_ptr<const marsad::EntityRecognizer> MakeRecognizer() {
  auto loaded = marsad::EntityRecognizer::Create(marsad::DataDir());
  if (loaded.ok()) return *loaded;
  auto kb = std::make_shared<marsad::KnowledgeBase>();
  kb->AddStopwordsTsv("في\nحشد\n", "fuzz");
  kb->AddActorsTsv(
      "isis\tarmed_group\tتنظيم الدولة\tIslamic State\tداعش\tISIS\t\t\t\n"
      "pmf\tstate_force\tالحشد الشعبي\tPMF\tالحشد\t\t\tiq\t\n"
      "qs\tperson\tقاسم سليماني\tQasem Soleimani\t\t\t\tir\t\n"
      "mayadeen\tmedia\tقناة الميادين\tAl Mayadeen\tالميادين\t\t\t\t\n",
      "fuzz");
  kb->AddPlacesTsv("sy-abu-kamal\tcity\tالبوكمال\tAbu Kamal\t\t34.45\t40.92\t\t\t\n"
                   "sy-mayadin\tcity\tالميادين\tal-Mayadin\t\t35.02\t40.45\t\t\t\n",
                   "fuzz", false);
  kb->AddContextTsv("قناة\tbefore\ttype=media\n", "fuzz");
  kb->AddAnaphoraTsv("التنظيم\tتنظيم\tarmed_group\n", "fuzz");
  return std::make_shared<marsad::EntityRecognizer>(kb);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto rec = MakeRecognizer();
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<marsad::Token> tokens = marsad::Tokenize(text);
  std::vector<marsad::ExternalSpan> extra;
  if (size >= 2) {
    int32_t a = data[0] % (size + 1), b = data[1] % (size + 1);
    extra.push_back({{a, b}, "person"});
  }
  std::vector<marsad::Entity> ents = rec->Recognize(text, tokens, text.substr(0, 64), extra);
  for (const auto& e : ents) {
    for (const auto& m : e.mentions) {
      if (m.span.start < 0 || m.span.end > static_cast<int32_t>(text.size()) ||
          m.span.start > m.span.end ||
          text.compare(m.span.start, m.span.end - m.span.start, m.text) != 0) {
        std::abort();
      }
    }
  }
  return 0;
}
