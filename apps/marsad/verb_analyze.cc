// marsad analyze PATH... : run the per-document pipeline and print the
// analysis as JSON (marsad.analysis/1), JSONL, CSV or readable text.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "analyze_common.h"
#include "marsad/common/utf8.h"
#include "marsad/document/json.h"
#include "marsad/stories/stories.h"
#include "marsad/store/store.h"
#include "text_render.h"
#include "verb.h"

namespace marsad::cli {
namespace {

struct AnalyzeArgs {
  BatchOptions batch;
  std::string format = "text";
  std::string output;
  bool store = false;
  bool tokens = false;
  bool stories = true;            // JSON: top-level "stories" (docs/stories.md)
  std::string granularity = "story";
};

std::string CsvField(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out + "\"";
}

int RunAnalyze(VerbContext& ctx, AnalyzeArgs& args) {
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!args.output.empty() && args.output != "-") {
    file.open(args.output, std::ios::binary);
    if (!file) {
      Error(args.output + ": cannot open for writing");
      return 2;
    }
    out = &file;
  }
  std::unique_ptr<Store> store;
  if (args.store) {
    auto s = Store::Open(ctx.global.db);
    if (!s.ok()) {
      Error(ctx.global.db + ": " + s.status().message());
      return 2;
    }
    store = std::move(*s);
  }
  JsonOptions jo;
  jo.include_tokens = args.tokens;
  nlohmann::json errors = nlohmann::json::array();
  bool first = true;
  int64_t stored_new = 0, stored_dup = 0, store_errors = 0;
  if (args.format == "json") *out << "{\"schema\":\"" << kAnalysisSchema << "\",\"documents\":[\n";
  if (args.format == "csv") *out << "source,title,outlet,published,wires,body_chars,removed_lines,entities,dates,events,failed\n";
  // Documents kept for the "stories" list of JSON output (without tokens,
  // which the comparison recomputes per story).
  std::vector<Document> kept;
  const bool keep = args.format == "json" && args.stories;
  auto sink = [&](Document& d) {
    if (store) {
      auto r = store->Put(d);
      if (!r.ok()) {
        ++store_errors;
        std::fprintf(stderr, "marsad: %s: not stored: %s\n", d.source.c_str(), r.status().message().c_str());
      } else if (r->inserted) {
        ++stored_new;
      } else {
        ++stored_dup;
      }
    }
    if (args.format == "json" || args.format == "jsonl") {
      nlohmann::json j = DocumentToJson(d, jo);
      if (args.format == "json") {
        if (!first) *out << ",\n";
        *out << j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
      } else {
        *out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    } else if (args.format == "csv") {
      std::string wires;
      for (const auto& w : d.wires) wires += (wires.empty() ? "" : "|") + w;
      *out << CsvField(d.source) << ',' << CsvField(d.title) << ',' << CsvField(d.outlet ? d.outlet->id : "")
           << ',' << CsvField(d.published ? d.published->value : "") << ',' << CsvField(wires) << ','
           << utf8::Length(d.body) << ',' << d.removed.size() << ',' << d.entities.size() << ','
           << d.dates.size() << ',' << d.events.size() << ',' << (d.failed ? 1 : 0) << "\n";
    } else {
      RenderText(d, *out);
    }
    first = false;
    if (keep) {
      kept.push_back(d);
      kept.back().tokens.clear();
      kept.back().tokens.shrink_to_fit();
    }
  };
  auto on_error = [&](const std::string& source, const std::string& code, const std::string& message) {
    errors.push_back({{"source", source}, {"code", code}, {"message", message}});
  };
  BatchSummary summary;
  std::string error;
  if (!RunBatch(ctx, args.batch, sink, on_error, &summary, &error)) {
    Error(error);
    return 2;
  }
  if (args.format == "json") {
    if (keep) {
      stories::StoriesOptions so;
      so.granularity = args.granularity;
      so.data_dir = ctx.global.data_dir;
      *out << "\n],\"stories\":"
           << stories::StoriesJson(kept, so).dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
      *out << ",\"errors\":" << errors.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "}\n";
    } else {
    *out << "\n],\"errors\":" << errors.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "}\n";
    }
  }
  out->flush();
  if (store) {
    // New documents join stories incrementally (docs/stories.md).
    stories::StoriesOptions so;
    so.granularity = args.granularity;
    so.data_dir = ctx.global.data_dir;
    Status st = stories::UpdateStories(*store, so);
    if (!st.ok()) {
      std::fprintf(stderr, "marsad: stories not updated: %s\n", st.message().c_str());
      ++store_errors;
    }
  }
  if (!ctx.global.quiet) {
    PrintSummary(summary, stderr);
    if (store) {
      std::fprintf(stderr, "store %s: %lld new, %lld already stored, %lld not stored\n", ctx.global.db.c_str(),
                   static_cast<long long>(stored_new), static_cast<long long>(stored_dup),
                   static_cast<long long>(store_errors));
    }
  }
  return (summary.input_errors > 0 || summary.failed > 0 || store_errors > 0) ? 1 : 0;
}

void Setup(CLI::App& app, VerbContext& ctx) {
  auto args = std::make_shared<AnalyzeArgs>();
  auto* cmd = app.add_subcommand(
      "analyze",
      "Analyze articles: clean page chrome, find title, outlet, wires, dates, entities, events.\n"
      "PATH may be a text file, a directory (read recursively), a JSONL file (one article per\n"
      "line: text, title, url, published, outlet) or - for stdin. Offsets in JSON output are\n"
      "Unicode code points into `body` (docs/schema.md). Exit code 1 if any input failed.");
  cmd->add_option("paths", args->batch.paths, "Files, directories, JSONL files, or - for stdin")->required();
  cmd->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write to FILE instead of stdout");
  cmd->add_flag("--store", args->store, "Also store the analysis in the --db store");
  cmd->add_flag("--tokens", args->tokens, "Include tokens in JSON output");
  cmd->add_flag("!--no-stories", args->stories, "JSON: leave out the top-level \"stories\" list");
  cmd->add_option("--granularity", args->granularity, "Stories: one event or a longer story (docs/stories.md)")
      ->check(CLI::IsMember({"story", "event"}))
      ->capture_default_str();
  cmd->add_option("--max-file-mb", args->batch.max_file_mb, "Largest article file accepted, in MB")
      ->capture_default_str();
  cmd->callback([&ctx, args] { ctx.exit_code = RunAnalyze(ctx, *args); });
}

MARSAD_REGISTER_VERB(analyze, 10, Setup);

}  // namespace
}  // namespace marsad::cli
