#include "marsad/attribute/attribution_stage.h"

#include "marsad/document/layers.h"

namespace marsad {
namespace {

class AttributionStage : public Stage {
 public:
  explicit AttributionStage(std::shared_ptr<const AttributionFinder> finder) : finder_(std::move(finder)) {}
  std::string Name() const override { return kAttributionStageName; }
  std::vector<std::string> Requires() const override {
    return {layers::kBody, layers::kTokens, layers::kMetadata};
  }
  std::vector<std::string> Provides() const override { return {layers::kAttributions}; }

  Status Process(Document& doc) const override {
    const bool has_entities = doc.layers.count(layers::kEntities) > 0;
    const AttributionFinder::Input in{doc.body, &doc.tokens, has_entities ? &doc.entities : nullptr};
    std::vector<Attribution> atts = finder_->Find(in);
    AttributionFinder::AddChainWithDateline(doc.outlet, doc.wires, finder_->FindDatelineSource(in),
                                            doc.body.size(), &atts);
    doc.attributions = std::move(atts);
    doc.layers.insert(layers::kAttributions);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const AttributionFinder> finder_;
};

}  // namespace

StatusOr<StagePtr> MakeAttributionStage(const std::string& data_dir) {
  auto finder = AttributionFinder::Load(data_dir);
  if (!finder.ok()) return finder.status();
  return MakeAttributionStage(*finder);
}

StagePtr MakeAttributionStage(std::shared_ptr<const AttributionFinder> finder) {
  return std::make_shared<AttributionStage>(std::move(finder));
}

}  // namespace marsad
