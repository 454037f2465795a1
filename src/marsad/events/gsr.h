// Reading the PLOVER Arabic gold sentences (arabic-event-gsr, MIT licence;
// ../shared/data/arabic-event-gsr) for `marsad eval events` and
// `marsad train events`.
//
// The split is fixed and documented (docs/events.md): a sentence is in the
// "train" part (70%, called "dev" in the evaluation: rules were tuned and the
// classifier trained on it) when FNV-1a-64(id) % 10 < 7, else in the held-out
// "test" part. The data itself never enters the repository.
//
// Thread-safety: plain functions, no shared state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "marsad/common/status.h"

namespace marsad {

struct GsrRow {
  std::string id;
  std::string text;
  std::string label;  // yes | easy no | difficult no | ambiguous
  bool train = false; // in the 70% training part (InTrainSplit(id))
};

// Rows of <dir>/<name>_gsr.csv (name = "assault" or "protest"), in file order.
// IoError if unreadable, DataError if the columns id/text/label are missing.
StatusOr<std::vector<GsrRow>> ReadGsr(const std::string& dir, const std::string& name);

// RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

uint64_t Fnv1a64(const std::string& s);
inline bool InTrainSplit(const std::string& id) { return Fnv1a64(id) % 10 < 7; }

}  // namespace marsad
