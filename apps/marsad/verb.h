// Verb registry for the marsad CLI. Each verb lives in its own file and
// registers itself:
//
//   namespace {
//   void Setup(CLI::App& app, marsad::cli::VerbContext& ctx) {
//     auto* cmd = app.add_subcommand("search", "Full-text search ...");
//     ... cmd->callback([&ctx] { ctx.exit_code = Run(...); });
//   }
//   MARSAD_REGISTER_VERB(search, 30, Setup);
//   }
//
// The order number sorts verbs in --help.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace marsad::cli {

struct GlobalOptions {
  std::string data_dir;   // --data
  std::string db = "marsad.db";  // --db
  int threads = 0;        // --threads
  bool quiet = false;     // --quiet
};

struct VerbContext {
  GlobalOptions global;
  int exit_code = 0;
};

using VerbSetup = std::function<void(CLI::App&, VerbContext&)>;

struct VerbEntry {
  std::string name;
  int order;
  VerbSetup setup;
};

std::vector<VerbEntry>& VerbRegistry();

struct VerbRegistrar {
  VerbRegistrar(std::string name, int order, VerbSetup setup) {
    VerbRegistry().push_back({std::move(name), order, std::move(setup)});
  }
};

// Prints "marsad: <message>" on stderr (one line).
void Error(const std::string& message);

}  // namespace marsad::cli

#define MARSAD_REGISTER_VERB(name, order, fn) \
  static ::marsad::cli::VerbRegistrar marsad_verb_##name(#name, order, fn)
