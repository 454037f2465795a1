// Serialization of Documents to the marsad.analysis/1 JSON schema
// (docs/schema.md). All spans are converted from byte offsets into `body`
// to Unicode code-point offsets into `body`.
#pragma once

#include <nlohmann/json.hpp>

#include "marsad/document/document.h"

namespace marsad {

inline constexpr const char* kAnalysisSchema = "marsad.analysis/1";

struct JsonOptions {
  bool include_tokens = false;   // tokens are large; off by default
  bool include_normalized = false;
};

nlohmann::json DocumentToJson(const Document& doc, const JsonOptions& options = {});

}  // namespace marsad
