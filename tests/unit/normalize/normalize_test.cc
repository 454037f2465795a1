#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "marsad/document/document.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/normalize/normalize_stage.h"

namespace marsad {
namespace {

std::vector<int32_t> MatchAlign(std::string_view in, std::string* out) {
  std::vector<int32_t> al;
  MatchForm(in, out, &al);
  return al;
}

// --- Edge cases -----------------------------------------------------------

TEST(NormalizeTest, EmptyInput) {
  std::string out = "stale";
  std::vector<int32_t> al = {7, 7};
  MatchForm("", &out, &al);
  EXPECT_EQ(out, "");
  EXPECT_EQ(al, std::vector<int32_t>({0}));
  DisplayForm("", &out, &al);
  EXPECT_EQ(out, "");
  EXPECT_EQ(al, std::vector<int32_t>({0}));
}

TEST(NormalizeTest, WhitespaceOnly) {
  EXPECT_EQ(MatchForm(" \t  "), " ");
  EXPECT_EQ(MatchForm(" \n \r\n "), "\n");  // a run with a line break keeps one newline
  EXPECT_EQ(DisplayForm(" \t "), " \t ");     // display keeps spacing
}

TEST(NormalizeTest, TatweelOnly) {
  EXPECT_EQ(MatchForm("ـــــ"), "");       // five tatweels
  EXPECT_EQ(DisplayForm("ـــ"), "ـــ");    // display keeps tatweel
}

TEST(NormalizeTest, DiacriticsOnly) {
  // fathatan, dammatan, kasratan, shadda, sukun, superscript alef
  EXPECT_EQ(MatchForm("\u064B\u064C\u064D\u0651\u0652\u0670"), "");
}

TEST(NormalizeTest, MixedScriptsAndDigits) {
  // "aam" (year) with Arabic-Indic digits, "wa" + Persian digits, Latin upper case.
  EXPECT_EQ(MatchForm("عام ٢٠١٧ و۲۰۱۸ ISIS"), "عام 2017 و2018 isis");
  EXPECT_EQ(MatchForm("٣٫٥٪"), "3.5%");      // 3.5 percent, Arabic separators
  EXPECT_EQ(MatchForm("١٬٠٠٠"), "1,000");    // 1,000
}

TEST(NormalizeTest, InvalidBytesBecomeReplacementChar) {
  std::string in = "a\xFF" "b";
  EXPECT_EQ(DisplayForm(in), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(MatchForm(in), "a\xEF\xBF\xBD" "b");
}

// --- Display form ---------------------------------------------------------

TEST(DisplayFormTest, PresentationFormsDecomposed) {
  // Baghdad written with presentation forms (beh initial, ghain medial, ...).
  EXPECT_EQ(DisplayForm("\uFE91\uFED0\uFEAA\uFE8D\uFEA9"), "بغداد");
  EXPECT_EQ(DisplayForm("\uFEFB"), "لا");   // lam-alef ligature
  EXPECT_EQ(DisplayForm("\uFEF7"), "لأ");   // lam-alef with hamza above
  EXPECT_EQ(DisplayForm("\uFEF9"), "لإ");   // lam-alef with hamza below
}

TEST(DisplayFormTest, BrokenLamAlefRepaired) {
  // al-awwal "the first", scraped as alef, alef-hamza, lam, waw, lam.
  EXPECT_EQ(DisplayForm("األول"), "الأول");
  // wal-amn "and security": waw + broken article.
  EXPECT_EQ(DisplayForm("واألمن"), "والأمن");
  // bil-ams "yesterday": beh + broken article.
  EXPECT_EQ(DisplayForm("باألمس"), "بالأمس");
  // al-ittifaq "the agreement" with plain alef: alef, alef, lam.
  EXPECT_EQ(DisplayForm("االتفاق"), "الاتفاق");
  // Already correct words are untouched: al-amn "security", ila "to".
  EXPECT_EQ(DisplayForm("الأمن إلى"), "الأمن إلى");
  // Not at a word start (after a non-proclitic letter): no change.
  EXPECT_EQ(DisplayForm("ماأل"), "ماأل");
}

TEST(DisplayFormTest, ControlsAndSpaces) {
  // Baghdad with an RLM and a ZWJ inside; BOM at the start.
  EXPECT_EQ(DisplayForm("\uFEFFب\u200Fغد\u200Dاد"), "بغداد");
  EXPECT_EQ(DisplayForm("a\r\nb\rc"), "a\nb\nc");
  EXPECT_EQ(DisplayForm("a\u00A0b"), "a b");
  EXPECT_EQ(DisplayForm("a\u202Bb\u202Cc\u2066d\u2069"), "abcd");
}

TEST(DisplayFormTest, KeepsDiacriticsAndHamza) {
  // kataba "he wrote" fully vocalized; ra'is "president".
  EXPECT_EQ(DisplayForm("كَتَبَ رئيس"), "كَتَبَ رئيس");
}

TEST(DisplayFormTest, ComposesDecomposedHamza) {
  EXPECT_EQ(DisplayForm("\u0627\u0654"), "أ");  // alef + hamza above
  EXPECT_EQ(DisplayForm("\u0627\u0655"), "إ");  // alef + hamza below
  EXPECT_EQ(DisplayForm("\u0627\u0653"), "آ");  // alef + madda
  EXPECT_EQ(DisplayForm("\u0648\u0654"), "ؤ");  // waw + hamza
}

// --- Matching form --------------------------------------------------------

TEST(MatchFormTest, LetterFolding) {
  EXPECT_EQ(MatchForm("أحمد"), "احمد");      // Ahmad
  EXPECT_EQ(MatchForm("إسلام"), "اسلام");     // Islam
  EXPECT_EQ(MatchForm("آخر"), "اخر");        // akhar "other"
  EXPECT_EQ(MatchForm("ٱلله"), "الله");       // Allah with alef wasla
  EXPECT_EQ(MatchForm("على"), "علي");        // ala "on" (alef maqsura)
  EXPECT_EQ(MatchForm("مدينة"), "مدينه");     // madina "city" (teh marbuta)
  EXPECT_EQ(MatchForm("مسؤول"), "مسوول");    // mas'ul "official"
  EXPECT_EQ(MatchForm("رئيس"), "رييس");      // ra'is "president"
  EXPECT_EQ(MatchForm("ی ک"), "ي ك");        // Persian yeh, keheh
}

TEST(MatchFormTest, DiacriticsTatweelQuranicMarks) {
  EXPECT_EQ(MatchForm("مُحَمَّد"), "محمد");    // Muhammad vocalized
  EXPECT_EQ(MatchForm("جـــيش"), "جيش");     // jaysh "army" with tatweel
  EXPECT_EQ(MatchForm("هٰذا"), "هذا");       // hadha with superscript alef
  EXPECT_EQ(MatchForm("محمد\u0610"), "محمد"); // with the Quranic sallallahou sign
}

TEST(MatchFormTest, QuotesDashesPunctuation) {
  EXPECT_EQ(MatchForm("«داعش»"), "\"داعش\"");    // Daesh in guillemets
  EXPECT_EQ(MatchForm("“x” „y‟ ‘z’ ″"), "\"x\" \"y\" \"z\" \"");
  EXPECT_EQ(MatchForm("a–b—c―d"), "a-b-c-d");
  // Arabic comma, semicolon and question mark are kept as they are.
  EXPECT_EQ(MatchForm("،؛؟"), "،؛؟");
}

TEST(MatchFormTest, WhitespaceRunsCollapse) {
  EXPECT_EQ(MatchForm("a \t\u00A0 b"), "a b");
  EXPECT_EQ(MatchForm("a \n\n b"), "a\nb");
}

TEST(MatchFormTest, LatinLowerCase) {
  EXPECT_EQ(MatchForm("Reuters AFP Élysée"), "reuters afp élysée");
}

TEST(MatchFormTest, RepairsBrokenLamAlefThroughDiacritics) {
  // wal-amn "and security", broken order, with a fatha on the first alef.
  EXPECT_EQ(MatchForm("وَاألمن"), "والامن");
  EXPECT_EQ(MatchForm("األول"), "الاول");
}

TEST(MatchFormTest, PresentationFormsFolded) {
  EXPECT_EQ(MatchForm("\uFEF7\uFEE2"), "لام");  // lam-alef-hamza + meem final
  EXPECT_EQ(MatchForm("\uFDF2"), "الله");       // the ligature for Allah
}

TEST(MatchFormTest, Idempotent) {
  for (std::string_view s : {"وَاألمن «الجيش» ٣٫٥٪", "\uFEFB\uFEF7 األول", "ABC  def\r\n\u200F"}) {
    std::string once = MatchForm(s);
    EXPECT_EQ(MatchForm(once), once) << s;
    std::string d = DisplayForm(s);
    EXPECT_EQ(DisplayForm(d), d) << s;
  }
}

// --- Alignment ------------------------------------------------------------

TEST(AlignmentTest, DiacriticDropped) {
  // ahmad with a fatha after the alef-hamza: أ(0) َ(2) ح(4) م(6) د(8).
  std::string out;
  auto al = MatchAlign("أَحمد", &out);
  EXPECT_EQ(out, "احمد");
  EXPECT_EQ(al, std::vector<int32_t>({0, 0, 4, 4, 6, 6, 8, 8, 10}));
}

TEST(AlignmentTest, RepairedPairMapsToItsStart) {
  // ا(0) أ(2) ل(4) و(6) ل(8) -> ا ل أ و ل; the swapped pair maps to 2.
  std::string out;
  std::vector<int32_t> al;
  DisplayForm("األول", &out, &al);
  EXPECT_EQ(out, "الأول");
  EXPECT_EQ(al, std::vector<int32_t>({0, 0, 2, 2, 2, 2, 6, 6, 8, 8, 10}));
}

TEST(AlignmentTest, LigatureExpandsToOneSource) {
  std::string out;
  std::vector<int32_t> al;
  DisplayForm("x\uFEFBy", &out, &al);  // x, lam-alef ligature (3 bytes), y
  EXPECT_EQ(out, "xلاy");
  EXPECT_EQ(al, std::vector<int32_t>({0, 1, 1, 1, 1, 4, 5}));
}

TEST(AlignmentTest, WhitespaceRunMapsToItsNewline) {
  std::string out;
  auto al = MatchAlign("a  \nb", &out);
  EXPECT_EQ(out, "a\nb");
  EXPECT_EQ(al, std::vector<int32_t>({0, 3, 4, 5}));
}

TEST(AlignmentTest, CrLfMapsToLf) {
  std::string out;
  std::vector<int32_t> al;
  DisplayForm("a\r\nb", &out, &al);
  EXPECT_EQ(out, "a\nb");
  EXPECT_EQ(al, std::vector<int32_t>({0, 2, 3, 4}));
}

// --- Stage ----------------------------------------------------------------

TEST(NormalizeStageTest, FillsNormalizedLayer) {
  StagePtr stage = MakeNormalizeStage();
  EXPECT_EQ(stage->Name(), "normalize.arabic.v1");
  EXPECT_EQ(stage->Requires(), std::vector<std::string>({"body"}));
  EXPECT_EQ(stage->Provides(), std::vector<std::string>({"normalized"}));
  Document doc;
  doc.body = "قال الجيشُ";  // qal al-jayshu "the army said"
  ASSERT_TRUE(stage->Process(doc).ok());
  EXPECT_EQ(doc.normalized, "قال الجيش");
  ASSERT_EQ(doc.norm_to_body.size(), doc.normalized.size() + 1);
  EXPECT_EQ(doc.norm_to_body.back(), static_cast<int32_t>(doc.body.size()));
  EXPECT_TRUE(doc.layers.count("normalized"));
  EXPECT_TRUE(doc.diagnostics.empty());
}

TEST(NormalizeStageTest, InvalidUtf8GetsDiagnostic) {
  Document doc;
  doc.body = "ab\xC3";
  ASSERT_TRUE(MakeNormalizeStage()->Process(doc).ok());
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_EQ(doc.diagnostics[0].code, "invalid-utf8");
}

}  // namespace
}  // namespace marsad
