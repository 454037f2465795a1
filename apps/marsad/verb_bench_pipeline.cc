// marsad bench pipeline [PATH...] : whole per-document pipeline throughput
// on one core (and on all cores), with per-stage times. Prints figures; it
// is a measurement, not a test.
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "marsad/common/paths.h"
#include "marsad/engine/engine.h"
#include "marsad/ingest/reader.h"
#include "verb.h"

namespace marsad::cli {
namespace {

struct BenchArgs {
  std::vector<std::string> paths{"examples/corpus"};
  double megabytes = 20;
  bool no_entities = false;
  bool no_dates = false;
  bool no_events = false;
};

int RunBench(VerbContext& ctx, const BenchArgs& args) {
  std::vector<Document> seed;
  ingest::ReadOptions ro;
  ingest::ReadInputs(args.paths, ro, [&](Document&& d) { seed.push_back(std::move(d)); },
                     [](const ingest::InputError& e) { std::fprintf(stderr, "marsad: %s\n", e.message.c_str()); });
  if (seed.empty()) {
    Error("bench: no articles read");
    return 2;
  }
  size_t seed_bytes = 0;
  for (const auto& d : seed) seed_bytes += d.raw.size();
  EngineOptions eo;
  eo.data_dir = DataDir(ctx.global.data_dir);
  eo.entities = !args.no_entities;
  eo.dates = !args.no_dates;
  eo.events = !args.no_events;
  auto t_load = std::chrono::steady_clock::now();
  auto engine = Engine::Create(eo);
  if (!engine.ok()) {
    Error(engine.status().message());
    return 2;
  }
  double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_load).count();
  // Replicate the corpus up to the requested size.
  std::vector<Document> docs;
  size_t bytes = 0;
  while (bytes < args.megabytes * 1e6) {
    for (const auto& d : seed) {
      docs.push_back(d);
      bytes += d.raw.size();
    }
  }
  std::printf("corpus: %zu articles (%zu distinct, %.1f KB), replicated to %.1f MB; engine load %.2f s\n",
              docs.size(), seed.size(), seed_bytes / 1e3, bytes / 1e6, load_s);
  std::printf("stages:");
  for (const auto& st : (*engine)->pipeline().stages()) std::printf(" %s", st->Name().c_str());
  std::printf("\n");
  // Ingest (format sniffing, encoding detection, UTF-8 validation) over the
  // same bytes, on one core.
  {
    auto t0 = std::chrono::steady_clock::now();
    size_t n = 0;
    for (const auto& d : docs) {
      ingest::ReadBytes(d.raw, d.source, ro, [&](Document&&) { ++n; }, [](const ingest::InputError&) {});
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("ingest   : %.1f MB/s (%zu articles re-read from memory)\n", bytes / 1e6 / s, n);
  }
  auto run = [&](int threads) {
    std::vector<Document> copy = docs;
    RunOptions ro2;
    ro2.threads = threads;
    RunStats st = (*engine)->pipeline().Run(copy, ro2);
    return st;
  };
  RunStats one = run(1);
  std::printf("1 thread : %.2f MB/s, %.0f docs/s (%.2f s)\n", bytes / 1e6 / one.wall_seconds,
              docs.size() / one.wall_seconds, one.wall_seconds);
  for (const auto& s : one.stages) {
    std::printf("  %-24s %6.2f s  %7.1f MB/s  %5.1f%%\n", s.name.c_str(), s.seconds,
                s.seconds > 0 ? bytes / 1e6 / s.seconds : 0.0, 100.0 * s.seconds / one.wall_seconds);
  }
  int n = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (n > 1) {
    RunStats all = run(n);
    std::printf("%d threads: %.2f MB/s, %.0f docs/s (%.2f s); %.2f MB/s per core\n", n,
                bytes / 1e6 / all.wall_seconds, docs.size() / all.wall_seconds, all.wall_seconds,
                bytes / 1e6 / all.wall_seconds / n);
  }
  return 0;
}

void Setup(CLI::App& bench, VerbContext& ctx) {
  auto args = std::make_shared<BenchArgs>();
  auto* cmd = bench.add_subcommand("pipeline",
                                   "Throughput of the whole per-document pipeline (ingest excluded):\n"
                                   "MB/s on one core and on all cores, and time per stage.");
  cmd->add_option("paths", args->paths, "Articles to replicate (default: examples/corpus)");
  cmd->add_option("--mb", args->megabytes, "Replicate the articles up to this many MB")->capture_default_str();
  cmd->add_flag("--no-entities", args->no_entities, "Leave entity recognition out");
  cmd->add_flag("--no-events", args->no_events, "Leave attributions and events out");
  cmd->add_flag("--no-dates", args->no_dates,
                "Leave the dates stage out (with --no-entities: the foundation pipeline only)");
  cmd->callback([&ctx, args] { ctx.exit_code = RunBench(ctx, *args); });
}

MARSAD_REGISTER_SUBVERB(bench, pipeline, Setup);

}  // namespace
}  // namespace marsad::cli
