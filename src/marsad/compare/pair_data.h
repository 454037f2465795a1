// Loading what the pair classifier is built from: the lexicons in data/ and
// labelled pairs from the Arabic News Stance corpus (ANS) CSV files.
//
//   StatusOr<PairLexicon> lex = LoadPairLexicon(DataDir());
//   StatusOr<std::vector<LabeledPair>> train = ReadAnsStanceCsv(ans + "/data/stance/train.csv");
//
// Thread-safety: pure functions (they read files), thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/compare/pair_classifier.h"
#include "marsad/compare/pair_features.h"

namespace marsad {

// Reads <data_dir>/compare/polarity.tsv, negation.tsv and function_words.tsv
// (required),
// and single-word place names from <data_dir>/kb/places/countries.tsv
// (name_ar and aliases_ar) and <data_dir>/ner/gazetteer.tsv (GPE and LOC
// rows), when present.
StatusOr<PairLexicon> LoadPairLexicon(const std::string& data_dir);

// Parses ANS stance CSV text: a header "s1,s2,stance", then one pair a line;
// fields may be double-quoted (RFC 4180, "" for a quote inside). Labels
// agree / disagree / other map to paraphrase / contradiction / other. Rows
// with an unknown label or a wrong field count are a DataError naming the
// line.
StatusOr<std::vector<LabeledPair>> ParseAnsStanceCsv(std::string_view text, const std::string& source_name);
StatusOr<std::vector<LabeledPair>> ReadAnsStanceCsv(const std::string& path);

}  // namespace marsad
