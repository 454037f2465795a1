// Golden test: attributions, chains and events on the seed articles
// (../shared/seeds), checked against expectations.tsv beside this file.
// Each document goes through the default pipeline (clean, normalize,
// tokenize, dates, entities: marsad::Engine without events) and then the
// attribute.v1 and events.v1 stages. Skips when the seeds are absent.
//
// Set MARSAD_GOLDEN_DUMP=1 to print every attribution and event (for review).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "marsad/attribute/attribution_stage.h"
#include "marsad/common/paths.h"
#include "marsad/engine/engine.h"
#include "marsad/events/claims.h"
#include "marsad/events/events_stage.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

std::string FindSeed(const std::string& prefix) {
  fs::path dir = fs::path(MARSAD_SHARED_DIR) / "seeds";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "";
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix + "_", 0) == 0) return e.path().string();
  }
  return "";
}

std::vector<std::vector<std::string>> ReadRows(const std::string& path) {
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

std::string Chain(const Document& d, const std::vector<int32_t>& chain) {
  std::string s;
  for (int32_t i : chain) {
    if (!s.empty()) s += ">";
    s += d.attributions[i].speaker;
  }
  return s;
}

std::string Describe(const Document& d, const Event& e) {
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

class EventsGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string data = std::string(MARSAD_SOURCE_DIR) + "/data";
    auto engine = Engine::Create({.data_dir = data, .events = false});
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = new std::shared_ptr<const Engine>(*engine);
    auto att = MakeAttributionStage(data);
    ASSERT_TRUE(att.ok()) << att.status().ToString();
    auto ev = MakeEventsStage(data);
    ASSERT_TRUE(ev.ok()) << ev.status().ToString();
    att_ = new StagePtr(*att);
    ev_ = new StagePtr(*ev);
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete att_;
    delete ev_;
  }

  static Document Run(const std::string& path) {
    Document doc;
    std::string err;
    EXPECT_TRUE(ReadFile(path, &doc.raw, &err)) << err;
    doc.source = path;
    doc.input.format = "text";
    doc.layers.insert("raw");
    (*engine_)->pipeline().ProcessOne(doc);
    EXPECT_TRUE((*att_)->Process(doc).ok());
    EXPECT_TRUE((*ev_)->Process(doc).ok());
    return doc;
  }

  static std::shared_ptr<const Engine>* engine_;
  static StagePtr* att_;
  static StagePtr* ev_;
};
std::shared_ptr<const Engine>* EventsGolden::engine_ = nullptr;
StagePtr* EventsGolden::att_ = nullptr;
StagePtr* EventsGolden::ev_ = nullptr;

// key=value checks of one event. "actor~X": some actor text or id contains X.
bool Matches(const Document& d, const Event& e, const std::vector<std::string>& checks, size_t from) {
  for (size_t i = from; i < checks.size(); ++i) {
    const std::string& c = checks[i];
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
      if (key == "place" && !(e.place && (e.place->text.find(val) != std::string::npos || e.place->entity_id == val))) return false;
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

TEST_F(EventsGolden, Seeds) {
  if (FindSeed("000").empty()) GTEST_SKIP() << "seed articles not found under " << MARSAD_SHARED_DIR;
  const bool dump = std::getenv("MARSAD_GOLDEN_DUMP") != nullptr;
  std::map<std::string, Document> docs;
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    std::string path = FindSeed(seed);
    ASSERT_FALSE(path.empty()) << seed;
    docs[seed] = Run(path);
    const Document& d = docs[seed];
    if (dump) {
      std::printf("===== %s outlet=%s wires=%zu published=%s\n", seed, d.outlet ? d.outlet->id.c_str() : "-",
                  d.wires.size(), d.published ? d.published->value.c_str() : "-");
      for (size_t i = 0; i < d.attributions.size(); ++i) {
        const auto& a = d.attributions[i];
        std::printf("  A%zu %s [%s] cue=%s stance=%s parent=%d content=%s\n", i, a.speaker_text.c_str(),
                    a.speaker.c_str(), a.cue.c_str(), a.stance.c_str(), a.parent,
                    d.body.substr(a.span.start, std::min(120, a.span.end - a.span.start)).c_str());
      }
      for (const auto& e : d.events) std::printf("  E %s\n", Describe(d, e).c_str());
    }
  }
  auto rows = ReadRows(std::string(MARSAD_SOURCE_DIR) + "/tests/golden/events/expectations.tsv");
  ASSERT_GT(rows.size(), 10u);
  for (const auto& r : rows) {
    ASSERT_GE(r.size(), 3u);
    const std::string& kind = r[0];
    const Document& d = docs[r[1]];
    if (kind == "event" || kind == "absent") {
      ASSERT_GE(r.size(), 4u);
      bool found = false;
      for (const auto& e : d.events) {
        if (e.type == r[2] && e.trigger.find(r[3]) != std::string::npos && Matches(d, e, r, 4)) found = true;
      }
      if (kind == "event") {
        EXPECT_TRUE(found) << "seed " << r[1] << ": expected " << r[2] << " " << r[3];
      } else {
        EXPECT_FALSE(found) << "seed " << r[1] << ": unexpected " << r[2] << " " << r[3];
      }
    } else if (kind == "attribution") {
      // attribution seed speaker~ cue stance [chain]
      ASSERT_GE(r.size(), 5u);
      bool found = false;
      for (size_t i = 0; i < d.attributions.size(); ++i) {
        const auto& a = d.attributions[i];
        if (a.speaker_text.find(r[2]) == std::string::npos && a.speaker != r[2]) continue;
        if (a.cue.find(r[3]) == std::string::npos || a.stance != r[4]) continue;
        if (r.size() > 5 && Chain(d, AttributionFinder::Chain(d.attributions, i)) != r[5]) continue;
        found = true;
      }
      EXPECT_TRUE(found) << "seed " << r[1] << ": expected attribution " << r[2] << " " << r[3];
    } else if (kind == "count") {
      // count seed TYPE max: at most max events of TYPE (no over-generation).
      int n = 0;
      for (const auto& e : d.events) n += e.type == r[2];
      EXPECT_LE(n, std::stoi(r[3])) << "seed " << r[1] << ": too many " << r[2];
    } else if (kind == "claim") {
      // claim seed TYPE trigger source stance
      bool found = false;
      auto claims = ClaimsOf(d);
      for (const auto& c : claims) {
        const Event& e = d.events[c.event];
        if (e.type == r[2] && e.trigger.find(r[3]) != std::string::npos && c.source == r[4] && c.stance == r[5]) found = true;
      }
      EXPECT_TRUE(found) << "seed " << r[1] << ": expected claim " << r[2] << " " << r[3] << " by " << r[4];
    } else {
      ADD_FAILURE() << "unknown row kind " << kind;
    }
  }
}

}  // namespace
}  // namespace marsad
