// Tokenizer for Arabic, Latin, numbers and punctuation, with light clitic
// segmentation producing a stem for matching.
//
//   std::vector<Token> toks = Tokenize(body);   // spans are byte offsets into body
//   std::string stem = LightStem(MatchForm("وبالبوكمال"));  // "بوكمال"
//
// Thread-safety: pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marsad/document/document.h"

namespace marsad {

// Splits `text` into tokens. Each token gets span (byte offsets into text),
// kind, norm (MatchForm of the token) and stem (LightStem of norm), and the
// byte lengths of stripped proclitics / suffixes.
std::vector<Token> Tokenize(std::string_view text);

// Splits text into sentences (byte spans into text) at . ! ? ؟ ؛ and line
// breaks, not at decimal points or abbreviations.
std::vector<Span> SplitSentences(std::string_view text);

// Light stem of one word already in matching form: strips proclitics
// (و ف ب ل ك س and the article ال) and pronoun suffixes, keeping at least a
// 2-letter stem. Idempotent on its output only in the sense that a stem is a
// stable key: LightStem(x) is what gazetteers and lexicons are keyed on.
std::string LightStem(std::string_view norm_word);

// Clitic segmentation of one word (any form) into segments in the style of
// the Farasa gold standard ("و+ال+كتاب", "كتاب+ها"); used by `marsad eval
// segment`.
std::vector<std::string> SegmentClitics(std::string_view word);

}  // namespace marsad
