#include "marsad/events/gsr.h"

#include <map>

#include "marsad/common/paths.h"

namespace marsad {

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

uint64_t Fnv1a64(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

StatusOr<std::vector<GsrRow>> ReadGsr(const std::string& dir, const std::string& name) {
  std::string text, err;
  const std::string path = dir + "/" + name + "_gsr.csv";
  if (!ReadFile(path, &text, &err)) return IoError(err);
  auto rows = ParseCsv(text);
  if (rows.empty()) return DataError(path + ": empty");
  std::map<std::string, size_t> col;
  for (size_t c = 0; c < rows[0].size(); ++c) col[rows[0][c]] = c;
  if (!col.count("text") || !col.count("label") || !col.count("id")) {
    return DataError(path + ": missing columns text/label/id");
  }
  std::vector<GsrRow> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() < rows[0].size()) continue;
    GsrRow g;
    g.id = row[col["id"]];
    g.text = row[col["text"]];
    g.label = row[col["label"]];
    g.train = InTrainSplit(g.id);
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace marsad
