#include "marsad/recognize/knowledge_base.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <set>

#include "marsad/common/paths.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/recognize/keys.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;
using recognize_internal::CanonicalKey;

const std::set<std::string, std::less<>>& ActorTypes() {
  static const std::set<std::string, std::less<>> k = {
      "person", "armed_group", "state_force", "gov_body", "party", "media", "intl_org", "country"};
  return k;
}

std::vector<std::string_view> SplitView(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> SplitMulti(std::string_view s) {
  std::vector<std::string> out;
  if (Trim(s).empty()) return out;
  for (auto part : SplitView(s, '|')) {
    std::string t = Trim(part);
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

// Calls fn(line_number, fields) for each data line.
template <typename Fn>
void ForEachRow(std::string_view text, Fn fn) {
  int line_no = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++line_no;
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') {
      if (end == text.size()) break;
      continue;
    }
    bool blank = std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
    if (!blank) fn(line_no, SplitView(line, '\t'));
    if (end == text.size()) break;
  }
}

std::optional<double> ParseDouble(std::string_view s) {
  std::string t = Trim(s);
  if (t.empty()) return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
  return v;
}

std::vector<std::string> SortedTsvFiles(const fs::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".tsv") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::string KnowledgeBase::NameKey(std::string_view name) {
  std::string norm = MatchForm(name);
  std::string out;
  size_t start = 0;
  while (start < norm.size()) {
    size_t end = norm.find(' ', start);
    if (end == std::string::npos) end = norm.size();
    std::string_view w = std::string_view(norm).substr(start, end - start);
    if (!w.empty()) {
      if (!out.empty()) out += ' ';
      out += CanonicalKey(w);
    }
    start = end + 1;
  }
  return out;
}

void KnowledgeBase::AddEntity(KbEntity e) {
  if (e.id.empty()) {
    warnings_.push_back(e.origin + ": empty id");
    return;
  }
  if (by_id_.count(e.id)) {
    warnings_.push_back(e.origin + ": duplicate id '" + e.id + "' (first at " +
                        entities_[by_id_[e.id]].origin + ")");
    return;
  }
  int idx = static_cast<int>(entities_.size());
  by_id_[e.id] = idx;
  std::set<std::string> keys;
  auto add_key = [&](const std::string& n) {
    std::string k = NameKey(n);
    if (!k.empty()) keys.insert(k);
  };
  add_key(e.name_ar);
  add_key(e.name_en);
  for (const auto& a : e.aliases_ar) add_key(a);
  for (const auto& a : e.aliases_en) add_key(a);
  for (const auto& k : keys) by_name_[k].push_back(idx);
  entities_.push_back(std::move(e));
}

void KnowledgeBase::AddActorsTsv(std::string_view text, const std::string& origin) {
  ForEachRow(text, [&](int line, const std::vector<std::string_view>& f) {
    std::string where = origin + ":" + std::to_string(line);
    if (f.size() != 9) {
      warnings_.push_back(where + ": expected 9 columns, got " + std::to_string(f.size()));
      return;
    }
    KbEntity e;
    e.id = Trim(f[0]);
    e.type = Trim(f[1]);
    if (!ActorTypes().count(e.type)) {
      warnings_.push_back(where + ": unknown type '" + e.type + "'");
      return;
    }
    e.name_ar = Trim(f[2]);
    e.name_en = Trim(f[3]);
    e.aliases_ar = SplitMulti(f[4]);
    e.aliases_en = SplitMulti(f[5]);
    e.wikidata = Trim(f[6]);
    e.country = Trim(f[7]);
    e.source = Trim(f[8]);
    e.origin = where;
    AddEntity(std::move(e));
  });
}

void KnowledgeBase::AddPlacesTsv(std::string_view text, const std::string& origin, bool countries) {
  ForEachRow(text, [&](int line, const std::vector<std::string_view>& f) {
    std::string where = origin + ":" + std::to_string(line);
    if (f.size() != 10) {
      warnings_.push_back(where + ": expected 10 columns, got " + std::to_string(f.size()));
      return;
    }
    KbEntity e;
    e.id = Trim(f[0]);
    e.kind = Trim(f[1]);
    e.type = (countries || e.kind == "country") ? "country" : "place";
    e.name_ar = Trim(f[2]);
    e.name_en = Trim(f[3]);
    e.aliases_ar = SplitMulti(f[4]);
    e.lat = ParseDouble(f[5]);
    e.lon = ParseDouble(f[6]);
    if (e.lat && (*e.lat < -90 || *e.lat > 90)) e.lat.reset();
    if (e.lon && (*e.lon < -180 || *e.lon > 180)) e.lon.reset();
    if (!e.lat || !e.lon) e.lat.reset(), e.lon.reset();
    e.parent_id = Trim(f[7]);
    e.wikidata = Trim(f[8]);
    e.source = Trim(f[9]);
    e.origin = where;
    AddEntity(std::move(e));
  });
}

void KnowledgeBase::AddRelationsTsv(std::string_view text, const std::string& origin) {
  static const std::set<std::string, std::less<>> kRelations = {
      "member_of", "leader_of", "spokesman_of", "backed_by", "part_of", "allied_with", "founded_by"};
  ForEachRow(text, [&](int line, const std::vector<std::string_view>& f) {
    std::string where = origin + ":" + std::to_string(line);
    if (f.size() != 6) {
      warnings_.push_back(where + ": expected 6 columns, got " + std::to_string(f.size()));
      return;
    }
    KbRelation r{Trim(f[0]), Trim(f[1]), Trim(f[2]), Trim(f[3]), Trim(f[4]), Trim(f[5])};
    if (!kRelations.count(r.relation)) {
      warnings_.push_back(where + ": unknown relation '" + r.relation + "'");
      return;
    }
    relations_.push_back(std::move(r));
  });
}

void KnowledgeBase::AddStopwordsTsv(std::string_view text, const std::string& origin) {
  ForEachRow(text, [&](int, const std::vector<std::string_view>& f) {
    std::string w = MatchForm(Trim(f[0]));
    if (w.empty()) return;
    stopwords_.insert(w);
    stopwords_.insert(std::string(CanonicalKey(w)));
  });
}

void KnowledgeBase::AddCommonNamesTsv(std::string_view text, const std::string& origin) {
  ForEachRow(text, [&](int, const std::vector<std::string_view>& f) {
    std::string w = MatchForm(Trim(f[0]));
    if (!w.empty()) common_names_.insert(std::string(CanonicalKey(w)));
  });
}

void KnowledgeBase::AddGenericTsv(std::string_view text, const std::string& origin) {
  ForEachRow(text, [&](int line, const std::vector<std::string_view>& f) {
    std::string key = NameKey(Trim(f[0]));
    if (!key.empty()) generic_names_.insert(std::move(key));
    // Optional third column: where readings act, when that is not their own
    // country ("us-led-coalition=sy|iq saudi-led-coalition=ye").
    if (f.size() < 3) return;
    std::istringstream items{Trim(f[2])};
    std::string item;
    while (items >> item) {
      size_t eq = item.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 >= item.size()) {
        warnings_.push_back(origin + ":" + std::to_string(line) + ": expected id=country|country, got '" +
                            item + "'");
        continue;
      }
      auto& list = generic_theaters_[item.substr(0, eq)];
      for (const auto& c : SplitMulti(std::string_view(item).substr(eq + 1))) {
        if (std::find(list.begin(), list.end(), c) == list.end()) list.push_back(c);
      }
    }
  });
}

void KnowledgeBase::AddKindCuesTsv(std::string_view text, const std::string& origin) {
  ForEachRow(text, [&](int line, const std::vector<std::string_view>& f) {
    KindCue c;
    c.cue = std::string(CanonicalKey(MatchForm(Trim(f[0]))));
    if (f.size() >= 2) c.kinds = SplitMulti(f[1]);
    if (c.cue.empty() || c.kinds.empty()) {
      warnings_.push_back(origin + ":" + std::to_string(line) + ": expected cue, kinds");
      return;
    }
    kind_cues_.push_back(std::move(c));
  });
}

void KnowledgeBase::AddCommonNounsTsv(std::string_view text, const std::string& origin) {
  ForEachRow(text, [&](int line, const std::vector<std::string_view>& f) {
    std::string key = NameKey(Trim(f[0]));
    if (key.empty() || f.size() < 3) {
      warnings_.push_back(origin + ":" + std::to_string(line) + ": expected name, after, doc_words");
      return;
    }
    CommonNounRule r;
    for (const auto& w : SplitMulti(f[1])) r.after.emplace_back(CanonicalKey(MatchForm(w)));
    for (const auto& w : SplitMulti(f[2])) r.doc_words.emplace_back(CanonicalKey(MatchForm(w)));
    common_nouns_[key] = std::move(r);
  });
}

void KnowledgeBase::ComputeCountries() {
  special_name_.assign(entities_.size(), 0);
  for (size_t i = 0; i < entities_.size(); ++i) {
    const KbEntity& e = entities_[i];
    auto special = [&](const std::string& name) {
      std::string key = NameKey(name);
      return generic_names_.count(key) > 0 || common_nouns_.count(key) > 0;
    };
    bool any = special(e.name_ar);
    for (const auto& a : e.aliases_ar) any = any || special(a);
    special_name_[i] = any;
  }
  country_of_.assign(entities_.size(), std::string());
  for (size_t i = 0; i < entities_.size(); ++i) {
    const KbEntity& e = entities_[i];
    if (e.type == "country") {
      country_of_[i] = e.id;
    } else if (e.type != "place") {
      if (!e.country.empty() && IndexOf(e.country) >= 0) country_of_[i] = e.country;
    } else {
      int cur = static_cast<int>(i);
      for (int depth = 0; depth < 8 && cur >= 0; ++depth) {
        if (entities_[cur].type == "country") {
          country_of_[i] = entities_[cur].id;
          break;
        }
        cur = IndexOf(entities_[cur].parent_id);
      }
    }
  }
  theaters_of_.assign(entities_.size(), std::vector<std::string>());
  for (size_t i = 0; i < entities_.size(); ++i) {
    if (!country_of_[i].empty()) theaters_of_[i].push_back(country_of_[i]);
  }
  for (const auto& [id, countries] : generic_theaters_) {
    int index = IndexOf(id);
    if (index < 0) {
      warnings_.push_back("generic.tsv: unknown entity '" + id + "' in a theater list");
      continue;
    }
    std::vector<std::string> known;
    for (const auto& c : countries) {
      int ci = IndexOf(c);
      if (ci < 0 || entities_[ci].type != "country") {
        warnings_.push_back("generic.tsv: '" + c + "' (theater of " + id + ") is not a country id");
        continue;
      }
      known.push_back(c);
    }
    if (!known.empty()) theaters_of_[index] = std::move(known);
  }
}

const std::vector<std::string>& KnowledgeBase::GenericCountriesOf(int index) const {
  static const std::vector<std::string> kNone;
  if (index < 0 || static_cast<size_t>(index) >= theaters_of_.size()) return kNone;
  return theaters_of_[index];
}

const std::string& KnowledgeBase::CountryOf(int index) const {
  static const std::string kNone;
  if (index < 0 || static_cast<size_t>(index) >= country_of_.size()) return kNone;
  return country_of_[index];
}

void KnowledgeBase::AddContextTsv(std::string_view text, const std::string& origin) {
  ForEachRow(text, [&](int line, const std::vector<std::string_view>& f) {
    std::string where = origin + ":" + std::to_string(line);
    if (f.size() < 3) {
      warnings_.push_back(where + ": expected cue, side, prefer");
      return;
    }
    ContextRule r;
    r.side = Trim(f[1]);
    std::string cue = MatchForm(Trim(f[0]));
    r.cue = r.side == "clitic" ? cue : std::string(CanonicalKey(cue));
    std::string prefer = Trim(f[2]);
    for (const auto& p : SplitMulti(prefer)) {
      if (p.rfind("type=", 0) == 0) r.prefer_type = p.substr(5);
      else if (p.rfind("kind=", 0) == 0) r.prefer_kinds.push_back(p.substr(5));
    }
    if (r.cue.empty() || (r.side != "before" && r.side != "after" && r.side != "clitic") ||
        (r.prefer_type.empty() && r.prefer_kinds.empty())) {
      warnings_.push_back(where + ": bad context rule");
      return;
    }
    context_.push_back(std::move(r));
  });
}

void KnowledgeBase::AddAnaphoraTsv(std::string_view text, const std::string& origin) {
  ForEachRow(text, [&](int line, const std::vector<std::string_view>& f) {
    std::string where = origin + ":" + std::to_string(line);
    if (f.size() < 3) {
      warnings_.push_back(where + ": expected anaphor, heads, types");
      return;
    }
    AnaphorRule r;
    r.anaphor = MatchForm(Trim(f[0]));
    for (const auto& h : SplitMulti(f[1])) r.heads.emplace_back(CanonicalKey(MatchForm(h)));
    r.types = SplitMulti(f[2]);
    if (r.anaphor.empty() || r.types.empty()) {
      warnings_.push_back(where + ": bad anaphora rule");
      return;
    }
    anaphora_.push_back(std::move(r));
  });
}

void KnowledgeBase::AddPriorityTsv(std::string_view text, const std::string& origin) {
  ForEachRow(text, [&](int, const std::vector<std::string_view>& f) {
    std::string p = Trim(f[0]);
    if (!p.empty()) priority_.push_back(p);
  });
}

int KnowledgeBase::PriorityRank(const KbEntity& e) const {
  for (size_t i = 0; i < priority_.size(); ++i) {
    const std::string& p = priority_[i];
    if (p.rfind("kind=", 0) == 0 ? (!e.kind.empty() && p.compare(5, std::string::npos, e.kind) == 0)
                                 : (p == e.type)) {
      return static_cast<int>(i);
    }
  }
  return static_cast<int>(priority_.size());
}

int KnowledgeBase::IndexOf(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : it->second;
}

const KbEntity* KnowledgeBase::Find(std::string_view id) const {
  int i = IndexOf(id);
  return i < 0 ? nullptr : &entities_[i];
}

std::vector<const KbEntity*> KnowledgeBase::LookupName(std::string_view name) const {
  std::vector<const KbEntity*> out;
  auto it = by_name_.find(NameKey(name));
  if (it != by_name_.end()) {
    for (int i : it->second) out.push_back(&entities_[i]);
  }
  return out;
}

std::vector<const KbEntity*> KnowledgeBase::LookupWords(std::string_view words, size_t limit) const {
  const std::string q = NameKey(words);
  std::vector<const KbEntity*> out;
  if (q.empty()) return out;
  const std::string needle = " " + q + " ";
  std::set<int> hits;
  for (const auto& [key, ids] : by_name_) {
    if ((" " + key + " ").find(needle) != std::string::npos) hits.insert(ids.begin(), ids.end());
  }
  for (int i : hits) {
    if (out.size() >= limit) break;
    out.push_back(&entities_[i]);
  }
  return out;
}

std::vector<const KbRelation*> KnowledgeBase::RelationsOf(std::string_view id) const {
  std::vector<const KbRelation*> out;
  for (const auto& r : relations_) {
    if (r.subject == id || r.object == id) out.push_back(&r);
  }
  return out;
}

StatusOr<std::shared_ptr<const KnowledgeBase>> KnowledgeBase::Load(const std::string& data_dir) {
  auto kb = std::make_shared<KnowledgeBase>();
  fs::path root = fs::path(data_dir) / "kb";
  auto read = [](const std::string& path, std::string* text) -> Status {
    std::string err;
    if (!ReadFile(path, text, &err)) return IoError("cannot read " + path + ": " + err);
    return Status::Ok();
  };
  std::vector<std::string> actor_files = SortedTsvFiles(root / "actors");
  if (actor_files.empty()) {
    return NotFound("no knowledge base: no .tsv file in " + (root / "actors").string());
  }
  std::string text;
  for (const auto& f : actor_files) {
    MARSAD_RETURN_IF_ERROR(read(f, &text));
    kb->AddActorsTsv(text, fs::path(f).filename().string());
  }
  for (const auto& f : SortedTsvFiles(root / "places")) {
    MARSAD_RETURN_IF_ERROR(read(f, &text));
    std::string name = fs::path(f).filename().string();
    kb->AddPlacesTsv(text, "places/" + name, name == "countries.tsv");
  }
  std::error_code ec;
  if (fs::exists(root / "relations.tsv", ec)) {
    MARSAD_RETURN_IF_ERROR(read((root / "relations.tsv").string(), &text));
    kb->AddRelationsTsv(text, "relations.tsv");
  }
  fs::path rules = root / "actors" / "rules";
  struct RuleFile {
    const char* name;
    void (KnowledgeBase::*add)(std::string_view, const std::string&);
  };
  const RuleFile kRuleFiles[] = {{"stopwords.tsv", &KnowledgeBase::AddStopwordsTsv},
                                 {"context.tsv", &KnowledgeBase::AddContextTsv},
                                 {"anaphora.tsv", &KnowledgeBase::AddAnaphoraTsv},
                                 {"priority.tsv", &KnowledgeBase::AddPriorityTsv},
                                 {"common_names.tsv", &KnowledgeBase::AddCommonNamesTsv},
                                 {"generic.tsv", &KnowledgeBase::AddGenericTsv},
                                 {"kind_cues.tsv", &KnowledgeBase::AddKindCuesTsv},
                                 {"common_nouns.tsv", &KnowledgeBase::AddCommonNounsTsv}};
  for (const auto& rf : kRuleFiles) {
    fs::path p = rules / rf.name;
    if (!fs::exists(p, ec)) continue;
    MARSAD_RETURN_IF_ERROR(read(p.string(), &text));
    ((*kb).*(rf.add))(text, std::string("rules/") + rf.name);
  }
  // The gazetteer's own list of place names that are also common words
  // (name<TAB>gloss): like common_names.tsv, they need place context.
  if (fs::exists(root / "places" / "common_word_names.txt", ec)) {
    MARSAD_RETURN_IF_ERROR(read((root / "places" / "common_word_names.txt").string(), &text));
    kb->AddCommonNamesTsv(text, "places/common_word_names.txt");
  }
  // Month and weekday names are never entity names on their own (تشرين).
  const std::pair<const char*, size_t> kCalendarFiles[] = {{"months.tsv", 2}, {"weekdays.tsv", 1}};
  for (const auto& [name, column] : kCalendarFiles) {
    fs::path p = fs::path(data_dir) / name;
    if (!fs::exists(p, ec)) continue;
    MARSAD_RETURN_IF_ERROR(read(p.string(), &text));
    std::string words;
    size_t col = column;
    ForEachRow(text, [&](int, const std::vector<std::string_view>& f) {
      if (f.size() > col) words += Trim(f[col]) + "\n";
    });
    kb->AddStopwordsTsv(words, name);
  }
  kb->ComputeCountries();
  // Relations must point at known ids.
  for (const auto& r : kb->relations_) {
    if (kb->IndexOf(r.subject) < 0 || kb->IndexOf(r.object) < 0) {
      kb->warnings_.push_back("relations.tsv: unknown id in '" + r.subject + " " + r.relation +
                              " " + r.object + "'");
    }
  }
  return std::shared_ptr<const KnowledgeBase>(std::move(kb));
}

}  // namespace marsad
