// Lexicon and ANS loading for the pair classifier; see pair_data.h.
#include "marsad/compare/pair_data.h"

#include <filesystem>

#include "marsad/common/paths.h"

namespace marsad {
namespace {

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      return out;
    }
    out.emplace_back(s.substr(start, p - start));
    start = p + 1;
  }
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    start = nl + 1;
  }
  return out;
}

// One CSV record starting at text[*pos]; handles quoted fields with commas,
// doubled quotes and line breaks. Returns false at the end of the text.
bool NextRecord(std::string_view text, size_t* pos, std::vector<std::string>* fields) {
  fields->clear();
  if (*pos >= text.size()) return false;
  std::string cur;
  bool quoted = false, any = false;
  size_t i = *pos;
  for (; i < text.size(); ++i) {
    char c = text[i];
    any = true;
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cur.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cur.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->push_back(std::move(cur));
      cur.clear();
    } else if (c == '\n') {
      ++i;
      break;
    } else if (c != '\r') {
      cur.push_back(c);
    }
  }
  *pos = i;
  if (any) fields->push_back(std::move(cur));
  return true;
}

}  // namespace

StatusOr<PairLexicon> LoadPairLexicon(const std::string& data_dir) {
  PairLexicon lex;
  std::string text, error;
  std::string polarity = data_dir + "/compare/polarity.tsv";
  if (!ReadFile(polarity, &text, &error)) return IoError(error);
  MARSAD_RETURN_IF_ERROR(lex.AddPolarityTsv(text, polarity));
  std::string negation = data_dir + "/compare/negation.tsv";
  if (!ReadFile(negation, &text, &error)) return IoError(error);
  MARSAD_RETURN_IF_ERROR(lex.AddNegationTsv(text, negation));
  std::string function = data_dir + "/compare/function_words.tsv";
  if (!ReadFile(function, &text, &error)) return IoError(error);
  MARSAD_RETURN_IF_ERROR(lex.AddFunctionWordsTsv(text, function));
  // Places: optional knowledge from other modules' data files.
  std::string countries = data_dir + "/kb/places/countries.tsv";
  if (std::filesystem::exists(countries) && ReadFile(countries, &text, &error)) {
    for (std::string_view line : Lines(text)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cols = Split(line, '\t');
      if (cols.size() < 5 || cols[0] == "id") continue;
      lex.AddPlace(cols[2]);
      for (const std::string& alias : Split(cols[4], '|')) lex.AddPlace(alias);
    }
  }
  std::string gazetteer = data_dir + "/ner/gazetteer.tsv";
  if (std::filesystem::exists(gazetteer) && ReadFile(gazetteer, &text, &error)) {
    for (std::string_view line : Lines(text)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cols = Split(line, '\t');
      if (cols.size() >= 2 && (cols[1] == "GPE" || cols[1] == "LOC")) lex.AddPlace(cols[0]);
    }
  }
  return lex;
}

StatusOr<std::vector<LabeledPair>> ParseAnsStanceCsv(std::string_view text, const std::string& source_name) {
  std::vector<LabeledPair> out;
  size_t pos = 0;
  std::vector<std::string> fields;
  int record = 0;
  while (NextRecord(text, &pos, &fields)) {
    ++record;
    if (fields.empty() || (fields.size() == 1 && fields[0].empty())) continue;
    if (record == 1 && fields.size() == 3 && fields[0] == "s1") continue;  // header
    if (fields.size() != 3) {
      return DataError(source_name + ": record " + std::to_string(record) + ": expected 3 fields, got " +
                       std::to_string(fields.size()));
    }
    LabeledPair p;
    if (!ParsePairLabel(fields[2], &p.label)) {
      return DataError(source_name + ": record " + std::to_string(record) + ": unknown stance '" + fields[2] +
                       "'");
    }
    p.a = std::move(fields[0]);
    p.b = std::move(fields[1]);
    out.push_back(std::move(p));
  }
  return out;
}

StatusOr<std::vector<LabeledPair>> ReadAnsStanceCsv(const std::string& path) {
  std::string text, error;
  if (!ReadFile(path, &text, &error)) return IoError(error);
  return ParseAnsStanceCsv(text, path);
}

}  // namespace marsad
