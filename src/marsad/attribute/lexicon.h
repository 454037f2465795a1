// Small shared helpers for the word lists of the attribution and event
// stages: reading the TSV files in data/, generating verb inflections, and
// the keys under which a token is looked up.
//
//   std::vector<std::vector<std::string>> rows;
//   MARSAD_RETURN_IF_ERROR(lex::ReadTsv(dir + "/attribution/cues.tsv", &rows));
//   for (auto& form : lex::VerbForms(lex::Key("قال"), "قول")) map[form] = ...;
//   lex::TokenKeys(token.norm, &keys);  // "وللسيطرة" -> {وللسيطره, للسيطره, سيطره ...}
//
// All lists are written in display form and compared in matching form
// (normalize/arabic_normalizer.h), so reviewers read ordinary Arabic.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/document/document.h"

namespace marsad::lex {

// Reads a tab-separated file; skips empty lines and lines starting with '#'.
// Each row is its fields, with surrounding spaces trimmed. Fails with
// NotFound / IoError when the file cannot be read.
Status ReadTsv(const std::string& path, std::vector<std::vector<std::string>>* rows);

// The matching form of a list entry (MatchForm, trimmed).
std::string Key(std::string_view display);

// Inflected forms (matching form) of a verb given its past 3rd masc. sing.
// `past` and the present stem `present` (empty: `past` without a leading
// alef). Past: X, Xت, Xوا, Xو, Xا, Xتا, Xن, Xنا, Xتم; present: يS, تS, نS,
// يSون, تSون, يSو, يSان, تSان, يSن, and with the future prefix س.
// Only generated forms; irregular verbs list the rest explicitly.
std::vector<std::string> VerbForms(const std::string& past, const std::string& present);

// One candidate lookup key of a token: the token's matching form with some
// clitics removed. `proclitic` is what was removed at the front ("و", "ل",
// "س", "ال", "وال", ...), `enclitic` the pronoun suffix removed at the end.
struct KeyCandidate {
  std::string key;
  std::string proclitic;
  std::string enclitic;
};

// Candidate keys of an Arabic word in matching form, most literal first:
// the word; without و/ف; then without one of ب ل ك س ال بال لل كال; then
// without a pronoun suffix (ها هم هما هن كم نا ه; a stem ending in ت is also
// tried with ة first: سيطرتها -> سيطره + ها). Every key keeps at least
// two letters. Non-Arabic words give just the word.
void TokenKeys(std::string_view norm, std::vector<KeyCandidate>* out);

// True for tokens that end a phrase: punctuation other than quotes and the
// hyphen inside a name.
bool IsBreakPunct(const Token& t);
// True if the token is a quotation mark (any style).
bool IsQuote(const Token& t);
// True if the token's first code point in `body` opens a quotation (« “ „ ‹).
bool IsOpeningQuote(std::string_view body, const Token& t);
// The letter count of a matching-form Arabic word (2 bytes per letter).
inline size_t Letters(std::string_view norm) { return norm.size() / 2; }

}  // namespace marsad::lex
