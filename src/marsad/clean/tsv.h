// Reading the cleaner's tab-separated knowledge files.
//
// Format: UTF-8, one record per line, fields separated by TAB. Lines that
// are empty or start with '#' are comments. Trailing '\r' is ignored.
#pragma once

#include <string>
#include <vector>

#include "marsad/common/status.h"

namespace marsad::clean {

struct TsvRow {
  int line = 0;  // 1-based line number in the file, for error messages
  std::vector<std::string> fields;
};

// Reads `path`; rows with fewer than `min_fields` fields are a DataError that
// names the file and line.
StatusOr<std::vector<TsvRow>> ReadTsv(const std::string& path, size_t min_fields);

// Splits on `sep`, trims ASCII spaces, drops empty parts.
std::vector<std::string> SplitList(const std::string& s, char sep = '|');

}  // namespace marsad::clean
