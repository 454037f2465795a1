// Fuzz target: AttributionFinder and EventExtractor on arbitrary bytes
// (tokenized as the pipeline does, with the input's first byte choosing a
// document year). Never crash; every span is inside the text and ordered;
// parents and chains point inside the attribution list; confidences lie in
// (0, 1]; statuses come from the documented set. The same bytes are also
// given to the events model reader (EventClassifier::Parse).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "marsad/attribute/attribution_finder.h"
#include "marsad/common/paths.h"
#include "marsad/events/event_extractor.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/tokenize/tokenizer.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

struct Models {
  std::shared_ptr<const marsad::AttributionFinder> af;
  std::shared_ptr<const marsad::EventExtractor> ex;
};

const Models& Get() {
  static const Models* m = [] {
    auto af = marsad::AttributionFinder::Load(marsad::DataDir());
    // With the shipped sentence gate when present, so the gate path runs too.
    auto ex = marsad::EventExtractor::Load(marsad::DataDir(),
                                           marsad::EventExtractor::DefaultModelPath(marsad::DataDir()));
    if (!af.ok() || !ex.ok()) std::abort();  // the data folder must be reachable ($MARSAD_DATA)
    return new Models{*af, *ex};
  }();
  return *m;
}

void CheckSpan(const marsad::Span& s, size_t size) {
  Check(s.start >= 0 && s.start <= s.end && static_cast<size_t>(s.end) <= size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The body is always display-form text in the pipeline.
  std::string body = marsad::DisplayForm(std::string_view(reinterpret_cast<const char*>(data), size));
  const Models& m = Get();
  std::vector<marsad::Token> tokens = marsad::Tokenize(body);
  std::vector<marsad::Attribution> atts = m.af->Find({body, &tokens, nullptr});
  marsad::AttributionFinder::AddChain(marsad::OutletRef{"outlet", "", ""}, {"afp"}, body.size(), &atts);
  for (size_t i = 0; i < atts.size(); ++i) {
    CheckSpan(atts[i].span, body.size());
    CheckSpan(atts[i].cue_span, body.size());
    Check(atts[i].parent >= -1 && atts[i].parent < static_cast<int32_t>(atts.size()));
    Check(atts[i].stance == "asserts" || atts[i].stance == "denies");
    auto chain = marsad::AttributionFinder::Chain(atts, static_cast<int32_t>(i));
    Check(!chain.empty() && chain.back() == static_cast<int32_t>(i) && chain.size() <= atts.size());
  }
  marsad::EventInput in;
  in.body = body;
  in.tokens = &tokens;
  in.attributions = &atts;
  in.document_year = size > 0 ? 1990 + data[0] % 40 : 0;
  std::vector<marsad::SentenceFeatures> features;
  in.features_out = &features;
  auto events = m.ex->Extract(in);
  for (const auto& f : features) CheckSpan(f.sentence, body.size());
  // The model reader never crashes on arbitrary bytes either.
  (void)marsad::EventClassifier::Parse(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
  int32_t last = 0;
  for (const auto& e : events) {
    CheckSpan(e.trigger_span, body.size());
    CheckSpan(e.evidence, body.size());
    Check(e.evidence.start <= e.trigger_span.start && e.trigger_span.end <= e.evidence.end);
    Check(e.trigger_span.start >= last);
    last = e.trigger_span.start;
    Check(e.confidence > 0 && e.confidence <= 1);
    Check(e.status == "completed" || e.status == "attempted" || e.status == "ongoing" || e.status == "future" ||
          e.status == "hypothetical");
    for (const auto* args : {&e.actors, &e.targets}) {
      for (const auto& a : *args) CheckSpan(a.span, body.size());
    }
    if (e.place) CheckSpan(e.place->span, body.size());
    for (const auto& q : e.quantities) CheckSpan(q.span, body.size());
    for (int32_t a : e.attributed_to) Check(a >= 0 && a < static_cast<int32_t>(atts.size()));
  }
  return 0;
}
