// Fuzz target: the pair-classifier model loader must reject arbitrary bytes
// with a Status, never crash; a model that does parse must classify and
// serialize safely. The first line of the input, when it parses, also serves
// as one side of the classified pair.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "marsad/compare/pair_classifier.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto model = marsad::PairClassifier::Parse(bytes);
  if (model.ok()) {
    // "The army entered the city" / "The army did not enter the city"
    (void)model->Classify("الجيش دخل المدينة", "الجيش لم يدخل المدينة");
    (void)model->Classify(bytes.substr(0, bytes.find('\n')), "");
    (void)model->Serialize();
  }
  return 0;
}
