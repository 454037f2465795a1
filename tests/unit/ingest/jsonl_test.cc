#include "marsad/ingest/jsonl.h"

#include <gtest/gtest.h>

#include <string>

namespace marsad::ingest {
namespace {

TEST(ParseJsonlLineTest, FullRecord) {
  // text: "The army entered the city." title: "Army enters city"
  auto r = ParseJsonlLine(
      R"({"text":"دخل الجيش المدينة.","title":"الجيش يدخل المدينة","url":"https://example.org/a",)"
      R"("published":"2017-11-09T10:00:00Z","outlet":"example","author":"A. Writer","extra":[1,2]})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "دخل الجيش المدينة.");
  EXPECT_EQ(r->title, "الجيش يدخل المدينة");
  EXPECT_EQ(r->url, "https://example.org/a");
  EXPECT_EQ(r->published, "2017-11-09T10:00:00Z");
  EXPECT_EQ(r->outlet, "example");
  EXPECT_EQ(r->author, "A. Writer");
  EXPECT_TRUE(r->notes.empty());
}

TEST(ParseJsonlLineTest, TrailingCarriageReturnAndBom) {
  auto r = ParseJsonlLine("\xEF\xBB\xBF{\"text\":\"abc\"}\r");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "abc");
}

TEST(ParseJsonlLineTest, EscapesAreDecoded) {
  // \u0627\u0644 = "al" (the Arabic article).
  auto r = ParseJsonlLine(R"({"text":"\u0627\u0644 line1\nline2"})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "\xD8\xA7\xD9\x84 line1\nline2");
}

TEST(ParseJsonlLineTest, MissingText) {
  std::string code;
  auto r = ParseJsonlLine(R"({"title":"t"})", &code);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code, kErrorMissingText);
  code.clear();
  EXPECT_FALSE(ParseJsonlLine(R"({"text":null})", &code).ok());
  EXPECT_EQ(code, kErrorMissingText);
}

TEST(ParseJsonlLineTest, TextOfWrongTypeOrBlank) {
  std::string code;
  EXPECT_FALSE(ParseJsonlLine(R"({"text":42})", &code).ok());
  EXPECT_EQ(code, kErrorBadText);
  EXPECT_FALSE(ParseJsonlLine(R"({"text":" \n\u00a0 "})", &code).ok());
  EXPECT_EQ(code, kErrorEmptyText);
}

TEST(ParseJsonlLineTest, BadJsonAndNonObjects) {
  std::string code;
  auto r = ParseJsonlLine(R"({"text": "unterminated)", &code);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code, kErrorBadJson);
  EXPECT_EQ(r.status().message().find('\n'), std::string::npos);
  EXPECT_FALSE(ParseJsonlLine("[1,2]", &code).ok());
  EXPECT_EQ(code, kErrorNotObject);
  EXPECT_FALSE(ParseJsonlLine("\"text\"", &code).ok());
  EXPECT_EQ(code, kErrorNotObject);
  EXPECT_FALSE(ParseJsonlLine("", &code).ok());
  EXPECT_EQ(code, kErrorBadJson);
  // Two objects on one line are not one record.
  EXPECT_FALSE(ParseJsonlLine(R"({"text":"a"} {"text":"b"})", &code).ok());
  EXPECT_EQ(code, kErrorBadJson);
}

TEST(ParseJsonlLineTest, InvalidUtf8InsideStringIsBadJson) {
  std::string code;
  EXPECT_FALSE(ParseJsonlLine("{\"text\":\"\xC3\x28\"}", &code).ok());
  EXPECT_EQ(code, kErrorBadJson);
}

TEST(ParseJsonlLineTest, NonStringFields) {
  auto r = ParseJsonlLine(R"({"text":"x","published":1510826400,"title":["a"],"url":null})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published, "1510826400");
  EXPECT_EQ(r->title, "");
  EXPECT_EQ(r->url, "");
  ASSERT_EQ(r->notes.size(), 1u);
  EXPECT_NE(r->notes[0].find("title"), std::string::npos);
}

TEST(ParseJsonlLineTest, DeepNestingDoesNotCrash) {
  std::string deep(100000, '[');
  std::string code;
  EXPECT_FALSE(ParseJsonlLine(deep, &code).ok());
  std::string nested = "{\"text\":\"t\",\"x\":" + std::string(50000, '[') + std::string(50000, ']') + "}";
  EXPECT_TRUE(ParseJsonlLine(nested).ok());
}

TEST(IsBlankLineTest, Basics) {
  EXPECT_TRUE(IsBlankLine(""));
  EXPECT_TRUE(IsBlankLine(" \t\r"));
  EXPECT_FALSE(IsBlankLine(" {"));
}

}  // namespace
}  // namespace marsad::ingest
