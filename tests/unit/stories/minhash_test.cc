#include "marsad/stories/minhash.h"

#include <gtest/gtest.h>

#include "marsad/tokenize/tokenizer.h"

namespace marsad::stories {
namespace {

// "The Syrian army forces entered the city of Al-Bukamal on Thursday after
// violent clashes with the organization's fighters, and the Observatory
// said the clashes continue inside the city, with Russian air support."
const char* kReport =
    "دخلت قوات الجيش السوري يوم الخميس مدينة البوكمال بعد اشتباكات عنيفة مع مسلحي التنظيم، وقال المرصد "
    "إن الاشتباكات ما زالت مستمرة داخل المدينة وسط غطاء جوي روسي كثيف على الأحياء الشرقية";

Signature SignText(const std::string& text) {
  static const MinHasher hasher;
  return hasher.Sign(ShingleHashes(Tokenize(text)));
}

TEST(MinHash, EmptyAndPunctuationOnlyHaveNoSignature) {
  EXPECT_TRUE(SignText("").empty());
  EXPECT_TRUE(SignText(" ... ،،، !!").empty());
  EXPECT_TRUE(ShingleHashes(Tokenize("")).empty());
}

TEST(MinHash, ShortTextsGetOneShingle) {
  EXPECT_EQ(ShingleHashes(Tokenize("البوكمال")).size(), 1u);  // "Al-Bukamal"
  EXPECT_EQ(SignText("البوكمال").size(), static_cast<size_t>(kMinHashes));
}

TEST(MinHash, IdenticalAndTashkeelVariantsAreTheSame) {
  Signature a = SignText(kReport);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, SignText(kReport)), 1.0);
  // The same with tashkeel and tatweel on some words (matching form ignores them).
  std::string marked = std::string(kReport);
  marked.replace(marked.find("دخلت"), std::string("دخلت").size(), "دَخَلَتْ");
  marked.replace(marked.find("المدينة"), std::string("المدينة").size(), "المديـــنة");
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, SignText(marked)), 1.0);
}

TEST(MinHash, RepublicationWithAnAddedLineIsNearDuplicate) {
  // A republication with a source line appended ("Source: AFP").
  std::string copy = std::string(kReport) + " المصدر: وكالة الصحافة الفرنسية";
  double j = EstimateJaccard(SignText(kReport), SignText(copy));
  EXPECT_GE(j, 0.6);
}

TEST(MinHash, DifferentReportsAreFarApart) {
  // "Demonstrators gathered in the square of the city demanding the release of detainees."
  const char* other = "تجمع متظاهرون في ساحة المدينة للمطالبة بالإفراج عن المعتقلين وتحسين الخدمات العامة في الأحياء";
  EXPECT_LT(EstimateJaccard(SignText(kReport), SignText(other)), 0.2);
}

TEST(MinHash, BandKeysHaveOneKeyPerBand) {
  EXPECT_EQ(BandKeys(SignText(kReport)).size(), static_cast<size_t>(kBands));
  EXPECT_TRUE(BandKeys(Signature{}).empty());
}

TEST(DuplicateIndex, FindsTheEarliestOfEqualMatches) {
  DuplicateIndex index;
  Signature s = SignText(kReport);
  index.Add(7, s);
  index.Add(3, s);  // added later: ties go to the earliest added
  auto m = index.FindBest(s, 0.6);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->id, 7);
  EXPECT_FALSE(index.FindBest(SignText("تجمع متظاهرون في ساحة المدينة"), 0.6).has_value());
  EXPECT_FALSE(index.FindBest(Signature{}, 0.6).has_value());
}

}  // namespace
}  // namespace marsad::stories

namespace marsad::stories {
namespace {

TEST(DuplicateIndex, GrowsAndCapsPostings) {
  MinHasher hasher;
  DuplicateIndex index;
  // 3000 distinct short "documents" (numbers as words): every one finds itself after growth.
  std::vector<Signature> sigs;
  for (int i = 0; i < 3000; ++i) {
    std::vector<uint64_t> sh = {static_cast<uint64_t>(i) * 7919 + 1, static_cast<uint64_t>(i) * 104729 + 3};
    sigs.push_back(hasher.Sign(sh));
    index.Add(i + 1, sigs.back());
  }
  EXPECT_EQ(index.size(), 3000u);
  for (int i = 0; i < 3000; i += 97) {
    auto m = index.FindBest(sigs[static_cast<size_t>(i)], 0.99);
    ASSERT_TRUE(m.has_value()) << i;
    EXPECT_EQ(m->id, i + 1);
  }
  // The same signature added many times: postings are capped, the first one is still found.
  DuplicateIndex hot;
  for (int i = 0; i < 500; ++i) hot.Add(i + 1, sigs[0]);
  auto m = hot.FindBest(sigs[0], 0.99);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->id, 1);
}

}  // namespace
}  // namespace marsad::stories
