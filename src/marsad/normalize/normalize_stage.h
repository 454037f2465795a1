// Pipeline adapter for the Arabic normalizer.
//
//   "normalize.arabic.v1": requires {"body"}, provides {"normalized"}.
//   Fills doc.normalized = MatchForm(doc.body) and doc.norm_to_body (one
//   entry per normalized byte plus the end; see arabic_normalizer.h for the
//   alignment contract). Body text that is not well-formed UTF-8 gets an
//   "invalid-utf8" diagnostic (each bad byte became U+FFFD).
//
// Thread-safety: the stage is immutable; Process() may run concurrently on
// different documents.
#pragma once

#include "marsad/pipeline/stage.h"

namespace marsad {

StagePtr MakeNormalizeStage();

}  // namespace marsad
