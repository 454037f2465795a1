// marsad events [--db FILE] [--place KB_ID] [--entity KB_ID] [--from DATE] [--to DATE] [--type T]
//               [--no-negated] [--no-background] [--limit N] [--format text|json|jsonl|csv]
//
// Events stored by `marsad ingest`, queried through Store::Events: who did
// what to whom, where and when, with the outlet, the flags (negated, status,
// background), the confidence and the evidence sentence. Dates filter on the
// event's date (ISO prefixes, inclusive); events without a date are left out
// when --from or --to is given. Sorted by date, then document.
//
//   marsad events --db marsad.db --place sy-abu-kamal --from 2017-11 --to 2017-11-30
//   marsad events --type TAKE_CONTROL --format jsonl
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "marsad/common/utf8.h"
#include "marsad/events/event_extractor.h"
#include "marsad/store/store.h"
#include "verb.h"

namespace {

using marsad::cli::Error;

struct Args {
  std::string db;  // "" = the global --db
  std::string place, entity, from, to, type;
  std::string format = "text";
  bool no_negated = false, no_background = false;
  int limit = 100;
};

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Dump(const nlohmann::json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ArgLabel(const marsad::EventArg& a) {
  return a.entity_id.empty() ? a.text : a.text + " [" + a.entity_id + "]";
}

std::string Join(const std::vector<marsad::EventArg>& args, const char* sep) {
  std::string s;
  for (const auto& a : args) s += (s.empty() ? "" : sep) + ArgLabel(a);
  return s;
}

std::string Flags(const marsad::Event& e) {
  std::string f;
  if (e.negated) f += " negated";
  if (e.status != "completed") f += " " + e.status;
  if (e.background) f += " background";
  return f.empty() ? "" : f.substr(1);
}

// Evidence sentence text from the stored document (documents cached by id).
class Evidence {
 public:
  explicit Evidence(marsad::Store& store) : store_(store) {}
  std::string Of(const marsad::StoredEvent& se) {
    auto it = bodies_.find(se.doc_id);
    if (it == bodies_.end()) {
      std::string body;
      auto doc = store_.GetDocument(se.doc_id);
      if (doc.ok() && doc->has_value()) body = (*doc)->doc.body;
      it = bodies_.emplace(se.doc_id, std::move(body)).first;
    }
    const std::string& b = it->second;
    const marsad::Span s = se.event.evidence;
    if (s.start < 0 || s.end <= s.start || static_cast<size_t>(s.end) > b.size()) return "";
    std::string text = b.substr(s.start, s.end - s.start);
    for (char& c : text) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return text;
  }

 private:
  marsad::Store& store_;
  std::map<int64_t, std::string> bodies_;
};

nlohmann::json ArgJson(const marsad::EventArg& a) {
  nlohmann::json j = {{"text", a.text}};
  if (!a.entity_id.empty()) j["id"] = a.entity_id;
  return j;
}

nlohmann::json EventJson(const marsad::StoredEvent& se, const std::string& evidence) {
  const marsad::Event& e = se.event;
  nlohmann::json j = {{"id", se.id},
                      {"doc_id", se.doc_id},
                      {"index", se.index},
                      {"outlet_id", se.outlet_id},
                      {"published", se.published},
                      {"type", e.type},
                      {"trigger", e.trigger},
                      {"actors", nlohmann::json::array()},
                      {"targets", nlohmann::json::array()},
                      {"place", nullptr},
                      {"date", nullptr},
                      {"quantities", nlohmann::json::array()},
                      {"negated", e.negated},
                      {"status", e.status},
                      {"background", e.background},
                      {"confidence", e.confidence},
                      {"evidence", evidence}};
  for (const auto& a : e.actors) j["actors"].push_back(ArgJson(a));
  for (const auto& a : e.targets) j["targets"].push_back(ArgJson(a));
  if (e.place) j["place"] = ArgJson(*e.place);
  if (e.date) j["date"] = {{"value", e.date->value}, {"text", e.date->text}, {"default", e.date_is_default}};
  for (const auto& q : e.quantities) j["quantities"].push_back({{"value", q.value}, {"unit", q.unit}, {"text", q.text}});
  return j;
}

bool ValidType(const std::string& t) {
  for (const auto& x : marsad::EventTypes()) {
    if (x == t) return true;
  }
  return false;
}

int Run(const Args& args, marsad::cli::VerbContext& ctx) {
  const std::string& db = args.db.empty() ? ctx.global.db : args.db;
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) {
    Error("no store at " + db + "; run `marsad ingest` first");
    return 1;
  }
  std::string type = args.type;
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!type.empty() && !ValidType(type)) {
    std::string all;
    for (const auto& x : marsad::EventTypes()) all += (all.empty() ? "" : ", ") + x;
    Error("unknown --type " + args.type + " (" + all + ")");
    return 2;
  }
  marsad::StoreOptions options;
  options.read_only = true;
  options.reindex_if_stale = false;
  auto store = marsad::Store::Open(db, options);
  if (!store.ok()) {
    Error(store.status().message());
    return 1;
  }
  marsad::EventQuery q;
  q.type = type;
  q.place_id = args.place;
  q.entity_id = args.entity;
  q.date_from = args.from;
  q.date_to = args.to;
  q.include_negated = !args.no_negated;
  q.include_background = !args.no_background;
  q.limit = args.limit;
  auto events = (*store)->Events(q);
  if (!events.ok()) {
    Error(events.status().message());
    return 1;
  }
  Evidence evidence(**store);
  if (args.format == "text") {
    for (const auto& se : *events) {
      const marsad::Event& e = se.event;
      std::string date = e.date ? e.date->value + (e.date_is_default ? "~" : "") : "-";
      std::printf("%-10s  %-12s %s", date.c_str(), e.type.c_str(), e.trigger.c_str());
      if (!e.actors.empty()) std::printf("  actors: %s", Join(e.actors, "; ").c_str());
      if (!e.targets.empty()) std::printf("  targets: %s", Join(e.targets, "; ").c_str());
      if (e.place) std::printf("  place: %s", ArgLabel(*e.place).c_str());
      for (const auto& qn : e.quantities) std::printf("  [%g %s]", qn.value, qn.unit.c_str());
      std::string flags = Flags(e);
      if (!flags.empty()) std::printf("  (%s)", flags.c_str());
      std::printf("  conf %.2f  doc %lld %s\n", e.confidence, static_cast<long long>(se.doc_id),
                  se.outlet_id.c_str());
      std::string ev = evidence.Of(se);
      if (!ev.empty()) {
        // At most ~200 code points of evidence, cut on a UTF-8 boundary.
        size_t cut = ev.size();
        size_t cps = 0;
        for (size_t i = 0; i < ev.size(); ++i) {
          if ((static_cast<unsigned char>(ev[i]) & 0xC0) != 0x80 && cps++ == 200) {
            cut = i;
            break;
          }
        }
        std::printf("            %s%s\n", ev.substr(0, cut).c_str(), cut < ev.size() ? " ..." : "");
      }
    }
    if (!ctx.global.quiet) std::fprintf(stderr, "%zu event%s\n", events->size(), events->size() == 1 ? "" : "s");
  } else if (args.format == "json") {
    nlohmann::json out = {{"events", nlohmann::json::array()}};
    for (const auto& se : *events) out["events"].push_back(EventJson(se, evidence.Of(se)));
    std::printf("%s\n", Dump(out, 2).c_str());
  } else if (args.format == "jsonl") {
    for (const auto& se : *events) std::printf("%s\n", Dump(EventJson(se, evidence.Of(se))).c_str());
  } else {
    std::printf("id,doc_id,outlet_id,published,date,type,trigger,actors,targets,place_id,place,negated,status,"
                "background,confidence,evidence\n");
    for (const auto& se : *events) {
      const marsad::Event& e = se.event;
      std::printf("%lld,%lld,%s,%s,%s,%s,%s,%s,%s,%s,%s,%d,%s,%d,%.3f,%s\n", static_cast<long long>(se.id),
                  static_cast<long long>(se.doc_id), CsvField(se.outlet_id).c_str(), CsvField(se.published).c_str(),
                  CsvField(e.date ? e.date->value : "").c_str(), e.type.c_str(), CsvField(e.trigger).c_str(),
                  CsvField(Join(e.actors, "; ")).c_str(), CsvField(Join(e.targets, "; ")).c_str(),
                  CsvField(e.place ? e.place->entity_id : "").c_str(), CsvField(e.place ? e.place->text : "").c_str(),
                  e.negated ? 1 : 0, e.status.c_str(), e.background ? 1 : 0, e.confidence,
                  CsvField(evidence.Of(se)).c_str());
    }
  }
  return 0;
}

void Setup(CLI::App& app, marsad::cli::VerbContext& ctx) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "events", "Stored events (who did what to whom, where, when), by place, entity, date and type");
  cmd->add_option("--db", args->db, "SQLite store (default: the global --db, marsad.db)");
  cmd->add_option("--place", args->place, "Only events at this knowledge-base place id (e.g. sy-abu-kamal)");
  cmd->add_option("--entity", args->entity, "Only events with this entity id as actor, target or place");
  cmd->add_option("--from", args->from, "Event date on or after this ISO date (2017-11-01)");
  cmd->add_option("--to", args->to, "Event date on or before this ISO date prefix (2017-11)");
  cmd->add_option("--type", args->type, "Only this event type (ASSAULT, TAKE_CONTROL, WITHDRAW, ...)");
  cmd->add_flag("--no-negated", args->no_negated, "Leave out negated or denied events");
  cmd->add_flag("--no-background", args->no_background, "Leave out background events (told as past)");
  cmd->add_option("-n,--limit", args->limit, "Maximum events (default 100)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--format", args->format, "text (default), json, jsonl or csv")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv"}));
  cmd->callback([args, &ctx] { ctx.exit_code = Run(*args, ctx); });
}

MARSAD_REGISTER_VERB(events, 35, Setup);

}  // namespace
