// Internal to the tokenize module: shared between tokenizer.cc and segment.cc.
#pragma once

#include <string_view>

namespace marsad::tokenize_internal {

// True if `norm` (matching form) is in data/tokenize/stem_protected.tsv.
bool IsProtectedStem(std::string_view norm);

}  // namespace marsad::tokenize_internal
