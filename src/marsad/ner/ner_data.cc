#include "marsad/ner/ner_data.h"

#include <algorithm>
#include <cstdio>

#include "marsad/common/paths.h"

namespace marsad {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::vector<std::string_view> SplitWs(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Repairs an I-X that does not continue X into B-X.
void RepairBio(std::vector<std::string>* tags) {
  std::string_view prev_type;
  for (auto& t : *tags) {
    if (t.size() > 2 && t[0] == 'I' && t[1] == '-') {
      std::string_view type = std::string_view(t).substr(2);
      if (type != prev_type) t[0] = 'B';
    }
    prev_type = t == "O" ? std::string_view() : std::string_view(t).substr(2);
  }
}

}  // namespace

const std::vector<std::string>& DefaultNerTypes() {
  static const std::vector<std::string> kTypes = {"PERS", "ORG", "GPE", "LOC", "FAC"};
  return kTypes;
}

std::vector<NerSentence> ParseNerConll(std::string_view text, const std::vector<std::string>& types) {
  std::vector<NerSentence> out;
  NerSentence cur;
  auto flush = [&] {
    if (!cur.words.empty()) {
      RepairBio(&cur.tags);
      out.push_back(std::move(cur));
    }
    cur = NerSentence();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) {
      flush();
      if (nl >= text.size()) break;
      continue;
    }
    auto fields = SplitWs(line);
    std::string tag = "O";
    for (size_t k = 1; k < fields.size(); ++k) {
      std::string_view f = fields[k];
      if (f.size() < 3 || (f[0] != 'B' && f[0] != 'I') || f[1] != '-') continue;
      std::string_view type = f.substr(2);
      if (std::find(types.begin(), types.end(), type) != types.end()) {
        tag = std::string(f);
        break;  // outermost kept type
      }
    }
    cur.words.emplace_back(fields[0]);
    cur.tags.push_back(std::move(tag));
    if (nl >= text.size()) break;
  }
  flush();
  return out;
}

StatusOr<std::vector<NerSentence>> ReadNerConll(const std::string& path,
                                                const std::vector<std::string>& types) {
  std::string text, error;
  if (!ReadFile(path, &text, &error)) return IoError(error);
  return ParseNerConll(text, types);
}

std::vector<NerSpan> SpansFromBio(const std::vector<std::string>& tags) {
  std::vector<NerSpan> out;
  std::string cur_type;
  size_t start = 0;
  auto close = [&](size_t end) {
    if (!cur_type.empty()) out.push_back({start, end, cur_type, 1.0f});
    cur_type.clear();
  };
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string& t = tags[i];
    if (t.size() < 3 || t[1] != '-' || (t[0] != 'B' && t[0] != 'I')) {
      close(i);
      continue;
    }
    std::string type = t.substr(2);
    if (t[0] == 'B' || type != cur_type) {
      close(i);
      cur_type = type;
      start = i;
    }
  }
  close(tags.size());
  return out;
}

NerScorer::Counts* NerScorer::Get(const std::string& type) {
  for (auto& [t, c] : by_type_) {
    if (t == type) return &c;
  }
  by_type_.emplace_back(type, Counts());
  return &by_type_.back().second;
}

void NerScorer::Add(const std::vector<NerSpan>& gold, const std::vector<NerSpan>& predicted) {
  std::vector<bool> matched(gold.size(), false);
  for (const auto& p : predicted) {
    bool hit = false;
    for (size_t g = 0; g < gold.size(); ++g) {
      if (!matched[g] && gold[g] == p) {
        matched[g] = true;
        hit = true;
        break;
      }
    }
    if (hit) {
      Get(p.type)->tp++;
    } else {
      Get(p.type)->fp++;
    }
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!matched[g]) Get(gold[g].type)->fn++;
  }
}

NerScorer::Counts NerScorer::Micro() const {
  Counts m;
  for (const auto& [t, c] : by_type_) {
    m.tp += c.tp;
    m.fp += c.fp;
    m.fn += c.fn;
  }
  return m;
}

NerScorer::Counts NerScorer::ForType(const std::string& type) const {
  for (const auto& [t, c] : by_type_) {
    if (t == type) return c;
  }
  return Counts();
}

std::vector<std::string> NerScorer::Types() const {
  std::vector<std::string> out;
  for (const auto& [t, c] : by_type_) out.push_back(t);
  std::sort(out.begin(), out.end());
  return out;
}

std::string NerScorer::Report() const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-6s %6s %6s %8s %8s %8s\n", "type", "gold", "pred", "P", "R", "F1");
  out += line;
  auto row = [&](const std::string& name, const Counts& c) {
    std::snprintf(line, sizeof line, "%-6s %6ld %6ld %8.2f %8.2f %8.2f\n", name.c_str(), c.tp + c.fn,
                  c.tp + c.fp, c.Precision(), c.Recall(), c.F1());
    out += line;
  };
  for (const auto& t : Types()) row(t, ForType(t));
  row("micro", Micro());
  return out;
}

}  // namespace marsad
