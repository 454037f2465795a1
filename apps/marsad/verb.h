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
// The order number sorts verbs in --help. Group verbs (eval, train, bench)
// exist already; see MARSAD_REGISTER_SUBVERB below.
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
  std::string parent;  // "" for top-level verbs; "eval", "train", "bench" for sub-verbs
};

std::vector<VerbEntry>& VerbRegistry();

struct VerbRegistrar {
  VerbRegistrar(std::string name, int order, VerbSetup setup, std::string parent = "") {
    VerbRegistry().push_back({std::move(name), order, std::move(setup), std::move(parent)});
  }
};

// Prints "marsad: <message>" on stderr (one line).
void Error(const std::string& message);

}  // namespace marsad::cli

#define MARSAD_REGISTER_VERB(name, order, fn) \
  static ::marsad::cli::VerbRegistrar marsad_verb_##name(#name, order, fn)

// A sub-verb of a group verb: `marsad eval segment`, `marsad train ner`,
// `marsad bench pipeline`. The setup function receives the group's CLI::App
// (already created) as its first argument:
//   void Setup(CLI::App& eval, VerbContext& ctx) { eval.add_subcommand("segment", ...); }
//   MARSAD_REGISTER_SUBVERB(eval, segment, Setup);
#define MARSAD_REGISTER_SUBVERB(parent, name, fn) \
  static ::marsad::cli::VerbRegistrar marsad_subverb_##parent##_##name(#name, 0, fn, #parent)
