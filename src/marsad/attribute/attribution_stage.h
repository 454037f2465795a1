// Stage "attribute.v1": fills Document::attributions.
//
//   requires {"body", "tokens", "metadata"}; uses "entities" when present
//   (speakers become entity ids); provides {"attributions"}.
//
// The first attributions are the document's chain: the outlet (cue
// "outlet") and its wire agencies (cue "wire"), covering the whole body;
// every speaker found in the text hangs below them (see AttributionFinder).
//
//   auto stage = MakeAttributionStage(DataDir());
//
// Thread-safety: immutable; Process() may run concurrently on different documents.
#pragma once

#include <memory>
#include <string>

#include "marsad/attribute/attribution_finder.h"
#include "marsad/common/status.h"
#include "marsad/pipeline/stage.h"

namespace marsad {

inline constexpr const char* kAttributionStageName = "attribute.v1";

StatusOr<StagePtr> MakeAttributionStage(const std::string& data_dir);
StagePtr MakeAttributionStage(std::shared_ptr<const AttributionFinder> finder);

}  // namespace marsad
