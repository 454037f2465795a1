#include "marsad/stories/stories.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "marsad/stories/clusterer.h"
#include "marsad/stories/compare.h"
#include "marsad/stories/lexicon.h"
#include "marsad/store/store.h"

namespace marsad::stories {
namespace {

using nlohmann::json;

constexpr const char* kMetaGranularity = "stories.granularity";
constexpr const char* kMetaLastDoc = "stories.last_doc_id";
constexpr const char* kMetaDocCount = "stories.doc_count";
// Stories of up to this many documents are compared in full once at the end
// of each update that touches them, and keep their object (story_views) for
// StoryJsonText. Larger ones keep their document / outlet counts and dates up
// to date, but their event and contradiction counts are those of their last
// full summary and their object is computed on request (cost bound: a full
// summary loads every document of the story, ~0.7 ms each). StoryJson always
// computes in full.
constexpr size_t kMaxCompareOnUpdate = 2000;

// A meta value as a number (0 when empty or not a number: never throws).
int64_t MetaInt(const std::string& v) {
  int64_t n = 0;
  std::from_chars(v.data(), v.data() + v.size(), n);
  return n;
}

ClustererOptions ToClusterer(const StoriesOptions& o) {
  ClustererOptions c = ClustererOptions::ForGranularity(o.granularity);
  if (o.window_days > 0) c.window_days = o.window_days;
  if (o.join_threshold > 0) c.join_threshold = o.join_threshold;
  if (o.duplicate_threshold > 0) c.duplicate_threshold = o.duplicate_threshold;
  return c;
}

const StoryLexicon& LexiconFor(const std::string& data_dir) {
  static std::mutex mu;
  static std::map<std::string, StoryLexicon> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(data_dir);
  if (it != cache.end()) return it->second;
  auto lex = StoryLexicon::Load(data_dir);
  return cache.emplace(data_dir, lex.ok() ? std::move(*lex) : StoryLexicon()).first->second;
}

json FeaturesJson(const DocFeatures& f) {
  return {{"day", f.day == kNoDay ? json(nullptr) : json(f.day)}, {"outlet", f.outlet}};
}

class StoreUpdater : public StoryUpdater {
 public:
  StoreUpdater(Store& store, StoriesOptions options)
      : store_(store), options_(std::move(options)), clusterer_(ToClusterer(options_)) {}

  Status Load() {
    auto g = store_.GetMeta(kMetaGranularity);
    if (!g.ok()) return g.status();
    if (!g->empty() && *g != options_.granularity) {
      return FailedPrecondition("the stories in " + store_.path() + " were built with granularity '" + *g +
                                "'; rebuild them to use '" + options_.granularity + "' (marsad stories --rebuild)");
    }
    auto last = store_.GetMeta(kMetaLastDoc);
    if (!last.ok()) return last.status();
    last_doc_ = MetaInt(*last);
    auto count = store_.GetMeta(kMetaDocCount);
    if (!count.ok()) return count.status();
    clusterer_.SetDocCount(MetaInt(*count));
    auto df = store_.StoryTermDf();
    if (!df.ok()) return df.status();
    for (const auto& [t, n] : *df) clusterer_.SetDf(t, n);
    auto rows = store_.StoryRows("", 1 << 30, 0, Store::kStoryState);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      json state = json::parse(r.state, nullptr, false);
      clusterer_.RestoreStory(r.id, state.is_discarded() ? json::object() : state);
      json links = json::parse(r.links, nullptr, false);
      if (links.is_array()) links_[r.id] = links;
    }
    auto docs = store_.StoryDocuments("", true);
    if (!docs.ok()) return docs.status();
    for (const auto& d : *docs) {
      DocFeatures f;
      f.id = d.doc_id;
      json fj = json::parse(d.features, nullptr, false);
      if (fj.is_object() && fj.contains("day") && fj["day"].is_number()) f.day = fj["day"].get<int32_t>();
      f.signature = d.signature;
      clusterer_.RestoreDocument(f, d.story_id, d.duplicate_of);
      Count(d.story_id, d.doc_id, d.duplicate_of, fj.is_object() ? fj.value("outlet", "") : "", f.day);
    }
    return Status::Ok();
  }

  StatusOr<int> Update() override {
    // Another writer (another process's UpdateStories) advanced the stories
    // since this index was loaded: reload it rather than assign twice.
    auto mark = store_.GetMeta(kMetaLastDoc);
    if (!mark.ok()) return mark.status();
    if (MetaInt(*mark) != last_doc_) {
      clusterer_ = StoryClusterer(ToClusterer(options_));
      links_.clear();
      counters_.clear();
      MARSAD_RETURN_IF_ERROR(Load());
    }
    int assigned = 0;
    const StoryLexicon& lex = LexiconFor(options_.data_dir);
    std::set<std::string> touched_all;  // fully summarized once, at the end
    while (true) {
      auto ids = store_.DocumentIdsAfter(last_doc_, 500);
      if (!ids.ok()) return ids.status();
      if (ids->empty()) break;
      StoryUpdate update;
      std::set<std::string> touched;
      for (int64_t id : *ids) {
        auto doc = store_.GetDocument(id);
        if (!doc.ok()) return doc.status();
        last_doc_ = id;
        if (!doc->has_value() || (*doc)->doc.failed || (*doc)->doc.body.empty()) continue;
        DocFeatures f = ExtractFeatures((*doc)->doc, id, hasher_);
        Assignment a = clusterer_.Add(f);
        ++assigned;
        StoryDocRow row{id, a.story, a.duplicate_of, a.duplicate_similarity, FeaturesJson(f).dump(), f.signature};
        update.documents.push_back(std::move(row));
        Count(a.story, id, a.duplicate_of, f.outlet, f.day);
        for (int64_t c : a.repointed_copies) update.documents.push_back({c, a.story, id, 0, "", {}});
        touched.insert(a.story);
        if (!a.linked_story.empty()) {
          links_[a.story].push_back({{"story", a.linked_story}, {"score", a.link_score}});
          links_[a.linked_story].push_back({{"story", a.story}, {"score", a.link_score}});
          touched.insert(a.linked_story);
        }
      }
      for (const auto& t : clusterer_.TakeChangedTerms()) update.term_df.emplace_back(t, clusterer_.df().at(t));
      MARSAD_RETURN_IF_ERROR(store_.PutStoryUpdate(update));
      // Summaries of the stories touched, then the progress mark: a crash in
      // between redoes this batch (assignments are upserts).
      StoryUpdate summaries;
      for (const auto& s : touched) {
        auto row = Summarize(s, lex, /*full=*/false);
        if (!row.ok()) return row.status();
        summaries.stories.push_back(std::move(*row));
      }
      touched_all.insert(touched.begin(), touched.end());
      summaries.meta = {{kMetaGranularity, options_.granularity},
                        {kMetaLastDoc, std::to_string(last_doc_)},
                        {kMetaDocCount, std::to_string(clusterer_.doc_count())}};
      MARSAD_RETURN_IF_ERROR(store_.PutStoryUpdate(summaries));
    }
    // Full summaries (title, fused events, contradictions, the stored view)
    // of every story this update touched, once each rather than once per
    // batch: a bulk ingest compares each story once. A crash before this
    // point leaves those stories with an empty view (computed on request)
    // and their previous event counts until they are next touched.
    StoryUpdate full;
    for (const auto& s : touched_all) {
      auto row = Summarize(s, lex, /*full=*/true);
      if (!row.ok()) return row.status();
      full.stories.push_back(std::move(*row));
      if (full.stories.size() >= 200) {
        MARSAD_RETURN_IF_ERROR(store_.PutStoryUpdate(full));
        full.stories.clear();
      }
    }
    if (!full.stories.empty()) MARSAD_RETURN_IF_ERROR(store_.PutStoryUpdate(full));
    return assigned;
  }

 private:
  // full: compare the story's documents (stories of up to
  // kMaxCompareOnUpdate documents) and keep the view; otherwise only the
  // counters, the title and counts of the last full summary, and no view.
  StatusOr<StoryRow> Summarize(const std::string& story, const StoryLexicon& lex, bool full) {
    StoryRow row;
    row.id = story;
    row.state = clusterer_.StoryState(story).dump();
    row.links = links_.count(story) ? links_[story].dump() : "[]";
    const Counters& c = counters_[story];
    row.documents = c.documents;
    row.outlets = static_cast<int>(c.outlets.size());
    row.first_date = DayString(c.first_day);
    row.last_date = DayString(c.last_day);
    if (full && static_cast<size_t>(c.documents) <= kMaxCompareOnUpdate) {
      auto docs = store_.StoryDocuments(story);
      if (!docs.ok()) return docs.status();
      auto j = ComputeStory(store_, story, *docs, links_.count(story) ? links_[story] : json::array(),
                            options_.granularity, lex);
      if (!j.ok()) return j.status();
      FillRow(*j, &row);
      row.view = j->dump(-1, ' ', false, json::error_handler_t::replace);
    } else {
      auto old = store_.StoryRows(story, 1, 0, /*columns=*/0);
      if (!old.ok()) return old.status();
      if (!old->empty()) {
        row.title = (*old)[0].title;
        row.events = (*old)[0].events;
        row.contradictions = (*old)[0].contradictions;
      }
    }
    return row;
  }

 public:
  static StatusOr<json> ComputeStory(Store& store, const std::string& story, const std::vector<StoryDocRow>& rows,
                                     const json& links, const std::string& granularity, const StoryLexicon& lex) {
    std::vector<Document> docs;
    docs.reserve(rows.size());
    std::vector<StoryMember> members;
    for (const auto& r : rows) {
      auto d = store.GetDocument(r.doc_id);
      if (!d.ok()) return d.status();
      if (!d->has_value()) continue;
      docs.push_back(std::move((*d)->doc));
      members.push_back({r.doc_id, nullptr, r.duplicate_of, r.similarity});
    }
    for (size_t i = 0; i < members.size(); ++i) members[i].doc = &docs[i];
    StoryInfo info;
    info.id = story;
    info.granularity = granularity;
    if (links.is_array()) {
      for (const auto& l : links) info.links.emplace_back(l.value("story", ""), l.value("score", 0.0));
    }
    return CompareStory(info, members, lex);
  }

  static void FillRow(const json& j, StoryRow* row) {
    row->title = j.value("title", "");
    row->first_date = j.value("first_date", "");
    row->last_date = j.value("last_date", "");
    row->documents = static_cast<int>(j["documents"].size());
    row->outlets = static_cast<int>(j["outlets"].size());
    row->events = static_cast<int>(j["events"].size());
    row->contradictions = static_cast<int>(j["contradictions"].size());
  }

 private:
  Store& store_;
  StoriesOptions options_;
  MinHasher hasher_;
  StoryClusterer clusterer_;
  int64_t last_doc_ = 0;
  std::unordered_map<std::string, json> links_;
  struct Counters {
    int documents = 0;
    std::set<std::string> outlets;
    int32_t first_day = kNoDay, last_day = kNoDay;
  };
  std::unordered_map<std::string, Counters> counters_;

  void Count(const std::string& story, int64_t doc_id, int64_t duplicate_of, const std::string& outlet, int32_t day) {
    Counters& c = counters_[story];
    ++c.documents;
    if (duplicate_of == 0) c.outlets.insert(outlet.empty() ? "doc:" + std::to_string(doc_id) : outlet);
    if (day != kNoDay) {
      if (c.first_day == kNoDay || day < c.first_day) c.first_day = day;
      if (c.last_day == kNoDay || day > c.last_day) c.last_day = day;
    }
  }
};

}  // namespace

StatusOr<std::unique_ptr<StoryUpdater>> StoryUpdater::Create(Store& store, const StoriesOptions& options) {
  if (options.granularity != "story" && options.granularity != "event") {
    return InvalidArgument("granularity must be 'story' or 'event', not '" + options.granularity + "'");
  }
  auto u = std::make_unique<StoreUpdater>(store, options);
  MARSAD_RETURN_IF_ERROR(u->Load());
  return std::unique_ptr<StoryUpdater>(std::move(u));
}

Status UpdateStories(Store& store, const StoriesOptions& options) {
  auto u = StoryUpdater::Create(store, options);
  if (!u.ok()) return u.status();
  auto n = (*u)->Update();
  return n.ok() ? Status::Ok() : n.status();
}

Status RebuildStories(Store& store, const StoriesOptions& options) {
  MARSAD_RETURN_IF_ERROR(store.ClearStories());
  return UpdateStories(store, options);
}

StatusOr<std::vector<StoryListItem>> ListStories(Store& store, int limit, int offset) {
  auto rows = store.StoryRows("", std::max(0, limit), std::max(0, offset), /*columns=*/0);
  if (!rows.ok()) return rows.status();
  std::vector<StoryListItem> out;
  for (const auto& r : *rows) {
    out.push_back({r.id, r.title, r.first_date, r.last_date, r.documents, r.outlets, r.events, r.contradictions});
  }
  return out;
}

StatusOr<std::string> StoryOfDocument(Store& store, int64_t doc_id) {
  auto r = store.StoryDocument(doc_id);
  if (!r.ok()) return r.status();
  return r->has_value() ? (*r)->story_id : std::string();
}

StatusOr<std::string> StoryJsonText(Store& store, std::string_view story_id) {
  std::string id(story_id);
  auto rows = store.StoryRows(id, 1, 0, Store::kStoryView);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("no story " + id);
  if (!(*rows)[0].view.empty()) return std::move((*rows)[0].view);
  auto j = StoryJson(store, story_id);
  if (!j.ok()) return j.status();
  return j->dump(-1, ' ', false, json::error_handler_t::replace);
}

StatusOr<json> StoryJson(Store& store, std::string_view story_id) {
  std::string id(story_id);
  auto rows = store.StoryRows(id, 1, 0, /*columns=*/0);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("no story " + id);
  auto docs = store.StoryDocuments(id);
  if (!docs.ok()) return docs.status();
  auto g = store.GetMeta(kMetaGranularity);
  json links = json::parse((*rows)[0].links, nullptr, false);
  return StoreUpdater::ComputeStory(store, id, *docs, links.is_discarded() ? json::array() : links,
                                    g.ok() && !g->empty() ? *g : "story", LexiconFor(""));
}

json StoriesJson(const std::vector<Document>& docs, const StoriesOptions& options) {
  const StoryLexicon& lex = LexiconFor(options.data_dir);
  StoryClusterer clusterer(ToClusterer(options));
  MinHasher hasher;
  std::map<std::string, std::vector<StoryMember>> members;
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::pair<std::string, double>>> links;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].failed || docs[i].body.empty()) continue;
    int64_t id = static_cast<int64_t>(i) + 1;
    Assignment a = clusterer.Add(ExtractFeatures(docs[i], id, hasher));
    if (!members.count(a.story)) order.push_back(a.story);
    for (int64_t c : a.repointed_copies) {
      for (auto& m : members[a.story]) {
        if (m.id == c) m.duplicate_of = id;
      }
    }
    members[a.story].push_back({id, &docs[i], a.duplicate_of, a.duplicate_similarity});
    if (!a.linked_story.empty()) {
      links[a.story].emplace_back(a.linked_story, a.link_score);
      links[a.linked_story].emplace_back(a.story, a.link_score);
    }
  }
  json out = json::array();
  for (const auto& s : order) {
    StoryInfo info{s, options.granularity, links[s]};
    out.push_back(CompareStory(info, members[s], lex));
  }
  return out;
}

StatusOr<json> FramingProfiles(Store& store, const StoriesOptions& options) {
  const StoryLexicon& lex = LexiconFor(options.data_dir);
  json profiles = json::object();
  int64_t last = 0;
  while (true) {
    auto ids = store.DocumentIdsAfter(last, 500);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) break;
    for (int64_t id : *ids) {
      last = id;
      auto sd = store.StoryDocument(id);
      if (sd.ok() && sd->has_value() && (*sd)->duplicate_of != 0) continue;  // copies are not the outlet's framing
      auto d = store.GetDocument(id);
      if (!d.ok()) return d.status();
      if (!d->has_value()) continue;
      const Document& doc = (*d)->doc;
      std::string outlet = doc.outlet ? doc.outlet->id : "unknown";
      json counts = FramingCounts(doc, lex);  // named: items() of a temporary would dangle
      for (auto& [c, terms] : counts.items()) {
        for (auto& [t, n] : terms.items()) {
          auto& slot = profiles[outlet][c][t];
          slot = (slot.is_number() ? slot.get<int>() : 0) + n.get<int>();
        }
      }
    }
  }
  return profiles;
}

}  // namespace marsad::stories
