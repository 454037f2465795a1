#include "marsad/engine/engine.h"

#include <filesystem>
#include <set>

#include "marsad/attribute/attribution_stage.h"
#include "marsad/clean/clean_stage.h"
#include "marsad/common/paths.h"
#include "marsad/dates/dates_stage.h"
#include "marsad/events/events_stage.h"
#include "marsad/ner/ner_model.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/normalize/normalize_stage.h"
#include "marsad/recognize/entities_stage.h"
#include "marsad/recognize/kunya.h"
#include "marsad/tokenize/tokenize_stage.h"

namespace marsad {
namespace {

// Names the statistical recognizer finds, as byte spans for the linker.
// Wojood's flat types map onto marsad's entity types; ORG stays generic
// ("organization") because the model cannot tell a militia from a ministry.
const char* EntityTypeForNer(const std::string& t) {
  if (t == "PERS") return "person";
  if (t == "ORG") return "organization";
  return "place";  // GPE, LOC, FAC
}

// Below this confidence a statistical name is not asserted (precision first).
constexpr float kMinNerScore = 0.6f;

std::vector<ExternalSpan> NerSpans(const NerModel& model, const Document& doc) {
  std::vector<ExternalSpan> out;
  const auto& toks = doc.tokens;
  size_t begin = 0;
  while (begin < toks.size()) {
    size_t end = begin + 1;
    while (end < toks.size() && toks[end].sentence == toks[begin].sentence) ++end;
    for (const NerSpan& s : model.Predict(toks, begin, end)) {
      if (s.score < kMinNerScore || s.first >= s.last || s.last > toks.size()) continue;
      out.push_back({{toks[s.first].span.start, toks[s.last - 1].span.end}, EntityTypeForNer(s.type)});
    }
    begin = end;
  }
  return out;
}

struct Resources {
  std::shared_ptr<NerModel> ner;
  std::shared_ptr<const KunyaFinder> kunya;
};

}  // namespace

StatusOr<std::shared_ptr<const Engine>> Engine::Create(const EngineOptions& options) {
  namespace fs = std::filesystem;
  const std::string data_dir = DataDir(options.data_dir);
  std::error_code ec;
  if (!fs::is_directory(data_dir, ec)) {
    return NotFound("knowledge base directory " + data_dir + " not found (set --data or MARSAD_DATA)");
  }
  auto resources = std::make_shared<Resources>();
  std::vector<StagePtr> stages;

  auto clean = MakeCleanStage(data_dir);
  if (!clean.ok()) return clean.status();
  stages.push_back(*clean);
  stages.push_back(MakeNormalizeStage());
  stages.push_back(MakeTokenizeStage());
  if (options.dates) {
    auto dates = MakeDatesStage(data_dir);
    if (!dates.ok()) return dates.status();
    stages.push_back(*dates);
  }
  if (options.entities) {
    std::string model_path = options.ner_model;
    if (model_path.empty()) {
      fs::path candidate = fs::path(data_dir) / ".." / "models" / "ner-wojood.model";
      if (fs::exists(candidate, ec)) model_path = candidate.string();
    }
    if (!model_path.empty()) {
      auto model = NerModel::Load(model_path);
      if (!model.ok()) return model.status();
      resources->ner = std::make_shared<NerModel>(std::move(*model));
    }
    resources->kunya = KunyaFinder::Load(data_dir);
    std::shared_ptr<const NerModel> ner = resources->ner;
    std::shared_ptr<const KunyaFinder> kunya = resources->kunya;
    ExtraSpansFn extra = [ner, kunya](const Document& d) {
      std::vector<ExternalSpan> spans;
      if (kunya) kunya->Find(d.tokens, &spans);
      if (ner) {
        for (auto& s : NerSpans(*ner, d)) {
          bool overlaps = false;
          for (const auto& k : spans) overlaps |= s.span.start < k.span.end && k.span.start < s.span.end;
          if (!overlaps) spans.push_back(std::move(s));
        }
      }
      return spans;
    };
    auto entities = MakeEntitiesStage(data_dir, extra);
    if (!entities.ok()) return entities.status();
    stages.push_back(*entities);
  }
  if (options.events) {
    // Attributions name speakers from entities when that layer exists; events
    // use entities, dates and attributions when present.
    auto attribution = MakeAttributionStage(data_dir);
    if (!attribution.ok()) return attribution.status();
    stages.push_back(*attribution);
    auto events = MakeEventsStage(data_dir);
    if (!events.ok()) return events.status();
    stages.push_back(*events);
  }
  auto pipeline = Pipeline::Create(std::move(stages));
  if (!pipeline.ok()) return pipeline.status();
  auto engine = std::shared_ptr<Engine>(new Engine());
  engine->pipeline_ = std::make_unique<Pipeline>(std::move(*pipeline));
  engine->resources_ = resources;
  return std::shared_ptr<const Engine>(engine);
}

}  // namespace marsad
