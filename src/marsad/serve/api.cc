#include "marsad/serve/api.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <list>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "marsad/common/paths.h"
#include "marsad/document/json.h"
#include "marsad/engine/engine.h"
#include "marsad/ingest/reader.h"
#include "marsad/recognize/knowledge_base.h"
#include "marsad/serve/db.h"
#include "marsad/serve/exports.h"
#include "marsad/serve/http_util.h"
#include "marsad/store/layers_json.h"
#include "marsad/store/search_query.h"
#include "marsad/store/store.h"

#if MARSAD_SERVE_HAVE_STORIES
#include "marsad/stories/stories.h"
#endif

namespace marsad::serve {

using nlohmann::json;

namespace {

// Thrown inside handlers for bad input; turned into a JSON error by Handle().
// Never leaves this file.
struct HttpError {
  int status;
  std::string code;
  std::string message;
};

[[noreturn]] void Fail(int status, std::string code, std::string message) {
  throw HttpError{status, std::move(code), std::move(message)};
}

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

constexpr const char* kActorTypes[] = {"person",   "armed_group", "state_force", "gov_body",
                                       "party",    "intl_org",    "country"};
constexpr const char* kEntityTypes[] = {"person", "armed_group", "state_force", "gov_body", "party",
                                        "media",  "intl_org",    "country",     "place"};

std::string ActorTypesSql() {
  std::string s = "(";
  for (const char* t : kActorTypes) {
    if (s.size() > 1) s += ",";
    s += "'" + std::string(t) + "'";
  }
  return s + ")";
}

// Query parameters with validation. Every accessor throws HttpError(400).
class Params {
 public:
  explicit Params(const std::multimap<std::string, std::string>& p) : p_(p) {}

  std::string Str(const std::string& name, size_t max_len = 256) const {
    auto it = p_.find(name);
    if (it == p_.end()) return "";
    const std::string& v = it->second;
    if (v.size() > max_len) {
      Fail(400, "bad_parameter", "parameter '" + name + "' is longer than " +
                                     std::to_string(max_len) + " bytes");
    }
    for (unsigned char c : v) {
      if (c < 0x20 || c == 0x7f) Fail(400, "bad_parameter", "parameter '" + name + "' has control characters");
    }
    return v;
  }
  int64_t Int(const std::string& name, int64_t def, int64_t lo, int64_t hi) const {
    auto it = p_.find(name);
    if (it == p_.end() || it->second.empty()) return def;
    auto v = ParseInt(it->second, lo, hi);
    if (!v) {
      Fail(400, "bad_parameter", "parameter '" + name + "' must be an integer in [" +
                                     std::to_string(lo) + ", " + std::to_string(hi) + "]");
    }
    return *v;
  }
  std::string Date(const std::string& name) const {
    std::string v = Str(name, 32);
    if (!v.empty() && !IsIsoDatePrefix(v)) {
      Fail(400, "bad_parameter",
           "parameter '" + name + "' must be an ISO date prefix (YYYY, YYYY-MM, YYYY-MM-DD)");
    }
    return v;
  }
  bool Bool(const std::string& name, bool def) const {
    std::string v = Str(name, 8);
    if (v.empty()) return def;
    if (v == "1" || v == "true") return true;
    if (v == "0" || v == "false") return false;
    Fail(400, "bad_parameter", "parameter '" + name + "' must be true/false/1/0");
  }
  std::string OneOf(const std::string& name, std::initializer_list<const char*> allowed,
                    const std::string& def = "") const {
    std::string v = Str(name, 64);
    if (v.empty()) return def;
    for (const char* a : allowed) {
      if (v == a) return v;
    }
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    Fail(400, "bad_parameter", "parameter '" + name + "' must be one of: " + list);
  }
  // An entity or outlet id: printable, no spaces, at most 128 bytes.
  std::string Id(const std::string& name) const {
    std::string v = Str(name, 128);
    for (unsigned char c : v) {
      if (c == ' ') Fail(400, "bad_parameter", "parameter '" + name + "' is not an id");
    }
    return v;
  }

 private:
  const std::multimap<std::string, std::string>& p_;
};

std::string OutletName(const std::string& id, const std::string& ar, const std::string& en) {
  return !ar.empty() ? ar : !en.empty() ? en : id;
}

json ArgJson(const EventArg& a, std::string_view body,
             const std::unordered_map<std::string, std::pair<std::string, std::string>>& names) {
  json j = {{"role", a.role},
            {"id", a.entity_id.empty() ? json(nullptr) : json(a.entity_id)},
            {"text", a.text},
            {"start", CodePointOffset(body, a.span.start)},
            {"end", CodePointOffset(body, a.span.end)}};
  auto it = names.find(a.entity_id);
  if (it != names.end()) {
    j["name_ar"] = it->second.first;
    j["name_en"] = it->second.second;
  }
  return j;
}

// Result of Generation(): identifies the store's content for the cache.
std::string FileStamp(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return "-";
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

// A byte-bounded LRU of GET responses keyed by the canonical request. An
// entry is valid only for the store generation it was computed on.
class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  std::optional<ApiResponse> Get(const std::string& key, const std::string& gen) {
    if (max_bytes_ == 0) return std::nullopt;
    std::lock_guard<std::mutex> lock(mu_);
    if (gen != gen_) {
      Clear();
      gen_ = gen;
      return std::nullopt;
    }
    auto it = map_.find(key);
    if (it == map_.end()) return std::nullopt;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->second;
  }
  void Put(const std::string& key, const std::string& gen, const ApiResponse& r) {
    size_t size = key.size() + r.body.size() + 64;
    if (max_bytes_ == 0 || size > max_bytes_ / 4) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (gen != gen_) {
      Clear();
      gen_ = gen;
    }
    if (map_.count(key)) return;
    lru_.emplace_front(key, r);
    map_[key] = lru_.begin();
    bytes_ += size;
    while (bytes_ > max_bytes_ && !lru_.empty()) {
      auto& back = lru_.back();
      bytes_ -= back.first.size() + back.second.body.size() + 64;
      map_.erase(back.first);
      lru_.pop_back();
    }
  }

 private:
  void Clear() {
    map_.clear();
    lru_.clear();
    bytes_ = 0;
  }
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::string gen_;
  std::list<std::pair<std::string, ApiResponse>> lru_;
  std::unordered_map<std::string, std::list<std::pair<std::string, ApiResponse>>::iterator> map_;
  std::mutex mu_;
};

struct EventFilter {
  std::string type, place, entity, outlet, from, to;
  int64_t doc = 0;
  bool background = true, negated = true;
  int64_t limit = 100, offset = 0;
};

EventFilter ReadEventFilter(const Params& p, int64_t def_limit, int64_t max_limit) {
  EventFilter f;
  f.type = p.Id("type");
  f.place = p.Id("place");
  f.entity = p.Id("entity");
  f.outlet = p.Id("outlet");
  f.from = p.Date("from");
  f.to = p.Date("to");
  f.doc = p.Int("doc", 0, 0, int64_t{1} << 53);
  f.background = p.Bool("background", true);
  f.negated = p.Bool("negated", true);
  f.limit = p.Int("limit", def_limit, 1, max_limit);
  f.offset = p.Int("offset", 0, 0, 10000000);
  return f;
}

// Calls f(word) for each space-separated word of `list`.
template <typename F>
void ForEachWord(std::string_view list, F f) {
  size_t i = 0;
  while (i < list.size()) {
    size_t j = list.find(' ', i);
    if (j == std::string_view::npos) j = list.size();
    if (j > i) f(list.substr(i, j - i));
    i = j + 1;
  }
}

// A string -> dense index table, looked up by string_view.
struct Interner {
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
  };
  std::vector<std::string> names;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> index;
  uint32_t Add(std::string_view name) {
    auto it = index.find(name);
    if (it != index.end()) return it->second;
    auto i = static_cast<uint32_t>(names.size());
    names.emplace_back(name);
    index.emplace(std::string(name), i);
    return i;
  }
  // -1 when unknown.
  int64_t Find(std::string_view name) const {
    auto it = index.find(name);
    return it == index.end() ? -1 : it->second;
  }
};

// The store's doc_facets rows in memory, indexed by document id, for search
// filters and facet counts (docs/api.md, "Search"): checking a match is a few
// array reads instead of an SQLite row lookup, which was half the cost of a
// search. Documents are never changed in place, so the copy grows by the rows
// added since it was last read. About 50 bytes per document.
struct FacetData {
  Interner outlets, types, entities;
  std::vector<uint8_t> present;         // by doc id
  std::vector<uint32_t> outlet;         // index into outlets
  std::vector<std::string> published;   // ISO prefix or ""
  std::vector<uint64_t> type_bits;      // bit i: types.names[i] (the first 64 types)
  std::vector<uint32_t> ent_begin;      // entities of doc d: ent[ent_begin[d] .. ent_begin[d + 1])
  std::vector<uint32_t> ent;
  int64_t max_id = 0;

  bool Has(int64_t id) const { return id > 0 && id <= max_id && present[static_cast<size_t>(id)]; }
  // Appends the rows of doc_facets with doc_id > max_id, in id order.
  bool Extend(Session& s, std::string* error) {
    Stmt q(s, "SELECT doc_id, outlet_id, published, types, entities FROM doc_facets WHERE doc_id > ? ORDER BY doc_id");
    q.Bind(max_id);
    if (present.empty()) {
      present.push_back(0);
      outlet.push_back(0);
      published.emplace_back();
      type_bits.push_back(0);
      ent_begin.assign(2, 0);
    }
    while (q.Next()) {
      int64_t id = q.Int(0);
      if (id <= max_id) continue;
      auto n = static_cast<size_t>(id) + 1;
      present.resize(n, 0);
      outlet.resize(n, 0);
      published.resize(n);
      type_bits.resize(n, 0);
      ent_begin.resize(n + 1, static_cast<uint32_t>(ent.size()));
      auto d = static_cast<size_t>(id);
      present[d] = 1;
      outlet[d] = outlets.Add(q.TextView(1));
      published[d] = q.Text(2);
      ForEachWord(q.TextView(3), [&](std::string_view t) {
        uint32_t i = types.Add(t);
        if (i < 64) type_bits[d] |= uint64_t{1} << i;
      });
      ForEachWord(q.TextView(4), [&](std::string_view e) { ent.push_back(entities.Add(e)); });
      ent_begin[d + 1] = static_cast<uint32_t>(ent.size());
      max_id = id;
    }
    if (!q.error().empty()) {
      *error = q.error();
      return false;
    }
    return true;
  }
};

}  // namespace

struct Api::Impl {
  ApiOptions options;
  std::unique_ptr<SessionPool> pool;
  std::shared_ptr<const KnowledgeBase> kb;  // may be null
  std::optional<QueryStopwords> stopwords;  // data/search/stopwords.tsv, if present
  ResponseCache cache{0};
  std::atomic<int64_t> writes{0};
  // Writer side (only with a write token).
  std::shared_ptr<const Engine> engine;
  std::unique_ptr<Store> writer;
  std::mutex write_mu;
#if MARSAD_SERVE_HAVE_STORIES
  std::unique_ptr<stories::StoryUpdater> updater;
#endif

  explicit Impl(size_t cache_bytes) : cache(cache_bytes) {}

  // Names and types of entities and outlets, read once per store generation
  // (search facets name up to 60 values per request).
  struct Names {
    struct Entry {
      std::string type, name_ar, name_en;
    };
    std::unordered_map<std::string, Entry> entities, outlets;
  };
  std::mutex names_mu;
  std::string names_gen;
  std::shared_ptr<const Names> names;
  // Kept per store generation (Generation()).
  std::shared_ptr<const Names> CurrentNames(Session& s, const std::string& gen);

  std::mutex facets_mu;
  std::string facets_gen;
  std::shared_ptr<const FacetData> facets;
  std::shared_ptr<const FacetData> CurrentFacets(Session& s, const std::string& gen);

  std::string Generation() const {
    return FileStamp(options.db_path) + "|" + FileStamp(options.db_path + "-wal") + "|" +
           std::to_string(writes.load());
  }

  ApiResponse Route(const ApiRequest& req);

  // ---- helpers
  std::unordered_map<std::string, std::pair<std::string, std::string>> EntityNames(
      Session& s, const std::set<std::string>& ids) {
    std::unordered_map<std::string, std::pair<std::string, std::string>> out;
    for (const std::string& id : ids) {
      if (id.empty()) continue;
      Stmt q(s, "SELECT name_ar, name_en FROM entities WHERE id = ?");
      q.Bind(id);
      if (q.Next()) out[id] = {q.Text(0), q.Text(1)};
    }
    return out;
  }

  json EventJson(Session& s, int64_t event_id, int64_t doc_id, int idx, const Event& e,
                 const std::string& body) {
    std::set<std::string> ids;
    for (const auto& a : e.actors) ids.insert(a.entity_id);
    for (const auto& a : e.targets) ids.insert(a.entity_id);
    if (e.place) ids.insert(e.place->entity_id);
    auto names = EntityNames(s, ids);
    json actors = json::array(), targets = json::array();
    for (const auto& a : e.actors) actors.push_back(ArgJson(a, body, names));
    for (const auto& a : e.targets) targets.push_back(ArgJson(a, body, names));
    json j = {{"id", event_id},
              {"doc_id", doc_id},
              {"index", idx},
              {"type", e.type},
              {"trigger", e.trigger},
              {"trigger_start", CodePointOffset(body, e.trigger_span.start)},
              {"trigger_end", CodePointOffset(body, e.trigger_span.end)},
              {"actors", actors},
              {"targets", targets},
              {"place", e.place ? ArgJson(*e.place, body, names) : json(nullptr)},
              {"status", e.status},
              {"negated", e.negated},
              {"background", e.background},
              {"confidence", e.confidence},
              {"date_is_default", e.date_is_default}};
    if (e.date) {
      j["date"] = {{"text", e.date->text},
                   {"value", e.date->value},
                   {"precision", PrecisionName(e.date->precision)},
                   {"start", CodePointOffset(body, e.date->span.start)},
                   {"end", CodePointOffset(body, e.date->span.end)}};
    } else {
      j["date"] = nullptr;
    }
    json q = json::array();
    for (const Quantity& x : e.quantities) {
      q.push_back({{"text", x.text}, {"value", x.value}, {"unit", x.unit}});
      if (x.approximate) q.back()["approximate"] = true;
    }
    j["quantities"] = q;
    json sources = json::array();
    for (int32_t a : e.attributed_to) {
      Stmt st(s, "SELECT speaker, speaker_text, stance FROM attributions WHERE doc_id = ? AND idx = ?");
      st.Bind(doc_id).Bind(static_cast<int64_t>(a));
      if (st.Next()) {
        sources.push_back({{"speaker", st.Text(0)}, {"speaker_text", st.Text(1)}, {"stance", st.Text(2)}});
      }
    }
    j["attributed_to"] = sources;
    j["evidence"] = {{"text", SafeSlice(body, e.evidence.start, e.evidence.end)},
                     {"start", CodePointOffset(body, e.evidence.start)},
                     {"end", CodePointOffset(body, e.evidence.end)}};
    return j;
  }

  struct EventRow {
    int64_t id, doc_id;
    int idx;
    Event event;
    std::string date_value, outlet_id, outlet_name, published, title, url, body;
  };

  std::vector<EventRow> QueryEvents(Session& s, const EventFilter& f, int64_t* total) {
    const char* where =
        " FROM events e JOIN documents d ON d.id = e.doc_id "
        "WHERE (?1 = '' OR e.type = ?1) AND (?2 = '' OR e.place_id = ?2) "
        "AND (?3 = '' OR e.id IN (SELECT event_id FROM event_args WHERE entity_id = ?3)) "
        "AND (?4 = '' OR d.outlet_id = ?4) "
        "AND (?5 = '' OR e.date_value >= ?5) "
        "AND (?6 = '' OR substr(e.date_value, 1, length(?6)) <= ?6) "
        "AND (?7 = 0 OR e.doc_id = ?7) AND (?8 = 1 OR e.background = 0) "
        "AND (?9 = 1 OR e.negated = 0) ";
    auto bind = [&](Stmt& q) {
      q.Bind(f.type).Bind(f.place).Bind(f.entity).Bind(f.outlet).Bind(f.from).Bind(f.to);
      q.Bind(f.doc).Bind(int64_t{f.background}).Bind(int64_t{f.negated});
    };
    if (total != nullptr) {
      Stmt c(s, std::string("SELECT count(*)") + where);
      bind(c);
      *total = c.Next() ? c.Int(0) : 0;
    }
    Stmt q(s, std::string("SELECT e.id, e.doc_id, e.idx, e.json, coalesce(e.date_value, ''), "
                          "coalesce(d.outlet_id, ''), d.outlet_name_ar, d.outlet_name_en, "
                          "coalesce(d.published_value, ''), d.title, d.url, d.body") +
                  where + "ORDER BY e.date_value IS NULL, e.date_value, e.id LIMIT ?10 OFFSET ?11");
    if (!q.ok()) Fail(500, "internal", q.error());
    bind(q);
    q.Bind(f.limit).Bind(f.offset);
    std::vector<EventRow> rows;
    while (q.Next()) {
      EventRow r;
      r.id = q.Int(0);
      r.doc_id = q.Int(1);
      r.idx = static_cast<int>(q.Int(2));
      json ej = json::parse(q.Text(3), nullptr, false);
      if (!ej.is_discarded()) r.event = store_internal::EventFromJson(ej);
      r.date_value = q.Text(4);
      r.outlet_id = q.Text(5);
      r.outlet_name = OutletName(r.outlet_id, q.Text(6), q.Text(7));
      r.published = q.Text(8);
      r.title = q.Text(9);
      r.url = q.Text(10);
      r.body = q.Text(11);
      rows.push_back(std::move(r));
    }
    return rows;
  }

  json EventRowJson(Session& s, const EventRow& r) {
    json j = EventJson(s, r.id, r.doc_id, r.idx, r.event, r.body);
    j["date_value"] = r.date_value.empty() ? json(nullptr) : json(r.date_value);
    j["outlet_id"] = r.outlet_id;
    j["outlet"] = r.outlet_name;
    j["published"] = r.published;
    j["title"] = r.title;
    j["url"] = r.url;
    return j;
  }

  ExportEvent ToExport(Session& s, const EventRow& r) {
    ExportEvent x;
    x.id = r.id;
    x.doc_id = r.doc_id;
    x.event_date = r.date_value;
    x.event_type = r.event.type;
    x.status = r.event.status + (r.event.negated ? ",negated" : "");
    std::set<std::string> ids;
    for (const auto& a : r.event.actors) ids.insert(a.entity_id);
    for (const auto& a : r.event.targets) ids.insert(a.entity_id);
    auto names = EntityNames(s, ids);
    auto name_of = [&](const EventArg& a) {
      auto it = names.find(a.entity_id);
      if (it != names.end()) return !it->second.first.empty() ? it->second.first : it->second.second;
      return a.text;
    };
    auto join = [&](const std::vector<EventArg>& v) {
      std::string out;
      for (const auto& a : v) out += (out.empty() ? "" : "; ") + name_of(a);
      return out;
    };
    x.actor1 = join(r.event.actors);
    x.actor2 = join(r.event.targets);
    if (r.event.place) {
      x.location = r.event.place->text;
      x.place_id = r.event.place->entity_id;
      Stmt q(s, "SELECT name_ar, lat, lon FROM entities WHERE id = ?");
      q.Bind(x.place_id);
      if (!x.place_id.empty() && q.Next()) {
        if (!q.Text(0).empty()) x.location = q.Text(0);
        if (!q.IsNull(1) && !q.IsNull(2)) {
          x.lat = q.Real(1);
          x.lon = q.Real(2);
        }
      }
    }
    x.source = r.outlet_name;
    x.source_url = r.url;
    x.notes = SafeSlice(r.body, r.event.evidence.start, r.event.evidence.end);
    x.confidence = r.event.confidence;
    return x;
  }

  // ---- graph
  struct Graph {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
  };

  Graph BuildGraph(Session& s, const std::string& entity, int64_t limit, int64_t min_weight) {
    Graph g;
    std::string types = ActorTypesSql();
    if (!entity.empty()) {
      Stmt q(s,
             "SELECT e.id, e.type, e.name_ar, e.name_en, count(DISTINCT m2.doc_id) AS c "
             "FROM mentions m1 JOIN mentions m2 ON m2.doc_id = m1.doc_id "
             "JOIN entities e ON e.id = m2.entity_id "
             "WHERE m1.entity_id = ?1 AND (e.type IN " + types + " OR e.id = ?1) "
             "GROUP BY e.id ORDER BY (e.id = ?1) DESC, c DESC, e.id LIMIT ?2");
      q.Bind(entity).Bind(limit);
      while (q.Next()) g.nodes.push_back({q.Text(0), q.Text(2), q.Text(3), q.Text(1), q.Int(4)});
    } else {
      Stmt q(s,
             "SELECT e.id, e.type, e.name_ar, e.name_en, count(DISTINCT m.doc_id) AS c "
             "FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.type IN " + types +
             " GROUP BY e.id ORDER BY c DESC, e.id LIMIT ?1");
      q.Bind(limit);
      while (q.Next()) g.nodes.push_back({q.Text(0), q.Text(2), q.Text(3), q.Text(1), q.Int(4)});
    }
    json ids = json::array();
    std::set<std::string> idset;
    for (const auto& n : g.nodes) {
      ids.push_back(n.id);
      idset.insert(n.id);
    }
    std::string id_list = Dump(ids);
    {
      Stmt q(s,
             "WITH de AS MATERIALIZED (SELECT DISTINCT doc_id, entity_id FROM mentions "
             "WHERE entity_id IN (SELECT value FROM json_each(?1))) "
             "SELECT a.entity_id, b.entity_id, count(*) AS w FROM de a JOIN de b "
             "ON a.doc_id = b.doc_id AND a.entity_id < b.entity_id "
             "GROUP BY 1, 2 HAVING w >= ?2 ORDER BY w DESC LIMIT 2000");
      q.Bind(id_list).Bind(min_weight);
      while (q.Next()) g.edges.push_back({q.Text(0), q.Text(1), "co_mention", q.Int(2)});
    }
    {
      Stmt q(s,
             "SELECT a.entity_id, t.entity_id, count(*) FROM event_args a "
             "JOIN event_args t ON t.event_id = a.event_id AND t.role = 'target' "
             "WHERE a.role = 'actor' AND a.entity_id IN (SELECT value FROM json_each(?1)) "
             "AND t.entity_id IN (SELECT value FROM json_each(?1)) AND a.entity_id <> t.entity_id "
             "GROUP BY 1, 2");
      q.Bind(id_list);
      while (q.Next()) g.edges.push_back({q.Text(0), q.Text(1), "event", q.Int(2)});
    }
    if (kb) {
      for (const std::string& id : idset) {
        for (const KbRelation* r : kb->RelationsOf(id)) {
          if (r->subject == id && idset.count(r->object)) {
            g.edges.push_back({r->subject, r->object, "relation:" + r->relation, 1});
          }
        }
      }
    }
    return g;
  }

  // ---- handlers
  ApiResponse Health(Session& s);
  ApiResponse Documents(Session& s, const Params& p);
  ApiResponse DocumentById(Session& s, int64_t id);
  ApiResponse Events(Session& s, const Params& p);
  ApiResponse Claims(Session& s, const Params& p);
  ApiResponse Entities(Session& s, const Params& p);
  ApiResponse EntityById(Session& s, const std::string& id);
  ApiResponse Places(Session& s, const Params& p);
  ApiResponse Outlets(Session& s);
  ApiResponse Search(Session& s, const Params& p);
  ApiResponse Timeline(Session& s, const Params& p);
  ApiResponse GraphJson(Session& s, const Params& p);
  ApiResponse Export(Session& s, const std::string& what, const Params& p);
  ApiResponse Stories(Session& s, const Params& p);
  ApiResponse StoryById(Session& s, const std::string& id);
  ApiResponse PostArticles(const ApiRequest& req);
};

namespace {

ApiResponse JsonResponse(const json& j, int status = 200) {
  ApiResponse r;
  r.status = status;
  r.body = Dump(j);
  return r;
}

ApiResponse ErrorResponse(int status, const std::string& code, const std::string& message) {
  ApiResponse r;
  r.status = status;
  r.body = ErrorBody(code, message);
  return r;
}

}  // namespace

ApiResponse Api::Impl::Health(Session& s) {
  Stmt q(s, "SELECT count(*) FROM documents");
  int64_t docs = q.Next() ? q.Int(0) : 0;
  return JsonResponse({{"status", "ok"},
                       {"documents", docs},
                       {"stories", Api::HasStories()},
                       {"write", !options.write_token.empty()},
                       {"knowledge_base", kb != nullptr}});
}

ApiResponse Api::Impl::Documents(Session& s, const Params& p) {
  std::string outlet = p.Id("outlet"), from = p.Date("from"), to = p.Date("to");
  std::string entity = p.Id("entity");
  int64_t limit = p.Int("limit", 50, 1, 500), offset = p.Int("offset", 0, 0, 10000000);
  const char* where =
      " FROM documents d WHERE (?1 = '' OR d.outlet_id = ?1) "
      "AND (?2 = '' OR d.published_value >= ?2) "
      "AND (?3 = '' OR substr(d.published_value, 1, length(?3)) <= ?3) "
      "AND (?4 = '' OR d.id IN (SELECT doc_id FROM mentions WHERE entity_id = ?4)) ";
  Stmt c(s, std::string("SELECT count(*)") + where);
  c.Bind(outlet).Bind(from).Bind(to).Bind(entity);
  int64_t total = c.Next() ? c.Int(0) : 0;
  Stmt q(s, std::string("SELECT d.id, d.title, coalesce(d.outlet_id, ''), d.outlet_name_ar, "
                        "d.outlet_name_en, coalesce(d.published_value, ''), d.published_precision, "
                        "d.source, d.url, (SELECT count(*) FROM events e WHERE e.doc_id = d.id)") +
                where + "ORDER BY d.published_value IS NULL, d.published_value DESC, d.id DESC "
                        "LIMIT ?5 OFFSET ?6");
  q.Bind(outlet).Bind(from).Bind(to).Bind(entity).Bind(limit).Bind(offset);
  json items = json::array();
  while (q.Next()) {
    items.push_back({{"id", q.Int(0)},
                     {"title", q.Text(1)},
                     {"outlet_id", q.Text(2)},
                     {"outlet", OutletName(q.Text(2), q.Text(3), q.Text(4))},
                     {"published", q.Text(5)},
                     {"precision", q.Text(6)},
                     {"source", q.Text(7)},
                     {"url", q.Text(8)},
                     {"events", q.Int(9)}});
  }
  return JsonResponse({{"total", total}, {"limit", limit}, {"offset", offset}, {"items", items}});
}

ApiResponse Api::Impl::DocumentById(Session& s, int64_t id) {
  auto got = s.store->GetDocument(id);
  if (!got.ok()) Fail(500, "internal", got.status().message());
  if (!got->has_value()) Fail(404, "not_found", "no document with id " + std::to_string(id));
  const StoredDocument& sd = **got;
  json j = DocumentToJson(sd.doc);
  j["id"] = sd.id;
  j["ingested_at"] = sd.ingested_at;
  // Names of linked entities for speakers and event arguments.
  std::set<std::string> ids;
  for (const Attribution& a : sd.doc.attributions) ids.insert(a.speaker);
  json speakers = json::object();
  for (auto& [k, v] : EntityNames(s, ids)) speakers[k] = {{"name_ar", v.first}, {"name_en", v.second}};
  j["speaker_names"] = speakers;
  json ev_ids = json::array();
  Stmt q(s, "SELECT id FROM events WHERE doc_id = ? ORDER BY idx");
  q.Bind(id);
  while (q.Next()) ev_ids.push_back(q.Int(0));
  j["event_ids"] = ev_ids;
  j["story"] = nullptr;
#if MARSAD_SERVE_HAVE_STORIES
  auto story = stories::StoryOfDocument(*s.store, id);
  if (story.ok() && !story->empty()) j["story"] = *story;
#endif
  return JsonResponse(j);
}

ApiResponse Api::Impl::Events(Session& s, const Params& p) {
  EventFilter f = ReadEventFilter(p, 100, 1000);
  int64_t total = 0;
  auto rows = QueryEvents(s, f, &total);
  json items = json::array();
  for (const auto& r : rows) items.push_back(EventRowJson(s, r));
  return JsonResponse({{"total", total}, {"limit", f.limit}, {"offset", f.offset}, {"items", items}});
}

ApiResponse Api::Impl::Claims(Session& s, const Params& p) {
  std::string speaker = p.Str("speaker", 256), outlet = p.Id("outlet");
  std::string stance = p.OneOf("stance", {"asserts", "denies"});
  std::string from = p.Date("from"), to = p.Date("to");
  int64_t doc = p.Int("doc", 0, 0, int64_t{1} << 53);
  int64_t limit = p.Int("limit", 100, 1, 1000), offset = p.Int("offset", 0, 0, 10000000);
  const char* where =
      " FROM attributions a JOIN documents d ON d.id = a.doc_id "
      "WHERE (?1 = '' OR a.speaker = ?1) AND (?2 = '' OR d.outlet_id = ?2) "
      "AND (?3 = '' OR a.stance = ?3) AND (?4 = 0 OR a.doc_id = ?4) "
      "AND (?5 = '' OR d.published_value >= ?5) "
      "AND (?6 = '' OR substr(d.published_value, 1, length(?6)) <= ?6) ";
  Stmt c(s, std::string("SELECT count(*)") + where);
  c.Bind(speaker).Bind(outlet).Bind(stance).Bind(doc).Bind(from).Bind(to);
  int64_t total = c.Next() ? c.Int(0) : 0;
  Stmt q(s, std::string("SELECT a.doc_id, a.idx, a.speaker, a.speaker_text, a.cue, a.stance, "
                        "a.start_byte, a.end_byte, coalesce(d.outlet_id, ''), d.outlet_name_ar, "
                        "d.outlet_name_en, coalesce(d.published_value, ''), d.title, d.body, "
                        "coalesce((SELECT name_ar FROM entities x WHERE x.id = a.speaker), '')") +
                where + "ORDER BY d.published_value IS NULL, d.published_value, a.doc_id, a.idx "
                        "LIMIT ?7 OFFSET ?8");
  q.Bind(speaker).Bind(outlet).Bind(stance).Bind(doc).Bind(from).Bind(to).Bind(limit).Bind(offset);
  json items = json::array();
  while (q.Next()) {
    std::string body = q.Text(13);
    int32_t sb = static_cast<int32_t>(q.Int(6)), eb = static_cast<int32_t>(q.Int(7));
    items.push_back({{"doc_id", q.Int(0)},
                     {"index", q.Int(1)},
                     {"speaker", q.Text(2)},
                     {"speaker_name", q.Text(14)},
                     {"speaker_text", q.Text(3)},
                     {"cue", q.Text(4)},
                     {"stance", q.Text(5)},
                     {"text", SafeSlice(body, sb, eb)},
                     {"start", CodePointOffset(body, sb)},
                     {"end", CodePointOffset(body, eb)},
                     {"outlet_id", q.Text(8)},
                     {"outlet", OutletName(q.Text(8), q.Text(9), q.Text(10))},
                     {"published", q.Text(11)},
                     {"title", q.Text(12)}});
  }
  return JsonResponse({{"total", total}, {"limit", limit}, {"offset", offset}, {"items", items}});
}

ApiResponse Api::Impl::Entities(Session& s, const Params& p) {
  std::string type = p.OneOf("type", {"person", "armed_group", "state_force", "gov_body", "party",
                                      "media", "intl_org", "country", "place"});
  std::string name = p.Str("q", 128);
  int64_t limit = p.Int("limit", 100, 1, 1000), offset = p.Int("offset", 0, 0, 10000000);
  json kb_ids = json::array();
  if (kb && !name.empty()) {
    for (const KbEntity* e : kb->LookupName(name)) kb_ids.push_back(e->id);
  }
  Stmt q(s,
         "SELECT e.id, e.type, e.name_ar, e.name_en, e.wikidata, e.lat, e.lon, "
         "(SELECT count(DISTINCT doc_id) FROM mentions m WHERE m.entity_id = e.id) AS docs, "
         "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) "
         "FROM entities e WHERE (?1 = '' OR e.type = ?1) AND (?2 = '' OR e.id = ?2 "
         "OR instr(e.name_ar, ?2) > 0 OR instr(lower(e.name_en), lower(?2)) > 0 "
         "OR e.id IN (SELECT value FROM json_each(?3))) "
         "ORDER BY docs DESC, e.id LIMIT ?4 OFFSET ?5");
  q.Bind(type).Bind(name).Bind(Dump(kb_ids)).Bind(limit).Bind(offset);
  json items = json::array();
  while (q.Next()) {
    json e = {{"id", q.Text(0)},       {"type", q.Text(1)},      {"name_ar", q.Text(2)},
              {"name_en", q.Text(3)},  {"wikidata", q.Text(4)},  {"documents", q.Int(7)},
              {"mentions", q.Int(8)}};
    e["lat"] = q.IsNull(5) ? json(nullptr) : json(q.Real(5));
    e["lon"] = q.IsNull(6) ? json(nullptr) : json(q.Real(6));
    items.push_back(std::move(e));
  }
  if (!q.error().empty()) Fail(500, "internal", q.error());
  return JsonResponse({{"limit", limit}, {"offset", offset}, {"items", items}});
}

ApiResponse Api::Impl::EntityById(Session& s, const std::string& id) {
  if (id.empty() || id.size() > 128 || id.find_first_of(" \t\r\n") != std::string::npos) {
    Fail(400, "bad_id", "malformed entity id");
  }
  json j;
  {
    Stmt q(s, "SELECT id, type, name_ar, name_en, wikidata, lat, lon FROM entities WHERE id = ?");
    q.Bind(id);
    if (q.Next()) {
      j = {{"id", q.Text(0)},      {"type", q.Text(1)},     {"name_ar", q.Text(2)},
           {"name_en", q.Text(3)}, {"wikidata", q.Text(4)}};
      j["lat"] = q.IsNull(5) ? json(nullptr) : json(q.Real(5));
      j["lon"] = q.IsNull(6) ? json(nullptr) : json(q.Real(6));
    }
  }
  const KbEntity* ke = kb ? kb->Find(id) : nullptr;
  if (j.is_null()) {
    if (ke == nullptr) Fail(404, "not_found", "no entity with id " + id);
    j = {{"id", ke->id},           {"type", ke->type},
         {"name_ar", ke->name_ar}, {"name_en", ke->name_en},
         {"wikidata", ke->wikidata}};
    j["lat"] = ke->lat ? json(*ke->lat) : json(nullptr);
    j["lon"] = ke->lon ? json(*ke->lon) : json(nullptr);
  }
  j["aliases_ar"] = ke ? json(ke->aliases_ar) : json::array();
  j["aliases_en"] = ke ? json(ke->aliases_en) : json::array();
  j["kind"] = ke ? ke->kind : "";
  j["in_knowledge_base"] = ke != nullptr;
  json parent = nullptr;
  if (ke && !ke->parent_id.empty()) {
    const KbEntity* pe = kb->Find(ke->parent_id);
    parent = {{"id", ke->parent_id}, {"name_ar", pe ? pe->name_ar : ""}, {"name_en", pe ? pe->name_en : ""}};
  }
  j["parent"] = parent;
  json relations = json::array();
  if (kb) {
    for (const KbRelation* r : kb->RelationsOf(id)) {
      bool out = r->subject == id;
      const std::string& other = out ? r->object : r->subject;
      const KbEntity* oe = kb->Find(other);
      relations.push_back({{"relation", r->relation},
                           {"direction", out ? "out" : "in"},
                           {"other", {{"id", other},
                                      {"name_ar", oe ? oe->name_ar : ""},
                                      {"name_en", oe ? oe->name_en : ""},
                                      {"type", oe ? oe->type : ""}}},
                           {"from", r->from},
                           {"to", r->to},
                           {"source", r->source}});
    }
  }
  j["relations"] = relations;
  {
    Stmt q(s, "SELECT count(DISTINCT doc_id), count(*) FROM mentions WHERE entity_id = ?");
    q.Bind(id);
    if (q.Next()) {
      j["documents"] = q.Int(0);
      j["mentions"] = q.Int(1);
    }
  }
  json over_time = json::array();
  {
    Stmt q(s,
           "SELECT substr(d.published_value, 1, 7) AS m, count(DISTINCT d.id), count(*) "
           "FROM mentions x JOIN documents d ON d.id = x.doc_id "
           "WHERE x.entity_id = ? AND d.published_value IS NOT NULL GROUP BY m ORDER BY m");
    q.Bind(id);
    while (q.Next()) over_time.push_back({{"period", q.Text(0)}, {"documents", q.Int(1)}, {"mentions", q.Int(2)}});
  }
  j["mentions_over_time"] = over_time;
  json docs = json::array();
  std::vector<int64_t> doc_ids;
  {
    Stmt q(s,
           "SELECT d.id, d.title, coalesce(d.outlet_id, ''), d.outlet_name_ar, d.outlet_name_en, "
           "coalesce(d.published_value, '') FROM documents d "
           "WHERE d.id IN (SELECT doc_id FROM mentions WHERE entity_id = ?) "
           "ORDER BY d.published_value IS NULL, d.published_value DESC, d.id DESC LIMIT 50");
    q.Bind(id);
    while (q.Next()) {
      doc_ids.push_back(q.Int(0));
      docs.push_back({{"id", q.Int(0)},
                      {"title", q.Text(1)},
                      {"outlet_id", q.Text(2)},
                      {"outlet", OutletName(q.Text(2), q.Text(3), q.Text(4))},
                      {"published", q.Text(5)}});
    }
  }
  j["recent_documents"] = docs;
  json events_by_type = json::object();
  {
    Stmt q(s,
           "SELECT e.type, count(DISTINCT e.id) FROM event_args a JOIN events e ON e.id = a.event_id "
           "WHERE a.entity_id = ? GROUP BY 1 ORDER BY 2 DESC");
    q.Bind(id);
    while (q.Next()) events_by_type[q.Text(0)] = q.Int(1);
  }
  j["events_by_type"] = events_by_type;
  json co = json::array();
  {
    Stmt q(s,
           "SELECT e.id, e.type, e.name_ar, e.name_en, count(DISTINCT m2.doc_id) AS c "
           "FROM mentions m1 JOIN mentions m2 ON m2.doc_id = m1.doc_id AND m2.entity_id <> m1.entity_id "
           "JOIN entities e ON e.id = m2.entity_id WHERE m1.entity_id = ? "
           "GROUP BY e.id ORDER BY c DESC, e.id LIMIT 20");
    q.Bind(id);
    while (q.Next()) {
      co.push_back({{"id", q.Text(0)}, {"type", q.Text(1)}, {"name_ar", q.Text(2)},
                    {"name_en", q.Text(3)}, {"documents", q.Int(4)}});
    }
  }
  j["co_mentioned"] = co;
  json story_list = json::array();
#if MARSAD_SERVE_HAVE_STORIES
  std::set<std::string> seen;
  for (int64_t d : doc_ids) {
    auto st = stories::StoryOfDocument(*s.store, d);
    if (st.ok() && !st->empty() && seen.insert(*st).second) story_list.push_back({{"id", *st}});
  }
#endif
  j["stories"] = story_list;
  return JsonResponse(j);
}

ApiResponse Api::Impl::Places(Session& s, const Params& p) {
  int64_t limit = p.Int("limit", 500, 1, 5000);
  Stmt q(s,
         "SELECT e.id, e.type, e.name_ar, e.name_en, e.lat, e.lon, "
         "(SELECT count(DISTINCT doc_id) FROM mentions m WHERE m.entity_id = e.id) AS docs, "
         "(SELECT count(*) FROM events v WHERE v.place_id = e.id) AS evs "
         "FROM entities e WHERE e.type IN ('place', 'country') "
         "ORDER BY docs DESC, e.id LIMIT ?");
  q.Bind(limit);
  json items = json::array();
  while (q.Next()) {
    if (q.Int(6) == 0 && q.Int(7) == 0) continue;
    json e = {{"id", q.Text(0)},      {"type", q.Text(1)},  {"name_ar", q.Text(2)},
              {"name_en", q.Text(3)}, {"documents", q.Int(6)}, {"events", q.Int(7)}};
    e["lat"] = q.IsNull(4) ? json(nullptr) : json(q.Real(4));
    e["lon"] = q.IsNull(5) ? json(nullptr) : json(q.Real(5));
    items.push_back(std::move(e));
  }
  return JsonResponse({{"items", items}});
}

ApiResponse Api::Impl::Outlets(Session& s) {
  Stmt q(s,
         "SELECT coalesce(d.outlet_id, ''), max(d.outlet_name_ar), max(d.outlet_name_en), count(*), "
         "coalesce(min(d.published_value), ''), coalesce(max(d.published_value), '') "
         "FROM documents d GROUP BY 1 ORDER BY 4 DESC, 1");
  json items = json::array();
  while (q.Next()) {
    items.push_back({{"id", q.Text(0)},
                     {"name_ar", q.Text(1)},
                     {"name_en", q.Text(2)},
                     {"name", q.Text(0).empty() ? "" : OutletName(q.Text(0), q.Text(1), q.Text(2))},
                     {"documents", q.Int(3)},
                     {"first_published", q.Text(4)},
                     {"last_published", q.Text(5)}});
  }
  return JsonResponse({{"items", items}});
}

namespace {

// [{text, match}] for clients to mark without parsing markup.
json PartsJson(const std::vector<TextPart>& parts) {
  json out = json::array();
  for (const TextPart& p : parts) out.push_back({{"text", p.text}, {"match", p.match}});
  return out;
}

}  // namespace

std::shared_ptr<const Api::Impl::Names> Api::Impl::CurrentNames(Session& s, const std::string& gen) {
  {
    std::lock_guard<std::mutex> lock(names_mu);
    if (names && names_gen == gen) return names;
  }
  auto fresh = std::make_shared<Names>();
  Stmt eq(s, "SELECT id, type, name_ar, name_en FROM entities");
  while (eq.Next()) fresh->entities[eq.Text(0)] = {eq.Text(1), eq.Text(2), eq.Text(3)};
  Stmt oq(s, "SELECT id, name_ar, name_en FROM outlets");
  while (oq.Next()) fresh->outlets[oq.Text(0)] = {"", oq.Text(1), oq.Text(2)};
  if (!eq.error().empty() || !oq.error().empty()) Fail(500, "internal", eq.error() + oq.error());
  std::lock_guard<std::mutex> lock(names_mu);
  names = fresh;
  names_gen = gen;
  return fresh;
}

std::shared_ptr<const FacetData> Api::Impl::CurrentFacets(Session& s, const std::string& gen) {
  std::lock_guard<std::mutex> lock(facets_mu);
  if (facets && facets_gen == gen) return facets;
  int64_t max_id = 0;
  {
    Stmt q(s, "SELECT coalesce(max(doc_id), 0) FROM doc_facets");
    if (q.Next()) max_id = q.Int(0);
  }
  if (!facets || facets->max_id != max_id) {
    // Grown from a copy of the last one (requests may be reading it), or
    // read anew when the store holds fewer documents than it (another file).
    auto fresh = facets && facets->max_id < max_id ? std::make_shared<FacetData>(*facets)
                                                   : std::make_shared<FacetData>();
    std::string error;
    if (!fresh->Extend(s, &error)) Fail(500, "internal", "cannot read search facets: " + error);
    facets = fresh;
  }
  facets_gen = gen;
  return facets;
}

// Search cost is bounded for words found in a large share of the archive
// (docs/api.md, "Search"): FTS5 scores every match before it can sort, so a
// word in half of 100,000 documents cost 50 ms a query with bm25. Matches are
// ranked among the kRankWindow most recently stored ones that pass the
// filters (exact whenever there are fewer), facets counted over the same
// ones, and `total` is exact up to kCountCap. One pass over the matches in
// rowid order, checked against the in-memory FacetData, finds all three.
namespace {
constexpr int64_t kRankWindow = 1000;
constexpr int64_t kFacetCap = 1000;
constexpr int64_t kCountCap = 5000;
}  // namespace

ApiResponse Api::Impl::Search(Session& s, const Params& p) {
  std::string query = p.Str("q", 512);
  if (query.empty()) Fail(400, "missing_parameter", "parameter 'q' (the search query) is required");
  std::string outlet = p.Id("outlet"), entity = p.Id("entity"), place = p.Id("place");
  std::string type = p.Id("type"), from = p.Date("from"), to = p.Date("to");
  int64_t limit = p.Int("limit", 20, 1, 100), offset = p.Int("offset", 0, 0, 10000);
  bool want_facets = p.Bool("facets", true);
  auto match = CompileSearchQuery(query, stopwords ? &*stopwords : nullptr);
  if (!match.ok()) Fail(400, "bad_query", match.status().message());
  const bool doc_filters = !outlet.empty() || !from.empty() || !to.empty() || !entity.empty() ||
                           !place.empty() || !type.empty();
  // The store's generation, once for the copies below.
  const std::string gen = Generation();
  std::shared_ptr<const FacetData> fd = CurrentFacets(s, gen);
  // Filters resolved to indexes; an unknown value passes nothing.
  const int64_t outlet_i = outlet.empty() ? 0 : fd->outlets.Find(outlet);
  const int64_t entity_i = entity.empty() ? 0 : fd->entities.Find(entity);
  const int64_t place_i = place.empty() ? 0 : fd->entities.Find(place);
  const int64_t type_i = type.empty() ? 0 : fd->types.Find(type);
  auto has_entity = [&](size_t d, int64_t e) {
    for (uint32_t k = fd->ent_begin[d]; k < fd->ent_begin[d + 1]; ++k) {
      if (fd->ent[k] == e) return true;
    }
    return false;
  };
  auto passes = [&](int64_t id) {
    if (!fd->Has(id)) return !doc_filters;  // stored after the copy was read
    if (!doc_filters) return true;
    auto d = static_cast<size_t>(id);
    if (!outlet.empty() && (outlet_i < 0 || fd->outlet[d] != outlet_i)) return false;
    const std::string& pub = fd->published[d];
    if (!from.empty() && (pub.empty() || pub < from)) return false;
    if (!to.empty() && (pub.empty() || pub.compare(0, to.size(), to) > 0)) return false;
    if (!entity.empty() && (entity_i < 0 || !has_entity(d, entity_i))) return false;
    if (!place.empty() && (place_i < 0 || !has_entity(d, place_i))) return false;
    if (!type.empty() && (type_i < 0 || type_i >= 64 || !(fd->type_bits[d] >> type_i & 1))) return false;
    return true;
  };
  // One pass, newest first: the count (up to kCountCap; all of them when a
  // page lies beyond the window), the window, its facets.
  const bool deep = offset + limit > kRankWindow;
  int64_t total = 0;
  bool total_capped = false;
  std::vector<int64_t> window;  // passing ids, newest first
  std::vector<int64_t> passing;  // all passing ids, for a filtered deep page
  {
    Stmt mq(s, "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1 ORDER BY rowid DESC");
    if (!mq.ok()) Fail(500, "internal", mq.error());
    mq.Bind(*match);
    while (mq.Next()) {
      int64_t id = mq.Int(0);
      if (!passes(id)) continue;
      if (total < kRankWindow) window.push_back(id);
      if (deep && doc_filters) passing.push_back(id);
      if (total == kCountCap) {
        total_capped = true;
        if (!deep) break;
        continue;
      }
      ++total;
    }
    if (!mq.error().empty()) Fail(400, "bad_query", "search failed: " + mq.error());
  }
  // The ids the ranking may return, sorted (for marsad_in): the window, or
  // all passing matches for a page beyond it. Unfiltered, a rowid bound
  // says the same.
  const bool windowed = !deep && (total_capped || total > kRankWindow);
  std::vector<int64_t> allowed = deep ? passing : window;
  std::sort(allowed.begin(), allowed.end());
  const int64_t window_start = windowed ? window.back() : 0;
  std::string sql =
      "SELECT d.id, d.title, coalesce(d.outlet_id, ''), d.outlet_name_ar, d.outlet_name_en, "
      "coalesce(d.published_value, ''), d.published_precision, d.url, documents_fts.rank, d.body "
      "FROM documents_fts CROSS JOIN documents d ON d.id = documents_fts.rowid "
      "WHERE documents_fts MATCH ?1 AND documents_fts.rowid >= ?2 ";
  if (doc_filters) sql += "AND marsad_in(documents_fts.rowid, ?5) ";
  // Documents are read for the returned rows only.
  sql += "AND documents_fts.rank MATCH 'marsad_rank(5.0, 1.0)' ORDER BY documents_fts.rank LIMIT ?3 OFFSET ?4";
  Stmt hq(s, sql);
  if (!hq.ok()) Fail(500, "internal", hq.error());
  hq.Bind(*match).Bind(window_start).Bind(limit).Bind(offset);
  if (doc_filters) hq.BindIds(&allowed);
  // Marked titles and snippets (search_query.h): cheaper than FTS5's
  // snippet(), which tokenizes each whole body twice.
  const QueryHighlighter marker(query, stopwords ? &*stopwords : nullptr);
  json hits = json::array();
  while (hq.Next()) {
    std::string title = hq.Text(1);
    hits.push_back({{"id", hq.Int(0)},
                    {"title_parts", PartsJson(marker.Highlight(title))},
                    {"title", std::move(title)},
                    {"outlet_id", hq.Text(2)},
                    {"outlet", OutletName(hq.Text(2), hq.Text(3), hq.Text(4))},
                    {"published", hq.Text(5)},
                    {"precision", hq.Text(6)},
                    {"url", hq.Text(7)},
                    {"score", -hq.Real(8)},
                    {"snippet_parts", PartsJson(marker.Snippet(hq.TextView(9), 24))}});
  }
  if (!hq.error().empty()) Fail(400, "bad_query", "search failed: " + hq.error());
  json out = {{"query", query}, {"match", *match}, {"limit", limit}, {"offset", offset},
              {"total", total}, {"total_capped", total_capped},
              {"ranked_over", windowed ? kRankWindow : total}, {"hits", hits}};
  if (!want_facets) return JsonResponse(out);

  // Facets over the window (the newest kFacetCap passing matches).
  std::vector<int64_t> outlet_n(fd->outlets.names.size(), 0), entity_n(fd->entities.names.size(), 0);
  std::vector<int64_t> type_n(std::min<size_t>(fd->types.names.size(), 64), 0);
  std::map<std::string_view, int64_t> months;
  int64_t counted = 0;
  for (int64_t id : window) {
    if (counted == kFacetCap) break;
    if (!fd->Has(id)) continue;
    ++counted;
    auto d = static_cast<size_t>(id);
    ++outlet_n[fd->outlet[d]];
    const std::string& pub = fd->published[d];
    if (!pub.empty()) ++months[std::string_view(pub).substr(0, 7)];
    for (size_t t = 0; t < type_n.size(); ++t) type_n[t] += (fd->type_bits[d] >> t) & 1;
    for (uint32_t k = fd->ent_begin[d]; k < fd->ent_begin[d + 1]; ++k) ++entity_n[fd->ent[k]];
  }
  // Indexes with a count, most frequent first, ties by name.
  auto ranked = [](const std::vector<int64_t>& n, const std::vector<std::string>& names) {
    std::vector<uint32_t> v;
    for (uint32_t i = 0; i < n.size(); ++i) {
      if (n[i] > 0) v.push_back(i);
    }
    std::sort(v.begin(), v.end(), [&](uint32_t a, uint32_t b) {
      return n[a] != n[b] ? n[a] > n[b] : names[a] < names[b];
    });
    return v;
  };
  constexpr size_t kFacetValues = 20;
  json facets_json = {{"outlet", json::array()}, {"entity", json::array()}, {"place", json::array()},
                      {"type", json::array()},   {"month", json::array()}};
  std::shared_ptr<const Names> known = CurrentNames(s, gen);
  for (uint32_t i : ranked(outlet_n, fd->outlets.names)) {
    if (facets_json["outlet"].size() == kFacetValues) break;
    const std::string& id = fd->outlets.names[i];
    auto it = known->outlets.find(id);
    facets_json["outlet"].push_back({{"value", id},
                                     {"count", outlet_n[i]},
                                     {"name_ar", it == known->outlets.end() ? "" : it->second.name_ar},
                                     {"name_en", it == known->outlets.end() ? "" : it->second.name_en}});
  }
  // Entities and places share the mention lists; the entity's type says
  // which facet it belongs to.
  for (uint32_t i : ranked(entity_n, fd->entities.names)) {
    if (facets_json["entity"].size() == kFacetValues && facets_json["place"].size() == kFacetValues) break;
    const std::string& id = fd->entities.names[i];
    auto it = known->entities.find(id);
    if (it == known->entities.end()) continue;
    const std::string& t = it->second.type;
    json& list = facets_json[t == "place" || t == "country" ? "place" : "entity"];
    if (list.size() < kFacetValues) {
      list.push_back({{"value", id}, {"count", entity_n[i]}, {"name_ar", it->second.name_ar}, {"name_en", it->second.name_en}});
    }
  }
  for (uint32_t i : ranked(type_n, fd->types.names)) {
    if (facets_json["type"].size() == kFacetValues) break;
    facets_json["type"].push_back({{"value", fd->types.names[i]}, {"count", type_n[i]}});
  }
  for (const auto& [m, n] : months) facets_json["month"].push_back({{"value", std::string(m)}, {"count", n}});
  out["facets"] = std::move(facets_json);
  out["facets_over"] = counted;
  return JsonResponse(out);
}

ApiResponse Api::Impl::Timeline(Session& s, const Params& p) {
  EventFilter f = ReadEventFilter(p, 500, 5000);
  std::string unit = p.OneOf("unit", {"day", "month"}, "day");
  int64_t total = 0;
  auto rows = QueryEvents(s, f, &total);
  std::map<std::string, std::map<std::string, int64_t>> buckets;
  json items = json::array();
  for (const auto& r : rows) {
    if (r.date_value.size() < 4 || r.date_value[0] < '0' || r.date_value[0] > '9') continue;
    std::string key = r.date_value.substr(0, unit == "day" ? 10 : 7);
    buckets[key][r.event.type]++;
    std::string place = r.event.place ? r.event.place->text : "";
    items.push_back({{"id", r.id},
                     {"doc_id", r.doc_id},
                     {"date", r.date_value},
                     {"type", r.event.type},
                     {"trigger", r.event.trigger},
                     {"place", place},
                     {"outlet_id", r.outlet_id},
                     {"outlet", r.outlet_name},
                     {"negated", r.event.negated},
                     {"evidence", SafeSlice(r.body, r.event.evidence.start, r.event.evidence.end)}});
  }
  json b = json::array();
  for (auto& [k, types] : buckets) {
    int64_t n = 0;
    for (auto& [t, c] : types) n += c;
    b.push_back({{"date", k}, {"count", n}, {"types", types}});
  }
  return JsonResponse({{"unit", unit}, {"total", total}, {"buckets", b}, {"items", items}});
}

ApiResponse Api::Impl::GraphJson(Session& s, const Params& p) {
  std::string entity = p.Id("entity");
  int64_t limit = p.Int("limit", 60, 1, 300), min_weight = p.Int("min_weight", 1, 1, 1000000);
  if (!entity.empty()) {
    Stmt q(s, "SELECT 1 FROM entities WHERE id = ?");
    q.Bind(entity);
    if (!q.Next()) Fail(404, "not_found", "no entity with id " + entity);
  }
  Graph g = BuildGraph(s, entity, limit, min_weight);
  json nodes = json::array(), edges = json::array();
  for (const auto& n : g.nodes) {
    nodes.push_back({{"id", n.id}, {"label", n.label}, {"label_en", n.label_en}, {"type", n.type},
                     {"documents", n.documents}});
  }
  for (const auto& e : g.edges) {
    edges.push_back({{"source", e.source}, {"target", e.target}, {"kind", e.kind}, {"weight", e.weight}});
  }
  return JsonResponse({{"nodes", nodes}, {"edges", edges}});
}

ApiResponse Api::Impl::Export(Session& s, const std::string& what, const Params& p) {
  ApiResponse r;
  r.filename = what;
  if (what == "graph.graphml") {
    std::string entity = p.Id("entity");
    Graph g = BuildGraph(s, entity, p.Int("limit", 200, 1, 2000), p.Int("min_weight", 1, 1, 1000000));
    r.content_type = "application/graphml+xml; charset=utf-8";
    r.body = GraphMl(g.nodes, g.edges);
    return r;
  }
  EventFilter f = ReadEventFilter(p, 10000, 100000);
  auto rows = QueryEvents(s, f, nullptr);
  if (what == "events.jsonl") {
    r.content_type = "application/x-ndjson; charset=utf-8";
    for (const auto& row : rows) r.body += Dump(EventRowJson(s, row)) + "\n";
    return r;
  }
  std::vector<ExportEvent> xs;
  xs.reserve(rows.size());
  for (const auto& row : rows) xs.push_back(ToExport(s, row));
  if (what == "events.csv") {
    r.content_type = "text/csv; charset=utf-8";
    r.body = EventsCsv(xs);
  } else {
    r.content_type = "application/geo+json; charset=utf-8";
    r.body = EventsGeoJson(xs);
  }
  return r;
}

ApiResponse Api::Impl::Stories(Session& s, const Params& p) {
  int64_t limit = p.Int("limit", 50, 1, 500), offset = p.Int("offset", 0, 0, 10000000);
#if MARSAD_SERVE_HAVE_STORIES
  auto list = stories::ListStories(*s.store, static_cast<int>(limit), static_cast<int>(offset));
  if (!list.ok()) Fail(503, "stories_unavailable", list.status().message());
  json items = json::array();
  for (const auto& it : *list) {
    items.push_back({{"id", it.id},
                     {"title", it.title},
                     {"first_date", it.first_date},
                     {"last_date", it.last_date},
                     {"documents", it.documents},
                     {"outlets", it.outlets},
                     {"events", it.events},
                     {"contradictions", it.contradictions}});
  }
  return JsonResponse({{"limit", limit}, {"offset", offset}, {"items", items}});
#else
  Fail(503, "stories_unavailable", "this build of marsad has no stories module");
#endif
}

ApiResponse Api::Impl::StoryById(Session& s, const std::string& id) {
  if (id.empty() || id.size() > 128) Fail(400, "bad_id", "malformed story id");
  for (unsigned char c : id) {
    if (!(std::isalnum(c) || c == '-' || c == '_' || c == ':' || c == '.')) {
      Fail(400, "bad_id", "malformed story id");
    }
  }
#if MARSAD_SERVE_HAVE_STORIES
  auto story = stories::StoryJsonText(*s.store, id);
  if (!story.ok()) {
    if (story.status().code() == StatusCode::kNotFound) Fail(404, "not_found", "no story with id " + id);
    Fail(503, "stories_unavailable", story.status().message());
  }
  ApiResponse r;
  r.body = std::move(*story);
  return r;
#else
  Fail(503, "stories_unavailable", "this build of marsad has no stories module");
#endif
}

ApiResponse Api::Impl::PostArticles(const ApiRequest& req) {
  if (options.write_token.empty() || !writer || !engine) {
    Fail(403, "read_only", "this server is read-only (start it with --write-token to accept articles)");
  }
  const std::string prefix = "Bearer ";
  std::string given = req.authorization.rfind(prefix, 0) == 0 ? req.authorization.substr(prefix.size()) : "";
  // Constant-time comparison (length leaks, content does not).
  unsigned diff = given.size() != options.write_token.size();
  for (size_t i = 0; i < options.write_token.size(); ++i) {
    diff |= static_cast<unsigned>(i < given.size() ? given[i] : 0) ^
            static_cast<unsigned>(options.write_token[i]);
  }
  if (given.empty() || diff != 0) Fail(401, "unauthorized", "missing or wrong bearer token");
  if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    Fail(400, "empty_body", "the request body is empty: send a JSON article {\"text\": ...} or plain text");
  }
  std::vector<Document> docs;
  json errors = json::array();
  ingest::ReadOptions ro;
  ingest::ReadBytes(
      req.body, "api:articles", ro, [&](Document&& d) { docs.push_back(std::move(d)); },
      [&](const ingest::InputError& e) {
        errors.push_back({{"source", e.source}, {"code", e.code}, {"message", e.message}});
      });
  if (docs.empty()) {
    std::string msg = errors.empty() ? "no article in the body" : errors[0]["message"].get<std::string>();
    ApiResponse r = ErrorResponse(400, "bad_article", msg);
    return r;
  }
  if (static_cast<int>(docs.size()) > options.max_articles_per_post) {
    Fail(400, "too_many_articles", "at most " + std::to_string(options.max_articles_per_post) +
                                       " articles per request");
  }
  RunOptions run;
  run.threads = 1;
  engine->pipeline().Run(docs, run);
  std::lock_guard<std::mutex> lock(write_mu);
  std::vector<const Document*> ptrs;
  for (const Document& d : docs) ptrs.push_back(&d);
  auto put = writer->PutBatch(ptrs);
  if (!put.ok()) Fail(500, "internal", put.status().message());
  json stored = json::array();
  for (size_t i = 0; i < put->size(); ++i) {
    stored.push_back({{"id", (*put)[i].id}, {"inserted", (*put)[i].inserted}, {"title", docs[i].title},
                      {"events", docs[i].events.size()}, {"entities", docs[i].entities.size()}});
  }
  json result = {{"stored", stored}, {"errors", errors}};
#if MARSAD_SERVE_HAVE_STORIES
  if (updater) {
    auto n = updater->Update();
    result["stories_updated"] = n.ok() ? json(*n) : json(nullptr);
    if (!n.ok()) result["stories_error"] = n.status().message();
  }
#endif
  writes.fetch_add(1);
  return JsonResponse(result, 201);
}

namespace {

// Splits "/api/a/b" into {"a", "b"} after the "/api/" prefix.
std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t pos = 5;  // after "/api/"
  while (pos <= path.size()) {
    size_t next = path.find('/', pos);
    if (next == std::string::npos) next = path.size();
    out.push_back(path.substr(pos, next - pos));
    pos = next + 1;
  }
  if (!out.empty() && out.back().empty()) out.pop_back();  // trailing slash
  return out;
}

}  // namespace

ApiResponse Api::Impl::Route(const ApiRequest& req) {
  if (req.path.rfind("/api/", 0) != 0 && req.path != "/api") {
    Fail(404, "unknown_endpoint", "not an API path: " + req.path);
  }
  std::vector<std::string> seg = req.path == "/api" ? std::vector<std::string>{} : Segments(req.path);
  if (seg.empty()) Fail(404, "unknown_endpoint", "see docs/api.md for the endpoints");
  const std::string& top = seg[0];
  static const std::set<std::string> kKnown = {"health",   "documents", "events", "claims",
                                               "entities", "places",    "outlets", "search",
                                               "timeline", "graph",     "export",  "stories",
                                               "articles"};
  if (!kKnown.count(top) || seg.size() > 2 ||
      (seg.size() == 2 && top != "documents" && top != "entities" && top != "export" &&
       top != "stories")) {
    Fail(404, "unknown_endpoint", "no endpoint " + req.path);
  }
  if (top == "articles") {
    if (req.method != "POST") Fail(405, "method_not_allowed", "use POST for /api/articles");
    return PostArticles(req);
  }
  if (req.method != "GET" && req.method != "HEAD") {
    Fail(405, "method_not_allowed", req.method + " is not allowed on " + req.path);
  }
  if (top == "export" && seg.size() != 2) Fail(404, "unknown_endpoint", "no endpoint " + req.path);
  if (top == "export" && seg[1] != "events.jsonl" && seg[1] != "events.csv" &&
      seg[1] != "events.geojson" && seg[1] != "graph.graphml") {
    Fail(404, "unknown_endpoint", "unknown export " + seg[1] +
                                      " (events.jsonl, events.csv, events.geojson, graph.graphml)");
  }
  Params p(req.params);
  // Validate the document id before touching the cache or the pool.
  int64_t doc_id = 0;
  if (top == "documents" && seg.size() == 2) {
    auto id = ParseInt(seg[1], 1, int64_t{1} << 53);
    if (!id) Fail(400, "bad_id", "document ids are positive integers, not '" + seg[1] + "'");
    doc_id = *id;
  }
  // Cache: canonical key of path + sorted parameters; never for health.
  std::string key;
  std::string gen;
  bool cacheable = top != "health";
  if (cacheable) {
    key = req.path;
    for (const auto& [k, v] : req.params) key += "\x1f" + k + "=" + v;
    gen = Generation();
    if (auto hit = cache.Get(key, gen)) return *hit;
  }
  auto lease = pool->Acquire();
  Session& s = *lease;
  ApiResponse r;
  if (top == "health") r = Health(s);
  else if (top == "documents") r = seg.size() == 2 ? DocumentById(s, doc_id) : Documents(s, p);
  else if (top == "events") r = Events(s, p);
  else if (top == "claims") r = Claims(s, p);
  else if (top == "entities") r = seg.size() == 2 ? EntityById(s, seg[1]) : Entities(s, p);
  else if (top == "places") r = Places(s, p);
  else if (top == "outlets") r = Outlets(s);
  else if (top == "search") r = Search(s, p);
  else if (top == "timeline") r = Timeline(s, p);
  else if (top == "graph") r = GraphJson(s, p);
  else if (top == "export") r = Export(s, seg[1], p);
  else r = seg.size() == 2 ? StoryById(s, seg[1]) : Stories(s, p);
  if (cacheable && r.status == 200) cache.Put(key, gen, r);
  return r;
}

Api::Api(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Api::~Api() = default;

bool Api::HasStories() { return MARSAD_SERVE_HAVE_STORIES != 0; }

StatusOr<std::unique_ptr<Api>> Api::Create(const ApiOptions& options) {
  auto impl = std::make_unique<Impl>(options.cache_bytes);
  impl->options = options;
  std::string data_dir = DataDir(options.data_dir);
  if (!options.write_token.empty()) {
    // The writer first: it creates (and migrates) the store if needed.
    auto writer = Store::Open(options.db_path);
    if (!writer.ok()) return writer.status();
    impl->writer = std::move(*writer);
  }
  auto pool = SessionPool::Open(options.db_path, std::max(1, options.sessions));
  if (!pool.ok()) return pool.status();
  impl->pool = std::move(*pool);
  auto kb = KnowledgeBase::Load(data_dir);
  if (kb.ok()) impl->kb = *kb;  // optional: entities then lack aliases and relations
  auto stop = QueryStopwords::Load(data_dir + "/search/stopwords.tsv");
  if (stop.ok()) impl->stopwords = std::move(*stop);  // optional: then every word is required
  if (!options.write_token.empty()) {
    EngineOptions eo;
    eo.data_dir = data_dir;
    auto engine = Engine::Create(eo);
    if (!engine.ok()) return engine.status();
    impl->engine = *engine;
#if MARSAD_SERVE_HAVE_STORIES
    stories::StoriesOptions so;
    so.data_dir = data_dir;
    auto updater = stories::StoryUpdater::Create(*impl->writer, so);
    if (updater.ok()) impl->updater = std::move(*updater);
#endif
  }
  return std::unique_ptr<Api>(new Api(std::move(impl)));
}

ApiResponse Api::Handle(const ApiRequest& request) {
  try {
    return impl_->Route(request);
  } catch (const HttpError& e) {
    return ErrorResponse(e.status, e.code, e.message);
  } catch (const std::exception& e) {
    return ErrorResponse(500, "internal", e.what());
  }
}

}  // namespace marsad::serve
