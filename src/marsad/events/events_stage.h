// Stage "events.v1": fills Document::events.
//
//   requires {"tokens", "attributions"}; uses "entities" (arguments become
//   knowledge-base ids, places carry coordinates through doc.entities) and
//   "dates" (each event gets its governing date, see dates/dates_stage.h)
//   when present; provides {"events"}.
//
//   auto stage = MakeEventsStage(DataDir());
//
// Thread-safety: immutable; Process() may run concurrently on different documents.
#pragma once

#include <memory>
#include <string>

#include "marsad/common/status.h"
#include "marsad/events/event_extractor.h"
#include "marsad/pipeline/stage.h"

namespace marsad {

inline constexpr const char* kEventsStageName = "events.v1";

StatusOr<StagePtr> MakeEventsStage(const std::string& data_dir);
StagePtr MakeEventsStage(std::shared_ptr<const EventExtractor> extractor);

}  // namespace marsad
