#include "marsad/store/search_query.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

namespace marsad {
namespace {

std::string Compile(const std::string& q) {
  auto r = CompileSearchQuery(q);
  return r.ok() ? *r : "ERROR: " + r.status().message();
}

TEST(SearchQueryTest, EmptyAndBlankAreErrors) {
  EXPECT_FALSE(CompileSearchQuery("").ok());
  EXPECT_FALSE(CompileSearchQuery("   \t\n").ok());
  // Punctuation only: nothing searchable.
  EXPECT_FALSE(CompileSearchQuery("... ،؟ !").ok());
}

TEST(SearchQueryTest, WordsBecomeQuotedStringsJoinedByAnd) {
  // "al-bukamal" "dayr al-zur"
  EXPECT_EQ(Compile("البوكمال"), "\"البوكمال\"");
  EXPECT_EQ(Compile("البوكمال الزور"), "(\"البوكمال\" AND \"الزور\")");
  EXPECT_EQ(Compile("a AND b"), "(\"a\" AND \"b\")");
}

TEST(SearchQueryTest, PhrasesOperatorsAndGroups) {
  EXPECT_EQ(Compile("\"دير الزور\""), "\"دير الزور\"");  // "dayr al-zur" as a phrase
  EXPECT_EQ(Compile("a OR b c"), "(\"a\" OR (\"b\" AND \"c\"))");
  EXPECT_EQ(Compile("a NOT b"), "(\"a\" NOT \"b\")");
  EXPECT_EQ(Compile("(a OR b) c"), "((\"a\" OR \"b\") AND \"c\")");
  EXPECT_EQ(Compile("bukam*"), "\"bukam\" *");
}

TEST(SearchQueryTest, Fts5SyntaxInUserTextIsEscaped) {
  // Column filters, NEAR, ^ and + are FTS5 syntax; here they are plain text.
  EXPECT_EQ(Compile("title:x"), "\"title:x\"");
  EXPECT_EQ(Compile("NEAR(a b)"), "(\"NEAR\" AND (\"a\" AND \"b\"))");
  EXPECT_EQ(Compile("^start"), "\"^start\"");
  EXPECT_EQ(Compile("say\"\"s"), "(\"say\" AND \"s\")");
}

TEST(SearchQueryTest, LowercaseOperatorsAreWords) {
  EXPECT_EQ(Compile("a or b"), "(\"a\" AND \"or\" AND \"b\")");
}

// A pasted paragraph is a long flat conjunction, not hundreds of nested
// parentheses (FTS5's parser overflows its stack on those).
TEST(SearchQueryTest, LongQueriesStayFlat) {
  std::string q;
  for (int i = 0; i < 400; ++i) q += "w" + std::to_string(i) + (i % 50 == 49 ? " OR " : " ");
  q += "x NOT y NOT z";
  auto c = CompileSearchQuery(q);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  int depth = 0, max_depth = 0;
  bool quoted = false;
  for (char ch : *c) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '(') max_depth = std::max(max_depth, ++depth);
    if (ch == ')') --depth;
  }
  EXPECT_LE(max_depth, 3);  // OR of AND groups, one NOT group inside
  EXPECT_NE(c->find("(\"x\" NOT \"y\" NOT \"z\")"), std::string::npos);
}

TEST(SearchQueryTest, MalformedQueriesGiveClearErrors) {
  const std::vector<std::string> bad = {
      "\"unclosed phrase", "OR", "a OR", "OR a", "a AND", "AND a", "NOT a", "a NOT",
      "(a", "a)", ")", "a OR OR b", "a NOT NOT b", std::string(5000, 'x'),
      std::string(100, '(') + "a" + std::string(100, ')')};
  for (const std::string& q : bad) {
    auto r = CompileSearchQuery(q);
    ASSERT_FALSE(r.ok()) << q << " -> " << *r;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_FALSE(r.status().message().empty());
    EXPECT_EQ(r.status().message().find('\n'), std::string::npos);
  }
}

TEST(SearchQueryTest, PunctuationOnlyTermsAreDropped) {
  EXPECT_EQ(Compile("a , b"), "(\"a\" AND \"b\")");
  EXPECT_EQ(Compile("a OR ."), "\"a\"");
  EXPECT_EQ(Compile("() a"), "\"a\"");
}

TEST(SearchQueryTest, ControlBytesSeparateWords) {
  EXPECT_EQ(Compile(std::string("a\0b", 3)), "(\"a\" AND \"b\")");
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

std::string CompileStop(const std::string& q) {
  // في "in", من "from"
  static const QueryStopwords kStop({"في", "من"});
  auto r = CompileSearchQuery(q, &kStop);
  return r.ok() ? *r : "ERROR: " + r.status().message();
}

// "majlis shura al-mujahidin fi al-iraq": the function word is not required.
TEST(SearchQueryTest, FunctionWordsAreNotRequiredAmongWords) {
  EXPECT_EQ(CompileStop("مجلس شورى في العراق"), "(\"مجلس\" AND \"شورى\" AND \"العراق\")");
  // Diacritics do not hide it: فِي "in" with a kasra.
  EXPECT_EQ(CompileStop("فِي العراق"), "\"العراق\"");
}

TEST(SearchQueryTest, FunctionWordsStayWhereTheUserAskedForThem) {
  // Alone, in a phrase, next to an operator, as a prefix.
  EXPECT_EQ(CompileStop("في"), "\"في\"");
  EXPECT_EQ(CompileStop("في من"), "(\"في\" AND \"من\")");
  EXPECT_EQ(CompileStop("\"في العراق\""), "\"في العراق\"");
  EXPECT_EQ(CompileStop("العراق OR في"), "(\"العراق\" OR \"في\")");
  EXPECT_EQ(CompileStop("العراق AND في"), "(\"العراق\" AND \"في\")");
  EXPECT_EQ(CompileStop("في AND العراق"), "(\"في\" AND \"العراق\")");
  EXPECT_EQ(CompileStop("العراق NOT في"), "(\"العراق\" NOT \"في\")");
  EXPECT_EQ(CompileStop("في* العراق"), "(\"في\" * AND \"العراق\")");
  // Without a list every word is required.
  EXPECT_EQ(Compile("مجلس في العراق"), "(\"مجلس\" AND \"في\" AND \"العراق\")");
}

TEST(SearchQueryTest, StopwordFileOfTheRepositoryLoads) {
  auto stop = QueryStopwords::Load(std::string(MARSAD_SOURCE_DIR) + "/data/search/stopwords.tsv");
  ASSERT_TRUE(stop.ok()) << stop.status().ToString();
  EXPECT_TRUE(stop->Contains("في"));      // "in"
  EXPECT_TRUE(stop->Contains("الى"));     // "to", without hamza
  EXPECT_FALSE(stop->Contains("العراق"));  // "Iraq"
  EXPECT_FALSE(stop->Contains("ضد"));     // "against" carries meaning
  EXPECT_FALSE(QueryStopwords::Load("no/such/file.tsv").ok());
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

std::string Render(const std::vector<TextPart>& parts) {
  std::string out;
  for (const TextPart& p : parts) out += p.match ? "[" + p.text + "]" : p.text;
  return out;
}

TEST(QueryHighlighterTest, MarksWordsAsTheIndexMatchesThem) {
  // "in Al-Bukamal" marks "Al-Bukamal", its vocalized form, and the clitic form.
  QueryHighlighter h("بالبوكمال");
  EXPECT_EQ(Render(h.Highlight("معارك في البوكمال وحول البوكمالِ وبالبوكمال")),
            "معارك في [البوكمال] وحول [البوكمالِ] [وبالبوكمال]");  // whole words, as FTS5 marks
  // Operators are not words; a NOT-ed word is never in a hit anyway.
  QueryHighlighter ops("البوكمال OR الميادين");
  EXPECT_EQ(Render(ops.Highlight("من الميادين إلى البوكمال")), "من [الميادين] إلى [البوكمال]");
  // Prefix: words beginning with it.
  QueryHighlighter prefix("البوك*");
  EXPECT_EQ(Render(prefix.Highlight("البوكمال والقائم")), "[البوكمال] والقائم");
  // A query that does not parse marks nothing.
  EXPECT_EQ(Render(QueryHighlighter("\"open").Highlight("open")), "open");
}

TEST(QueryHighlighterTest, FunctionWordsAreNotMarkedBesideOtherWords) {
  QueryStopwords stop({"في"});  // "in"
  QueryHighlighter h("في البوكمال", &stop);
  EXPECT_EQ(Render(h.Highlight("قتال في البوكمال")), "قتال في [البوكمال]");
  QueryHighlighter alone("في", &stop);
  EXPECT_EQ(Render(alone.Highlight("قتال في البوكمال")), "قتال [في] البوكمال");
}

TEST(QueryHighlighterTest, SnippetIsAWindowAroundTheFirstMatch) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "w" + std::to_string(i) + " ";  // one token each
  text += "البوكمال";
  for (int i = 40; i < 80; ++i) text += " w" + std::to_string(i);
  QueryHighlighter h("البوكمال");
  std::string s = Render(h.Snippet(text, 8, "…"));
  // A quarter of the words before the match, the rest after, cut marks on both sides.
  EXPECT_EQ(s, "…w38 w39 [البوكمال] w40 w41 w42 w43 w44…");
  // No match: the start of the text.
  EXPECT_EQ(Render(QueryHighlighter("الميادين").Snippet("أول ثاني ثالث رابع", 2, "…")), "أول ثاني…");
  // A match past the first 2 KB is found in the rest of the text.
  std::string long_text;
  while (long_text.size() < 3000) long_text += "حرب ";  // "war "
  long_text += "البوكمال نهاية";  // "Al-Bukamal end"
  EXPECT_EQ(Render(h.Snippet(long_text, 3, "…")), "…حرب [البوكمال] نهاية");
  EXPECT_TRUE(h.Snippet("", 5).empty());
  // The query's letters inside another word are not a match: "Kamal" is in
  // "Al-Bukamal" but only the later word كمال is marked.
  std::string kamal = "البوكمال";
  for (int i = 0; i < 30; ++i) kamal += " w" + std::to_string(i);
  kamal += " كمال w30 w31";
  EXPECT_EQ(Render(QueryHighlighter("كمال").Snippet(kamal, 4, "…")), "…w29 [كمال] w30 w31");
  // A match near the end takes its words from before it.
  EXPECT_EQ(Render(h.Snippet("w1 w2 w3 w4 w5 البوكمال", 4, "…")), "…w3 w4 w5 [البوكمال]");
}

}  // namespace
}  // namespace marsad
