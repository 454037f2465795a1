// Unit tests of the server's small pure pieces: static path resolution,
// rate limiter, parameter parsing, offsets, exports.
#include <gtest/gtest.h>

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "marsad/serve/exports.h"
#include "marsad/serve/http_util.h"

namespace marsad::serve {
namespace {

namespace fs = std::filesystem;

class AssetPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A fresh directory per test process: ctest runs these cases in
    // parallel processes, where seeds and addresses can coincide.
    std::string tmpl = (fs::temp_directory_path() / "marsad_assets_XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    base_ = tmpl;
    fs::create_directories(base_ / "root" / "assets");
    std::ofstream(base_ / "root" / "index.html") << "<html></html>";
    std::ofstream(base_ / "root" / "assets" / "app.js") << "1";
    std::ofstream(base_ / "secret.txt") << "secret";
    fs::create_symlink(base_ / "secret.txt", base_ / "root" / "link.txt");
    root_ = (base_ / "root").string();
  }
  void TearDown() override { fs::remove_all(base_); }
  fs::path base_;
  std::string root_;
};

TEST_F(AssetPathTest, ServesFilesInsideTheRoot) {
  auto index = ResolveAssetPath(root_, "/");
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(fs::path(*index).filename(), "index.html");
  EXPECT_TRUE(ResolveAssetPath(root_, "/assets/app.js").has_value());
  EXPECT_TRUE(ResolveAssetPath(root_, "/assets/app.js?v=1").has_value());
}

TEST_F(AssetPathTest, RejectsTraversalAndEncodings) {
  for (const char* bad : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                          "/%2E%2E%2Fsecret.txt", "/assets%2f..%2f..%2fsecret.txt",
                          "/%252e%252e/secret.txt", "/..\\secret.txt", "/assets//app.js",
                          "/./index.html", "/.hidden", "/link.txt", "/missing.js", "secret.txt",
                          "", "/assets", "/%zz", "/%2", "/a%00b"}) {
    EXPECT_FALSE(ResolveAssetPath(root_, bad).has_value()) << bad;
  }
}

TEST(AssetPath, EmptyOrMissingRootServesNothing) {
  EXPECT_FALSE(ResolveAssetPath("", "/index.html").has_value());
  EXPECT_FALSE(ResolveAssetPath("/nonexistent-marsad-root", "/index.html").has_value());
}

TEST(RateLimiter, AllowsBurstThenRefills) {
  RateLimiter limiter(/*rate=*/2, /*burst=*/3);
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(limiter.Allow("a", t0));
  EXPECT_TRUE(limiter.Allow("a", t0));
  EXPECT_TRUE(limiter.Allow("a", t0));
  EXPECT_FALSE(limiter.Allow("a", t0));
  EXPECT_TRUE(limiter.Allow("b", t0)) << "clients have separate buckets";
  EXPECT_TRUE(limiter.Allow("a", t0 + std::chrono::milliseconds(600)));
  EXPECT_FALSE(limiter.Allow("a", t0 + std::chrono::milliseconds(600)));
}

TEST(RateLimiter, ZeroRateDisables) {
  RateLimiter limiter(0, 1);
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limiter.Allow("a"));
}

TEST(Params, ParseIntBounds) {
  EXPECT_EQ(ParseInt("42", 0, 100), 42);
  EXPECT_EQ(ParseInt("-3", -5, 5), -3);
  EXPECT_FALSE(ParseInt("", 0, 100));
  EXPECT_FALSE(ParseInt("4x", 0, 100));
  EXPECT_FALSE(ParseInt("101", 0, 100));
  EXPECT_FALSE(ParseInt("99999999999999999999", 0, 100));
  EXPECT_FALSE(ParseInt("-", 0, 100));
}

TEST(Params, IsoDatePrefix) {
  for (const char* ok : {"2017", "2017-11", "2017-11-19", "2017-11-19T21", "2017-11-19T21:11"}) {
    EXPECT_TRUE(IsIsoDatePrefix(ok)) << ok;
  }
  for (const char* bad : {"", "17", "2017-13", "2017-00", "2017-11-32", "2017/11", "2017-11-19T25",
                          "2017-11-19 21:11", "yesterday", "2017-1"}) {
    EXPECT_FALSE(IsIsoDatePrefix(bad)) << bad;
  }
}

TEST(Offsets, CodePointsAndSafeSlices) {
  // "بوكمال" (Bukamal): 6 letters, 12 bytes.
  const std::string s = "ab بوكمال";
  EXPECT_EQ(CodePointOffset(s, 0), 0);
  EXPECT_EQ(CodePointOffset(s, 3), 3);
  EXPECT_EQ(CodePointOffset(s, static_cast<int32_t>(s.size())), 9);
  EXPECT_EQ(CodePointOffset(s, 1000), 9);
  EXPECT_EQ(CodePointOffset(s, -4), 0);
  EXPECT_EQ(SafeSlice(s, 3, 7), "بو");  // "bu"
  EXPECT_EQ(SafeSlice(s, 4, 8), "بو") << "a cut inside a letter moves back to its start";
  EXPECT_EQ(SafeSlice(s, 8, 3), "");
}

TEST(Exports, CsvQuotesAndDefusesFormulas) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(CsvField("=cmd()"), "'=cmd()");
  ExportEvent e;
  e.id = 7;
  e.event_date = "2017-11-19";
  e.event_type = "TAKE_CONTROL";
  e.location = "x";
  e.lat = 34.46;
  e.lon = 40.93;
  e.notes = "line1\nline2";
  std::string csv = EventsCsv({e});
  EXPECT_EQ(csv.rfind("event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,location,"
                      "latitude,longitude,source,",
                      0),
            0u);
  EXPECT_NE(csv.find("MARSAD7,2017-11-19,TAKE_CONTROL"), std::string::npos);
  EXPECT_NE(csv.find("\"line1\nline2\""), std::string::npos);
}

TEST(Exports, GeoJsonSkipsUnlocatedAndGraphMlEscapes) {
  ExportEvent located, unlocated;
  located.lat = 1;
  located.lon = 2;
  std::string gj = EventsGeoJson({located, unlocated});
  EXPECT_NE(gj.find("\"coordinates\":[2.0,1.0]"), std::string::npos) << gj;
  EXPECT_NE(gj.find("\"unlocated\":1"), std::string::npos);
  std::string ml = GraphMl({{"a<b", "x&y", "", "person", 3}}, {{"a<b", "c", "co_mention", 2}});
  EXPECT_NE(ml.find("id=\"a&lt;b\""), std::string::npos);
  EXPECT_NE(ml.find("x&amp;y"), std::string::npos);
  EXPECT_EQ(ml.find("a<b"), std::string::npos);
}

}  // namespace
}  // namespace marsad::serve
