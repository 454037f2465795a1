// Engine: assembles the default per-document pipeline from the stages and
// the knowledge base in data/. The only module allowed to know every stage;
// apps (CLI, server, benchmarks) build pipelines through it.
//
//   auto engine = Engine::Create({.data_dir = DataDir()});
//   if (!engine.ok()) { ... one-line error ... }
//   engine->pipeline().Run(docs, {...});
//
// Thread-safety: an Engine is immutable after Create(); its pipeline may be
// run from several threads.
#pragma once

#include <memory>
#include <string>

#include "marsad/common/status.h"
#include "marsad/pipeline/pipeline.h"

namespace marsad {

struct EngineOptions {
  std::string data_dir;        // knowledge base; "" = DataDir()
  std::string ner_model;       // "" = <data_dir>/../models/ner-wojood.model if present
  bool entities = true;        // knowledge-base entity recognition and linking
  bool dates = true;           // temporal expressions and document dates
  bool events = true;          // attributions and events
};

class Engine {
 public:
  static StatusOr<std::shared_ptr<const Engine>> Create(const EngineOptions& options);
  const Pipeline& pipeline() const { return *pipeline_; }

 private:
  std::unique_ptr<Pipeline> pipeline_;
  std::shared_ptr<const void> resources_;  // keeps models alive for the stages
};

}  // namespace marsad
