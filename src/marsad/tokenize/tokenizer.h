// Tokenizer for Arabic, Latin, numbers and punctuation, with light clitic
// segmentation producing a stem for matching.
//
//   std::vector<Token> toks = Tokenize(body);   // spans are byte offsets into body
//   std::string stem = LightStem(MatchForm("وبالبوكمال"));  // "بوكمال"
//
// Thread-safety: pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document/document.h"

namespace marsad {

// Splits `text` into tokens. Each token gets span (byte offsets into text),
// kind, norm (MatchForm of the token) and stem (LightStem of norm), and the
// byte lengths of stripped proclitics / suffixes.
std::vector<Token> Tokenize(std::string_view text);
// The same, with the sentences of `text` already computed by
// SplitSentences(text) (avoids splitting twice).
std::vector<Token> Tokenize(std::string_view text, const std::vector<Span>& sentences);

// Splits text into sentences (byte spans into text, trimmed of surrounding
// whitespace, never empty) at . ! ? ؟ ؛ … ۔ and line breaks. A full stop
// ends a sentence only when followed by whitespace, a closing quote or
// bracket, or the end of text (so not in 3.5 or example.com), and not after
// a one-letter word (initials and abbreviations such as "أ." or "J.").
// Closing quotes and brackets after the terminator stay in the sentence.
std::vector<Span> SplitSentences(std::string_view text);

// Light stem of one word already in matching form (see docs/normalization.md
// for the exact scheme). Strips, in this order and only from words made only
// of Arabic letters:
//   * one conjunction و or ف;
//   * then one of: لل (ل + ال), ب/ك optionally followed by ال, ال, ل;
//   * then one pronoun suffix: هما ها هم هن كم كن نا (a bare ه, ي or ك is
//     never stripped: in matching form ه is also the feminine ending ة).
// Every strip must leave at least 3 letters (a one-letter proclitic: also
// once a pronoun suffix is counted out; ف is kept before ي, ك before a
// non-article alef), and stripping stops as soon as
// the remainder is a protected stem (data/tokenize/stem_protected.tsv, words
// whose first or last letters only look like clitics: وزير, فريق, كتاب ...).
// The future marker س is deliberately not stripped (سياسة, سيارة, سيطرة).
// The stem is always a substring of the input: norm_word ==
// norm_word[0, prefix_bytes) + stem + norm_word[size - suffix_bytes, size).
// LightStem(x) is the key gazetteers and lexicons are keyed on.
std::string LightStem(std::string_view norm_word);

struct StemSplit {
  uint8_t prefix_bytes = 0;
  uint8_t suffix_bytes = 0;
};
// The same as LightStem, as byte lengths of the stripped prefix and suffix.
StemSplit LightStemSplit(std::string_view norm_word);

// Clitic segmentation of one word (any form) into segments in the style of
// the Farasa gold standard ("و+ال+كتاب", "كتاب+ها", "ل+ال+مؤتمر" for
// "للمؤتمر", "أعلن+ت", "مدين+ة"); rule-based, no lexicon (see
// docs/normalization.md). Diacritics and tatweel are dropped; a word that is
// not all Arabic letters comes back whole. Never returns an empty vector for
// non-empty input. Used by `marsad eval segment`.
std::vector<std::string> SegmentClitics(std::string_view word);

}  // namespace marsad
