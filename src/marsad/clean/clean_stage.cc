#include "marsad/clean/clean_stage.h"

#include "marsad/document/layers.h"

namespace marsad {
namespace {

class CleanStage final : public Stage {
 public:
  explicit CleanStage(std::shared_ptr<const clean::ArticleCleaner> cleaner) : cleaner_(std::move(cleaner)) {}

  std::string Name() const override { return kCleanStageName; }
  std::vector<std::string> Requires() const override { return {layers::kRaw}; }
  std::vector<std::string> Provides() const override { return {layers::kBody, layers::kMetadata}; }

  Status Process(Document& doc) const override {
    clean::CleanHints hints{doc.input.title, doc.input.url, doc.input.outlet, doc.input.published};
    clean::CleanResult r = cleaner_->Clean(doc.raw, hints);
    doc.body = std::move(r.body);
    doc.removed = std::move(r.removed);
    doc.title = std::move(r.title);
    doc.outlet = std::move(r.outlet);
    doc.wires = std::move(r.wires);
    doc.published = std::move(r.published);
    for (auto& [code, message] : r.diagnostics) {
      Severity severity = code == "no-article-text" ? Severity::kWarning : Severity::kInfo;
      doc.AddDiagnostic(kCleanStageName, std::move(code), std::move(message), severity);
    }
    doc.layers.insert(layers::kBody);
    doc.layers.insert(layers::kMetadata);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const clean::ArticleCleaner> cleaner_;
};

}  // namespace

StatusOr<StagePtr> MakeCleanStage(const std::string& data_dir) {
  auto cleaner = clean::ArticleCleaner::Create(data_dir);
  if (!cleaner.ok()) return cleaner.status();
  return MakeCleanStage(*cleaner);
}

StagePtr MakeCleanStage(std::shared_ptr<const clean::ArticleCleaner> cleaner) {
  return std::make_shared<const CleanStage>(std::move(cleaner));
}

}  // namespace marsad
