// Pipeline: runs an ordered list of stages over documents.
//
//   auto p = Pipeline::Create({ingest_stage, clean_stage, ...});
//   if (!p.ok()) ... // names the stage and the missing layer
//   p->Run(docs, {.threads = 0, .progress = true});
//
// Create() checks that every stage's required layers are provided by an
// earlier stage (or listed in `initial_layers`). Run() processes documents
// in parallel on `threads` workers (0 = all cores); documents are modified
// in place, so output order is the input order whatever the scheduling. A
// stage error or exception is caught, recorded as a diagnostic and marks
// that document failed; the batch goes on.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/pipeline/stage.h"

namespace marsad {

struct RunOptions {
  int threads = 0;            // 0 = std::thread::hardware_concurrency()
  bool progress = false;      // draw a progress bar on stderr (TTY only)
  std::string progress_label = "analyze";
  // Called (from a worker thread, serialized) after each document finishes.
  std::function<void(size_t index, Document&)> on_done;
};

struct StageTiming {
  std::string name;
  double seconds = 0;  // summed over documents and threads
  int64_t documents = 0;
};

struct RunStats {
  int64_t documents = 0;
  int64_t failed = 0;
  int64_t bytes = 0;   // sum of raw sizes
  double wall_seconds = 0;
  std::vector<StageTiming> stages;
};

class Pipeline {
 public:
  static StatusOr<Pipeline> Create(std::vector<StagePtr> stages,
                                   std::vector<std::string> initial_layers = {"raw"});

  // Runs all stages on one document (no threading).
  void ProcessOne(Document& doc, std::vector<double>* stage_seconds = nullptr) const;

  RunStats Run(std::vector<Document>& docs, const RunOptions& options = {}) const;

  const std::vector<StagePtr>& stages() const { return stages_; }

 private:
  explicit Pipeline(std::vector<StagePtr> stages) : stages_(std::move(stages)) {}
  std::vector<StagePtr> stages_;
};

}  // namespace marsad
