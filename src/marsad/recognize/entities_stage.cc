#include "marsad/recognize/entities_stage.h"

#include "marsad/document/layers.h"

namespace marsad {
namespace {

class EntitiesStage final : public Stage {
 public:
  EntitiesStage(std::shared_ptr<const EntityRecognizer> rec, ExtraSpansFn extra)
      : rec_(std::move(rec)), extra_(std::move(extra)) {}

  std::string Name() const override { return "entities.kb.v1"; }
  std::vector<std::string> Requires() const override { return {layers::kBody, layers::kTokens}; }
  std::vector<std::string> Provides() const override { return {layers::kEntities}; }

  Status Process(Document& doc) const override {
    std::vector<ExternalSpan> extra;
    if (extra_) extra = extra_(doc);
    doc.entities = rec_->Recognize(doc.body, doc.tokens, doc.title, extra);
    doc.layers.insert(layers::kEntities);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const EntityRecognizer> rec_;
  ExtraSpansFn extra_;
};

}  // namespace

StatusOr<StagePtr> MakeEntitiesStage(const std::string& data_dir, ExtraSpansFn extra_spans) {
  auto rec = EntityRecognizer::Create(data_dir);
  if (!rec.ok()) return rec.status();
  return MakeEntitiesStage(*rec, std::move(extra_spans));
}

StagePtr MakeEntitiesStage(std::shared_ptr<const EntityRecognizer> recognizer,
                           ExtraSpansFn extra_spans) {
  return std::make_shared<EntitiesStage>(std::move(recognizer), std::move(extra_spans));
}

}  // namespace marsad
