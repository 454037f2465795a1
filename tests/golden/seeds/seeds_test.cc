// Seed acceptance test: the cleaner on the founding articles in
// ../shared/seeds, checked against expectations.tsv beside this file (short
// prefixes, counts, ids and dates only: no seed text is copied into the
// repository). Skips when the seeds folder is absent (a fresh clone).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "marsad/clean/article_cleaner.h"
#include "marsad/clean/fold.h"
#include "marsad/clean/tsv.h"
#include "marsad/common/paths.h"

namespace marsad::clean {
namespace {

namespace fs = std::filesystem;

struct SeedExpectation {
  std::string title;
  std::string outlet;
  std::string published, precision;
  std::string wires;
  std::map<std::string, int> removed;
  int paragraphs = -1;
  std::vector<std::string> kept;
};

std::string SeedsDir() { return std::string(MARSAD_SHARED_DIR) + "/seeds"; }

std::map<std::string, SeedExpectation> LoadExpectations() {
  std::map<std::string, SeedExpectation> out;
  auto rows = ReadTsv(std::string(MARSAD_SOURCE_DIR) + "/tests/golden/seeds/expectations.tsv", 3);
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (!rows.ok()) return out;
  for (const auto& r : *rows) {
    SeedExpectation& e = out[r.fields[0]];
    const std::string& key = r.fields[1];
    const std::string& v = r.fields[2];
    if (key == "title")
      e.title = v;
    else if (key == "outlet")
      e.outlet = v;
    else if (key == "published") {
      e.published = v;
      e.precision = r.fields.size() > 3 ? r.fields[3] : "";
    } else if (key == "wires")
      e.wires = v;
    else if (key == "removed")
      e.removed[v] = r.fields.size() > 3 ? std::stoi(r.fields[3]) : 0;
    else if (key == "paragraphs")
      e.paragraphs = std::stoi(v);
    else if (key == "kept")
      e.kept.push_back(v);
    else
      ADD_FAILURE() << "expectations.tsv:" << r.line << ": unknown key " << key;
  }
  return out;
}

std::vector<std::string> Paragraphs(const std::string& body) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t e = body.find("\n\n", pos);
    if (e == std::string::npos) e = body.size();
    out.push_back(body.substr(pos, e - pos));
    pos = e + 2;
  }
  return out;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return FoldKey(text).rfind(FoldKey(prefix), 0) == 0;
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(SeedsDir())) {
      GTEST_SKIP() << "seed articles not found at " << SeedsDir()
                   << " (they live in ../shared/seeds beside the checkout)";
    }
    auto c = ArticleCleaner::Create(std::string(MARSAD_SOURCE_DIR) + "/data");
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    cleaner_ = *c;
  }
  std::shared_ptr<const ArticleCleaner> cleaner_;
};

TEST_F(SeedsTest, EverySeedMatchesItsExpectations) {
  auto expectations = LoadExpectations();
  ASSERT_FALSE(expectations.empty());
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(SeedsDir())) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  int checked = 0;
  for (const fs::path& path : files) {
    std::string id = path.filename().string().substr(0, 3);
    auto it = expectations.find(id);
    if (it == expectations.end()) {
      ADD_FAILURE() << "no expectations for seed " << path.filename();
      continue;
    }
    const SeedExpectation& e = it->second;
    SCOPED_TRACE("seed " + path.filename().string());
    std::string raw, error;
    ASSERT_TRUE(ReadFile(path.string(), &raw, &error)) << error;
    CleanResult r = cleaner_->Clean(raw);

    // Title: right headline, once, and not in the body.
    EXPECT_TRUE(StartsWith(r.title, e.title)) << "title: " << r.title;
    EXPECT_EQ(FoldKey(r.body).find(FoldKey(r.title)), std::string::npos) << "title in body";

    // Outlet, date, wires.
    EXPECT_EQ(r.outlet ? r.outlet->id : "-", e.outlet) << r.outlet_evidence;
    if (e.published == "-") {
      EXPECT_FALSE(r.published.has_value()) << r.published->value;
    } else {
      ASSERT_TRUE(r.published.has_value());
      EXPECT_EQ(r.published->value, e.published);
      EXPECT_EQ(PrecisionName(r.published->precision), e.precision);
      EXPECT_FALSE(r.published->evidence.empty());
    }
    std::string wires;
    for (const auto& w : r.wires) wires += (wires.empty() ? "" : ",") + w;
    EXPECT_EQ(wires.empty() ? "-" : wires, e.wires);

    // Removed lines: exactly the expected reasons and counts.
    std::map<std::string, int> removed;
    for (const auto& l : r.removed) ++removed[l.reason];
    EXPECT_EQ(removed, e.removed);
    for (const auto& l : r.removed) {
      EXPECT_TRUE(e.removed.count(l.reason)) << "unexpected removal [" << l.reason << "] " << l.text;
    }

    // Body: paragraph count, the lines that must survive, and every raw line
    // accounted for (in body or removed), so no article sentence is lost.
    auto paragraphs = Paragraphs(r.body);
    EXPECT_EQ(static_cast<int>(paragraphs.size()), e.paragraphs);
    for (const std::string& prefix : e.kept) {
      bool found = std::any_of(paragraphs.begin(), paragraphs.end(),
                               [&](const std::string& p) { return StartsWith(p, prefix); });
      EXPECT_TRUE(found) << "kept line missing: " << prefix;
    }
    std::set<std::string> removed_keys;
    for (const auto& l : r.removed) removed_keys.insert(FoldKey(l.text));
    std::string body_key = FoldKey(r.body);
    size_t pos = 0;
    while (pos <= raw.size()) {
      size_t nl = raw.find('\n', pos);
      if (nl == std::string::npos) nl = raw.size();
      std::string key = FoldKey(raw.substr(pos, nl - pos));
      pos = nl + 1;
      if (key.empty()) continue;
      EXPECT_TRUE(removed_keys.count(key) || body_key.find(key) != std::string::npos)
          << "raw line neither in body nor removed: " << key.substr(0, 80);
    }
    EXPECT_FALSE(r.body.empty());
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(expectations.size()));
}

}  // namespace
}  // namespace marsad::clean
