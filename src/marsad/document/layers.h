// Names of document layers that stages require and provide.
#pragma once

namespace marsad::layers {
inline constexpr const char* kRaw = "raw";            // Document::raw, input
inline constexpr const char* kBody = "body";          // body, removed
inline constexpr const char* kMetadata = "metadata";  // title, outlet, wires, published
inline constexpr const char* kNormalized = "normalized";
inline constexpr const char* kSentences = "sentences";
inline constexpr const char* kTokens = "tokens";
inline constexpr const char* kEntities = "entities";
inline constexpr const char* kDates = "dates";
inline constexpr const char* kAttributions = "attributions";
inline constexpr const char* kEvents = "events";
}  // namespace marsad::layers
