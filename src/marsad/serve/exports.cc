#include "marsad/serve/exports.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace marsad::serve {

namespace {

std::string XmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  return buf;
}

}  // namespace

std::string CsvField(const std::string& s) {
  // Leading = + - @ would be read as formulas by spreadsheets: prefix a quote.
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string EventsCsv(const std::vector<ExportEvent>& events) {
  std::string out =
      "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,location,latitude,"
      "longitude,source,source_url,notes,doc_id,confidence\r\n";
  for (const ExportEvent& e : events) {
    out += "MARSAD" + std::to_string(e.id) + ",";
    out += CsvField(e.event_date) + ",";
    out += CsvField(e.event_type) + ",";
    out += CsvField(e.status) + ",";
    out += CsvField(e.actor1) + ",";
    out += CsvField(e.actor2) + ",";
    out += CsvField(e.location) + ",";
    out += (e.lat ? Number(*e.lat) : "") + ",";
    out += (e.lon ? Number(*e.lon) : "") + ",";
    out += CsvField(e.source) + ",";
    out += CsvField(e.source_url) + ",";
    out += CsvField(e.notes) + ",";
    out += std::to_string(e.doc_id) + ",";
    out += Number(e.confidence) + "\r\n";
  }
  return out;
}

std::string EventsGeoJson(const std::vector<ExportEvent>& events) {
  nlohmann::json features = nlohmann::json::array();
  int64_t unlocated = 0;
  for (const ExportEvent& e : events) {
    if (!e.lat || !e.lon) {
      ++unlocated;
      continue;
    }
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "Point"}, {"coordinates", {*e.lon, *e.lat}}}},
                        {"properties",
                         {{"id", e.id},
                          {"doc_id", e.doc_id},
                          {"event_date", e.event_date},
                          {"event_type", e.event_type},
                          {"status", e.status},
                          {"actor1", e.actor1},
                          {"actor2", e.actor2},
                          {"location", e.location},
                          {"place_id", e.place_id},
                          {"source", e.source},
                          {"notes", e.notes}}}});
  }
  nlohmann::json fc = {{"type", "FeatureCollection"},
                       {"features", std::move(features)},
                       {"unlocated", unlocated}};
  return fc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string GraphMl(const std::vector<GraphNode>& nodes, const std::vector<GraphEdge>& edges) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"label_en\" for=\"node\" attr.name=\"label_en\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"documents\" for=\"node\" attr.name=\"documents\" attr.type=\"long\"/>\n"
      "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n"
      "  <graph id=\"actors\" edgedefault=\"undirected\">\n";
  for (const GraphNode& n : nodes) {
    out += "    <node id=\"" + XmlEscape(n.id) + "\">";
    out += "<data key=\"label\">" + XmlEscape(n.label) + "</data>";
    out += "<data key=\"label_en\">" + XmlEscape(n.label_en) + "</data>";
    out += "<data key=\"type\">" + XmlEscape(n.type) + "</data>";
    out += "<data key=\"documents\">" + std::to_string(n.documents) + "</data></node>\n";
  }
  int64_t i = 0;
  for (const GraphEdge& e : edges) {
    out += "    <edge id=\"e" + std::to_string(i++) + "\" source=\"" + XmlEscape(e.source) +
           "\" target=\"" + XmlEscape(e.target) + "\">";
    out += "<data key=\"kind\">" + XmlEscape(e.kind) + "</data>";
    out += "<data key=\"weight\">" + std::to_string(e.weight) + "</data></edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace marsad::serve
