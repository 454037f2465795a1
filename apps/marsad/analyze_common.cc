#include "analyze_common.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "marsad/common/paths.h"
#include "marsad/common/progress.h"
#include "marsad/engine/engine.h"
#include "marsad/ingest/reader.h"

namespace marsad::cli {
namespace {

// Size of the inputs on disk, for the progress bar (a quick stat walk that
// does not follow directory symlinks, so it cannot loop). Stdin counts 0.
int64_t InputBytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  int64_t total = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-") continue;
    if (fs::is_regular_file(p, ec)) {
      total += static_cast<int64_t>(fs::file_size(p, ec));
    } else if (fs::is_directory(p, ec)) {
      for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        std::error_code e2;
        if (it->is_regular_file(e2)) total += static_cast<int64_t>(it->file_size(e2));
      }
    }
  }
  return total;
}

}  // namespace

bool RunBatch(const VerbContext& ctx, const BatchOptions& options,
              const std::function<void(Document&)>& sink,
              const std::function<void(const std::string&, const std::string&, const std::string&)>& on_error,
              BatchSummary* summary, std::string* error) {
  auto t0 = std::chrono::steady_clock::now();
  EngineOptions eo;
  eo.data_dir = DataDir(ctx.global.data_dir);
  auto engine = Engine::Create(eo);
  if (!engine.ok()) {
    *error = engine.status().message();
    return false;
  }
  const Pipeline& pipeline = (*engine)->pipeline();

  ingest::ReadOptions ro;
  ro.max_file_bytes = options.max_file_mb << 20;
  // Documents are processed in chunks so memory stays bounded on large
  // corpora while both cores stay busy; output order is input order.
  constexpr size_t kChunk = 256;
  std::vector<Document> chunk;
  std::vector<double> stage_seconds;
  bool show = options.progress && !ctx.global.quiet && ProgressBar::StderrIsInteractive();
  std::unique_ptr<ProgressBar> bar;
  if (show) bar = std::make_unique<ProgressBar>(options.label, std::max<int64_t>(1, InputBytes(options.paths)), true, true);
  auto flush = [&] {
    if (chunk.empty()) return;
    RunOptions run;
    run.threads = ctx.global.threads;
    if (bar) run.on_done = [&bar](size_t, Document& d) { bar->Tick(static_cast<int64_t>(d.raw.size())); };
    RunStats stats = pipeline.Run(chunk, run);
    if (summary->stages.empty()) summary->stages = stats.stages;
    else
      for (size_t i = 0; i < stats.stages.size(); ++i) {
        summary->stages[i].seconds += stats.stages[i].seconds;
        summary->stages[i].documents += stats.stages[i].documents;
      }
    for (auto& d : chunk) {
      summary->failed += d.failed;
      summary->bytes += static_cast<int64_t>(d.raw.size());
      if (!d.failed && d.body.empty()) ++summary->no_text;
      sink(d);
    }
    chunk.clear();
  };
  ReadInputs(
      options.paths, ro,
      [&](Document&& d) {
        ++summary->read;
        chunk.push_back(std::move(d));
        if (chunk.size() >= kChunk) flush();
      },
      [&](const ingest::InputError& e) {
        ++summary->input_errors;
        std::fprintf(stderr, "marsad: %s\n", e.message.c_str());
        on_error(e.source, e.code, e.message);
      });
  flush();
  if (bar) bar->Finish();
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return true;
}

void PrintSummary(const BatchSummary& s, FILE* out) {
  std::fprintf(out, "%lld articles read, %lld input errors, %lld failed, %lld without article text; %.2f s",
               static_cast<long long>(s.read), static_cast<long long>(s.input_errors),
               static_cast<long long>(s.failed), static_cast<long long>(s.no_text), s.seconds);
  if (s.seconds > 0 && s.bytes > 0) std::fprintf(out, " (%.2f MB/s)", s.bytes / 1e6 / s.seconds);
  std::fprintf(out, "\n");
  if (!s.stages.empty()) {
    std::fprintf(out, "stage times (summed over threads):");
    for (const auto& st : s.stages) std::fprintf(out, " %s %.3fs;", st.name.c_str(), st.seconds);
    std::fprintf(out, "\n");
  }
}

}  // namespace marsad::cli
