// Arabic normalization: a display form and a matching form.
//
// Display form (what users read, what Document::body holds): NFC-like
// cleanup that never changes meaning: presentation forms (U+FB50..U+FEFF)
// decomposed to base letters, broken lam-alef order repaired (األول -> الأول),
// zero-width and bidi controls removed, line endings unified. Diacritics and
// hamza spelling are kept.
//
// Matching form (for search, lexicons, gazetteers, models): display form plus
// diacritics and tatweel removed; أ إ آ ٱ -> ا; ى -> ي; ة -> ه; ؤ -> و; ئ -> ي;
// Persian yeh/keheh -> ي/ك; Arabic-Indic and Persian digits -> ASCII (and
// ٫ ٬ ٪ -> . , %); quote and dash variants -> " and -; letters lower-cased;
// runs of whitespace -> one space, or one "\n" if the run held a line break.
// Arabic ، ؛ ؟ are kept as they are. Full table: docs/normalization.md.
//
// Both functions can fill an alignment: alignment[i] is the byte offset in
// the input of the first byte of the code point that produced output byte i;
// alignment has out.size() + 1 entries and the last one equals input.size().
// Entries are monotonic and on input code-point boundaries, so an output span
// [a, b) maps back to [alignment[a], alignment[b]).
// Normalization is idempotent: Normalize(Normalize(x)) == Normalize(x), and
// MatchForm(DisplayForm(x)) == MatchForm(x). Malformed UTF-8 bytes become
// U+FFFD; the output is always well-formed UTF-8.
//
// Usage:
//   std::string norm; std::vector<int32_t> to_input;
//   marsad::MatchForm(body, &norm, &to_input);
//
// Thread-safety: all functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marsad {

// Display form. `alignment` may be null.
void DisplayForm(std::string_view text, std::string* out, std::vector<int32_t>* alignment);
std::string DisplayForm(std::string_view text);

// Matching form. `alignment` may be null.
void MatchForm(std::string_view text, std::string* out, std::vector<int32_t>* alignment);
std::string MatchForm(std::string_view text);

// Character classes shared with the tokenizer. IsArabicLetter: Arabic
// letters of U+0620..U+06FF (without tatweel and digits), the Arabic
// Supplement and Extended-A letters. IsArabicMark: harakat, shadda, sukun,
// superscript alef, hamza/madda marks and Quranic annotation marks.
bool IsArabicLetterOutsideCore(char32_t cp);  // the slow path of IsArabicLetter
inline bool IsArabicLetter(char32_t cp) {
  if (cp >= 0x0620 && cp <= 0x064A) return cp != 0x0640;  // the common case, hamza to yeh
  return IsArabicLetterOutsideCore(cp);
}
bool IsArabicMark(char32_t cp);

// Version of the matching rules; compiled artifacts (models, lexicons, the
// FTS index) record it and refuse to load when it changes.
inline constexpr int kNormalizationVersion = 1;

}  // namespace marsad
