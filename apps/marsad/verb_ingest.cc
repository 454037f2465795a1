// marsad ingest PATH... : analyze and store, printing only a summary.
#include <cstdio>
#include <map>
#include <memory>

#include "analyze_common.h"
#include "marsad/store/store.h"
#include "marsad/stories/stories.h"
#include "verb.h"

namespace marsad::cli {
namespace {

struct IngestArgs {
  BatchOptions batch;
  bool stories = true;
};

int RunIngest(VerbContext& ctx, IngestArgs& args) {
  auto s = Store::Open(ctx.global.db);
  if (!s.ok()) {
    Error(ctx.global.db + ": " + s.status().message());
    return 2;
  }
  std::unique_ptr<Store> store = std::move(*s);
  int64_t stored = 0, duplicates = 0, store_errors = 0;
  std::map<std::string, int64_t> reasons;
  std::vector<Document> pending;
  auto commit = [&] {
    std::vector<const Document*> ptrs;
    for (const auto& d : pending) ptrs.push_back(&d);
    auto r = store->PutBatch(ptrs);
    if (!r.ok()) {
      store_errors += static_cast<int64_t>(pending.size());
      std::fprintf(stderr, "marsad: %s: batch not stored: %s\n", ctx.global.db.c_str(), r.status().message().c_str());
    } else {
      for (const auto& pr : *r) (pr.inserted ? stored : duplicates) += 1;
    }
    pending.clear();
  };
  auto sink = [&](Document& d) {
    if (d.failed) {
      ++reasons["failed"];
      return;
    }
    pending.push_back(std::move(d));
    if (pending.size() >= 256) commit();
  };
  auto on_error = [&](const std::string&, const std::string& code, const std::string&) { ++reasons[code]; };
  BatchSummary summary;
  args.batch.label = "ingest";
  std::string error;
  if (!RunBatch(ctx, args.batch, sink, on_error, &summary, &error)) {
    Error(error);
    return 2;
  }
  commit();
  if (args.stories && stored > 0) {
    // New documents join stories incrementally, as with `analyze --store`.
    stories::StoriesOptions so;
    so.data_dir = ctx.global.data_dir;
    Status st = stories::UpdateStories(*store, so);
    if (!st.ok()) {
      std::fprintf(stderr, "marsad: %s: stories not updated: %s\n", ctx.global.db.c_str(), st.message().c_str());
      ++store_errors;
    }
  }
  std::printf("read %lld, stored %lld, duplicates %lld, failed %lld", static_cast<long long>(summary.read),
              static_cast<long long>(stored), static_cast<long long>(duplicates),
              static_cast<long long>(summary.input_errors + summary.failed + store_errors));
  if (!reasons.empty()) {
    std::printf(" (");
    bool first = true;
    for (const auto& [code, n] : reasons) {
      std::printf("%s%s: %lld", first ? "" : ", ", code.c_str(), static_cast<long long>(n));
      first = false;
    }
    std::printf(")");
  }
  std::printf(" -> %s\n", ctx.global.db.c_str());
  if (!ctx.global.quiet) PrintSummary(summary, stderr);
  return (summary.input_errors > 0 || summary.failed > 0 || store_errors > 0) ? 1 : 0;
}

void Setup(CLI::App& app, VerbContext& ctx) {
  auto args = std::make_shared<IngestArgs>();
  auto* cmd = app.add_subcommand("ingest",
                                 "Analyze articles and store them in the --db store (default marsad.db),\n"
                                 "printing a summary: read, stored, duplicates, failed with reasons.\n"
                                 "Inputs: text, JSON/JSONL, HTML pages, RSS/Atom feeds, WARC and WARC.gz\n"
                                 "(detected from the content; see docs/ingest.md).\n"
                                 "Re-ingesting the same article is a no-op (content hash).");
  cmd->add_option("paths", args->batch.paths,
                  "Files, directories (walked recursively), or - for stdin: text, JSONL, HTML, RSS/Atom, WARC(.gz)")
      ->required();
  cmd->add_flag("!--no-stories", args->stories,
                "Do not update stories after storing (run `marsad stories` later)");
  cmd->add_flag("!--no-progress", args->batch.progress, "Do not draw the progress bar (it is drawn only on a terminal)");
  cmd->add_option("--max-file-mb", args->batch.max_file_mb, "Largest article file accepted, in MB")
      ->capture_default_str();
  cmd->callback([&ctx, args] { ctx.exit_code = RunIngest(ctx, *args); });
}

MARSAD_REGISTER_VERB(ingest, 20, Setup);

}  // namespace
}  // namespace marsad::cli
