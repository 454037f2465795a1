// Character-encoding detection and conversion to UTF-8 for article inputs.
//
// Every reader (plain text, JSONL, later HTML/RSS/WARC) hands raw bytes to
// DecodeText() and gets UTF-8 back, together with what was detected and what
// had to be repaired, so the reader can record diagnostics on the Document.
//
// Detection order (first match wins; see docs/ingest.md for the rationale):
//   1. Byte-order mark: UTF-8, UTF-16LE, UTF-16BE (the BOM is removed).
//   2. Known binary signatures (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF ...)
//      -> error "binary".
//   3. UTF-16 without BOM: one byte parity is dominated by 0x00/0x06 (the
//      high byte of ASCII and Arabic code points) -> UTF-16LE/BE.
//   4. Any remaining NUL byte, or more than 2% C0 control bytes -> "binary".
//   5. Well-formed UTF-8 -> as is (no byte is altered).
//   6. UTF-8 with a few damaged sequences (at least 75% of the non-ASCII
//      sequences are well-formed) -> repaired with U+FFFD. This runs before
//      the single-byte guesses because single-byte Arabic text almost never
//      forms valid UTF-8 sequences, while a damaged UTF-8 file decoded as
//      windows-1256 would be silent mojibake.
//   7. A charset hint (HTML <meta charset>, HTTP header) if the bytes convert
//      cleanly with it. Latin hints (windows-1252, ISO-8859-1, US-ASCII) are
//      weak: the Arabic single-byte readings below are tried before them,
//      because Arabic pages mislabelled as Latin are common.
//   8. windows-1256, accepted when the decoded non-ASCII characters are
//      mostly Arabic letters and Arabic/typographic punctuation.
//   9. ISO-8859-6, same acceptance test (strict: unassigned bytes reject it).
//      If both 8. and 9. are plausible and differ, the reading with fewer
//      misplaced diacritics, then more words starting with the article
//      ALEF LAM, wins; a tie keeps windows-1256 and sets `ambiguous`.
//  10. A weak Latin hint, if one was given and converts cleanly.
//  11. Otherwise -> error "unknown-encoding".
//
// Conversions use ICU converters (ucnv); no hand-written code tables.
//
// Thread-safety: all functions are reentrant (each call opens its own ICU
// converters); they never throw and accept arbitrary bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "marsad/common/status.h"

namespace marsad::ingest {

// Stable error codes returned through `error_code` out-parameters.
inline constexpr const char* kErrorBinary = "binary";
inline constexpr const char* kErrorUnknownEncoding = "unknown-encoding";
inline constexpr const char* kErrorTooLarge = "too-large";

// The result of decoding one input.
struct DecodedText {
  std::string text;          // UTF-8, without BOM
  std::string encoding;      // "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1256",
                             // "ISO-8859-6", or the IANA name of a hinted charset
  bool had_bom = false;      // a byte-order mark was found and removed
  bool converted = false;    // the source was not UTF-8 (text differs from bytes)
  size_t replaced = 0;       // malformed sequences replaced with U+FFFD
  bool hint_ignored = false; // a charset hint was given but did not fit the bytes
  // windows-1256 and ISO-8859-6 both gave plausible, different Arabic and
  // nothing decided between them (short texts only); windows-1256 was taken.
  bool ambiguous = false;
};

// Decodes `bytes` to UTF-8. `charset_hint` is an optional declared charset
// (any name ICU knows; empty = none). On failure returns a DataError whose
// message is one line, and sets *error_code (if non-null) to kErrorBinary,
// kErrorUnknownEncoding or kErrorTooLarge (inputs above 512 MiB, which the
// ICU API cannot take in one call).
StatusOr<DecodedText> DecodeText(std::string_view bytes, std::string_view charset_hint = {},
                                 std::string* error_code = nullptr);

// Convenience wrapper for later readers: the UTF-8 text only, with the
// detected encoding name in *detected_encoding (if non-null).
StatusOr<std::string> DecodeToUtf8(std::string_view bytes, std::string_view charset_hint,
                                   std::string* detected_encoding);

// True if the bytes look like binary data (known file signature, NUL bytes
// outside UTF-16, or a high share of control bytes). `what` (if non-null)
// receives a short description such as "PNG image" or "NUL bytes".
bool LooksBinary(std::string_view bytes, std::string* what = nullptr);

// True if the UTF-8 text has nothing but whitespace: ASCII whitespace,
// U+00A0, U+061C, U+2000..U+200F, U+2028, U+2029, U+202F, U+205F, U+3000 and
// U+FEFF. Such an input is reported as error "empty".
bool IsBlankText(std::string_view utf8_text);

// Which UTF-16 byte order the bytes look like without a BOM: 0 = not UTF-16,
// 1 = little-endian, 2 = big-endian.
int DetectUtf16WithoutBom(std::string_view bytes);

}  // namespace marsad::ingest
