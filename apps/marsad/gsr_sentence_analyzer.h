// Shared by `marsad eval events` and `marsad train events`, which must see the
// GSR sentences the same way.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "marsad/attribute/attribution_finder.h"
#include "marsad/attribute/attribution_stage.h"
#include "marsad/common/status.h"
#include "marsad/document/layers.h"
#include "marsad/engine/engine.h"
#include "marsad/pipeline/stage.h"

namespace marsad::cli {

// One gold sentence through the engine's per-document stages after cleaning
// (normalize, tokenize, and the entity layer unless --no-entities), taken as
// the whole body, then the attribution finder.
class SentenceAnalyzer {
 public:
  static marsad::StatusOr<std::shared_ptr<SentenceAnalyzer>> Create(
      const std::string& data_dir, bool entities, std::shared_ptr<const marsad::AttributionFinder> af) {
    auto a = std::make_shared<SentenceAnalyzer>();
    marsad::EngineOptions eo;
    eo.data_dir = data_dir;
    eo.entities = entities;
    eo.dates = false;
    eo.events = false;
    auto engine = marsad::Engine::Create(eo);
    if (!engine.ok()) return engine.status();
    a->engine_ = *engine;
    for (const auto& s : a->engine_->pipeline().stages()) {
      if (s->Name().rfind("clean", 0) != 0) a->stages_.push_back(s);
    }
    a->stages_.push_back(marsad::MakeAttributionStage(std::move(af)));
    return a;
  }
  void Analyze(const std::string& text, marsad::Document* d) const {
    d->raw = text;
    d->body = text;
    d->layers = {marsad::layers::kRaw, marsad::layers::kBody, marsad::layers::kMetadata};
    for (const auto& s : stages_) {
      (void)s->Process(*d);
      for (const auto& l : s->Provides()) d->layers.insert(l);
    }
  }

 private:
  std::shared_ptr<const marsad::Engine> engine_;
  std::vector<marsad::StagePtr> stages_;
};

}  // namespace marsad::cli
