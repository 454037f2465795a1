// Pipeline adapter for entity recognition and linking.
//
//   "entities.kb.v1": requires {"body", "tokens"}, provides {"entities"}.
//   Fills doc.entities (see recognizer.h): KB entities and, when
//   `extra_spans` is given, entities for the names it returns (provisional
//   "new:" ids for names the KB lacks). The lead wires a statistical
//   recognizer in through `extra_spans`.
//
//   auto stage = MakeEntitiesStage(DataDir());
//   auto stage2 = MakeEntitiesStage(DataDir(), [&](const Document& d) { return ner.Spans(d); });
//
// Thread-safety: the stage is immutable; Process() may run concurrently on
// different documents, provided `extra_spans` is itself thread-safe.
#pragma once

#include <memory>
#include <string>

#include "marsad/common/status.h"
#include "marsad/pipeline/stage.h"
#include "marsad/recognize/recognizer.h"

namespace marsad {

// Loads the KB under <data_dir>/kb; fails if it cannot be read.
StatusOr<StagePtr> MakeEntitiesStage(const std::string& data_dir, ExtraSpansFn extra_spans = {});

// Same, sharing an already created recognizer.
StagePtr MakeEntitiesStage(std::shared_ptr<const EntityRecognizer> recognizer,
                           ExtraSpansFn extra_spans = {});

}  // namespace marsad
