// marsad bench stories : near-duplicate detection and incremental story
// clustering at scale. Analyzes the team's example corpus (examples/corpus,
// never the seeds), then adds N synthetic articles built by recombining its
// sentences (with their entities) under random dates and outlets; one in ten
// is a republication of an earlier synthetic article with a line added.
// Prints articles/s, peak memory and the latency of adding one article once
// the index holds N articles. Prints figures; it is a measurement, not a test.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>

#include "marsad/common/paths.h"
#include "marsad/engine/engine.h"
#include "marsad/ingest/reader.h"
#include "marsad/stories/clusterer.h"
#include "marsad/stories/stories.h"
#include "marsad/store/store.h"
#include "marsad/tokenize/tokenizer.h"
#include "verb.h"

namespace marsad::cli {
namespace {

struct BenchArgs {
  std::vector<std::string> paths{"examples/corpus"};
  int articles = 100000;
  int sentences_min = 6, sentences_max = 14;  // clauses per article
  std::string granularity = "story";
  uint64_t seed = 17;
  std::string store;  // also measure through a store (Put + StoryUpdater) at this path
  int store_probe = 200;
};

// A clause of the corpus (sentences cut at commas and semicolons) with the
// entity mentions inside it (offsets relative to the clause).
struct Piece {
  std::string text;
  struct M {
    size_t start, end;
    const Entity* entity;
  };
  std::vector<M> mentions;
};

// CPU time of this thread, in ms: latency without the other processes of a shared machine.
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;  // Linux: kilobytes
}

int RunBench(VerbContext& ctx, const BenchArgs& args) {
  std::vector<Document> corpus;
  ingest::ReadOptions ro;
  ingest::ReadInputs(args.paths, ro, [&](Document&& d) { corpus.push_back(std::move(d)); },
                     [](const ingest::InputError& e) { std::fprintf(stderr, "marsad: %s\n", e.message.c_str()); });
  if (corpus.empty()) {
    Error("bench stories: no articles read");
    return 2;
  }
  EngineOptions eo;
  eo.data_dir = DataDir(ctx.global.data_dir);
  auto engine = Engine::Create(eo);
  if (!engine.ok()) {
    Error(engine.status().message());
    return 2;
  }
  for (auto& d : corpus) (*engine)->pipeline().ProcessOne(d);
  std::vector<Piece> pieces;
  for (const auto& d : corpus) {
    for (const Span& sent : d.sentences) {
      if (sent.end - sent.start < 40) continue;  // titles, datelines, chrome
      // Cut at "،" and "؛" (Arabic comma, semicolon): more pieces, fewer chance near-duplicates.
      std::vector<Span> clauses;
      int32_t from = sent.start;
      for (int32_t i = sent.start; i + 1 < sent.end; ++i) {
        std::string_view two(d.body.data() + i, 2);
        if (two == "\xd8\x8c" || two == "\xd8\x9b") {
          if (i - from >= 25) clauses.push_back({from, i});
          from = i + 2;
        }
      }
      if (sent.end - from >= 25) clauses.push_back({from, sent.end});
      for (const Span& s : clauses) {
        Piece p;
        p.text = d.body.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start));
        for (const Entity& e : d.entities) {
          for (const auto& m : e.mentions) {
            if (m.span.start >= s.start && m.span.end <= s.end) {
              p.mentions.push_back({static_cast<size_t>(m.span.start - s.start), static_cast<size_t>(m.span.end - s.start), &e});
            }
          }
        }
        pieces.push_back(std::move(p));
      }
    }
  }
  std::printf("corpus: %zu articles, %zu clauses to recombine; granularity %s\n", corpus.size(), pieces.size(),
              args.granularity.c_str());
  if (pieces.size() < 3) {
    Error("bench stories: too few sentences in the corpus");
    return 2;
  }
  std::mt19937_64 rng(args.seed);
  std::uniform_int_distribution<int> n_sent(args.sentences_min, args.sentences_max);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> day(0, 8 * 365);
  std::uniform_int_distribution<int> outlet(0, 39);
  std::uniform_int_distribution<int> percent(0, 99);

  std::unique_ptr<Store> store;
  std::vector<Document> pending;
  if (!args.store.empty()) {
    std::remove(args.store.c_str());
    auto s = Store::Open(args.store);
    if (!s.ok()) {
      Error(s.status().message());
      return 2;
    }
    store = std::move(*s);
  }
  auto flush = [&]() -> bool {
    if (!store || pending.empty()) return true;
    std::vector<const Document*> ptrs;
    for (const auto& d : pending) ptrs.push_back(&d);
    auto r = store->PutBatch(ptrs);
    pending.clear();
    if (!r.ok()) Error(r.status().message());
    return r.ok();
  };
  stories::StoryClusterer clusterer(stories::ClustererOptions::ForGranularity(args.granularity));
  stories::MinHasher hasher;
  const int32_t day0 = stories::DayNumber("2014-01-01");
  std::vector<std::string> bodies;  // kept only for republications (the last 1000)
  size_t bytes = 0;
  int copies_made = 0, copies_found = 0;
  double features_s = 0, add_s = 0;
  std::vector<double> last_add_ms, last_total_ms, last_cpu_ms;
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 1; i <= args.articles; ++i) {
    Document d;
    d.outlet = OutletRef{"outlet" + std::to_string(outlet(rng)), "", ""};
    d.published = PublishedDate{stories::DayString(day0 + day(rng)), Precision::kDay, "", false};
    bool copy = i > 10 && percent(rng) < 10 && !bodies.empty();
    std::map<std::string, Entity> ents;
    if (copy) {
      d.body = bodies[static_cast<size_t>(rng() % bodies.size())] + "\nالمصدر: وكالات";  // "Source: agencies"
      ++copies_made;
    } else {
      int n = n_sent(rng);
      for (int k = 0; k < n; ++k) {
        const Piece& p = pieces[pick(rng)];
        size_t base = d.body.size();
        d.body += p.text;
        d.body += k % 3 == 2 ? ". " : "، ";
        for (const auto& m : p.mentions) {
          Entity& e = ents[m.entity->id];
          if (e.id.empty()) {
            e = *m.entity;
            e.mentions.clear();
          }
          e.mentions.push_back({{static_cast<int32_t>(base + m.start), static_cast<int32_t>(base + m.end)}, ""});
        }
      }
      bodies.push_back(d.body);
      if (bodies.size() > 1000) bodies.erase(bodies.begin());
    }
    for (auto& [id, e] : ents) d.entities.push_back(std::move(e));
    bytes += d.body.size();
    if (store) {
      pending.push_back(d);
      if (pending.size() >= 1000 && !flush()) return 2;
    }
    auto a = std::chrono::steady_clock::now();
    stories::DocFeatures f = stories::ExtractFeatures(d, i, hasher);
    auto b = std::chrono::steady_clock::now();
    double cpu0 = ThreadCpuMs();
    stories::Assignment as = clusterer.Add(f);
    double cpu1 = ThreadCpuMs();
    auto c = std::chrono::steady_clock::now();
    features_s += std::chrono::duration<double>(b - a).count();
    add_s += std::chrono::duration<double>(c - b).count();
    if (as.duplicate_of != 0 || !as.repointed_copies.empty()) ++copies_found;
    if (i > args.articles - 1000) {
      last_add_ms.push_back(std::chrono::duration<double, std::milli>(c - b).count());
      last_cpu_ms.push_back(cpu1 - cpu0);
      last_total_ms.push_back(std::chrono::duration<double, std::milli>(c - a).count());
    }
    if (!ctx.global.quiet && i % 10000 == 0) {
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::fprintf(stderr, "\r%d articles, %zu stories, %.0f articles/s, peak %.0f MB   ", i, clusterer.story_count(),
                   i / s, PeakRssMb());
    }
  }
  double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!ctx.global.quiet) std::fprintf(stderr, "\n");
  auto pct = [](std::vector<double> v, double p) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
  };
  std::printf("added %d synthetic articles (%.1f MB) in %.1f s: %.0f articles/s (features %.0f/s, clustering %.0f/s)\n",
              args.articles, bytes / 1e6, total, args.articles / total, args.articles / features_s, args.articles / add_s);
  std::printf("stories %zu; republications made %d, found as copies %d (%.1f%%)\n", clusterer.story_count(),
              copies_made, copies_found, copies_made ? 100.0 * copies_found / copies_made : 0.0);
  std::printf("latency of adding one article at %d (last 1000): clustering median %.3f ms, p99 %.3f ms, max %.3f ms; "
              "with features (tokenize + MinHash) median %.3f ms, p99 %.3f ms\n",
              args.articles, pct(last_add_ms, 0.5), pct(last_add_ms, 0.99), pct(last_add_ms, 1.0),
              pct(last_total_ms, 0.5), pct(last_total_ms, 0.99));
  std::printf("  clustering in thread CPU time: median %.3f ms, p99 %.3f ms, max %.3f ms\n", pct(last_cpu_ms, 0.5),
              pct(last_cpu_ms, 0.99), pct(last_cpu_ms, 1.0));
  std::printf("peak memory (max RSS, whole process incl. the knowledge base): %.0f MB\n", PeakRssMb());
  if (!store) return 0;
  // Through the store: assign the N stored articles, then add articles one
  // at a time, each followed by an update of a long-lived StoryUpdater.
  if (!flush()) return 2;
  stories::StoriesOptions so;
  so.granularity = args.granularity;
  so.data_dir = ctx.global.data_dir;
  auto s0 = std::chrono::steady_clock::now();
  auto updater = stories::StoryUpdater::Create(*store, so);
  if (!updater.ok()) {
    Error(updater.status().message());
    return 2;
  }
  auto n = (*updater)->Update();
  if (!n.ok()) {
    Error(n.status().message());
    return 2;
  }
  double assign_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
  std::printf("store %s: %d stored articles assigned in %.1f s (%.0f articles/s, incl. reading them back)\n",
              args.store.c_str(), *n, assign_s, *n / assign_s);
  std::vector<double> one_ms, update_ms;
  for (int k = 0; k < args.store_probe; ++k) {
    Document d;
    d.outlet = OutletRef{"probe", "", ""};
    d.published = PublishedDate{stories::DayString(day0 + day(rng)), Precision::kDay, "", false};
    int parts = n_sent(rng);
    for (int j = 0; j < parts; ++j) d.body += pieces[pick(rng)].text + "، ";
    d.body += std::to_string(k);
    auto a = std::chrono::steady_clock::now();
    auto put = store->Put(d);
    auto mid = std::chrono::steady_clock::now();
    auto u = (*updater)->Update();
    update_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - mid).count());
    if (!put.ok() || !u.ok()) {
      Error("store probe failed");
      return 2;
    }
    one_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
  }
  std::printf("store: adding one article (Put + StoryUpdater::Update) at %d: median %.2f ms, p90 %.2f ms, p99 %.2f ms\n",
              *n, pct(one_ms, 0.5), pct(one_ms, 0.9), pct(one_ms, 0.99));
  std::printf("store: of which the story update alone: median %.2f ms, p90 %.2f ms, p99 %.2f ms\n", pct(update_ms, 0.5),
              pct(update_ms, 0.9), pct(update_ms, 0.99));
  std::printf("peak memory after the store run: %.0f MB\n", PeakRssMb());
  return 0;
}

void Setup(CLI::App& bench, VerbContext& ctx) {
  auto args = std::make_shared<BenchArgs>();
  auto* cmd = bench.add_subcommand("stories", "Wire-copy detection and story clustering on N synthetic articles");
  cmd->add_option("paths", args->paths, "Corpus to recombine (default examples/corpus)")->capture_default_str();
  cmd->add_option("-n,--articles", args->articles, "Synthetic articles to add")->capture_default_str();
  cmd->add_option("--granularity", args->granularity, "story or event")
      ->check(CLI::IsMember({"story", "event"}))
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "Random seed")->capture_default_str();
  cmd->add_option("--store", args->store, "Also store the articles in this NEW store file (deleted first) and time "
                                          "adding one article through the store");
  cmd->add_option("--store-probe", args->store_probe, "Articles added one at a time through the store")
      ->capture_default_str();
  cmd->callback([&ctx, args] { ctx.exit_code = RunBench(ctx, *args); });
}

MARSAD_REGISTER_SUBVERB(bench, stories, Setup);

}  // namespace
}  // namespace marsad::cli
