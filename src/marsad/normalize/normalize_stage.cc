#include "marsad/normalize/normalize_stage.h"

#include "marsad/common/utf8.h"
#include "marsad/document/layers.h"
#include "marsad/normalize/arabic_normalizer.h"

namespace marsad {
namespace {

class NormalizeStage final : public Stage {
 public:
  std::string Name() const override { return "normalize.arabic.v1"; }
  std::vector<std::string> Requires() const override { return {layers::kBody}; }
  std::vector<std::string> Provides() const override { return {layers::kNormalized}; }

  Status Process(Document& doc) const override {
    size_t bad = 0;
    if (!utf8::IsValid(doc.body, &bad)) {
      int32_t at = static_cast<int32_t>(bad);
      doc.AddDiagnostic(Name(), "invalid-utf8",
                        "body is not well-formed UTF-8; malformed bytes normalized to U+FFFD",
                        Severity::kWarning, Span{at, at + 1});
    }
    MatchForm(doc.body, &doc.normalized, &doc.norm_to_body);
    doc.layers.insert(layers::kNormalized);
    return Status::Ok();
  }
};

}  // namespace

StagePtr MakeNormalizeStage() { return std::make_shared<NormalizeStage>(); }

}  // namespace marsad
