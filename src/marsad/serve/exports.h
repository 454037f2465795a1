// Export formats for events and the actor graph (pure functions).
//
//  - EventsCsv: ACLED-like columns
//      event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,
//      location,latitude,longitude,source,source_url,notes,doc_id,confidence
//    (RFC 4180 quoting; UTF-8; one row per event).
//  - EventsGeoJson: a FeatureCollection of Point features for the events
//    whose place has knowledge-base coordinates (others are left out and
//    counted in the collection's "unlocated" member).
//  - GraphMl: GraphML with node keys label/label_en/type/documents and edge
//    keys kind/weight.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marsad::serve {

struct ExportEvent {
  int64_t id = 0;
  int64_t doc_id = 0;
  std::string event_date;  // ISO prefix of the event date, "" if unknown
  std::string event_type;
  std::string status;      // completed | attempted | ...
  std::string actor1, actor2;
  std::string location;
  std::string place_id;
  std::optional<double> lat, lon;
  std::string source;      // outlet name (or id)
  std::string source_url;
  std::string notes;       // the evidence sentence
  double confidence = 0;
};

struct GraphNode {
  std::string id, label, label_en, type;
  int64_t documents = 0;
};

struct GraphEdge {
  std::string source, target, kind;  // kind: co_mention | event | relation:<name>
  int64_t weight = 0;
};

std::string CsvField(const std::string& s);
std::string EventsCsv(const std::vector<ExportEvent>& events);
std::string EventsGeoJson(const std::vector<ExportEvent>& events);
std::string GraphMl(const std::vector<GraphNode>& nodes, const std::vector<GraphEdge>& edges);

}  // namespace marsad::serve
