// marsad: reads Arabic news from many outlets and reconstructs who did what
// to whom, where and when, according to whom.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "verb.h"

namespace marsad::cli {

std::vector<VerbEntry>& VerbRegistry() {
  static std::vector<VerbEntry> registry;
  return registry;
}

void Error(const std::string& message) { std::fprintf(stderr, "marsad: %s\n", message.c_str()); }

}  // namespace marsad::cli

int main(int argc, char** argv) {
  using namespace marsad::cli;
  CLI::App app{
      "marsad (مرصد) — reads Arabic news from outlets of every alignment and reconstructs what\n"
      "happened: who did what to whom, where and when, according to whom, and where sources disagree.\n\n"
      "Start here:\n"
      "  marsad analyze examples/corpus --format text    read articles, print a readable summary\n"
      "  marsad analyze FILE.txt --format json           full analysis as JSON (schema: docs/schema.md)\n"
      "  marsad ingest examples/corpus                   store articles in marsad.db\n"
      "  marsad search البوكمال                           full-text search, Arabic-aware\n",
      "marsad"};
  app.require_subcommand(1);
  VerbContext ctx;
  app.add_option("--data", ctx.global.data_dir, "Knowledge-base directory (default: the project's data/, or $MARSAD_DATA)");
  app.add_option("--db", ctx.global.db, "SQLite store (default: marsad.db)");
  app.add_option("-j,--threads", ctx.global.threads, "Worker threads (default: all cores)");
  app.add_flag("-q,--quiet", ctx.global.quiet, "No progress bar or summary on stderr");
  auto& verbs = VerbRegistry();
  std::sort(verbs.begin(), verbs.end(), [](const VerbEntry& a, const VerbEntry& b) {
    return a.order != b.order ? a.order < b.order : a.name < b.name;
  });
  for (auto& v : verbs) {
    if (v.parent.empty()) v.setup(app, ctx);
  }
  // Group verbs whose sub-verbs register themselves.
  const std::pair<const char*, const char*> kGroups[] = {
      {"eval", "Measure marsad against public data sets in ../shared/data (prints figures)"},
      {"train", "Train the models marsad ships (written to models/)"},
      {"bench", "Throughput benchmarks on this machine (prints MB/s and docs/s)"},
  };
  for (const auto& [group, help] : kGroups) {
    CLI::App* g = nullptr;
    for (auto& v : verbs) {
      if (v.parent != group) continue;
      if (g == nullptr) {
        g = app.add_subcommand(group, help);
        g->require_subcommand(1);
      }
      v.setup(*g, ctx);
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    Error(e.what());
    return 2;
  }
  return ctx.exit_code;
}
