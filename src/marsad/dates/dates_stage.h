// Stage "dates.v1": fills Document::dates, infers a missing document date,
// and answers "when did the thing in this clause happen".
//
//   auto stage = MakeDatesStage(DataDir());   // requires body, metadata
//   ...pipeline runs it...
//   bool is_default = false;
//   std::optional<DateExpr> when = GoverningDate(doc, clause_span, &is_default);
//
// Reference date: doc.published when it has day (or finer) precision. When
// doc.published is null the stage tries InferDocumentDate() and, if that
// finds evidence, sets doc.published with inferred = true and the evidence
// text; otherwise doc.published stays null and relative expressions come
// back unresolved. The current date is never used.
//
// Thread-safety: the stage is immutable; Process() may run concurrently on
// different documents. The free functions are pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "marsad/common/status.h"
#include "marsad/dates/date_extractor.h"
#include "marsad/document/document.h"
#include "marsad/pipeline/stage.h"

namespace marsad {

inline constexpr const char* kDatesStageName = "dates.v1";

StatusOr<StagePtr> MakeDatesStage(const std::string& data_dir);

// The document date read from the text alone, or nullopt. Evidence, in
// order of strength:
//   1. "today" stated with a weekday and a day-month ("اليوم، الجمعة 17
//      تشرين الثاني"): the year is the one, among the years the text states
//      (and the year after each), on which that day falls on that weekday;
//   2. a full date (day, month, year) standing almost alone on one of the
//      first lines (a dateline the cleaning stage did not take).
// Returns nullopt when the evidence is missing or contradictory.
// `side_text` is page text the cleaning stage removed but that still dates
// the page (image captions, e.g. "... - 16 تشرين الثاني 2017"): its years
// count as evidence for rule 1 only. The stage passes the removed lines with
// reason "image-caption" or "dateline".
std::optional<PublishedDate> InferDocumentDate(const DateExtractor& extractor,
                                               std::string_view body,
                                               std::string_view side_text = {});

// The time expression that governs `clause` (byte span into doc.body):
// the first resolved point or period expression (kind date, datetime or
// range) inside the clause; else the nearest one before it in the same
// sentence. Durations and bare clock times do not govern. If none, the
// document date as a DateExpr (anchor "document") with *is_default = true;
// if the document has no date either, nullopt (and *is_default = false).
// `is_default` may be null.
std::optional<DateExpr> GoverningDate(const Document& doc, Span clause, bool* is_default);

}  // namespace marsad
