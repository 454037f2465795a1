#include "marsad/tokenize/tokenize_stage.h"

#include "marsad/document/layers.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

class TokenizeStage final : public Stage {
 public:
  std::string Name() const override { return "tokenize.arabic.v1"; }
  std::vector<std::string> Requires() const override { return {layers::kBody}; }
  std::vector<std::string> Provides() const override { return {layers::kSentences, layers::kTokens}; }

  Status Process(Document& doc) const override {
    doc.sentences = SplitSentences(doc.body);
    doc.tokens = Tokenize(doc.body, doc.sentences);
    doc.layers.insert(layers::kSentences);
    doc.layers.insert(layers::kTokens);
    return Status::Ok();
  }
};

}  // namespace

StagePtr MakeTokenizeStage() { return std::make_shared<TokenizeStage>(); }

}  // namespace marsad
