// Shared by `marsad analyze` and `marsad ingest`: read inputs in chunks, run
// the engine's pipeline, hand finished documents to a sink in input order.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "marsad/document/document.h"
#include "marsad/pipeline/pipeline.h"
#include "verb.h"

namespace marsad::cli {

struct BatchSummary {
  int64_t read = 0;          // articles read
  int64_t input_errors = 0;  // paths/lines that could not be read
  int64_t failed = 0;        // documents a stage gave up on
  int64_t no_text = 0;       // documents with an empty body after cleaning
  int64_t bytes = 0;
  double seconds = 0;
  std::vector<StageTiming> stages;
};

struct BatchOptions {
  std::vector<std::string> paths;
  size_t max_file_mb = 32;
  bool progress = true;
  std::string label = "analyze";
};

// Runs the default pipeline over all inputs; calls `sink` for every
// document (in input order) and `on_error` for every input error (also
// printed as one line on stderr). Returns false with a message on an
// operational failure (e.g. the knowledge base cannot be loaded).
bool RunBatch(const VerbContext& ctx, const BatchOptions& options,
              const std::function<void(Document&)>& sink,
              const std::function<void(const std::string& source, const std::string& code,
                                       const std::string& message)>& on_error,
              BatchSummary* summary, std::string* error);

void PrintSummary(const BatchSummary& s, FILE* out);

}  // namespace marsad::cli
