#include "marsad/ingest/jsonl.h"

#include <nlohmann/json.hpp>

#include <string>

#include "marsad/ingest/encoding.h"

namespace marsad::ingest {
namespace {

using json = nlohmann::json;

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Reads an optional metadata field.
void TakeField(const json& obj, const char* name, std::string* out,
               std::vector<std::string>* notes) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return;
  if (it->is_string()) {
    *out = it->get<std::string>();
  } else if (it->is_number()) {
    *out = it->dump();
  } else {
    notes->push_back(std::string("field '") + name + "' is a " + it->type_name() +
                     ", not a string; ignored");
  }
}

StatusOr<JsonlRecord> Reject(std::string* error_code, const char* code, std::string message) {
  if (error_code != nullptr) *error_code = code;
  return DataError(std::move(message));
}

}  // namespace

bool IsBlankLine(std::string_view line) {
  for (char c : line) {
    if (!IsAsciiSpace(c)) return false;
  }
  return true;
}

StatusOr<JsonlRecord> ParseJsonlLine(std::string_view line, std::string* error_code) {
  // A UTF-8 BOM may precede the first line of a file.
  if (line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  json obj;
  try {
    obj = json::parse(line.begin(), line.end());
  } catch (const json::exception& e) {
    // nlohmann's message names the byte position; keep it on one line. The
    // exception never leaves this function.
    std::string why = e.what();
    for (char& c : why) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    return Reject(error_code, kErrorBadJson, "bad JSON: " + why);
  } catch (...) {
    return Reject(error_code, kErrorBadJson, "bad JSON");
  }
  if (!obj.is_object()) {
    return Reject(error_code, kErrorNotObject,
                  std::string("expected a JSON object, found a ") + obj.type_name());
  }
  auto text = obj.find("text");
  if (text == obj.end() || text->is_null()) {
    return Reject(error_code, kErrorMissingText, "object has no \"text\" field");
  }
  if (!text->is_string()) {
    return Reject(error_code, kErrorBadText,
                  std::string("\"text\" is a ") + text->type_name() + ", not a string");
  }
  JsonlRecord rec;
  rec.text = text->get<std::string>();
  if (IsBlankText(rec.text)) {
    return Reject(error_code, kErrorEmptyText, "\"text\" is empty or only whitespace");
  }
  TakeField(obj, "title", &rec.title, &rec.notes);
  TakeField(obj, "url", &rec.url, &rec.notes);
  TakeField(obj, "published", &rec.published, &rec.notes);
  TakeField(obj, "outlet", &rec.outlet, &rec.notes);
  TakeField(obj, "author", &rec.author, &rec.notes);
  return rec;
}

}  // namespace marsad::ingest
