#include "marsad/common/utf8.h"

#include <gtest/gtest.h>

namespace marsad::utf8 {
namespace {

TEST(Utf8Test, EmptyString) {
  EXPECT_TRUE(IsValid(""));
  EXPECT_EQ(Length(""), 0u);
  OffsetMap m("");
  EXPECT_EQ(m.ToCodePoint(0), 0);
}

TEST(Utf8Test, RejectsMalformedAndReportsOffset) {
  size_t bad = 99;
  EXPECT_FALSE(IsValid(std::string("ab\xC3", 3), &bad));
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(IsValid("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValid("\xC0\xAF"));      // overlong
}

TEST(Utf8Test, ArabicRoundTripAndOffsets) {
  std::string s = "قال: ok";  // "he said: ok"
  EXPECT_TRUE(IsValid(s));
  EXPECT_EQ(Length(s), 7u);
  EXPECT_EQ(FromU32(ToU32(s)), s);
  OffsetMap m(s);
  EXPECT_EQ(m.ToCodePoint(0), 0);
  EXPECT_EQ(m.ToCodePoint(2), 1);  // second letter starts at byte 2
  EXPECT_EQ(m.ToCodePoint(s.size()), 7);
  EXPECT_EQ(m.ToByte(3), 6u);
}

}  // namespace
}  // namespace marsad::utf8
