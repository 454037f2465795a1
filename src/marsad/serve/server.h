// `marsad serve`: the Api (api.h) and the built web UI on an HTTP socket
// (cpp-httplib).
//
//   ServerOptions o;  o.api.db_path = "marsad.db";  o.port = 0;  // any free port
//   auto server = Server::Create(o);
//   (*server)->Start();              // listens on a background thread
//   int port = (*server)->port();
//   ...
//   (*server)->Stop();
//
// Safety: binds 127.0.0.1 unless told otherwise; requests over
// max_body_bytes get 413, more than `rate` per second per client 429 (after
// a burst); static files come only from `assets_dir` (see
// ResolveAssetPath); every /api response is JSON (errors included) with
// X-Content-Type-Options: nosniff. The UI is served with a strict
// Content-Security-Policy (no third-party origins).
//
// Thread-safety: Start/Stop/Wait from one controlling thread; requests are
// handled on `threads` workers.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "marsad/common/status.h"
#include "marsad/serve/api.h"

namespace marsad::serve {

struct ServerOptions {
  ApiOptions api;
  std::string host = "127.0.0.1";
  int port = 8080;                   // 0 = any free port (see port())
  std::string assets_dir;            // "" = $MARSAD_WEB, else the build tree's web/dist
  int threads = 8;                   // request workers (also the read-session count)
  size_t max_body_bytes = size_t{2} << 20;
  double rate = 200;                 // requests per second per client; <= 0 disables
  double burst = 400;
  bool log_requests = false;         // one line per request on stderr
};

class Server {
 public:
  static StatusOr<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();
  // Binds and starts listening on a background thread. kIoError if the
  // address cannot be bound.
  Status Start();
  // Blocks until Stop() is called (from a signal handler thread, a test...).
  void Wait();
  void Stop();
  int port() const;
  const std::string& assets_dir() const;

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace marsad::serve
