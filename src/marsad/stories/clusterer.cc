#include "marsad/stories/clusterer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <unordered_set>

#include "marsad/common/utf8.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad::stories {
namespace {

// Civil date to days since 1970-01-01 (H. Hinnant's algorithm).
int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool ParseInt(std::string_view s, size_t pos, size_t len, int* out) {
  if (s.size() < pos + len) return false;
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

constexpr const char* kEntityKey = "@e:";  // df keys of entities (terms never start with @)

}  // namespace

int32_t DayNumber(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  if (!ParseInt(iso, 0, 4, &y) || y < 1000) return kNoDay;
  int w = 0;
  if (iso.size() >= 8 && iso[4] == '-' && iso[5] == 'W' && ParseInt(iso, 6, 2, &w) && w >= 1 && w <= 53) {
    // ISO week: Thursday of the week (week 1 holds January 4th).
    int32_t jan4 = DaysFromCivil(y, 1, 4);
    int32_t weekday = ((jan4 + 3) % 7 + 7) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
    return jan4 - weekday + (w - 1) * 7 + 3;
  }
  if (iso.size() < 7 || iso[4] != '-' || !ParseInt(iso, 5, 2, &m) || m < 1 || m > 12) {
    return DaysFromCivil(y, 7, 1);
  }
  if (iso.size() < 10 || iso[7] != '-' || !ParseInt(iso, 8, 2, &d) || d < 1 || d > 31) {
    return DaysFromCivil(y, m, 15);
  }
  return DaysFromCivil(y, m, d);
}

std::string DayString(int32_t day) {
  if (day == kNoDay) return "";
  int64_t z = static_cast<int64_t>(day) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y0 = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = y0 + (m <= 2);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

DocFeatures ExtractFeatures(const Document& doc, int64_t id, const MinHasher& hasher) {
  DocFeatures f;
  f.id = id;
  f.title = doc.title;
  if (doc.outlet) f.outlet = doc.outlet->id;
  if (doc.published && !doc.published->inferred) f.day = DayNumber(doc.published->value);
  if (f.day == kNoDay && doc.published) f.day = DayNumber(doc.published->value);
  std::vector<Token> own;
  const std::vector<Token>* tokens = &doc.tokens;
  if (tokens->empty() && !doc.body.empty()) {
    own = Tokenize(doc.body);
    tokens = &own;
  }
  std::map<std::string, int> counts;
  for (const Token& t : *tokens) {
    if (t.kind != TokenKind::kArabic && t.kind != TokenKind::kLatin) continue;
    const std::string& stem = t.stem.empty() ? t.norm : t.stem;
    if (utf8::Length(stem) < 3) continue;
    ++counts[stem];
  }
  f.terms.assign(counts.begin(), counts.end());
  std::set<std::string> ents, places, types;
  for (const Entity& e : doc.entities) {
    if (e.id.empty()) continue;
    if (e.type == "place" || e.type == "country") {
      if (e.type == "place" && f.main_place.empty()) f.main_place = e.id;
      places.insert(e.id);
    } else {
      ents.insert(e.id);
    }
  }
  for (const Event& e : doc.events) {
    if (!e.negated && !e.background) types.insert(e.type);
  }
  f.entities.assign(ents.begin(), ents.end());
  f.places.assign(places.begin(), places.end());
  f.event_types.assign(types.begin(), types.end());
  f.signature = hasher.Sign(ShingleHashes(*tokens));
  return f;
}

namespace {
double CentroidNorm(const std::unordered_map<std::string, double>& centroid) {
  double n = 0;
  for (const auto& [t, w] : centroid) n += w * w;
  return std::sqrt(n);
}
}  // namespace

ClustererOptions ClustererOptions::ForGranularity(const std::string& granularity) {
  ClustererOptions o;
  if (granularity == "event") {
    o.granularity = "event";
    o.window_days = 4;
    o.join_threshold = 0.40;
    o.link_threshold = 0.18;
    o.undated_join_threshold = 0.45;
  } else {
    o.granularity = "story";
    o.window_days = 1200;
    o.join_threshold = 0.25;
    o.link_threshold = 0.15;
    o.undated_join_threshold = 0.25;
  }
  return o;
}

StoryClusterer::StoryClusterer(ClustererOptions options) : options_(std::move(options)) {}

double StoryClusterer::Idf(const std::string& term) const {
  auto it = df_.find(term);
  double df = it == df_.end() ? 0 : it->second;
  return std::log((static_cast<double>(docs_) + 2.0) / (df + 1.0));
}

std::vector<std::pair<std::string, double>> StoryClusterer::Vector(const DocFeatures& doc) const {
  std::vector<std::pair<std::string, double>> v;
  v.reserve(doc.terms.size());
  double norm = 0;
  for (const auto& [term, n] : doc.terms) {
    double w = (1.0 + std::log(static_cast<double>(n))) * Idf(term);
    if (w <= 0) continue;
    v.emplace_back(term, w);
    norm += w * w;
  }
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (auto& [t, w] : v) w /= norm;
  }
  return v;
}

StoryClusterer::DocWeights StoryClusterer::Weights(const DocFeatures& doc) const {
  DocWeights w;
  auto fill = [&](const std::vector<std::string>& ids, std::vector<double>* out, double* total) {
    out->reserve(ids.size());
    for (const auto& id : ids) {
      out->push_back(std::max(0.1, Idf(kEntityKey + id)));
      *total += out->back();
    }
  };
  fill(doc.entities, &w.entities, &w.entities_total);
  fill(doc.places, &w.places, &w.places_total);
  return w;
}

double StoryClusterer::Score(const DocFeatures& doc, const std::vector<std::pair<std::string, double>>& vec,
                             const DocWeights& weights, const Story& s) const {
  // Date factor.
  double date_factor = 1.0;
  if (doc.day != kNoDay && s.first_day != kNoDay) {
    int32_t gap = 0;
    if (doc.day < s.first_day) gap = s.first_day - doc.day;
    if (doc.day > s.last_day) gap = doc.day - s.last_day;
    if (gap > options_.window_days) return 0;
    date_factor = 1.0 - 0.5 * static_cast<double>(gap) / std::max(1, options_.window_days);
  }
  // Cosine with the centroid.
  double dot = 0;
  const double cnorm = s.centroid_norm;
  if (cnorm > 0) {
    for (const auto& [t, w] : vec) {
      auto it = s.centroid.find(t);
      if (it != s.centroid.end()) dot += w * it->second;
    }
    dot /= cnorm;
  }
  // How characteristic a feature is of the story: the share of its member
  // documents that carry it, counted in full from a third of them up. A
  // feature one member of a large story mentions in passing must not pull
  // every document naming it into that story (without this a story that has
  // grown broad matches everything: every entity, place and type is "in" it).
  const int members = std::max(s.members, 1);
  auto presence = [&](const std::unordered_map<std::string, int>& in, const std::string& id) {
    auto it = in.find(id);
    if (it == in.end()) return 0.0;
    return std::min(1.0, 3.0 * static_cast<double>(it->second) / static_cast<double>(members));
  };
  auto share = [&](const std::vector<std::string>& ids, const std::vector<double>& w, double total,
                   const std::unordered_map<std::string, int>& in) {
    double shared = 0;
    for (size_t i = 0; i < ids.size(); ++i) shared += w[i] * presence(in, ids[i]);
    return total > 0 ? shared / total : 0.0;
  };
  const double ents = share(doc.entities, weights.entities, weights.entities_total, s.entities);
  const double places = share(doc.places, weights.places, weights.places_total, s.places);
  double types = 0;
  if (!doc.event_types.empty()) {
    double n = 0;
    for (const auto& t : doc.event_types) n += presence(s.types, t);
    types = n / static_cast<double>(doc.event_types.size());
  }
  double main = doc.main_place.empty() ? 0.0 : presence(s.main_places, doc.main_place);
  double score = 0.35 * dot + 0.25 * ents + 0.15 * places + 0.10 * types + 0.15 * main;
  static const bool debug = std::getenv("MARSAD_STORIES_DEBUG") != nullptr;
  if (debug) {
    std::fprintf(stderr, "stories: doc %lld vs story: cos %.3f ent %.3f place %.3f types %.3f main %.2f date %.2f -> %.3f\n",
                 static_cast<long long>(doc.id), dot, ents, places, types, main, date_factor, score * date_factor);
  }
  return score * date_factor;
}

void StoryClusterer::Post(const std::string& key, const std::string& story) {
  auto& list = postings_[key];
  if (!list.empty() && list.back() == story) return;
  list.erase(std::remove(list.begin(), list.end(), story), list.end());
  list.push_back(story);
  if (list.size() > 4 * kMaxPostings) list.erase(list.begin(), list.begin() + static_cast<long>(list.size() - kMaxPostings));
}

void StoryClusterer::Join(const std::string& id, const DocFeatures& doc,
                          const std::vector<std::pair<std::string, double>>& vec) {
  Story& s = stories_[id];
  ++s.docs;
  ++s.members;
  for (const auto& [t, w] : vec) s.centroid[t] += w;
  if (s.centroid.size() > 2 * kCentroidTerms) {
    std::vector<std::pair<std::string, double>> all(s.centroid.begin(), s.centroid.end());
    std::nth_element(all.begin(), all.begin() + kCentroidTerms, all.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    all.resize(kCentroidTerms);
    s.centroid = std::unordered_map<std::string, double>(all.begin(), all.end());
  }
  s.centroid_norm = CentroidNorm(s.centroid);
  for (const auto& e : doc.entities) {
    ++s.entities[e];
    Post("e:" + e, id);
  }
  for (const auto& p : doc.places) {
    ++s.places[p];
    Post("p:" + p, id);
  }
  for (const auto& t : doc.event_types) ++s.types[t];
  if (!doc.main_place.empty()) ++s.main_places[doc.main_place];
  if (doc.day != kNoDay) {
    if (s.first_day == kNoDay || doc.day < s.first_day) s.first_day = doc.day;
    if (s.last_day == kNoDay || doc.day > s.last_day) s.last_day = doc.day;
  }
  // Key terms: the document's highest-weighted stems.
  std::vector<std::pair<std::string, double>> top(vec.begin(), vec.end());
  size_t k = std::min(kKeyTerms, top.size());
  std::partial_sort(top.begin(), top.begin() + static_cast<long>(k), top.end(),
                    [](const auto& a, const auto& b) { return a.second > b.second; });
  for (size_t i = 0; i < k; ++i) Post("t:" + top[i].first, id);
}

Assignment StoryClusterer::Add(const DocFeatures& doc) {
  Assignment a;
  // Copies join their original's story and do not move the statistics.
  if (auto m = duplicates_.FindBest(doc.signature, options_.duplicate_threshold)) {
    int64_t original = m->id;
    auto root = copy_of_.find(original);
    if (root != copy_of_.end()) original = root->second;
    auto it = doc_story_.find(original);
    if (it != doc_story_.end()) {
      a.story = it->second.first;
      a.score = 1.0;
      a.duplicate_similarity = m->similarity;
      int32_t original_day = it->second.second;
      if (doc.day != kNoDay && original_day != kNoDay && doc.day < original_day) {
        // This one is earlier: it becomes the original of the group.
        std::vector<int64_t> group = std::move(copies_[original]);
        copies_.erase(original);
        group.push_back(original);
        for (int64_t c : group) copy_of_[c] = doc.id;
        a.repointed_copies = group;
        copies_[doc.id] = std::move(group);
      } else {
        a.duplicate_of = original;
        copy_of_[doc.id] = original;
        copies_[original].push_back(doc.id);
      }
      duplicates_.Add(doc.id, doc.signature);
      doc_story_[doc.id] = {a.story, doc.day};
      Story& s = stories_[a.story];
      ++s.docs;
      if (doc.day != kNoDay) {
        if (s.first_day == kNoDay || doc.day < s.first_day) s.first_day = doc.day;
        if (s.last_day == kNoDay || doc.day > s.last_day) s.last_day = doc.day;
      }
      return a;
    }
  }
  auto vec = Vector(doc);
  // Candidates through the inverted index.
  std::unordered_map<std::string, int> shared_keys;  // candidate story -> keys it shares
  auto collect = [&](const std::string& key) {
    auto it = postings_.find(key);
    if (it == postings_.end()) return;
    const auto& list = it->second;
    size_t from = list.size() > kMaxPostings ? list.size() - kMaxPostings : 0;
    for (size_t i = from; i < list.size(); ++i) ++shared_keys[list[i]];
  };
  for (const auto& e : doc.entities) collect("e:" + e);
  for (const auto& p : doc.places) collect("p:" + p);
  {
    std::vector<std::pair<std::string, double>> top(vec.begin(), vec.end());
    size_t k = std::min(2 * kKeyTerms, top.size());
    std::partial_sort(top.begin(), top.begin() + static_cast<long>(k), top.end(),
                      [](const auto& x, const auto& y) { return x.second > y.second; });
    for (size_t i = 0; i < k; ++i) collect("t:" + top[i].first);
  }
  // Score the candidates that share the most keys with the document (all of
  // them when there are few): a story sharing one common key rarely wins, and
  // scoring hundreds of them per document made bulk ingest quadratic-looking.
  std::vector<std::pair<int, std::string>> ranked;
  ranked.reserve(shared_keys.size());
  for (auto& [story, n] : shared_keys) ranked.emplace_back(-n, story);
  if (ranked.size() > kMaxScored) {
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(kMaxScored), ranked.end());
    ranked.resize(kMaxScored);
  }
  const DocWeights weights = Weights(doc);
  std::string best;
  double best_score = 0;
  for (const auto& [unused, c] : ranked) {
    auto it = stories_.find(c);
    if (it == stories_.end()) continue;
    double s = Score(doc, vec, weights, it->second);
    if (s > best_score || (s == best_score && !best.empty() && c < best)) {
      best = c;
      best_score = s;
    }
  }
  double threshold = doc.day == kNoDay ? options_.undated_join_threshold : options_.join_threshold;
  if (!best.empty() && best_score >= threshold) {
    a.story = best;
    a.score = best_score;
  } else {
    a.story = "s" + std::to_string(doc.id);
    a.new_story = true;
    a.score = 1.0;
    if (!best.empty() && best_score >= options_.link_threshold) {
      a.linked_story = best;
      a.link_score = best_score;
    }
  }
  // Statistics: df of stems and entities.
  ++docs_;
  for (const auto& [t, n] : doc.terms) {
    ++df_[t];
    changed_terms_.insert(t);
  }
  for (const auto& e : doc.entities) {
    ++df_[kEntityKey + e];
    changed_terms_.insert(kEntityKey + e);
  }
  for (const auto& p : doc.places) {
    ++df_[kEntityKey + p];
    changed_terms_.insert(kEntityKey + p);
  }
  Join(a.story, doc, vec);
  duplicates_.Add(doc.id, doc.signature);
  doc_story_[doc.id] = {a.story, doc.day};
  return a;
}

std::vector<std::string> StoryClusterer::TakeChangedTerms() {
  std::vector<std::string> out(changed_terms_.begin(), changed_terms_.end());
  changed_terms_.clear();
  std::sort(out.begin(), out.end());
  return out;
}

nlohmann::json StoryClusterer::StoryState(const std::string& story) const {
  nlohmann::json j = nlohmann::json::object();
  auto it = stories_.find(story);
  if (it == stories_.end()) return j;
  const Story& s = it->second;
  j["centroid"] = s.centroid;
  j["entities"] = s.entities;
  j["places"] = s.places;
  j["types"] = s.types;
  j["main_places"] = s.main_places;
  j["first_day"] = s.first_day == kNoDay ? nlohmann::json() : nlohmann::json(s.first_day);
  j["last_day"] = s.last_day == kNoDay ? nlohmann::json() : nlohmann::json(s.last_day);
  j["docs"] = s.docs;
  j["members"] = s.members;
  return j;
}

void StoryClusterer::RestoreStory(const std::string& story, const nlohmann::json& j) {
  Story s;
  try {
    s.centroid = j.value("centroid", std::unordered_map<std::string, double>{});
    s.centroid_norm = CentroidNorm(s.centroid);
    s.entities = j.value("entities", std::unordered_map<std::string, int>{});
    s.places = j.value("places", std::unordered_map<std::string, int>{});
    s.types = j.value("types", std::unordered_map<std::string, int>{});
    s.main_places = j.value("main_places", std::unordered_map<std::string, int>{});
    if (j.contains("first_day") && j["first_day"].is_number()) s.first_day = j["first_day"].get<int32_t>();
    if (j.contains("last_day") && j["last_day"].is_number()) s.last_day = j["last_day"].get<int32_t>();
    s.docs = j.value("docs", 0);
    s.members = j.value("members", s.docs);
  } catch (const nlohmann::json::exception&) {
    // A damaged state restores as an empty story; new documents can still join by entities.
  }
  for (const auto& [e, n] : s.entities) Post("e:" + e, story);
  for (const auto& [p, n] : s.places) Post("p:" + p, story);
  std::vector<std::pair<std::string, double>> top(s.centroid.begin(), s.centroid.end());
  size_t k = std::min(2 * kKeyTerms, top.size());
  std::partial_sort(top.begin(), top.begin() + static_cast<long>(k), top.end(),
                    [](const auto& x, const auto& y) { return x.second > y.second; });
  for (size_t i = 0; i < k; ++i) Post("t:" + top[i].first, story);
  stories_[story] = std::move(s);
}

void StoryClusterer::RestoreDocument(const DocFeatures& doc, const std::string& story, int64_t duplicate_of) {
  duplicates_.Add(doc.id, doc.signature);
  doc_story_[doc.id] = {story, doc.day};
  if (duplicate_of != 0) {
    copy_of_[doc.id] = duplicate_of;
    copies_[duplicate_of].push_back(doc.id);
  }
}

}  // namespace marsad::stories
