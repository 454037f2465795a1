// Property tests: random mixes of temporal vocabulary, digits, punctuation,
// Latin and noise through DateExtractor and InferDocumentDate. No crash;
// spans in range, ordered, non-overlapping and equal to their text; nothing
// is anchored to a document without a reference; results are deterministic
// and no expression crosses a line break (a text repeated after a blank line
// gives the same expressions twice).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "marsad/dates/date_extractor.h"
#include "marsad/dates/dates_stage.h"

namespace marsad {
namespace {

// Pieces: temporal words (glosses: today, yesterday, Thursday, last, from, to,
// since, three, years, before, hour, evening, AH, Ramadan, between, week,
// start, month, day, November, May), digits in three scripts, punctuation,
// clitics, diacritics, tatweel, Latin, and invalid bytes.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> kPieces = {
      "اليوم", "أمس", "الخميس", "الماضي", "من", "إلى", "منذ", "ثلاث", "سنوات", "قبل",
      "الساعة", "مساءً", "هـ", "رمضان", "بين", "و", "الأسبوع", "مطلع", "الشهر", "يوم",
      "تشرين", "الثاني", "نوفمبر", "أيار", "عام", "ألفين", "نصف", "ساعة", "بقية",
      "2017", "31", "00", "9999", "٢٠١٧", "۱۴۳۹", "7", "0", "12", "1",
      "/", "-", ".", ",", "،", ":", "(", ")", "%", "\n", "  ",
      "ب", "ل", "ال", "َ", "ّ", "ـ", "November", "May", "x", "\xff", "\xd8",
  };
  return kPieces;
}

const DateExtractor& Extractor() {
  static const DateExtractor* ex = [] {
    auto e = DateExtractor::Load(std::string(MARSAD_SOURCE_DIR) + "/data");
    if (!e.ok()) std::abort();
    return new DateExtractor(std::move(e).value());
  }();
  return *ex;
}

std::string RandomText(std::mt19937& rng) {
  const auto& p = Pieces();
  std::uniform_int_distribution<size_t> pick(0, p.size() - 1);
  std::uniform_int_distribution<int> len(0, 40), glue(0, 3);
  std::string s;
  int n = len(rng);
  for (int i = 0; i < n; ++i) {
    s += p[pick(rng)];
    if (glue(rng) != 0) s += ' ';
  }
  return s;
}

void CheckInvariants(const std::string& text, const std::optional<CivilDate>& ref) {
  auto ms = Extractor().Analyze(text, ref);
  int32_t last = 0;
  for (const auto& m : ms) {
    const DateExpr& d = m.expr;
    ASSERT_GE(d.span.start, last) << text;
    ASSERT_LT(d.span.start, d.span.end) << text;
    ASSERT_LE(d.span.end, static_cast<int32_t>(text.size())) << text;
    EXPECT_EQ(text.substr(d.span.start, d.span.end - d.span.start), d.text);
    EXPECT_FALSE(d.anchor.empty());
    if (!ref) {
      EXPECT_NE(d.anchor, "document") << text << " :: " << d.text;
    }
    if (d.resolved) {
      EXPECT_FALSE(d.value.empty()) << text << " :: " << d.text;
    }
    last = d.span.end;
  }
  // Deterministic.
  auto again = Extractor().Extract(text, ref);
  ASSERT_EQ(again.size(), ms.size());
  for (size_t i = 0; i < ms.size(); ++i) EXPECT_EQ(again[i].value, ms[i].expr.value);
  // Never the current year from nowhere: without a reference nothing resolved
  // relative to a document, and inference only returns dates the text states.
  auto inferred = InferDocumentDate(Extractor(), text);
  if (inferred) {
    EXPECT_TRUE(inferred->inferred);
    EXPECT_FALSE(inferred->evidence.empty());
  }
}

TEST(DatesProperty, RandomMixesKeepInvariants) {
  std::mt19937 rng(20171117);
  for (int i = 0; i < 3000; ++i) {
    std::string text = RandomText(rng);
    CheckInvariants(text, std::nullopt);
    CheckInvariants(text, CivilDate{2017, 11, 17});
    if (HasFailure()) break;
  }
}

TEST(DatesProperty, RepeatedSentenceGivesRepeatedExpressions) {
  std::mt19937 rng(7);
  for (int i = 0; i < 300; ++i) {
    std::string s = RandomText(rng);
    auto one = Extractor().Extract(s, CivilDate{2020, 6, 10});
    auto two = Extractor().Extract(s + "\n\n" + s, CivilDate{2020, 6, 10});
    ASSERT_EQ(two.size(), 2 * one.size()) << s;
    for (size_t k = 0; k < one.size(); ++k) {
      EXPECT_EQ(two[k].value, one[k].value) << s;
      EXPECT_EQ(two[k + one.size()].value, one[k].value) << s;
    }
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace marsad
