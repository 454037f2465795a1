// Internal: lossless JSON for the Document layers the store keeps as blobs
// (entities, dates, attributions, sentences, input metadata, layer names,
// diagnostics, and one Event per events row).
//
// Unlike the public marsad.analysis/1 schema (document/json.h), offsets here
// stay BYTE offsets into Document::body, so a stored document reads back
// exactly as it was put. Readers never throw: unknown or mistyped fields are
// skipped and fall back to defaults.
//
// Thread-safety: pure functions, thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "marsad/document/document.h"

namespace marsad::store_internal {

inline constexpr const char* kAnalysisFormat = "marsad.store.analysis/1";

// entities, dates, attributions, sentences, input, layers, failed.
nlohmann::json AnalysisToJson(const Document& doc);
void AnalysisFromJson(const nlohmann::json& j, Document* doc);

nlohmann::json EventToJson(const Event& e);
Event EventFromJson(const nlohmann::json& j);

nlohmann::json DiagnosticsToJson(const std::vector<Diagnostic>& diagnostics);
std::vector<Diagnostic> DiagnosticsFromJson(const nlohmann::json& j);

// Stable names for Precision values ("day", ...) and back.
Precision PrecisionFromName(std::string_view name);

}  // namespace marsad::store_internal
