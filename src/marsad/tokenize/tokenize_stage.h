// Pipeline adapter for the tokenizer.
//
//   "tokenize.arabic.v1": requires {"body"}, provides {"sentences", "tokens"}.
//   Fills doc.sentences = SplitSentences(doc.body) and doc.tokens =
//   Tokenize(doc.body) (spans are byte offsets into body; each token carries
//   norm, stem, prefix/suffix byte counts and its sentence index).
//
// Thread-safety: the stage is immutable; Process() may run concurrently on
// different documents.
#pragma once

#include "marsad/pipeline/stage.h"

namespace marsad {

StagePtr MakeTokenizeStage();

}  // namespace marsad
