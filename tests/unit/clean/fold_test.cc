#include "marsad/clean/fold.h"

#include <gtest/gtest.h>

namespace marsad::clean {
namespace {

TEST(FoldKeyTest, EmptyAndWhitespaceOnly) {
  EXPECT_EQ(FoldKey(""), "");
  EXPECT_EQ(FoldKey("   \t "), "");
  EXPECT_EQ(FoldKey("\xC2\xA0\xC2\xA0"), "");  // two no-break spaces
}

TEST(FoldKeyTest, TatweelAndDiacriticsOnlyFoldToEmpty) {
  EXPECT_EQ(FoldKey("ـــــ"), "");  // tatweel run
  EXPECT_EQ(FoldKey("َُِ"), "");       // fatha, damma, kasra
}

TEST(FoldKeyTest, HamzaTehMarbutaAlefMaksura) {
  // "أيضاً" (also) -> "ايضا"; "مشاركة" (share) -> "مشاركه"; "على" (on) -> "علي"
  EXPECT_EQ(FoldKey("أيضاً"), "ايضا");
  EXPECT_EQ(FoldKey("مشاركة"), "مشاركه");
  EXPECT_EQ(FoldKey("على"), "علي");
}

TEST(FoldKeyTest, RepairsBrokenLamAlefOrder) {
  // "تشرين األول" (October, with the lam-alef ligature split in the wrong
  // order by extraction) folds like "تشرين الأول".
  EXPECT_EQ(FoldKey("تشرين األول"), FoldKey("تشرين الأول"));
}

TEST(FoldKeyTest, DigitsQuotesDashesSpaces) {
  // Arabic-Indic "٧ نوفمبر ٢٠١٧" (7 November 2017).
  EXPECT_EQ(FoldKey("٧ نوفمبر ٢٠١٧"), "7 نوفمبر 2017");
  EXPECT_EQ(FoldKey("“A” – B"), "\"a\" - b");
  EXPECT_EQ(FoldKey("  a \t\n b  "), "a b");
  EXPECT_EQ(FoldKey("ABC", /*lower_latin=*/false), "ABC");
}

TEST(CountWordsTest, CountsTokensWithLettersOrDigits) {
  EXPECT_EQ(CountWords(""), 0);
  EXPECT_EQ(CountWords("- × --"), 0);
  EXPECT_EQ(CountWords("قال المصدر - 12"), 3);  // "said the source - 12"
}

TEST(SanitizeUtf8Test, ReplacesMalformedBytes) {
  std::string out;
  EXPECT_FALSE(SanitizeUtf8("سلام", &out));  // "peace", valid
  EXPECT_EQ(out, "سلام");
  EXPECT_TRUE(SanitizeUtf8(std::string("a\xFF") + "b", &out));
  EXPECT_EQ(out,
            "a\xEF\xBF\xBD"
            "b");
}

TEST(FoldKeyTest, MalformedBytesAndWideCharactersKeepTheirEncoding) {
  // A stray byte folds to U+FFFD (3 bytes), a lone lead byte too; a
  // three-byte character that is not folded (the euro sign) is kept.
  EXPECT_EQ(FoldKey(std::string("a\xFF") + "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(FoldKey("\xE2\x82\xAC 5"), "\xE2\x82\xAC 5");
  EXPECT_EQ(FoldKey("\xD9"), "\xEF\xBF\xBD");
}

TEST(CountWordsTest, NeedsOneLetterOrDigitPerWord) {
  EXPECT_EQ(CountWords("- -- ..."), 0);
  EXPECT_EQ(CountWords("قال: «نعم» -"), 2);  // qal: "na'am" ("he said: yes")
  EXPECT_EQ(CountWords("a1 ،b"), 2);
}

}  // namespace
}  // namespace marsad::clean
