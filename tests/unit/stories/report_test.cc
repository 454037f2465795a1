#include "marsad/stories/report.h"

#include <gtest/gtest.h>

namespace marsad::stories {
namespace {

TEST(Report, EscapesAndHasTheSections) {
  nlohmann::json story = {
      {"id", "s1"},
      {"title", "<script>alert(1)</script> البوكمال"},  // "Al-Bukamal"
      {"outlets", {"a", "b"}},
      {"documents", nlohmann::json::array()},
      {"claims", {{{"text", "TAKE_CONTROL @ البوكمال"}, {"outlets", {{"a", "asserts"}, {"b", "silent"}}},
                   {"evidence", {{"text", "x & y"}, {"outlet", "a"}, {"doc_id", 1}, {"start", 0}, {"end", 5}}}}}},
      {"timeline", {{{"date", "2017-11-19"}, {"date_inferred", true}, {"outlet", "a"}, {"kind", "control"},
                     {"place", "sy-abu-kamal"}, {"status", "complete"}, {"evidence", nlohmann::json::object()}}}},
      {"places", {{{"id", "sy-abu-kamal"}, {"name_ar", "البوكمال"}, {"lat", 34.45}, {"lon", 40.92}},
                  {{"id", "iq-al-qaim"}, {"name_ar", "القائم"}, {"lat", 34.37}, {"lon", 41.09}}}}};
  std::string html = RenderStoryHtml(story);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("dir=\"rtl\""), std::string::npos);
  for (const char* id : {"id=\"comparison\"", "id=\"comparison-table\"", "id=\"timeline\"", "id=\"timeline-table\"",
                         "id=\"framing\"", "id=\"map\"", "id=\"contradictions\"", "<svg"}) {
    EXPECT_NE(html.find(id), std::string::npos) << id;
  }
  EXPECT_NE(html.find("x &amp; y"), std::string::npos);
  EXPECT_NE(html.find("class=\"asserts\""), std::string::npos);
  EXPECT_NE(html.find("(مستنتج)"), std::string::npos);  // "(inferred)"
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // no external resource
}

TEST(Report, EmptyStoryStillRenders) {
  std::string html = RenderStoryHtml(nlohmann::json::object());
  EXPECT_NE(html.find("id=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_NE(RenderStoryHtml(nlohmann::json::array()).find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace marsad::stories
