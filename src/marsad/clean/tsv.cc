#include "marsad/clean/tsv.h"

#include "marsad/common/paths.h"

namespace marsad::clean {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace

StatusOr<std::vector<TsvRow>> ReadTsv(const std::string& path, size_t min_fields) {
  std::string content, error;
  if (!ReadFile(path, &content, &error)) return IoError(error);
  std::vector<TsvRow> rows;
  size_t pos = 0;
  int line_no = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    std::string line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trim(line).empty() || line[0] == '#') {
      if (nl == content.size()) break;
      continue;
    }
    TsvRow row;
    row.line = line_no;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.fields.push_back(
          Trim(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() < min_fields) {
      return DataError(path + ":" + std::to_string(line_no) + ": expected at least " +
                       std::to_string(min_fields) + " tab-separated fields, found " +
                       std::to_string(row.fields.size()));
    }
    rows.push_back(std::move(row));
    if (nl == content.size()) break;
  }
  return rows;
}

std::vector<std::string> SplitList(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t p = s.find(sep, start);
    std::string part = Trim(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (!part.empty()) out.push_back(part);
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

}  // namespace marsad::clean
