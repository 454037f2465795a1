// Self-contained right-to-left HTML report of one story (the StoryJson
// object): summary, comparison table (claims x outlets), contradictions with
// both sides' evidence, unique claims, timeline, framing table and a map of
// the places drawn as inline SVG from KB coordinates. No script, no network,
// no external font or stylesheet: the file opens offline.
//
// Element ids a test or a reader can rely on: #summary, #comparison,
// #contradictions, #unique-claims, #timeline, #framing, #map, #documents.
//
// Thread-safety: pure function.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace marsad::stories {

std::string RenderStoryHtml(const nlohmann::json& story);

// Escapes & < > " ' for HTML text and attributes.
std::string HtmlEscape(const std::string& s);

}  // namespace marsad::stories
