// Folding used by the cleaner to compare lines with its patterns and
// registries (chrome.tsv, outlets.tsv, wires.tsv, months.tsv).
//
// FoldKey() maps text to a comparison key: diacritics, tatweel and
// zero-width/bidi controls removed; أ إ آ ٱ -> ا, ى/ی -> ي, ة -> ه, ؤ -> و,
// ئ -> ي, ک -> ك; broken lam-alef order (ا + hamza-alef + ل, left by bad PDF
// or HTML extraction) repaired; Arabic-Indic and Persian digits -> ASCII;
// curly quotes -> " and '; dash variants -> '-'; every Unicode space -> ' ',
// runs collapsed, ends trimmed. With `lower_latin` ASCII letters are
// lower-cased (used for text; patterns keep their case because regex escapes
// such as \S are case-sensitive, and are compiled case-insensitive instead).
//
// This is deliberately close to MatchForm() in normalize/ but self-contained,
// so the cleaner's behaviour does not change when the normalizer evolves;
// cleaning decisions are about page chrome, not about linguistic matching.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace marsad::clean {

std::string FoldKey(std::string_view text, bool lower_latin = true);

// Number of words (space-separated tokens that contain a letter or digit).
int CountWords(std::string_view text);

// True if the code point is a letter or a digit (any script).
bool IsAlnum(char32_t cp);

// Replaces malformed UTF-8 with U+FFFD; returns true if anything changed.
bool SanitizeUtf8(std::string_view in, std::string* out);

}  // namespace marsad::clean
