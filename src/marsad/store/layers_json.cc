#include "marsad/store/layers_json.h"

namespace marsad::store_internal {

using nlohmann::json;

namespace {

// Typed getters that never throw.
std::string Str(const json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
double Num(const json& j, const char* key, double def = 0) {
  if (!j.is_object()) return def;
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : def;
}
int32_t Int(const json& j, const char* key, int32_t def = 0) {
  if (!j.is_object()) return def;
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int32_t>() : def;
}
bool Bool(const json& j, const char* key, bool def = false) {
  if (!j.is_object()) return def;
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : def;
}
const json& Arr(const json& j, const char* key) {
  static const json kEmpty = json::array();
  if (!j.is_object()) return kEmpty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

json SpanJ(const Span& s) { return json::array({s.start, s.end}); }
Span SpanFrom(const json& j, const char* key) {
  Span s;
  if (!j.is_object()) return s;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array() || it->size() != 2) return s;
  if ((*it)[0].is_number_integer()) s.start = (*it)[0].get<int32_t>();
  if ((*it)[1].is_number_integer()) s.end = (*it)[1].get<int32_t>();
  return s;
}

json DateJ(const DateExpr& d) {
  return {{"span", SpanJ(d.span)},       {"text", d.text},
          {"value", d.value},            {"precision", PrecisionName(d.precision)},
          {"anchor", d.anchor},          {"kind", d.kind},
          {"resolved", d.resolved}};
}
DateExpr DateFrom(const json& j) {
  DateExpr d;
  d.span = SpanFrom(j, "span");
  d.text = Str(j, "text");
  d.value = Str(j, "value");
  d.precision = PrecisionFromName(Str(j, "precision"));
  d.anchor = Str(j, "anchor");
  d.kind = Str(j, "kind");
  d.resolved = Bool(j, "resolved");
  return d;
}

json ArgJ(const EventArg& a) {
  return {{"role", a.role}, {"entity_id", a.entity_id}, {"text", a.text}, {"span", SpanJ(a.span)}};
}
EventArg ArgFrom(const json& j) {
  EventArg a;
  a.role = Str(j, "role");
  a.entity_id = Str(j, "entity_id");
  a.text = Str(j, "text");
  a.span = SpanFrom(j, "span");
  return a;
}

}  // namespace

Precision PrecisionFromName(std::string_view name) {
  for (Precision p : {Precision::kYear, Precision::kMonth, Precision::kWeek, Precision::kDay,
                      Precision::kMinute}) {
    if (name == PrecisionName(p)) return p;
  }
  return Precision::kUnknown;
}

json AnalysisToJson(const Document& doc) {
  json j;
  j["format"] = kAnalysisFormat;
  j["layers"] = json(std::vector<std::string>(doc.layers.begin(), doc.layers.end()));
  j["failed"] = doc.failed;
  const InputMeta& in = doc.input;
  j["input"] = {{"title", in.title},     {"url", in.url},           {"published", in.published},
                {"outlet", in.outlet},   {"author", in.author},     {"encoding", in.encoding},
                {"format", in.format}};
  json sentences = json::array();
  for (const Span& s : doc.sentences) sentences.push_back(SpanJ(s));
  j["sentences"] = std::move(sentences);
  json entities = json::array();
  for (const Entity& e : doc.entities) {
    json mentions = json::array();
    for (const EntityMention& m : e.mentions) {
      mentions.push_back({{"span", SpanJ(m.span)}, {"text", m.text}});
    }
    json je = {{"id", e.id},           {"type", e.type},         {"name_ar", e.name_ar},
               {"name_en", e.name_en}, {"wikidata", e.wikidata}, {"salience", e.salience},
               {"mentions", std::move(mentions)}};
    if (e.lat) je["lat"] = *e.lat;
    if (e.lon) je["lon"] = *e.lon;
    entities.push_back(std::move(je));
  }
  j["entities"] = std::move(entities);
  json dates = json::array();
  for (const DateExpr& d : doc.dates) dates.push_back(DateJ(d));
  j["dates"] = std::move(dates);
  json attributions = json::array();
  for (const Attribution& a : doc.attributions) {
    attributions.push_back({{"speaker", a.speaker},
                            {"speaker_text", a.speaker_text},
                            {"cue", a.cue},
                            {"stance", a.stance},
                            {"cue_span", SpanJ(a.cue_span)},
                            {"span", SpanJ(a.span)},
                            {"parent", a.parent}});
  }
  j["attributions"] = std::move(attributions);
  return j;
}

void AnalysisFromJson(const json& j, Document* doc) {
  if (!j.is_object()) return;
  for (const json& l : Arr(j, "layers")) {
    if (l.is_string()) doc->layers.insert(l.get<std::string>());
  }
  doc->failed = Bool(j, "failed");
  if (auto it = j.find("input"); it != j.end() && it->is_object()) {
    doc->input.title = Str(*it, "title");
    doc->input.url = Str(*it, "url");
    doc->input.published = Str(*it, "published");
    doc->input.outlet = Str(*it, "outlet");
    doc->input.author = Str(*it, "author");
    doc->input.encoding = Str(*it, "encoding");
    doc->input.format = Str(*it, "format");
  }
  for (const json& s : Arr(j, "sentences")) {
    json wrapper = {{"s", s}};
    doc->sentences.push_back(SpanFrom(wrapper, "s"));
  }
  for (const json& je : Arr(j, "entities")) {
    Entity e;
    e.id = Str(je, "id");
    e.type = Str(je, "type");
    e.name_ar = Str(je, "name_ar");
    e.name_en = Str(je, "name_en");
    e.wikidata = Str(je, "wikidata");
    e.salience = Num(je, "salience");
    if (je.contains("lat") && je["lat"].is_number()) e.lat = je["lat"].get<double>();
    if (je.contains("lon") && je["lon"].is_number()) e.lon = je["lon"].get<double>();
    for (const json& m : Arr(je, "mentions")) {
      e.mentions.push_back({SpanFrom(m, "span"), Str(m, "text")});
    }
    doc->entities.push_back(std::move(e));
  }
  for (const json& d : Arr(j, "dates")) doc->dates.push_back(DateFrom(d));
  for (const json& ja : Arr(j, "attributions")) {
    Attribution a;
    a.speaker = Str(ja, "speaker");
    a.speaker_text = Str(ja, "speaker_text");
    a.cue = Str(ja, "cue");
    a.stance = Str(ja, "stance");
    a.cue_span = SpanFrom(ja, "cue_span");
    a.span = SpanFrom(ja, "span");
    a.parent = Int(ja, "parent", -1);
    doc->attributions.push_back(std::move(a));
  }
}

json EventToJson(const Event& e) {
  json actors = json::array(), targets = json::array(), quantities = json::array();
  for (const EventArg& a : e.actors) actors.push_back(ArgJ(a));
  for (const EventArg& a : e.targets) targets.push_back(ArgJ(a));
  for (const Quantity& q : e.quantities) {
    quantities.push_back(
        {{"text", q.text}, {"value", q.value}, {"unit", q.unit}, {"span", SpanJ(q.span)}});
    if (q.approximate) quantities.back()["approximate"] = true;
  }
  json j = {{"type", e.type},
            {"trigger", e.trigger},
            {"trigger_span", SpanJ(e.trigger_span)},
            {"actors", std::move(actors)},
            {"targets", std::move(targets)},
            {"date_is_default", e.date_is_default},
            {"quantities", std::move(quantities)},
            {"attributed_to", e.attributed_to},
            {"negated", e.negated},
            {"status", e.status},
            {"background", e.background},
            {"confidence", e.confidence},
            {"evidence", SpanJ(e.evidence)}};
  if (e.place) j["place"] = ArgJ(*e.place);
  if (e.date) j["date"] = DateJ(*e.date);
  return j;
}

Event EventFromJson(const json& j) {
  Event e;
  e.type = Str(j, "type");
  e.trigger = Str(j, "trigger");
  e.trigger_span = SpanFrom(j, "trigger_span");
  for (const json& a : Arr(j, "actors")) e.actors.push_back(ArgFrom(a));
  for (const json& a : Arr(j, "targets")) e.targets.push_back(ArgFrom(a));
  if (j.is_object() && j.contains("place") && j["place"].is_object()) e.place = ArgFrom(j["place"]);
  if (j.is_object() && j.contains("date") && j["date"].is_object()) e.date = DateFrom(j["date"]);
  e.date_is_default = Bool(j, "date_is_default");
  for (const json& q : Arr(j, "quantities")) {
    e.quantities.push_back({Str(q, "text"), Num(q, "value"), Str(q, "unit"), SpanFrom(q, "span")});
    e.quantities.back().approximate = q.contains("approximate") && q["approximate"].is_boolean() &&
                                      q["approximate"].get<bool>();
  }
  for (const json& i : Arr(j, "attributed_to")) {
    if (i.is_number_integer()) e.attributed_to.push_back(i.get<int32_t>());
  }
  e.negated = Bool(j, "negated");
  std::string status = Str(j, "status");
  if (!status.empty()) e.status = status;
  e.background = Bool(j, "background");
  e.confidence = Num(j, "confidence");
  e.evidence = SpanFrom(j, "evidence");
  return e;
}

json DiagnosticsToJson(const std::vector<Diagnostic>& diagnostics) {
  json out = json::array();
  for (const Diagnostic& d : diagnostics) {
    const char* severity = d.severity == Severity::kInfo      ? "info"
                           : d.severity == Severity::kError ? "error"
                                                            : "warning";
    json jd = {{"stage", d.stage}, {"code", d.code}, {"message", d.message}, {"severity", severity}};
    if (d.span) jd["span"] = SpanJ(*d.span);
    out.push_back(std::move(jd));
  }
  return out;
}

std::vector<Diagnostic> DiagnosticsFromJson(const json& j) {
  std::vector<Diagnostic> out;
  if (!j.is_array()) return out;
  for (const json& jd : j) {
    Diagnostic d;
    d.stage = Str(jd, "stage");
    d.code = Str(jd, "code");
    d.message = Str(jd, "message");
    std::string severity = Str(jd, "severity");
    d.severity = severity == "info"    ? Severity::kInfo
                 : severity == "error" ? Severity::kError
                                       : Severity::kWarning;
    if (jd.is_object() && jd.contains("span")) d.span = SpanFrom(jd, "span");
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace marsad::store_internal
