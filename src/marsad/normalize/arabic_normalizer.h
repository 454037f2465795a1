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
// Arabic-Indic and Persian digits -> ASCII; quote and dash variants -> " and -;
// Latin lower-cased; runs of whitespace -> one space.
//
// Both functions can fill an alignment: alignment[i] is the byte offset in
// the input from which output byte i came; alignment has out.size() + 1
// entries and the last one equals input.size(). Alignment is monotonic.
// Normalization is idempotent: Normalize(Normalize(x)) == Normalize(x).
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

// Version of the matching rules; compiled artifacts (models, lexicons, the
// FTS index) record it and refuse to load when it changes.
inline constexpr int kNormalizationVersion = 1;

}  // namespace marsad
