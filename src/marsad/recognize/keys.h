// Matching keys for names: how a word in matching form (see
// normalize/arabic_normalizer.h) is reduced to the keys the entity matcher
// is indexed on. Internal to recognize/.
//
// A KB alias word is keyed on CanonicalKey(word): the word without a leading
// article ال (when at least two letters remain). A text word yields several
// candidate keys (WordForms): itself, and itself without the proclitics
// و/ف, then ب/ل/ك (or لل = ل + article), then the article, keeping at least
// three letters after a one-letter clitic and two after the article. The
// matcher tries each candidate; the number of letters stripped is reported so
// that the least-stripped reading wins.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace marsad::recognize_internal {

struct WordForm {
  std::string_view key;  // a suffix of the word
  int8_t stripped = 0;   // letters removed
  char clitic = 0;       // 'b' 'l' 'k' if ب/ل/ك was removed, 'w' for و/ف only, 0 if none
  bool article = false;  // the article (or the لل of ل + article) was removed
};

struct WordForms {
  WordForm forms[10];
  int size = 0;
};

// Code points in a UTF-8 string.
int CodePoints(std::string_view s);

// Candidate keys of one word in matching form.
void ComputeWordForms(std::string_view word, WordForms* out);

// Key of a KB alias word: article removed.
std::string_view CanonicalKey(std::string_view word);

// Levenshtein distance over code points is <= 1.
bool WithinEditDistance1(std::string_view a, std::string_view b);
// Same over decoded code points (see DecodeCodePoints), for a word compared
// with many others: decode each once.
bool WithinEditDistance1(std::u32string_view a, std::u32string_view b);
// Code points of a UTF-8 string, decoded as WithinEditDistance1 does (a
// malformed lead byte is one code point of its own value).
void DecodeCodePoints(std::string_view s, std::u32string* out);

// 64-bit FNV-1a, for provisional ids.
uint64_t Fnv1a64(std::string_view s);

}  // namespace marsad::recognize_internal
