// Golden test: events, attributions and claims on the review articles
// (tests/golden/review/articles*/: short articles written by the team after
// the rules were tuned, reviewed sentence by sentence as a journalist would;
// README.md beside this file records the reviews). Each article goes through
// the whole engine (marsad::Engine, as `marsad analyze` runs it) and is
// checked against expectations.tsv: the events a careful reader finds, with
// their arguments, flags and chains, and the rejected assertions as `absent`
// rows. Document keys are "<folder>/<file prefix before _>" (articles/01).
//
// Set MARSAD_GOLDEN_DUMP=1 to print every attribution and event (for review).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "event_expectations.h"
#include "marsad/common/paths.h"
#include "marsad/engine/engine.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

TEST(ReviewGolden, Articles) {
  const std::string root = std::string(MARSAD_SOURCE_DIR) + "/tests/golden/review";
  auto engine = Engine::Create({.data_dir = std::string(MARSAD_SOURCE_DIR) + "/data"});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const bool dump = std::getenv("MARSAD_GOLDEN_DUMP") != nullptr;
  std::map<std::string, Document> docs;
  for (const char* folder : {"articles", "articles2", "articles3", "articles5", "articles6", "articles7"}) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(root) / folder, ec)) {
      if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      const std::string name = path.filename().string();
      const std::string key = std::string(folder) + "/" + name.substr(0, name.find('_'));
      Document doc;
      std::string err;
      ASSERT_TRUE(ReadFile(path.string(), &doc.raw, &err)) << err;
      doc.source = path.string();
      doc.input.format = "text";
      doc.layers.insert("raw");
      (*engine)->pipeline().ProcessOne(doc);
      if (dump) golden::Dump(key, doc);
      docs[key] = std::move(doc);
    }
  }
  ASSERT_GE(docs.size(), 5u) << "review articles not found under " << root;
  auto rows = golden::ReadRows(root + "/expectations.tsv");
  ASSERT_GT(rows.size(), 10u);
  golden::CheckRows(docs, rows, "review");
}

}  // namespace
}  // namespace marsad
