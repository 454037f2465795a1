#include "marsad/stories/compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "marsad/common/utf8.h"
#include "marsad/stories/clusterer.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad::stories {
namespace {

using nlohmann::json;

// Tokens, sentences and entity mentions of a document, recomputed when the
// document carries no tokens (documents read back from the store).
struct Prepared {
  const Document* doc = nullptr;
  std::vector<Span> sentences;
  std::vector<Token> own_tokens;
  const std::vector<Token>* tokens = nullptr;
  struct Mention {
    int32_t start, end;
    int entity;
  };
  std::vector<Mention> mentions;  // sorted by start
  std::string main_place;         // most salient place entity (doc.entities is ordered by salience)

  explicit Prepared(const Document& d) : doc(&d) {
    sentences = d.sentences.empty() ? SplitSentences(d.body) : d.sentences;
    if (d.tokens.empty()) {
      own_tokens = Tokenize(d.body, sentences);
      tokens = &own_tokens;
    } else {
      tokens = &d.tokens;
    }
    for (size_t i = 0; i < d.entities.size(); ++i) {
      for (const auto& m : d.entities[i].mentions) mentions.push_back({m.span.start, m.span.end, static_cast<int>(i)});
      if (main_place.empty() && d.entities[i].type == "place") main_place = d.entities[i].id;
    }
    std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
  }
  // Token range of a sentence.
  std::pair<size_t, size_t> TokenRange(const Span& s) const {
    const auto& t = *tokens;
    auto lo = std::lower_bound(t.begin(), t.end(), s.start, [](const Token& x, int32_t v) { return x.span.start < v; });
    auto hi = std::lower_bound(lo, t.end(), s.end, [](const Token& x, int32_t v) { return x.span.start < v; });
    return {static_cast<size_t>(lo - t.begin()), static_cast<size_t>(hi - t.begin())};
  }
  const Entity& entity(int i) const { return doc->entities[static_cast<size_t>(i)]; }
};

bool IsOneOf(const std::string& s, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (s == w) return true;
  }
  return false;
}

json Evidence(int64_t doc_id, const Document& doc, Span span) {
  utf8::OffsetMap map(doc.body);
  int32_t start = std::clamp<int32_t>(span.start, 0, static_cast<int32_t>(doc.body.size()));
  int32_t end = std::clamp<int32_t>(span.end, start, static_cast<int32_t>(doc.body.size()));
  return {{"doc_id", doc_id},
          {"outlet", doc.outlet ? doc.outlet->id : ""},
          {"text", doc.body.substr(static_cast<size_t>(start), static_cast<size_t>(end - start))},
          {"start", map.ToCodePoint(static_cast<size_t>(start))},
          {"end", map.ToCodePoint(static_cast<size_t>(end))}};
}

std::string OutletKey(const StoryMember& m) {
  if (m.doc->outlet && !m.doc->outlet->id.empty()) return m.doc->outlet->id;
  return "doc:" + std::to_string(m.id);
}

std::string DocDate(const Document& d) { return d.published ? d.published->value : ""; }

// Days between two ISO prefixes; -1 if either is unknown.
int DayGap(const std::string& a, const std::string& b) {
  int32_t x = DayNumber(a), y = DayNumber(b);
  if (x == kNoDay || y == kNoDay) return -1;
  return std::abs(x - y);
}

// A document with no date of its own that tells dated events as background
// (كانت ... قد سيطرت في تشرين الثاني 2017) looks back from a later, unknown
// time: its present-tense statements are not compared with dated reports.
bool Retrospective(const Document& d) {
  if (d.published && !d.published->value.empty()) return false;
  for (const Event& e : d.events) {
    if (e.background && e.date && !e.date_is_default) return true;
  }
  return false;
}

bool IsNegator(const std::string& norm) { return IsOneOf(norm, {"لم", "لن", "لا", "عدم", "دون", "ولم", "ولا"}); }

}  // namespace

// ---------------------------------------------------------------------------
// Control and leadership statements.

std::vector<ControlStatement> ControlStatements(const Document& doc, const StoryLexicon& lex) {
  std::vector<ControlStatement> out;
  Prepared p(doc);
  const auto& toks = *p.tokens;
  const auto& cues = lex.cues().phrases();
  for (const Span& sent : p.sentences) {
    auto [tb, te] = p.TokenRange(sent);
    if (tb >= te) continue;
    auto hits = lex.cues().Find(toks, tb, te);
    int control_hit = -1;
    std::string control_place;
    bool complete = false, partial = false, background_cue = false;
    for (size_t h = 0; h < hits.size(); ++h) {
      const std::string& kind = cues[static_cast<size_t>(hits[h].phrase)].kind;
      if (kind == "complete") complete = true;
      if (kind == "partial") partial = true;
      if (kind == "control" && control_hit < 0) {
        size_t i = hits[h].first;
        const Token& t = toks[i];
        // A goal: ل + verbal noun (للسيطرة), a ل-word or goal word just before
        // (للمشاركة في السيطرة، معركة السيطرة), or a negator.
        bool goal = t.prefix_bytes > 0 && t.norm.rfind("ل", 0) == 0;
        for (size_t k = i >= 3 ? std::max(i - 3, tb) : tb; k < i; ++k) {
          goal = goal || IsNegator(toks[k].norm) || (toks[k].norm.rfind("لل", 0) == 0 && toks[k].kind == TokenKind::kArabic);
        }
        bool background = false;
        for (size_t g = 0; g < h; ++g) {
          const std::string& gk = cues[static_cast<size_t>(hits[g].phrase)].kind;
          if (gk == "goal" && hits[g].first + 4 >= i) goal = true;
          if (gk == "background" && hits[g].first + 7 >= i) background = true;
        }
        if (goal) continue;
        // The place taken: named (or المدينة "the city") within 10 words after
        // the cue, not counting words in parentheses (lists of allies).
        std::string near;
        int words = 0, depth = 0;
        for (size_t k = hits[h].last; k < te && words < 10 && near.empty(); ++k) {
          const std::string& n = toks[k].norm;
          if (n == "(") ++depth;
          if (n == ")" && depth > 0) --depth;
          if (toks[k].kind == TokenKind::kPunct || toks[k].kind == TokenKind::kSymbol || depth > 0) continue;
          ++words;
          for (const auto& m : p.mentions) {
            if (m.start == toks[k].span.start && p.entity(m.entity).type == "place") near = p.entity(m.entity).id;
          }
          if (near.empty() && toks[k].stem == "مدينه" && n.find("المدينه") != std::string::npos) near = p.main_place;
        }
        if (near.empty()) continue;
        control_hit = static_cast<int>(h);
        control_place = near;
        background_cue = background;
      }
    }
    if (control_hit < 0 && !partial) continue;
    // Places named in the sentence; the anaphor المدينة ("the city") refers
    // to the document's main place.
    size_t cue_tok = control_hit >= 0 ? hits[static_cast<size_t>(control_hit)].first : tb;
    int32_t cue_byte = toks[cue_tok].span.start;
    std::string place, place_before;
    std::string side, actor, actor_before_side, actor_before;
    for (const auto& m : p.mentions) {
      if (m.start < sent.start || m.end > sent.end) continue;
      const Entity& e = p.entity(m.entity);
      if (e.type == "place") {
        if (m.start >= cue_byte && place.empty()) place = e.id;
        if (m.start < cue_byte) place_before = e.id;
        continue;
      }
      std::string s = lex.SideOf(e.id);
      if (s.empty()) continue;
      if (m.start < cue_byte) {
        actor_before = e.id;
        actor_before_side = s;
      } else if (actor.empty() && m.start - cue_byte < 60) {  // a few words after: VSO subject / genitive
        actor = e.id;
        side = s;
      }
    }
    // The anaphor المدينة ("the city") after the cue refers to the document's main place.
    if (!control_place.empty()) place = control_place;
    if (place.empty() && !p.main_place.empty()) {
      size_t from = control_hit >= 0 ? cue_tok : tb;
      size_t to = control_hit >= 0 ? std::min(te, cue_tok + 12) : te;
      for (size_t k = from; k < to && place.empty(); ++k) {
        if (toks[k].stem == "مدينه" && toks[k].norm.find("المدينه") != std::string::npos) place = p.main_place;
      }
    }
    if (place.empty()) place = place_before;
    if (place.empty()) continue;
    if (!actor_before.empty()) {  // a subject before the verb wins
      actor = actor_before;
      side = actor_before_side;
    }
    ControlStatement st;
    st.place = place;
    st.status = control_hit < 0 ? "partial" : (complete ? "complete" : (partial ? "partial" : "control"));
    if (control_hit >= 0) {
      st.side = side;
      st.actor = actor;
    }
    // Background: كان ... قد before the cue (pluperfect).
    bool kana = false, qad = false;
    for (size_t k = tb; k < cue_tok; ++k) {
      if (IsOneOf(toks[k].norm, {"كان", "وكان", "كانت", "وكانت"})) kana = true;
      if (kana && toks[k].norm == "قد") qad = true;
    }
    st.background = (kana && qad) || background_cue;
    // Date: a resolved date expression in the sentence, else the publication date.
    st.date = DocDate(doc);
    for (const DateExpr& d : doc.dates) {
      if (d.span.start >= sent.start && d.span.end <= sent.end && d.resolved &&
          (d.kind == "date" || d.kind == "datetime") && DayNumber(d.value) != kNoDay) {
        st.date = d.value;
        st.date_stated = true;
        if (!DocDate(doc).empty() && d.value.substr(0, 4) < DocDate(doc).substr(0, 4)) st.background = true;
        break;
      }
    }
    st.evidence = sent;
    out.push_back(std::move(st));
  }
  return out;
}

std::vector<LeadershipStatement> LeadershipStatements(const Document& doc, const StoryLexicon& lex) {
  std::vector<LeadershipStatement> out;
  Prepared p(doc);
  const auto& toks = *p.tokens;
  const auto& cues = lex.cues().phrases();
  for (const Span& sent : p.sentences) {
    auto [tb, te] = p.TokenRange(sent);
    auto hits = lex.cues().Find(toks, tb, te);
    bool operation = false;
    for (const auto& h : hits) operation = operation || cues[static_cast<size_t>(h.phrase)].kind == "operation";
    for (const auto& m : p.mentions) {
      if (m.start >= sent.start && m.end <= sent.end && p.entity(m.entity).type == "place") operation = true;
    }
    if (!operation) continue;
    for (const auto& h : hits) {
      const Phrase& c = cues[static_cast<size_t>(h.phrase)];
      if (c.kind != "leadership") continue;
      int32_t cue_start = toks[h.first].span.start, cue_end = toks[h.last - 1].span.end;
      const Prepared::Mention* leader = nullptr;
      auto is_leader_type = [&](const Prepared::Mention& m) {
        const std::string& t = p.entity(m.entity).type;
        return t == "person" || t == "armed_group" || t == "state_force";
      };
      if (c.extra == "after") {
        for (const auto& m : p.mentions) {
          if (m.start >= cue_end && m.start - cue_end <= 4 && m.end <= sent.end && is_leader_type(m)) {
            leader = &m;
            break;
          }
        }
      } else {  // verb: subject before it in the sentence (the nearest person, else the nearest group), else right after it
        // The subject is after the last complementizer (أن / إن / بأن) before the
        // verb: the speaker of "X said that Y led" is not the leader.
        int32_t subject_from = sent.start;
        for (size_t k = tb; k < h.first; ++k) {
          if (IsOneOf(toks[k].norm, {"ان", "بان", "وان", "فان"})) subject_from = toks[k].span.end;
        }
        const Prepared::Mention* person = nullptr;
        for (const auto& m : p.mentions) {
          if (m.start >= subject_from && m.end <= cue_start && is_leader_type(m)) {
            leader = &m;
            if (p.entity(m.entity).type == "person") person = &m;
          }
        }
        if (person) leader = person;
        if (!leader) {
          for (const auto& m : p.mentions) {
            if (m.start >= cue_end && m.start - cue_end <= 20 && m.end <= sent.end && is_leader_type(m)) {
              leader = &m;
              break;
            }
          }
        }
      }
      if (!leader) continue;
      LeadershipStatement ls;
      ls.leader = p.entity(leader->entity).id;
      ls.leader_text = doc.body.substr(static_cast<size_t>(leader->start), static_cast<size_t>(leader->end - leader->start));
      ls.evidence = sent;
      out.push_back(std::move(ls));
      break;
    }
  }
  return out;
}

json FramingCounts(const Document& doc, const StoryLexicon& lex) {
  Prepared p(doc);
  json out = json::object();
  for (const auto& h : lex.framing().Find(*p.tokens)) {
    const Phrase& ph = lex.framing().phrases()[static_cast<size_t>(h.phrase)];
    auto& slot = out[ph.kind][ph.text];
    slot = slot.is_number() ? slot.get<int>() + 1 : 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// The story object.

namespace {

struct Report {
  const StoryMember* member;
  int event_index;
  const Event* event;
  std::string place;
  int32_t day;        // event date, else document date, else kNoDay
  std::string side;   // of the first actor with a side
  bool original;      // not a copy
};

std::string EntityName(const Document& d, const std::string& id) {
  for (const Entity& e : d.entities) {
    if (e.id == id) return e.name_ar.empty() ? e.name_en : e.name_ar;
  }
  return id;
}

json SideGroups(const std::map<std::string, std::vector<json>>& groups, const std::map<std::string, std::set<std::string>>& outlets) {
  json sides = json::array();
  for (const auto& [value, ev] : groups) {
    sides.push_back({{"value", value}, {"outlets", outlets.at(value)}, {"evidence", ev}});
  }
  return sides;
}

}  // namespace

json CompareStory(const StoryInfo& info, const std::vector<StoryMember>& members, const StoryLexicon& lex) {
  json story = json::object();
  story["id"] = info.id;
  story["granularity"] = info.granularity;
  // Documents, duplicates, dates (inferred for undated documents later).
  std::map<int64_t, const StoryMember*> by_id;
  std::set<std::string> outlets;
  for (const auto& m : members) {
    by_id[m.id] = &m;
    if (m.duplicate_of == 0) outlets.insert(OutletKey(m));
  }
  // Title: the earliest original among those about the story's most common
  // main place (the most salient place of each document).
  auto main_place = [](const Document& d) -> std::string {
    for (const Entity& e : d.entities) {
      if (e.type == "place") return e.id;
    }
    return "";
  };
  std::map<std::string, int> main_counts;
  for (const auto& m : members) {
    if (m.duplicate_of == 0) ++main_counts[main_place(*m.doc)];
  }
  std::string top_place;
  int top_count = 0;
  for (const auto& [pl, n] : main_counts) {
    if (!pl.empty() && n > top_count) top_place = pl, top_count = n;
  }
  const StoryMember* first = nullptr;
  int32_t first_day = kNoDay, last_day = kNoDay;
  for (const auto& m : members) {
    int32_t d = DayNumber(DocDate(*m.doc));
    if (d != kNoDay) {
      first_day = first_day == kNoDay ? d : std::min(first_day, d);
      last_day = last_day == kNoDay ? d : std::max(last_day, d);
    }
    if (m.duplicate_of != 0 || (!top_place.empty() && main_place(*m.doc) != top_place)) continue;
    if (!first || (d != kNoDay && (DayNumber(DocDate(*first->doc)) == kNoDay || d < DayNumber(DocDate(*first->doc))))) first = &m;
  }
  story["main_place"] = top_place;
  story["title"] = first ? first->doc->title : "";
  story["first_date"] = DayString(first_day);
  story["last_date"] = DayString(last_day);
  story["outlets"] = outlets;

  // Reports and fusion: same type + place (KB id) + dates within 7 days.
  std::vector<Report> reports;
  for (const auto& m : members) {
    const Document& d = *m.doc;
    for (size_t i = 0; i < d.events.size(); ++i) {
      const Event& e = d.events[i];
      Report r{&m, static_cast<int>(i), &e, "", kNoDay, "", m.duplicate_of == 0};
      if (e.place && !e.place->entity_id.empty()) r.place = e.place->entity_id;
      if (e.date && !e.date_is_default) r.day = DayNumber(e.date->value);
      if (r.day == kNoDay) r.day = DayNumber(DocDate(d));
      for (const auto& a : e.actors) {
        if (r.side.empty() && !a.entity_id.empty()) r.side = lex.SideOf(a.entity_id);
      }
      reports.push_back(r);
    }
  }
  std::vector<std::vector<size_t>> fused;
  {
    std::map<std::pair<std::string, std::string>, std::vector<size_t>> groups;
    for (size_t i = 0; i < reports.size(); ++i) {
      const Report& r = reports[i];
      std::string key = r.place.empty() ? "doc:" + std::to_string(r.member->id) + "#" + std::to_string(r.event_index) : r.place;
      groups[{r.event->type, key}].push_back(i);
    }
    for (auto& [key, idx] : groups) {
      std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return reports[a].day < reports[b].day; });
      std::vector<size_t> cur;
      int32_t cur_last = kNoDay;
      for (size_t i : idx) {
        int32_t d = reports[i].day;
        if (!cur.empty() && d != kNoDay && cur_last != kNoDay && d - cur_last > 7) {
          fused.push_back(cur);
          cur.clear();
        }
        cur.push_back(i);
        if (d != kNoDay) cur_last = d;
      }
      if (!cur.empty()) fused.push_back(cur);
    }
  }
  json events = json::array();
  json claims = json::array();
  json unique = json::array();
  json contradictions = json::array();
  json timeline = json::array();
  std::map<std::string, json> places;
  auto note_place = [&](const Document& d, const std::string& id) {
    if (id.empty() || places.count(id)) return;
    for (const Entity& e : d.entities) {
      if (e.id != id) continue;
      json p = {{"id", id}, {"name_ar", e.name_ar}, {"name_en", e.name_en}};
      if (e.lat && e.lon) {
        p["lat"] = *e.lat;
        p["lon"] = *e.lon;
      }
      places[id] = p;
    }
  };
  int n_event = 0;
  for (const auto& group : fused) {
    std::string eid = "e" + std::to_string(++n_event);
    const Report& head = reports[group[0]];
    json ev = {{"id", eid}, {"type", head.event->type}};
    if (!head.place.empty()) {
      note_place(*head.member->doc, head.place);
      ev["place"] = {{"id", head.place}, {"name", EntityName(*head.member->doc, head.place)}};
    } else {
      ev["place"] = nullptr;
    }
    json reps = json::array();
    std::map<std::string, std::string> stance_by_outlet;  // original outlets only
    std::set<std::string> copy_outlets;
    std::map<std::string, std::vector<json>> sides_ev, counts_ev, dates_ev;
    std::map<std::string, std::set<std::string>> sides_out, counts_out, dates_out;
    bool any_foreground = false, all_completed = true;
    for (size_t i : group) {
      const Report& r = reports[i];
      const Event& e = *r.event;
      const Document& d = *r.member->doc;
      std::string outlet = OutletKey(*r.member);
      json ej = Evidence(r.member->id, d, e.evidence);
      std::vector<std::string> chain;
      for (int32_t a : e.attributed_to) {
        if (a >= 0 && static_cast<size_t>(a) < d.attributions.size()) chain.push_back(d.attributions[static_cast<size_t>(a)].speaker);
      }
      json q = json::array();
      for (const auto& qq : e.quantities) q.push_back({{"value", qq.value}, {"unit", qq.unit}, {"text", qq.text}});
      json actors = json::array();
      for (const auto& a : e.actors) actors.push_back(a.entity_id.empty() ? a.text : a.entity_id);
      std::string stance = e.negated ? "denies" : "asserts";
      reps.push_back({{"doc_id", r.member->id}, {"outlet", outlet}, {"copy_of", r.original ? json(nullptr) : json(r.member->duplicate_of)},
                      {"source", chain.empty() ? outlet : chain.back()}, {"chain", chain}, {"stance", stance},
                      {"status", e.status}, {"background", e.background}, {"actors", actors}, {"side", r.side},
                      {"date", e.date ? e.date->value : ""}, {"date_is_default", e.date_is_default || !e.date},
                      {"quantities", q}, {"confidence", e.confidence}, {"evidence", ej}});
      if (!e.background) any_foreground = true;
      if (e.status != "completed") all_completed = false;
      if (!r.original) {
        copy_outlets.insert(outlet);
        continue;
      }
      auto& st = stance_by_outlet[outlet];
      if (st.empty() || stance == "asserts") st = stance;
      bool firm = !e.background && e.status == "completed";
      if (firm && !e.negated && !r.side.empty()) {
        sides_ev[r.side].push_back(ej);
        sides_out[r.side].insert(outlet);
      }
      if (firm && !e.negated) {
        for (const auto& qq : e.quantities) {
          char buf[64];
          std::snprintf(buf, sizeof buf, "%g %s", qq.value, qq.unit.c_str());
          counts_ev[buf].push_back(ej);
          counts_out[buf].insert(outlet);
        }
        if (e.date && !e.date_is_default && e.date->precision == Precision::kDay) {
          dates_ev[e.date->value.substr(0, 10)].push_back(ej);
          dates_out[e.date->value.substr(0, 10)].insert(outlet);
        }
      }
      // Timeline entry.
      if (!head.place.empty() || !e.actors.empty()) {
        timeline.push_back({{"date", r.day == kNoDay ? "" : DayString(r.day)}, {"date_stated", e.date && !e.date_is_default},
                            {"outlet", outlet}, {"doc_id", r.member->id}, {"kind", "event"}, {"event", eid},
                            {"type", e.type}, {"place", head.place}, {"stance", stance}, {"status", e.status},
                            {"background", e.background}, {"source", chain.empty() ? outlet : chain.back()}, {"evidence", ej}});
      }
    }
    ev["reports"] = reps;
    ev["outlets"] = stance_by_outlet;
    ev["independent_outlets"] = static_cast<int>(stance_by_outlet.size());
    json contested = json::object();
    auto contest = [&](const char* field, const std::map<std::string, std::vector<json>>& g,
                       const std::map<std::string, std::set<std::string>>& o) {
      if (g.size() < 2) return;
      // Different values must come from different outlets to count.
      std::set<std::string> all;
      for (const auto& [v, s] : o) all.insert(s.begin(), s.end());
      if (all.size() < 2) return;
      contested[field] = SideGroups(g, o);
    };
    contest("actor_side", sides_ev, sides_out);
    contest("date", dates_ev, dates_out);
    // Counts: contested when values of the same unit differ by more than 25%.
    {
      std::map<std::string, std::vector<std::pair<double, std::string>>> by_unit;
      for (const auto& [k, v] : counts_ev) {
        double value = std::atof(k.c_str());
        by_unit[k.substr(k.find(' ') + 1)].push_back({value, k});
      }
      for (const auto& [unit, vals] : by_unit) {
        double lo = 1e300, hi = -1;
        for (const auto& [v, k] : vals) lo = std::min(lo, v), hi = std::max(hi, v);
        if (vals.size() >= 2 && hi > 0 && (hi - lo) / hi > 0.25) {
          std::map<std::string, std::vector<json>> g;
          std::map<std::string, std::set<std::string>> o;
          for (const auto& [v, k] : vals) g[k] = counts_ev[k], o[k] = counts_out[k];
          contest("count", g, o);
        }
      }
    }
    ev["contested"] = contested;
    events.push_back(ev);
    // Contradictions from contested fields (control is handled below from statements).
    for (const char* field : {"count", "date"}) {
      if (contested.contains(field)) {
        contradictions.push_back({{"kind", field == std::string("count") ? "count" : "date"}, {"event", eid},
                                  {"type", head.event->type}, {"place", head.place}, {"sides", contested[field]}});
      }
    }
    // Denials: an outlet's source denies what another asserts (named place only).
    {
      std::map<std::string, std::vector<json>> g;
      std::map<std::string, std::set<std::string>> o;
      for (size_t i : group) {
        const Report& r = reports[i];
        if (!r.original || r.event->background || r.place.empty() || r.event->status != "completed") continue;
        std::string v = r.event->negated ? "denies" : "asserts";
        g[v].push_back(Evidence(r.member->id, *r.member->doc, r.event->evidence));
        o[v].insert(OutletKey(*r.member));
      }
      if (g.size() == 2) {
        std::set<std::string> all;
        for (const auto& [v, s] : o) all.insert(s.begin(), s.end());
        if (all.size() >= 2) {
          contradictions.push_back({{"kind", "denial"}, {"event", eid}, {"type", head.event->type},
                                    {"place", head.place}, {"sides", SideGroups(g, o)}});
        }
      }
    }
    // Claims matrix: informative claims only (a named place or entity actor).
    bool informative = !head.place.empty();
    for (size_t i : group) {
      for (const auto& a : reports[i].event->actors) informative = informative || !a.entity_id.empty();
    }
    if (informative && any_foreground) {
      std::string text = head.event->type;
      if (!head.place.empty()) text += " @ " + EntityName(*head.member->doc, head.place);
      json row = json::object();
      for (const auto& o : outlets) row[o] = stance_by_outlet.count(o) ? stance_by_outlet[o] : "silent";
      json cj = {{"id", "c" + std::to_string(claims.size() + 1)}, {"event", eid}, {"text", text},
                 {"outlets", row}, {"via_copies", copy_outlets}, {"evidence", reps[0]["evidence"]}};
      claims.push_back(cj);
      if (stance_by_outlet.size() == 1 && outlets.size() >= 2 && all_completed &&
          stance_by_outlet.begin()->second == "asserts") {
        unique.push_back({{"claim", cj["id"]}, {"event", eid}, {"text", text}, {"outlet", stance_by_outlet.begin()->first},
                          {"evidence", cj["evidence"]}});
      }
    }
  }

  // Control of places, from control statements of original documents.
  std::map<std::string, std::vector<std::pair<const StoryMember*, ControlStatement>>> control;
  std::map<std::string, std::string> inferred_dates;
  for (const auto& m : members) {
    for (auto& st : ControlStatements(*m.doc, lex)) {
      note_place(*m.doc, st.place);
      json ej = Evidence(m.id, *m.doc, st.evidence);
      timeline.push_back({{"date", st.date.substr(0, std::min<size_t>(st.date.size(), 10))}, {"date_stated", st.date_stated},
                          {"outlet", OutletKey(m)}, {"doc_id", m.id}, {"kind", "control"}, {"place", st.place},
                          {"side", st.side}, {"actor", st.actor}, {"status", st.status}, {"background", st.background},
                          {"evidence", ej}});
      if (m.duplicate_of == 0 && !st.background && !Retrospective(*m.doc)) control[st.place].push_back({&m, st});
    }
  }
  for (const auto& [place, sts] : control) {
    // Who holds the place: different sides in the same period (10 days; unknown dates are compatible).
    std::map<std::string, std::vector<json>> g;
    std::map<std::string, std::set<std::string>> o;
    for (size_t a = 0; a < sts.size(); ++a) {
      const auto& sa = sts[a].second;
      if (sa.side.empty() || sa.status == "partial") continue;
      for (size_t b = a + 1; b < sts.size(); ++b) {
        const auto& sb = sts[b].second;
        if (sb.side.empty() || sb.status == "partial" || sb.side == sa.side) continue;
        if (OutletKey(*sts[a].first) == OutletKey(*sts[b].first)) continue;
        int gap = DayGap(sa.date, sb.date);
        if (gap > 10) continue;
        if (sa.date.empty() && sb.date.empty()) continue;  // two undated reports: no common period
        for (size_t k : {a, b}) {
          const auto& s = sts[k].second;
          json ej = Evidence(sts[k].first->id, *sts[k].first->doc, s.evidence);
          auto& list = g[s.side];
          if (std::find(list.begin(), list.end(), ej) == list.end()) list.push_back(ej);
          o[s.side].insert(OutletKey(*sts[k].first));
        }
      }
    }
    if (g.size() >= 2) {
      contradictions.push_back({{"kind", "control"}, {"place", place}, {"field", "controller_side"}, {"sides", SideGroups(g, o)}});
    }
    // Complete control vs. still contested, from different outlets, when the
    // contested report is not clearly earlier than the complete one.
    std::map<std::string, std::vector<json>> g2;
    std::map<std::string, std::set<std::string>> o2;
    for (const auto& [ma, sa] : sts) {
      if (sa.status != "complete") continue;
      for (const auto& [mb, sb] : sts) {
        if (sb.status != "partial" || OutletKey(*ma) == OutletKey(*mb)) continue;
        int32_t da = DayNumber(sa.date), db = DayNumber(sb.date);
        if (da != kNoDay && db != kNoDay && db < da - 1) continue;  // contested earlier, complete later: consistent
        if (da == kNoDay && db == kNoDay) continue;                  // two undated reports: no common period
        json ea = Evidence(ma->id, *ma->doc, sa.evidence), eb = Evidence(mb->id, *mb->doc, sb.evidence);
        if (std::find(g2["complete"].begin(), g2["complete"].end(), ea) == g2["complete"].end()) g2["complete"].push_back(ea);
        if (std::find(g2["contested"].begin(), g2["contested"].end(), eb) == g2["contested"].end()) g2["contested"].push_back(eb);
        o2["complete"].insert(OutletKey(*ma));
        o2["contested"].insert(OutletKey(*mb));
      }
    }
    if (g2.size() == 2) {
      contradictions.push_back({{"kind", "control"}, {"place", place}, {"field", "control_status"}, {"sides", SideGroups(g2, o2)}});
    }
  }
  // Leadership of the operation: leaders of different organizations.
  {
    std::vector<std::tuple<const StoryMember*, LeadershipStatement>> ls;
    for (const auto& m : members) {
      if (m.duplicate_of != 0) continue;
      for (auto& s : LeadershipStatements(*m.doc, lex)) ls.emplace_back(&m, s);
    }
    std::map<std::string, std::vector<json>> g;
    std::map<std::string, std::set<std::string>> o;
    for (size_t a = 0; a < ls.size(); ++a) {
      for (size_t b = a + 1; b < ls.size(); ++b) {
        const auto& [ma, la] = ls[a];
        const auto& [mb, lb] = ls[b];
        if (OutletKey(*ma) == OutletKey(*mb) || lex.SameChain(la.leader, lb.leader)) continue;
        for (const auto& [m, l] : {ls[a], ls[b]}) {
          json ej = Evidence(m->id, *m->doc, l.evidence);
          auto& list = g[l.leader];
          if (std::find(list.begin(), list.end(), ej) == list.end()) list.push_back(ej);
          o[l.leader].insert(OutletKey(*m));
        }
      }
    }
    if (g.size() >= 2) contradictions.push_back({{"kind", "leadership"}, {"field", "leader"}, {"sides", SideGroups(g, o)}});
  }

  // Documents (with inferred dates), duplicates.
  std::string median_date;
  {
    std::vector<int32_t> days;
    for (const auto& m : members) {
      int32_t dd = DayNumber(DocDate(*m.doc));
      if (dd != kNoDay) days.push_back(dd);
    }
    if (!days.empty()) {
      std::sort(days.begin(), days.end());
      median_date = DayString(days[days.size() / 2]);
    }
  }
  json docs = json::array(), dups = json::array();
  for (const auto& m : members) {
    const Document& d = *m.doc;
    json dj = {{"id", m.id}, {"outlet", OutletKey(m)}, {"outlet_name", d.outlet ? d.outlet->name_ar : ""},
               {"title", d.title}, {"source", d.source}, {"url", d.input.url}};
    if (d.published && !d.published->value.empty()) {
      dj["date"] = d.published->value;
      dj["date_inferred"] = d.published->inferred;
    } else {
      // No stated date. A document that tells a dated event as background
      // (كانت ... قد سيطرت في تشرين الثاني 2017) was written after it: say so
      // and infer nothing. Otherwise it gets the median date of the story's
      // dated documents, marked inferred.
      std::string after;
      for (const Event& e : d.events) {
        if (e.background && e.date && !e.date_is_default && e.date->value > after) after = e.date->value;
      }
      if (!after.empty()) {
        dj["date"] = nullptr;
        dj["date_inferred"] = false;
        dj["date_not_before"] = after;
      } else if (!median_date.empty()) {
        dj["date"] = median_date;
        dj["date_inferred"] = true;
        dj["date_inferred_from"] = "story";
        inferred_dates[OutletKey(m) + "#" + std::to_string(m.id)] = median_date;
      } else {
        dj["date"] = nullptr;
        dj["date_inferred"] = false;
      }
    }
    dj["duplicate_of"] = m.duplicate_of ? json(m.duplicate_of) : json(nullptr);
    docs.push_back(dj);
    if (m.duplicate_of) dups.push_back({{"id", m.id}, {"duplicate_of", m.duplicate_of}, {"similarity", m.duplicate_similarity}});
  }
  for (auto& t : timeline) {
    auto it = inferred_dates.find(t["outlet"].get<std::string>() + "#" + std::to_string(t["doc_id"].get<int64_t>()));
    if (t["date"].get<std::string>().empty() && it != inferred_dates.end()) {
      t["date"] = it->second;
      t["date_inferred"] = true;
    } else {
      t["date_inferred"] = false;
    }
  }
  std::stable_sort(timeline.begin(), timeline.end(), [](const json& a, const json& b) {
    std::string da = a["date"].get<std::string>(), db = b["date"].get<std::string>();
    if (da.empty() != db.empty()) return db.empty();
    return da < db;
  });
  // Framing per concept: outlet -> term -> count (originals only).
  json framing = json::object();
  for (const auto& m : members) {
    if (m.duplicate_of != 0) continue;
    json f = FramingCounts(*m.doc, lex);
    for (auto& [concept_name, terms] : f.items()) {
      for (auto& [term, n] : terms.items()) {
        auto& slot = framing[concept_name][OutletKey(m)][term];
        slot = (slot.is_number() ? slot.get<int>() : 0) + n.get<int>();
      }
    }
  }
  story["documents"] = docs;
  story["duplicates"] = dups;
  story["events"] = events;
  story["claims"] = claims;
  story["contradictions"] = contradictions;
  story["unique_claims"] = unique;
  story["framing"] = framing;
  story["timeline"] = timeline;
  json pl = json::array();
  for (auto& [id, p] : places) pl.push_back(p);
  story["places"] = pl;
  json links = json::array();
  for (const auto& [s, score] : info.links) links.push_back({{"story", s}, {"score", score}});
  story["links"] = links;
  return story;
}

}  // namespace marsad::stories
