#include "marsad/stories/lexicon.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "marsad/common/paths.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad::stories {
namespace {

std::vector<std::string> SplitTab(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::vector<std::string> Stems(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) continue;
    out.push_back(t.stem.empty() ? t.norm : t.stem);
  }
  return out;
}

Status ReadRows(const std::string& path, bool required, std::vector<std::vector<std::string>>* rows) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (!required) return Status::Ok();
    return Status(StatusCode::kNotFound, path + ": cannot open");
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    rows->push_back(SplitTab(line));
  }
  return Status::Ok();
}

bool StemMatches(const std::string& token_stem, const Phrase& p, size_t i) {
  const std::string& want = p.stems[i];
  if (token_stem == want) return true;
  if (token_stem.size() <= want.size() || token_stem.compare(0, want.size(), want) != 0) return false;
  std::string_view rest(token_stem.data() + want.size(), token_stem.size() - want.size());
  if (p.extra == "verb") return rest.size() <= 6;
  if (p.extra == "verb-strict") {
    // Verb endings only (in matching form a final ه is also ة, so قاده "the leaders" is not قاد).
    for (const char* e : {"ت", "وا", "ها", "هم", "نا", "تها", "تهم"}) {
      if (rest == e) return true;
    }
  }
  return false;
}

}  // namespace

void PhraseMatcher::Add(Phrase p) {
  if (p.stems.empty()) return;
  int index = static_cast<int>(phrases_.size());
  std::string first = p.stems[0];
  phrases_.push_back(std::move(p));
  by_first_[first].push_back(index);
  // Verb cues also match inflected first tokens: index them by every prefix
  // length is unnecessary; Find looks up progressively shorter prefixes.
}

std::vector<PhraseHit> PhraseMatcher::Find(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  std::vector<PhraseHit> hits;
  if (end > tokens.size()) end = tokens.size();
  for (size_t i = begin; i < end;) {
    const std::string& s = tokens[i].stem.empty() ? tokens[i].norm : tokens[i].stem;
    int best = -1;
    size_t best_len = 0;
    // Exact first stem, then prefixes (verb inflections) down to 4 bytes.
    for (size_t len = s.size(); len >= 4 && len + 6 >= s.size(); --len) {
      auto it = by_first_.find(s.substr(0, len));
      if (it != by_first_.end()) {
        for (int idx : it->second) {
          const Phrase& p = phrases_[idx];
          if (len != s.size() && p.extra != "verb" && p.extra != "verb-strict") continue;
          size_t n = p.stems.size();
          if (i + n > end || n <= best_len) continue;
          bool ok = true;
          for (size_t k = 0; k < n && ok; ++k) {
            const std::string& ts = tokens[i + k].stem.empty() ? tokens[i + k].norm : tokens[i + k].stem;
            ok = StemMatches(ts, p, k);
          }
          if (ok) {
            best = idx;
            best_len = n;
          }
        }
      }
      if (len == 0) break;
    }
    if (best >= 0) {
      hits.push_back({best, i, i + best_len});
      i += best_len;
    } else {
      ++i;
    }
  }
  return hits;
}

StatusOr<StoryLexicon> StoryLexicon::Load(const std::string& data_dir) {
  std::string dir = DataDir(data_dir);
  StoryLexicon lex;
  std::vector<std::vector<std::string>> rows;
  if (Status s = ReadRows(dir + "/framing/terms.tsv", true, &rows); !s.ok()) return s;
  for (const auto& r : rows) {
    if (r.size() < 2) continue;
    Phrase p{r[0], r[1], r.size() > 2 ? r[2] : "", r.size() > 3 ? r[3] : "", Stems(r[1])};
    lex.framing_.Add(std::move(p));
  }
  rows.clear();
  if (Status s = ReadRows(dir + "/framing/claim_cues.tsv", true, &rows); !s.ok()) return s;
  for (const auto& r : rows) {
    if (r.size() < 2) continue;
    Phrase p{r[0], r[1], r.size() > 3 ? r[3] : "", r.size() > 2 ? r[2] : "", Stems(r[1])};
    lex.cues_.Add(std::move(p));
  }
  rows.clear();
  if (Status s = ReadRows(dir + "/framing/sides.tsv", true, &rows); !s.ok()) return s;
  for (const auto& r : rows) {
    if (r.size() >= 2) lex.sides_[r[1]] = r[0];
  }
  rows.clear();
  if (Status s = ReadRows(dir + "/kb/relations.tsv", false, &rows); !s.ok()) return s;
  for (const auto& r : rows) {
    if (r.size() < 3) continue;
    const std::string& rel = r[1];
    if (rel == "part_of" || rel == "member_of" || rel == "leader_of" || rel == "backed_by") {
      lex.up_.emplace(r[0], r[2]);
    }
  }
  return lex;
}

std::string StoryLexicon::SideOf(const std::string& id) const {
  std::vector<std::string> frontier{id};
  std::set<std::string> seen;
  for (int depth = 0; depth < 4 && !frontier.empty(); ++depth) {
    std::vector<std::string> next;
    for (const auto& e : frontier) {
      if (!seen.insert(e).second) continue;
      auto it = sides_.find(e);
      if (it != sides_.end()) return it->second;
      auto range = up_.equal_range(e);
      for (auto r = range.first; r != range.second; ++r) next.push_back(r->second);
    }
    frontier = std::move(next);
  }
  return "";
}

std::string StoryLexicon::OrganizationOf(const std::string& id) const {
  auto range = up_.equal_range(id);
  for (auto r = range.first; r != range.second; ++r) return r->second;
  return id;
}

bool StoryLexicon::SameChain(const std::string& a, const std::string& b) const {
  if (a == b) return true;
  auto reaches = [&](const std::string& from, const std::string& to) {
    std::vector<std::string> frontier{from};
    std::set<std::string> seen;
    for (int depth = 0; depth < 4 && !frontier.empty(); ++depth) {
      std::vector<std::string> next;
      for (const auto& e : frontier) {
        if (e == to) return true;
        if (!seen.insert(e).second) continue;
        auto range = up_.equal_range(e);
        for (auto r = range.first; r != range.second; ++r) next.push_back(r->second);
      }
      frontier = std::move(next);
    }
    return false;
  };
  return reaches(a, b) || reaches(b, a);
}

std::vector<std::string> StoryLexicon::Concepts() const {
  std::vector<std::string> out;
  for (const auto& p : framing_.phrases()) {
    if (std::find(out.begin(), out.end(), p.kind) == out.end()) out.push_back(p.kind);
  }
  return out;
}

}  // namespace marsad::stories
