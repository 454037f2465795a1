// Expectation rows for golden tests of attributions, chains and events
// (tests/golden/events over the seeds, tests/golden/review over the review
// articles). Row language (tab-separated, '#' comments):
//   event        DOC TYPE trigger [checks...]  an event of TYPE whose trigger contains `trigger`
//   absent       DOC TYPE trigger [checks...]  no such event
//   attribution  DOC speaker cue stance [chain] speaker text contains / or id equals `speaker`
//   claim        DOC TYPE trigger source stance
//   count        DOC TYPE max                  at most `max` events of TYPE
//   total        DOC n                         exactly n events in the document
// checks: actor~X target~X place~X chain~X (text contains X or id equals X),
//         status=S negated=0|1 background=0|1 quantity=<value> <unit>
//         noactor (no actor at all) notarget (no target at all)
// Header-only helpers for test binaries.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "marsad/attribute/attribution_finder.h"
#include "marsad/document/document.h"
#include "marsad/events/claims.h"

namespace marsad::golden {

inline std::vector<std::vector<std::string>> ReadRows(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    rows.push_back(f);
  }
  return rows;
}

inline std::string Chain(const Document& d, const std::vector<int32_t>& chain) {
  std::string s;
  for (int32_t i : chain) {
    if (!s.empty()) s += ">";
    s += d.attributions[i].speaker;
  }
  return s;
}

inline std::string Describe(const Document& d, const Event& e) {
  std::ostringstream o;
  o << e.type << " trigger=" << e.trigger << " status=" << e.status << " negated=" << e.negated
    << " background=" << e.background << " conf=" << e.confidence;
  for (const auto& a : e.actors) o << "\n    actor: " << a.text << " [" << a.entity_id << "]";
  for (const auto& a : e.targets) o << "\n    target: " << a.text << " [" << a.entity_id << "]";
  if (e.place) o << "\n    place: " << e.place->text << " [" << e.place->entity_id << "]";
  for (const auto& q : e.quantities) o << "\n    quantity: " << q.value << " " << q.unit << " (" << q.text << ")";
  if (e.date) o << "\n    date: " << e.date->value << (e.date_is_default ? " (document)" : "");
  o << "\n    chain: " << Chain(d, e.attributed_to);
  return o.str();
}

inline void Dump(const std::string& name, const Document& d) {
  std::printf("===== %s outlet=%s wires=%zu published=%s\n", name.c_str(), d.outlet ? d.outlet->id.c_str() : "-",
              d.wires.size(), d.published ? d.published->value.c_str() : "-");
  for (size_t i = 0; i < d.attributions.size(); ++i) {
    const auto& a = d.attributions[i];
    std::printf("  A%zu %s [%s] cue=%s stance=%s parent=%d content=%s\n", i, a.speaker_text.c_str(),
                a.speaker.c_str(), a.cue.c_str(), a.stance.c_str(), a.parent,
                d.body.substr(a.span.start, std::min(120, a.span.end - a.span.start)).c_str());
  }
  for (const auto& e : d.events) std::printf("  E %s\n", Describe(d, e).c_str());
}

// key=value checks of one event. "actor~X": some actor text or id contains X.
inline bool Matches(const Document& d, const Event& e, const std::vector<std::string>& checks, size_t from) {
  for (size_t i = from; i < checks.size(); ++i) {
    const std::string& c = checks[i];
    if (c == "noactor") {
      if (!e.actors.empty()) return false;
      continue;
    }
    if (c == "notarget") {
      if (!e.targets.empty()) return false;
      continue;
    }
    size_t eq = c.find('=');
    size_t tilde = c.find('~');
    if (tilde != std::string::npos && (eq == std::string::npos || tilde < eq)) {
      std::string key = c.substr(0, tilde), val = c.substr(tilde + 1);
      auto has = [&](const std::vector<EventArg>& args) {
        for (const auto& a : args) {
          if (a.text.find(val) != std::string::npos || a.entity_id == val) return true;
        }
        return false;
      };
      if (key == "actor" && !has(e.actors)) return false;
      if (key == "target" && !has(e.targets)) return false;
      if (key == "place" && !(e.place && (e.place->text.find(val) != std::string::npos || e.place->entity_id == val))) {
        return false;
      }
      if (key == "chain" && Chain(d, e.attributed_to).find(val) == std::string::npos) return false;
      continue;
    }
    if (eq == std::string::npos) continue;
    std::string key = c.substr(0, eq), val = c.substr(eq + 1);
    if (key == "status" && e.status != val) return false;
    if (key == "negated" && e.negated != (val == "1")) return false;
    if (key == "background" && e.background != (val == "1")) return false;
    if (key == "quantity") {
      bool found = false;
      for (const auto& q : e.quantities) {
        std::ostringstream o;
        o << q.value << " " << q.unit;
        found |= o.str() == val;
      }
      if (!found) return false;
    }
  }
  return true;
}

// Checks every row against `docs` (keyed by the rows' DOC column); failures
// are reported through gtest with `what` naming the document set.
inline void CheckRows(const std::map<std::string, Document>& docs, const std::vector<std::vector<std::string>>& rows,
                      const std::string& what) {
  for (const auto& r : rows) {
    ASSERT_GE(r.size(), 3u);
    const std::string& kind = r[0];
    auto it = docs.find(r[1]);
    ASSERT_NE(it, docs.end()) << what << ": no document " << r[1];
    const Document& d = it->second;
    if (kind == "event" || kind == "absent") {
      ASSERT_GE(r.size(), 4u);
      bool found = false;
      for (const auto& e : d.events) {
        if (e.type == r[2] && e.trigger.find(r[3]) != std::string::npos && Matches(d, e, r, 4)) found = true;
      }
      if (kind == "event") {
        EXPECT_TRUE(found) << what << " " << r[1] << ": expected " << r[2] << " " << r[3];
      } else {
        EXPECT_FALSE(found) << what << " " << r[1] << ": unexpected " << r[2] << " " << r[3];
      }
    } else if (kind == "attribution") {
      ASSERT_GE(r.size(), 5u);
      bool found = false;
      for (size_t i = 0; i < d.attributions.size(); ++i) {
        const auto& a = d.attributions[i];
        if (a.speaker_text.find(r[2]) == std::string::npos && a.speaker != r[2]) continue;
        if (a.cue.find(r[3]) == std::string::npos || a.stance != r[4]) continue;
        if (r.size() > 5 && Chain(d, AttributionFinder::Chain(d.attributions, i)) != r[5]) continue;
        found = true;
      }
      EXPECT_TRUE(found) << what << " " << r[1] << ": expected attribution " << r[2] << " " << r[3];
    } else if (kind == "count") {
      int n = 0;
      for (const auto& e : d.events) n += e.type == r[2];
      EXPECT_LE(n, std::stoi(r[3])) << what << " " << r[1] << ": too many " << r[2];
    } else if (kind == "total") {
      EXPECT_EQ(static_cast<int>(d.events.size()), std::stoi(r[2])) << what << " " << r[1] << ": number of events";
    } else if (kind == "claim") {
      ASSERT_GE(r.size(), 6u);
      bool found = false;
      for (const auto& c : ClaimsOf(d)) {
        const Event& e = d.events[c.event];
        if (e.type == r[2] && e.trigger.find(r[3]) != std::string::npos && c.source == r[4] && c.stance == r[5]) {
          found = true;
        }
      }
      EXPECT_TRUE(found) << what << " " << r[1] << ": expected claim " << r[2] << " " << r[3] << " by " << r[4];
    } else {
      ADD_FAILURE() << "unknown row kind " << kind;
    }
  }
}

}  // namespace marsad::golden
