#include <cstdio>

#include "verb.h"

namespace {
void Setup(CLI::App& app, marsad::cli::VerbContext& ctx) {
  auto* cmd = app.add_subcommand("version", "Print the version of marsad and its formats");
  cmd->callback([] { std::printf("marsad 0.1.0 (analysis schema marsad.analysis/1)\n"); });
}
MARSAD_REGISTER_VERB(version, 99, Setup);
}  // namespace
