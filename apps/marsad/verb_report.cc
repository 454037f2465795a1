// marsad report STORY : a story as a self-contained right-to-left HTML page
// (comparison table, contradictions, timeline, framing, map) or as JSON.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "marsad/stories/report.h"
#include "marsad/stories/stories.h"
#include "marsad/store/store.h"
#include "verb.h"

namespace marsad::cli {
namespace {

struct ReportArgs {
  std::string story;
  std::string format = "html";
  std::string output;
};

int Run(VerbContext& ctx, const ReportArgs& args) {
  StoreOptions so;
  so.read_only = true;
  auto store = Store::Open(ctx.global.db, so);
  if (!store.ok()) {
    Error(ctx.global.db + ": " + store.status().message());
    return 2;
  }
  auto j = stories::StoryJson(**store, args.story);
  if (!j.ok()) {
    Error(j.status().message() + (j.status().code() == StatusCode::kNotFound ? " (list them with `marsad stories`)" : ""));
    return j.status().code() == StatusCode::kNotFound ? 1 : 2;
  }
  std::string text = args.format == "html" ? stories::RenderStoryHtml(*j)
                                           : j->dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (args.output.empty() || args.output == "-") {
    std::cout << text;
    return 0;
  }
  std::ofstream out(args.output, std::ios::binary);
  if (!out || !(out << text)) {
    Error(args.output + ": cannot write");
    return 2;
  }
  if (!ctx.global.quiet) std::fprintf(stderr, "wrote %s\n", args.output.c_str());
  return 0;
}

void Setup(CLI::App& app, VerbContext& ctx) {
  auto args = std::make_shared<ReportArgs>();
  auto* cmd = app.add_subcommand("report",
                                 "Write a story's report: an offline right-to-left HTML page (comparison table,\n"
                                 "contradictions with evidence, timeline, framing, map) or its JSON object.");
  cmd->add_option("story", args->story, "Story id (see `marsad stories`)")->required();
  cmd->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember({"html", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write to FILE instead of stdout");
  cmd->callback([&ctx, args] { ctx.exit_code = Run(ctx, *args); });
}

MARSAD_REGISTER_VERB(report, 36, Setup);

}  // namespace
}  // namespace marsad::cli
