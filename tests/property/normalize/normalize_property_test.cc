// Property tests: thousands of random strings mixing Arabic letters,
// diacritics, tatweel, presentation forms, three kinds of digits, Latin,
// punctuation, controls and invalid bytes, through DisplayForm, MatchForm,
// Tokenize and SplitSentences. Fixed seed: failures are reproducible.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "marsad/common/utf8.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

constexpr int kCases = 4000;

class Gen {
 public:
  explicit Gen(uint32_t seed) : rng_(seed) {}

  std::string Next() {
    std::string s;
    int pieces = Uniform(0, 40);
    for (int i = 0; i < pieces; ++i) AddPiece(&s);
    return s;
  }

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  void Cp(char32_t c, std::string* s) { utf8::Append(c, s); }

  void AddPiece(std::string* s) {
    switch (Uniform(0, 15)) {
      case 0: case 1: case 2: Cp(0x0621 + Uniform(0, 0x29), s); break;   // Arabic letters
      case 3: Cp(0x064B + Uniform(0, 7), s); break;                       // harakat
      case 4: Cp(Uniform(0, 1) ? 0x0640 : 0x0670, s); break;             // tatweel, superscript alef
      case 5: Cp(Uniform(0, 1) ? 0xFE70 + Uniform(0, 0x8F) : 0xFB50 + Uniform(0, 0x2AF), s); break;
      case 6: {                                                          // digits of three kinds
        int k = Uniform(0, 2);
        Cp((k == 0 ? U'0' : k == 1 ? 0x0660 : 0x06F0) + Uniform(0, 9), s);
        break;
      }
      case 7: Cp(Uniform(0, 1) ? U'A' + Uniform(0, 25) : U'a' + Uniform(0, 25), s); break;
      case 8: {
        static const char32_t kP[] = {'.', ',', '!', '?', ':', '%', '"', '\'', 0x061F, 0x060C, 0x061B,
                                      0x00AB, 0x00BB, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0x066B,
                                      0x066C, 0x066A, '(', ')', '$', 0x06D4};
        Cp(kP[Uniform(0, std::size(kP) - 1)], s);
        break;
      }
      case 9: {
        static const char32_t kW[] = {' ', ' ', '\n', '\r', '\t', 0x00A0, 0x200C, 0x200D, 0x200F,
                                      0x202B, 0xFEFF, 0x2028, '\v', 0x061C};
        Cp(kW[Uniform(0, std::size(kW) - 1)], s);
        break;
      }
      case 10: {                                                        // invalid bytes
        static const char* kBad[] = {"\xFF", "\xC3", "\x80", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80"};
        s->append(kBad[Uniform(0, std::size(kBad) - 1)]);
        break;
      }
      case 11: {  // broken lam-alef patterns and decomposed hamza
        static const char* kPat[] = {"األ", "اال", "واإل", "\u0627\u0654", "\u0648\u0654", "اا", "لل", "ال"};
        s->append(kPat[Uniform(0, std::size(kPat) - 1)]);
        break;
      }
      case 12: Cp(0x0600 + Uniform(0, 0xFF), s); break;                 // anywhere in the block
      case 13: Cp(Uniform(0, 0x7F), s); break;                          // any ASCII incl. controls
      case 14: Cp(Uniform(0x80, 0x3000), s); break;                     // other BMP
      default: Cp(Uniform(0x10000, 0x1F9FF), s); break;                 // astral
    }
  }

  std::mt19937 rng_;
};

// Byte offsets the UTF-8 decoder stops at when walking s from 0.
std::set<size_t> Boundaries(std::string_view s) {
  std::set<size_t> b;
  size_t i = 0;
  while (i < s.size()) {
    b.insert(i);
    int len;
    utf8::Decode(s, i, &len);
    i += len;
  }
  b.insert(s.size());
  return b;
}

// Checks the alignment contract of one normalization of `in`.
template <typename Fn>
void CheckAlignment(std::string_view in, Fn normalize, const char* name) {
  std::string out;
  std::vector<int32_t> al;
  normalize(in, &out, &al);
  ASSERT_EQ(al.size(), out.size() + 1) << name;
  ASSERT_EQ(al.back(), static_cast<int32_t>(in.size())) << name;
  ASSERT_TRUE(utf8::IsValid(out)) << name;
  std::set<size_t> in_bounds = Boundaries(in);
  for (size_t i = 0; i < al.size(); ++i) {
    ASSERT_GE(al[i], 0);
    ASSERT_LE(al[i], static_cast<int32_t>(in.size()));
    if (i > 0) {
      ASSERT_LE(al[i - 1], al[i]) << name << " not monotonic at " << i;
    }
    ASSERT_TRUE(in_bounds.count(al[i])) << name << " maps into the middle of a character";
  }
  // Each output character comes from input characters that normalize to
  // something containing it (a window of up to 3 input characters covers
  // ligatures, hamza composition and the lam-alef repair).
  size_t q = 0;
  while (q < out.size()) {
    int len;
    char32_t c = utf8::Decode(out, q, &len);
    for (int k = 1; k < len; ++k) ASSERT_EQ(al[q + k], al[q]) << name;
    size_t s = al[q];
    size_t e = s;
    for (int k = 0; k < 3 && e < in.size(); ++k) {
      int l;
      utf8::Decode(in, e, &l);
      e += l;
    }
    std::string window;
    normalize(in.substr(s, e - s), &window, nullptr);
    // A hamza letter composed from base + U+0653..U+0655 after a repaired
    // lam-alef pair: the base and the mark are both in the window.
    bool composed_ok = false;
    if (c == 0x0622 || c == 0x0623 || c == 0x0625) {
      std::string raw(in.substr(s, e - s));
      char32_t mark = c == 0x0622 ? 0x0653 : c == 0x0623 ? 0x0654 : 0x0655;
      composed_ok = raw.find(utf8::Encode(mark)) != std::string::npos;
    }
    if (composed_ok) {
      q += len;
      continue;
    }
    ASSERT_NE(window.find(utf8::Encode(c)), std::string::npos)
        << name << ": output U+" << std::hex << static_cast<uint32_t>(c) << " not produced by its source";
    q += len;
  }
}

TEST(NormalizePropertyTest, IdempotentAndAligned) {
  Gen gen(20171119);
  for (int n = 0; n < kCases; ++n) {
    std::string in = gen.Next();
    SCOPED_TRACE(testing::Message() << "case " << n << " input " << testing::PrintToString(in));
    std::string m = MatchForm(in);
    ASSERT_EQ(MatchForm(m), m);
    std::string d = DisplayForm(in);
    ASSERT_EQ(DisplayForm(d), d);
    ASSERT_EQ(MatchForm(d), m) << "MatchForm must not depend on a prior DisplayForm";
    CheckAlignment(in, [](std::string_view s, std::string* o, std::vector<int32_t>* a) { MatchForm(s, o, a); },
                   "MatchForm");
    CheckAlignment(in, [](std::string_view s, std::string* o, std::vector<int32_t>* a) { DisplayForm(s, o, a); },
                   "DisplayForm");
  }
}

TEST(TokenizePropertyTest, SpansOrderedInRangeOnBoundaries) {
  Gen gen(1124);
  for (int n = 0; n < kCases; ++n) {
    std::string in = gen.Next();
    SCOPED_TRACE(testing::Message() << "case " << n << " input " << testing::PrintToString(in));
    std::set<size_t> bounds = Boundaries(in);
    std::vector<Span> sents = SplitSentences(in);
    int32_t prev_end = 0;
    for (const Span& s : sents) {
      ASSERT_LT(s.start, s.end);
      ASSERT_GE(s.start, prev_end);
      ASSERT_LE(s.end, static_cast<int32_t>(in.size()));
      ASSERT_TRUE(bounds.count(s.start) && bounds.count(s.end));
      prev_end = s.end;
    }
    std::vector<Token> toks = Tokenize(in);
    prev_end = 0;
    int32_t prev_sentence = 0;
    for (const Token& t : toks) {
      ASSERT_LT(t.span.start, t.span.end);
      ASSERT_GE(t.span.start, prev_end);
      ASSERT_LE(t.span.end, static_cast<int32_t>(in.size()));
      ASSERT_TRUE(bounds.count(t.span.start) && bounds.count(t.span.end));
      prev_end = t.span.end;
      std::string_view text = std::string_view(in).substr(t.span.start, t.span.end - t.span.start);
      ASSERT_EQ(t.norm, MatchForm(text));
      ASSERT_LE(t.prefix_bytes + t.suffix_bytes, t.norm.size());
      ASSERT_EQ(t.stem, t.norm.substr(t.prefix_bytes, t.norm.size() - t.prefix_bytes - t.suffix_bytes));
      ASSERT_GE(t.sentence, prev_sentence);
      ASSERT_TRUE(sents.empty() ? t.sentence == 0 : t.sentence < static_cast<int32_t>(sents.size()));
      prev_sentence = t.sentence;
      // Segmentation never crashes and never loses letters of a word.
      if (t.kind == TokenKind::kArabic) {
        ASSERT_FALSE(SegmentClitics(text).empty());
      }
    }
  }
}

}  // namespace
}  // namespace marsad
