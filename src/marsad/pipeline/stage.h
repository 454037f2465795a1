// Stage: one step of per-document processing.
//
// A stage is immutable after construction: Process() is const and must be
// safe to call from many threads at once on different documents. Heavy
// resources (lexicons, models) are loaded in the stage's factory and shared.
//
// Process() returns a non-OK Status only for operational failures; content
// problems are recorded as diagnostics on the document. A stage may set
// doc.failed when it cannot produce its layer (e.g. binary input); later
// stages are then skipped for that document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/document/document.h"

namespace marsad {

class Stage {
 public:
  virtual ~Stage() = default;
  // Versioned name, e.g. "normalize.arabic.v1".
  virtual std::string Name() const = 0;
  virtual std::vector<std::string> Requires() const = 0;
  virtual std::vector<std::string> Provides() const = 0;
  virtual Status Process(Document& doc) const = 0;
};

using StagePtr = std::shared_ptr<const Stage>;

}  // namespace marsad
