#include "marsad/store/content_hash.h"

#include <gtest/gtest.h>

namespace marsad {
namespace {

// Reference values of FNV-1a 128, computed with an independent
// implementation (Python big integers) from the published parameters.
TEST(ContentHashTest, EmptyIsOffsetBasis) {
  EXPECT_EQ(ContentHash(""), "6c62272e07bb014262b821756295c58d");
}

TEST(ContentHashTest, KnownVectors) {
  EXPECT_EQ(ContentHash("a"), "d228cb696f1a8caf78912b704e4a8964");
  EXPECT_EQ(ContentHash("foobar"), "343e1662793c64bf6f0d3597ba446f18");
}

TEST(ContentHashTest, Is32LowercaseHexDigits) {
  std::string h = ContentHash(std::string_view("\xff\x00\x01 binary", 10));
  ASSERT_EQ(h.size(), 32u);
  for (char c : h) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << h;
}

TEST(ContentHashTest, DifferentTextDifferentHash) {
  EXPECT_NE(ContentHash("ab"), ContentHash("ba"));
}

TEST(ContentHashTest, DocumentHashIgnoresTashkeelAndTatweel) {
  // "kataba al-walad" (the boy wrote), plain / with tashkeel / with tatweel.
  const std::string plain = "كتب الولد";
  const std::string vocalized = "كَتَبَ الوَلَدُ";
  const std::string stretched = "كتـــب الولد";
  EXPECT_EQ(DocumentContentHash(plain), DocumentContentHash(vocalized));
  EXPECT_EQ(DocumentContentHash(plain), DocumentContentHash(stretched));
  // "kataba al-bint" (the girl wrote): different content.
  EXPECT_NE(DocumentContentHash(plain), DocumentContentHash("كتب البنت"));
}

}  // namespace
}  // namespace marsad
