// Fuzz target: the story comparison and the HTML report on arbitrary text,
// and the clusterer's stored state as arbitrary JSON. The body is split in
// two documents of different outlets that mention a place at every
// occurrence of its name, so control, leadership and framing rules run. It
// must never crash, and every evidence span must lie inside its body.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "marsad/common/paths.h"
#include "marsad/stories/clusterer.h"
#include "marsad/stories/compare.h"
#include "marsad/stories/lexicon.h"
#include "marsad/stories/report.h"

namespace {

marsad::Document Doc(std::string body, const std::string& outlet, const std::string& date) {
  marsad::Document d;
  d.body = std::move(body);
  d.outlet = marsad::OutletRef{outlet, outlet, outlet};
  d.published = marsad::PublishedDate{date, marsad::Precision::kDay, "", false};
  const std::string place = "البوكمال";  // "Al-Bukamal"
  marsad::Entity e;
  e.id = "sy-abu-kamal";
  e.type = "place";
  for (size_t p = d.body.find(place); p != std::string::npos; p = d.body.find(place, p + 1)) {
    e.mentions.push_back({{static_cast<int32_t>(p), static_cast<int32_t>(p + place.size())}, place});
  }
  d.entities.push_back(e);
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const marsad::stories::StoryLexicon* lex = [] {
    auto l = marsad::stories::StoryLexicon::Load(marsad::DataDir());
    return new marsad::stories::StoryLexicon(l.ok() ? std::move(*l) : marsad::stories::StoryLexicon());
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t half = text.size() / 2;
  std::vector<marsad::Document> docs = {Doc(text.substr(0, half), "a", "2017-11-19"),
                                        Doc(text.substr(half), "b", "2017-11-18")};
  std::vector<marsad::stories::StoryMember> members = {{1, &docs[0], 0, 0}, {2, &docs[1], 0, 0}};
  nlohmann::json story = marsad::stories::CompareStory({"s1", "story", {}}, members, *lex);
  for (const auto& c : story["contradictions"]) {
    for (const auto& side : c["sides"]) {
      for (const auto& e : side["evidence"]) {
        if (e["start"].get<int64_t>() > e["end"].get<int64_t>()) std::abort();
      }
    }
  }
  (void)marsad::stories::RenderStoryHtml(story);
  // Stored state: arbitrary JSON must restore without throwing.
  nlohmann::json state = nlohmann::json::parse(text, nullptr, false);
  marsad::stories::StoryClusterer c(marsad::stories::ClustererOptions::ForGranularity("story"));
  c.RestoreStory("s1", state.is_discarded() ? nlohmann::json::object() : state);
  return 0;
}
