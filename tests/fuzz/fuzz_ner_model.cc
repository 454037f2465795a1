// Fuzz target: the NER model loader must reject arbitrary bytes with a
// Status, never crash; a model that does parse must predict safely.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "marsad/ner/ner_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto model = marsad::NerModel::Parse(bytes);
  if (model.ok()) {
    // "qala al-liwa' samir fi dimashq" (Major General Samir said in Damascus)
    auto toks = marsad::NerTokensFromWords({"قال", "اللواء", "سمير", "في", "دمشق", ""});
    (void)model->Predict(toks, 0, toks.size());
    (void)model->Serialize();
  }
  return 0;
}
