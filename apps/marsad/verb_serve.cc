// `marsad serve`: the HTTP JSON API and the analyst's web UI over a store.
//
//   marsad --db marsad.db serve                    # http://127.0.0.1:8080/
//   marsad --db marsad.db serve --port 0           # any free port (printed)
//   marsad --db marsad.db serve --write-token "$T" # also POST /api/articles
//
// Read-only unless a write token is given. Binds 127.0.0.1 unless --host
// says otherwise. API reference: docs/api.md; UI: docs/ui.md.
// Exit codes: 0 stopped by a signal, 1 store missing/unreadable or the
// address cannot be bound.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "marsad/serve/server.h"
#include "verb.h"

namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string assets;
  int threads = 32;
  std::string write_token;
  std::string write_token_env;
  double rate = 200;
  double burst = 400;
  size_t max_body_kb = 2048;
  size_t cache_mb = 64;
  bool log = false;
};

marsad::serve::Server* g_server = nullptr;

int Run(const ServeArgs& args, const marsad::cli::VerbContext& ctx) {
  using marsad::cli::Error;
  std::error_code ec;
  std::string token = args.write_token;
  if (token.empty() && !args.write_token_env.empty()) {
    const char* v = std::getenv(args.write_token_env.c_str());
    if (v == nullptr || *v == '\0') {
      Error("--write-token-env " + args.write_token_env + " is not set");
      return 1;
    }
    token = v;
  }
  if (!std::filesystem::exists(ctx.global.db, ec) && token.empty()) {
    Error("no store at " + ctx.global.db + "; run `marsad ingest` first");
    return 1;
  }
  marsad::serve::ServerOptions o;
  o.api.db_path = ctx.global.db;
  o.api.data_dir = ctx.global.data_dir;
  o.api.write_token = token;
  o.api.cache_bytes = args.cache_mb << 20;
  o.host = args.host;
  o.port = args.port;
  o.assets_dir = args.assets;
  o.threads = args.threads;
  o.rate = args.rate;
  o.burst = args.burst;
  o.max_body_bytes = args.max_body_kb << 10;
  o.log_requests = args.log;
  auto server = marsad::serve::Server::Create(o);
  if (!server.ok()) {
    Error(server.status().message());
    return 1;
  }
  if (auto s = (*server)->Start(); !s.ok()) {
    Error(s.message());
    return 1;
  }
  g_server = server->get();
  // Stop on SIGINT/SIGTERM from a watcher thread (signal-safe: sigwait).
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread watcher([set] {
    int sig = 0;
    sigwait(&set, &sig);
    if (g_server) g_server->Stop();
  });
  watcher.detach();
  std::string host = args.host == "0.0.0.0" ? "127.0.0.1" : args.host;
  bool has_ui = std::filesystem::exists((*server)->assets_dir() + "/index.html", ec);
  std::printf("marsad: serving %s on http://%s:%d/%s%s\n", ctx.global.db.c_str(), host.c_str(),
              (*server)->port(), has_ui ? "" : " (API only: no built UI; run scripts/build-web.sh)",
              token.empty() ? " (read-only)" : " (writes enabled with the token)");
  std::fflush(stdout);
  (*server)->Wait();
  g_server = nullptr;
  return 0;
}

void Setup(CLI::App& app, marsad::cli::VerbContext& ctx) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand(
      "serve",
      "HTTP JSON API and web UI over the --db store (read-only unless --write-token). "
      "API: docs/api.md");
  cmd->add_option("--host", args->host, "Address to bind (default 127.0.0.1: this machine only)");
  cmd->add_option("-p,--port", args->port, "Port (default 8080; 0 = any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--assets", args->assets,
                  "Folder of the built web UI (default $MARSAD_WEB, else web/dist of the source tree)");
  cmd->add_option("--threads", args->threads, "Request workers (default 32): each open keep-alive connection holds one, so keep it above the number of concurrent clients")->check(CLI::Range(1, 256));
  cmd->add_option("--write-token", args->write_token,
                  "Enable POST /api/articles for requests with 'Authorization: Bearer TOKEN'");
  cmd->add_option("--write-token-env", args->write_token_env,
                  "Read the write token from this environment variable (keeps it out of ps)");
  cmd->add_option("--rate", args->rate, "Requests per second per client (default 200; 0 = no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--burst", args->burst, "Burst allowance per client (default 400)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-body-kb", args->max_body_kb, "Largest request body in KiB (default 2048)")
      ->check(CLI::Range(1, 1 << 20));
  cmd->add_option("--cache-mb", args->cache_mb, "Response cache in MiB (default 64; 0 = off)")
      ->check(CLI::Range(0, 1 << 16));
  cmd->add_flag("--log", args->log, "Log one line per request on stderr");
  cmd->callback([args, &ctx] { ctx.exit_code = Run(*args, ctx); });
}

MARSAD_REGISTER_VERB(serve, 60, Setup);

}  // namespace
