#include "marsad/events/events_stage.h"

#include <cstdlib>

#include "marsad/dates/dates_stage.h"
#include "marsad/document/layers.h"

namespace marsad {
namespace {

class EventsStage : public Stage {
 public:
  explicit EventsStage(std::shared_ptr<const EventExtractor> ex) : ex_(std::move(ex)) {}
  std::string Name() const override { return kEventsStageName; }
  std::vector<std::string> Requires() const override { return {layers::kTokens, layers::kAttributions}; }
  std::vector<std::string> Provides() const override { return {layers::kEvents}; }

  Status Process(Document& doc) const override {
    EventInput in;
    in.body = doc.body;
    in.tokens = &doc.tokens;
    if (doc.layers.count(layers::kEntities)) in.entities = &doc.entities;
    in.attributions = &doc.attributions;
    if (doc.published && doc.published->value.size() >= 4 && doc.published->precision != Precision::kUnknown) {
      in.document_year = std::atoi(doc.published->value.substr(0, 4).c_str());
      if (doc.published->value.size() >= 10) in.document_date = doc.published->value.substr(0, 10);
    } else {
      // Without a document date, an article is no older than the latest full
      // date it states ("الأحد 19 كانون الثاني 2020"): that year is a lower
      // bound, enough to tell an event of 2014 as background.
      for (const auto& d : doc.dates) {
        if (d.anchor != "absolute" || d.precision != Precision::kDay || d.value.size() < 10) continue;
        if (d.kind != "date" && d.kind != "datetime") continue;
        const int year = std::atoi(d.value.substr(0, 4).c_str());
        if (year >= 1900 && year <= 2100 && year > in.document_year) in.document_year = year;
      }
    }
    if (doc.layers.count(layers::kDates)) {
      in.date_of = [&doc](Span clause, bool* is_default) { return GoverningDate(doc, clause, is_default); };
    }
    doc.events = ex_->Extract(in);
    doc.layers.insert(layers::kEvents);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const EventExtractor> ex_;
};

}  // namespace

StatusOr<StagePtr> MakeEventsStage(const std::string& data_dir) {
  auto ex = EventExtractor::Load(data_dir);
  if (!ex.ok()) return ex.status();
  return MakeEventsStage(*ex);
}

StagePtr MakeEventsStage(std::shared_ptr<const EventExtractor> extractor) {
  return std::make_shared<EventsStage>(std::move(extractor));
}

}  // namespace marsad
