#include "marsad/dates/dates_stage.h"

#include <algorithm>
#include <climits>
#include <memory>

#include "marsad/common/utf8.h"
#include "marsad/document/layers.h"

namespace marsad {
namespace {

// InferDocumentDate on mentions already extracted without a reference.
std::optional<PublishedDate> InferFromMentions(const DateExtractor& extractor,
                                               const std::vector<DateMention>& ms,
                                               std::string_view body,
                                               std::string_view side_text);

std::optional<CivilDate> ReferenceOf(const Document& doc) {
  if (!doc.published) return std::nullopt;
  if (doc.published->precision != Precision::kDay &&
      doc.published->precision != Precision::kMinute) {
    return std::nullopt;
  }
  return civil::ParseIso(doc.published->value);
}

class DatesStage final : public Stage {
 public:
  explicit DatesStage(DateExtractor ex) : ex_(std::move(ex)) {}
  std::string Name() const override { return kDatesStageName; }
  std::vector<std::string> Requires() const override {
    return {layers::kBody, layers::kMetadata};
  }
  std::vector<std::string> Provides() const override { return {layers::kDates}; }

  Status Process(Document& doc) const override {
    // The reference date is settled first (metadata, else inference from the
    // text), and only then are the expressions extracted and resolved, so
    // every relative expression is resolved against the final document date.
    std::optional<CivilDate> ref = ReferenceOf(doc);
    std::vector<DateMention> unanchored;  // the pass without a reference, if made
    bool coarse = !ref && doc.published && !doc.published->value.empty();
    if (!ref) {
      std::string side;
      for (const auto& r : doc.removed) {
        if (r.reason == "image-caption" || r.reason == "dateline") side += r.text + "\n";
      }
      unanchored = ex_.Analyze(doc.body, std::nullopt);
      std::optional<PublishedDate> inferred = InferFromMentions(ex_, unanchored, doc.body, side);
      // A coarse metadata date ("2017-11") is refined only by a text date
      // inside it; a contradicting one is ignored.
      if (inferred && coarse && inferred->value.compare(0, doc.published->value.size(),
                                                        doc.published->value) != 0) {
        doc.AddDiagnostic(kDatesStageName, "inferred-date-contradicts-metadata",
                          "text date " + inferred->value + " is outside the metadata date " +
                              doc.published->value + "; kept the metadata",
                          Severity::kWarning);
        inferred.reset();
      }
      if (inferred) {
        doc.published = *inferred;
        ref = civil::ParseIso(inferred->value);
        doc.AddDiagnostic(kDatesStageName, "document-date-inferred",
                          "document date " + inferred->value + " inferred from: " +
                              inferred->evidence,
                          Severity::kInfo);
      } else if (coarse) {
        doc.AddDiagnostic(kDatesStageName, "coarse-document-date",
                          "document date '" + doc.published->value +
                              "' is coarser than a day; relative expressions stay unresolved",
                          Severity::kInfo);
      } else {
        doc.AddDiagnostic(kDatesStageName, "no-document-date",
                          "no document date in metadata or text; relative dates unresolved",
                          Severity::kInfo);
      }
    }
    if (ref) {
      doc.dates = ex_.Extract(doc.body, ref);
    } else {
      // No reference after all: the inference pass is the answer.
      doc.dates.clear();
      doc.dates.reserve(unanchored.size());
      for (auto& m : unanchored) doc.dates.push_back(std::move(m.expr));
    }
    int unresolved = 0;
    for (const auto& d : doc.dates) unresolved += d.resolved ? 0 : 1;
    if (unresolved > 0) {
      doc.AddDiagnostic(kDatesStageName, "unresolved-dates",
                        std::to_string(unresolved) + " time expression(s) could not be resolved",
                        Severity::kInfo);
    }
    doc.layers.insert(layers::kDates);
    return Status::Ok();
  }

 private:
  DateExtractor ex_;
};

// The line of `body` containing byte offset `pos`.
std::string_view LineAt(std::string_view body, int32_t pos) {
  size_t b = body.rfind('\n', pos > 0 ? pos - 1 : 0);
  b = (b == std::string_view::npos || pos == 0) ? 0 : b + 1;
  size_t e = body.find('\n', pos);
  if (e == std::string_view::npos) e = body.size();
  return body.substr(b, e - b);
}

}  // namespace

StatusOr<StagePtr> MakeDatesStage(const std::string& data_dir) {
  auto ex = DateExtractor::Load(data_dir);
  if (!ex.ok()) return ex.status();
  return StagePtr(std::make_shared<DatesStage>(std::move(ex).value()));
}

std::optional<PublishedDate> InferDocumentDate(const DateExtractor& extractor,
                                               std::string_view body,
                                               std::string_view side_text) {
  return InferFromMentions(extractor, extractor.Analyze(body, std::nullopt), body, side_text);
}

namespace {

std::optional<PublishedDate> InferFromMentions(const DateExtractor& extractor,
                                               const std::vector<DateMention>& ms,
                                               std::string_view body,
                                               std::string_view side_text) {
  // Years the text states (Gregorian, plausible for news).
  std::vector<int> years;
  for (const auto& m : ms) {
    if (m.year >= 1900 && m.year <= 2200 && !m.hijri) years.push_back(m.year);
  }
  if (!side_text.empty()) {
    for (const auto& m : extractor.Analyze(side_text, std::nullopt)) {
      if (m.year >= 1900 && m.year <= 2200 && !m.hijri) years.push_back(m.year);
    }
  }
  // 1. today + weekday + day-month.
  std::optional<CivilDate> found;
  std::string evidence;
  bool today_unfitted = false;  // the text states today's day-month but no year fits
  for (const auto& m : ms) {
    if (!m.deictic_today || !m.month || !m.day) continue;
    today_unfitted = true;
    if (m.year) {
      if (!civil::IsValid(m.year, m.month, m.day)) continue;
      CivilDate d{m.year, m.month, m.day};
      if (m.weekday && civil::Weekday(d) != m.weekday) continue;
      found = d;
      evidence = m.expr.text;
      break;
    }
    if (!m.weekday || years.empty()) continue;
    std::vector<int> cands;
    for (int y : years) {
      for (int c : {y, y + 1}) {
        if (civil::IsValid(c, m.month, m.day) &&
            civil::Weekday(CivilDate{c, m.month, m.day}) == m.weekday &&
            std::find(cands.begin(), cands.end(), c) == cands.end()) {
          cands.push_back(c);
        }
      }
    }
    if (cands.size() != 1) continue;  // none, or ambiguous
    found = CivilDate{cands[0], m.month, m.day};
    evidence = m.expr.text;
    break;
  }
  if (found) {
    PublishedDate p;
    p.value = civil::ToIso(*found);
    p.precision = Precision::kDay;
    p.evidence = evidence;
    p.inferred = true;
    return p;
  }
  if (today_unfitted) return std::nullopt;  // contradictory evidence
  // 2. a dateline-like full date on one of the first lines.
  int line_no = 0;
  size_t pos = 0;
  for (; pos < body.size() && line_no < 6; ++line_no) {
    size_t e = body.find('\n', pos);
    if (e == std::string_view::npos) e = body.size();
    std::string_view line = body.substr(pos, e - pos);
    for (const auto& m : ms) {
      const DateExpr& x = m.expr;
      if (x.span.start < static_cast<int32_t>(pos) || x.span.end > static_cast<int32_t>(e)) continue;
      bool day = x.kind == "date" && x.precision == Precision::kDay;
      bool minute = x.kind == "datetime" && x.precision == Precision::kMinute;
      if (x.anchor != "absolute" || !(day || minute)) continue;
      if (m.hijri) continue;
      size_t line_cp = utf8::Length(line), expr_cp = utf8::Length(x.text);
      if (line_cp > expr_cp + 30) continue;
      PublishedDate p;
      p.value = x.value;
      p.precision = x.precision;
      p.evidence = std::string(line);
      p.inferred = true;
      return p;
    }
    pos = e + 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<DateExpr> GoverningDate(const Document& doc, Span clause, bool* is_default) {
  if (is_default) *is_default = false;
  // A lead dateline ("أربيل، 16 شباط 2021 - ...") dates the report, not
  // what the first sentence tells: its expressions govern nothing, and an
  // event with no other date takes the document date as a default.
  int32_t dateline_end = -1;
  if (doc.published && doc.published->evidence.rfind("lead: ", 0) == 0) {
    size_t nl = doc.body.find('\n');
    size_t dash = doc.body.find(" - ");
    if (dash == std::string::npos) dash = doc.body.find("- ");
    if (dash != std::string::npos && dash <= 200 && (nl == std::string::npos || dash < nl)) {
      dateline_end = static_cast<int32_t>(dash);
    }
  }
  // A date after منذ ("since") starts a period that runs to the report
  // ("ارتفعت حصيلة الاشتباكات منذ 27 آب إلى 61 قتيلا" = the toll of the
  // clashes since 27 August rose to 61): it is no event's date.
  auto after_since = [&doc](const DateExpr& d) {
    std::string_view before = std::string_view(doc.body).substr(0, d.span.start);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    const std::string_view since = "منذ";
    return before.size() >= since.size() && before.substr(before.size() - since.size()) == since;
  };
  auto governs = [dateline_end, &after_since](const DateExpr& d) {
    return d.resolved && (d.kind == "date" || d.kind == "datetime" || d.kind == "range") &&
           d.span.end > dateline_end && !after_since(d);
  };
  // Inside the clause.
  for (const auto& d : doc.dates) {
    if (d.span.start >= clause.start && d.span.end <= clause.end && governs(d)) return d;
  }
  // The sentence around the clause.
  int32_t sb = 0, se = static_cast<int32_t>(doc.body.size());
  bool have_sentence = false;
  for (const auto& s : doc.sentences) {
    if (s.start <= clause.start && clause.start < s.end) {
      sb = s.start;
      se = s.end;
      have_sentence = true;
      break;
    }
  }
  if (!have_sentence) {
    std::string_view line = LineAt(doc.body, std::min<int32_t>(clause.start, se));
    sb = static_cast<int32_t>(line.data() - doc.body.data());
    se = sb + static_cast<int32_t>(line.size());
  }
  const DateExpr* best = nullptr;
  int32_t best_dist = INT32_MAX;
  for (const auto& d : doc.dates) {
    if (!governs(d) || d.span.start < sb || d.span.end > se) continue;
    int32_t dist = d.span.end <= clause.start ? clause.start - d.span.end
                                              : d.span.start - clause.end;
    if (dist < 0) dist = 0;
    // Prefer expressions before the clause on ties.
    if (dist < best_dist || (dist == best_dist && best && d.span.end <= clause.start)) {
      best = &d;
      best_dist = dist;
    }
  }
  if (best) return *best;
  if (!doc.published || doc.published->value.empty()) return std::nullopt;
  DateExpr d;
  d.text = doc.published->evidence;
  d.value = doc.published->value;
  d.precision = doc.published->precision;
  d.anchor = "document";
  d.kind = doc.published->precision == Precision::kMinute ? "datetime" : "date";
  d.resolved = true;
  if (is_default) *is_default = true;
  return d;
}

}  // namespace marsad
