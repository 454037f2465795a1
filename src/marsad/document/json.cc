#include "marsad/document/json.h"

#include <algorithm>

#include "marsad/common/utf8.h"

namespace marsad {
namespace {

using nlohmann::json;

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "warning";
}

const char* TokenKindName(TokenKind k) {
  switch (k) {
    case TokenKind::kArabic: return "arabic";
    case TokenKind::kLatin: return "latin";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kOther: break;
  }
  return "other";
}

class SpanWriter {
 public:
  explicit SpanWriter(const std::string& body) : map_(body) {}
  int64_t Cp(int32_t byte) const { return map_.ToCodePoint(static_cast<size_t>(std::max(0, byte))); }
  void Put(json* j, const Span& s, const char* start = "start", const char* end = "end") const {
    (*j)[start] = Cp(s.start);
    (*j)[end] = Cp(s.end);
  }

 private:
  utf8::OffsetMap map_;
};

json ArgToJson(const EventArg& a, const SpanWriter& w) {
  json j = {{"role", a.role}, {"text", a.text}};
  j["id"] = a.entity_id.empty() ? json(nullptr) : json(a.entity_id);
  w.Put(&j, a.span);
  return j;
}

json DateToJson(const DateExpr& d, const SpanWriter& w) {
  json j = {{"text", d.text}};
  w.Put(&j, d.span);
  // Partial values (XXXX-05-31: day and month known, year not) are kept;
  // `resolved` says whether the value is anchored in time.
  j["value"] = d.value.empty() ? json(nullptr) : json(d.value);
  j["precision"] = PrecisionName(d.precision);
  j["anchor"] = d.anchor;
  j["kind"] = d.kind;
  j["resolved"] = d.resolved;
  return j;
}

}  // namespace

nlohmann::json DocumentToJson(const Document& doc, const JsonOptions& options) {
  SpanWriter w(doc.body);
  json j;
  j["source"] = doc.source;
  j["content_hash"] = doc.content_hash;
  j["title"] = doc.title;
  if (!doc.input.url.empty()) j["url"] = doc.input.url;
  if (!doc.input.author.empty()) j["author"] = doc.input.author;
  j["encoding"] = doc.input.encoding;
  if (doc.outlet) {
    j["outlet"] = {{"id", doc.outlet->id}, {"name_ar", doc.outlet->name_ar}, {"name_en", doc.outlet->name_en}};
  } else {
    j["outlet"] = nullptr;
  }
  j["wires"] = doc.wires;
  if (doc.published) {
    j["published"] = {{"value", doc.published->value},
                      {"precision", PrecisionName(doc.published->precision)},
                      {"evidence", doc.published->evidence},
                      {"inferred", doc.published->inferred}};
  } else {
    j["published"] = nullptr;
  }
  j["body"] = doc.body;
  json removed = json::array();
  for (const auto& r : doc.removed) removed.push_back({{"text", r.text}, {"reason", r.reason}});
  j["removed"] = std::move(removed);

  if (doc.layers.count("sentences")) {
    json s = json::array();
    for (const auto& sp : doc.sentences) s.push_back({w.Cp(sp.start), w.Cp(sp.end)});
    j["sentences"] = std::move(s);
  }
  if (options.include_normalized && doc.layers.count("normalized")) j["normalized"] = doc.normalized;
  if (options.include_tokens && doc.layers.count("tokens")) {
    json toks = json::array();
    for (const auto& t : doc.tokens) {
      json tj = {{"norm", t.norm}, {"stem", t.stem}, {"kind", TokenKindName(t.kind)}};
      w.Put(&tj, t.span);
      toks.push_back(std::move(tj));
    }
    j["tokens"] = std::move(toks);
  }
  if (doc.layers.count("entities")) {
    json ents = json::array();
    for (const auto& e : doc.entities) {
      json ej = {{"id", e.id}, {"type", e.type}, {"name_ar", e.name_ar}, {"name_en", e.name_en}};
      ej["wikidata"] = e.wikidata.empty() ? json(nullptr) : json(e.wikidata);
      if (e.lat && e.lon) {
        ej["lat"] = *e.lat;
        ej["lon"] = *e.lon;
      }
      ej["salience"] = e.salience;
      json ms = json::array();
      for (const auto& m : e.mentions) {
        json mj = {{"text", m.text}};
        w.Put(&mj, m.span);
        ms.push_back(std::move(mj));
      }
      ej["mentions"] = std::move(ms);
      ents.push_back(std::move(ej));
    }
    j["entities"] = std::move(ents);
  }
  if (doc.layers.count("dates")) {
    json ds = json::array();
    for (const auto& d : doc.dates) ds.push_back(DateToJson(d, w));
    j["dates"] = std::move(ds);
  }
  if (doc.layers.count("attributions")) {
    json as = json::array();
    for (const auto& a : doc.attributions) {
      json aj = {{"speaker", a.speaker}, {"speaker_text", a.speaker_text}, {"cue", a.cue}, {"stance", a.stance}};
      w.Put(&aj, a.span);
      w.Put(&aj, a.cue_span, "cue_start", "cue_end");
      aj["relays"] = a.parent >= 0 ? json(a.parent) : json(nullptr);
      as.push_back(std::move(aj));
    }
    j["attributions"] = std::move(as);
  }
  if (doc.layers.count("events")) {
    json es = json::array();
    for (const auto& e : doc.events) {
      json ej = {{"type", e.type}, {"trigger", e.trigger}};
      json actors = json::array(), targets = json::array();
      for (const auto& a : e.actors) actors.push_back(ArgToJson(a, w));
      for (const auto& a : e.targets) targets.push_back(ArgToJson(a, w));
      ej["actors"] = std::move(actors);
      ej["targets"] = std::move(targets);
      ej["place"] = e.place ? ArgToJson(*e.place, w) : json(nullptr);
      ej["date"] = e.date ? DateToJson(*e.date, w) : json(nullptr);
      ej["date_is_default"] = e.date_is_default;
      json qs = json::array();
      for (const auto& q : e.quantities) {
        json qj = {{"text", q.text}, {"value", q.value}, {"unit", q.unit}};
        if (q.approximate) qj["approximate"] = true;
        w.Put(&qj, q.span);
        qs.push_back(std::move(qj));
      }
      ej["quantities"] = std::move(qs);
      ej["attributed_to"] = e.attributed_to;
      ej["negated"] = e.negated;
      ej["status"] = e.status;
      ej["background"] = e.background;
      ej["confidence"] = e.confidence;
      size_t es0 = std::min<size_t>(std::max(0, e.evidence.start), doc.body.size());
      size_t es1 = std::min<size_t>(std::max<int32_t>(e.evidence.start, e.evidence.end), doc.body.size());
      json ev = {{"text", doc.body.substr(es0, es1 - es0)}};
      w.Put(&ev, e.evidence);
      ej["evidence"] = std::move(ev);
      es.push_back(std::move(ej));
    }
    j["events"] = std::move(es);
  }
  json diags = json::array();
  for (const auto& d : doc.diagnostics) {
    json dj = {{"stage", d.stage}, {"code", d.code}, {"message", d.message}, {"severity", SeverityName(d.severity)}};
    if (d.span) w.Put(&dj, *d.span);
    diags.push_back(std::move(dj));
  }
  j["diagnostics"] = std::move(diags);
  j["failed"] = doc.failed;
  return j;
}

}  // namespace marsad
