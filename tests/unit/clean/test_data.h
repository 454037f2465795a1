// Where the clean tests find the knowledge files (the source tree's data/).
#pragma once

#include <string>

namespace marsad::clean::test_data {

inline std::string DataDir() { return std::string(MARSAD_SOURCE_DIR) + "/data"; }

}  // namespace marsad::clean::test_data
