#include "marsad/serve/server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "marsad/serve/http_util.h"

namespace marsad::serve {

namespace {

constexpr const char* kCsp =
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'";

void SetCommonHeaders(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
}

void SetJsonError(httplib::Response& res, int status, const std::string& code,
                  const std::string& message) {
  res.status = status;
  SetCommonHeaders(res);
  res.set_content(ErrorBody(code, message), "application/json; charset=utf-8");
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  std::unique_ptr<Api> api;
  httplib::Server http;
  RateLimiter limiter;
  std::thread thread;
  int port = 0;
  bool started = false;

  Impl(const ServerOptions& o) : options(o), limiter(o.rate, o.burst) {}

  void Dispatch(const httplib::Request& req, httplib::Response& res) {
    auto t0 = std::chrono::steady_clock::now();
    if (!limiter.Allow(req.remote_addr)) {
      res.set_header("Retry-After", "1");
      SetJsonError(res, 429, "rate_limited", "too many requests from this client; slow down");
    } else if (req.path.rfind("/api", 0) == 0 &&
               (req.path.size() == 4 || req.path[4] == '/')) {
      ApiRequest ar;
      ar.method = req.method;
      ar.path = req.path;
      for (const auto& [k, v] : req.params) ar.params.emplace(k, v);
      ar.authorization = req.get_header_value("Authorization");
      ar.body = req.body;
      ApiResponse r = api->Handle(ar);
      res.status = r.status;
      SetCommonHeaders(res);
      res.set_header("Cache-Control", "no-store");
      if (!r.filename.empty()) {
        res.set_header("Content-Disposition", "attachment; filename=\"" + r.filename + "\"");
      }
      res.set_content(std::move(r.body), r.content_type);
    } else if (req.method != "GET" && req.method != "HEAD") {
      SetJsonError(res, 405, "method_not_allowed", "static files are read with GET");
    } else {
      auto file = ResolveAssetPath(options.assets_dir, req.target);
      if (!file) {
        bool suspicious = req.target.find("..") != std::string::npos ||
                          req.target.find('%') != std::string::npos ||
                          req.target.find('\\') != std::string::npos ||
                          req.target.find("//") != std::string::npos;
        if (suspicious) {
          SetJsonError(res, 400, "bad_path", "this path is not allowed");
        } else {
          SetJsonError(res, 404, "not_found", "no such file");
        }
      } else {
        std::ifstream in(*file, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        res.status = 200;
        SetCommonHeaders(res);
        res.set_header("Content-Security-Policy", kCsp);
        // Vite names assets by content hash: cache them; never index.html.
        if (file->find("/assets/") != std::string::npos) {
          res.set_header("Cache-Control", "public, max-age=31536000, immutable");
        } else {
          res.set_header("Cache-Control", "no-cache");
        }
        res.set_content(ss.str(), ContentTypeFor(*file));
      }
    }
    if (options.log_requests) {
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      std::fprintf(stderr, "%s %s %d %.1fms\n", req.method.c_str(), req.target.c_str(), res.status, ms);
    }
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Stop(); }

StatusOr<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  if (impl->options.assets_dir.empty()) {
    const char* env = std::getenv("MARSAD_WEB");
    impl->options.assets_dir = env && *env ? env : MARSAD_DEFAULT_WEB_DIR;
  }
  ApiOptions ao = options.api;
  ao.sessions = std::max(1, options.threads);
  auto api = Api::Create(ao);
  if (!api.ok()) return api.status();
  impl->api = std::move(*api);
  Impl* p = impl.get();
  auto& http = impl->http;
  const int threads = std::max(1, options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.max_body_bytes);
  // Responses are written as headers then body: without TCP_NODELAY, Nagle's
  // algorithm meets the client's delayed ACK and each keep-alive response
  // waits ~40 ms for nothing.
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(10000);
  http.set_keep_alive_timeout(5);
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  auto handler = [p](const httplib::Request& req, httplib::Response& res) { p->Dispatch(req, res); };
  http.Get(".*", handler);
  http.Post(".*", handler);
  http.Put(".*", handler);
  http.Delete(".*", handler);
  http.Patch(".*", handler);
  http.Options(".*", handler);
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    switch (res.status) {
      case 413:
        SetJsonError(res, 413, "payload_too_large", "the request body is larger than the server accepts");
        break;
      case 414:
        SetJsonError(res, 414, "uri_too_long", "the request target is too long");
        break;
      case 400:
        SetJsonError(res, 400, "bad_request", "malformed HTTP request");
        break;
      default:
        SetJsonError(res, res.status, "http_error", "HTTP error " + std::to_string(res.status));
    }
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SetJsonError(res, 500, "internal", "internal error");
  });
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status Server::Start() {
  Impl& s = *impl_;
  if (s.started) return Status::Ok();
  if (s.options.port == 0) {
    s.port = s.http.bind_to_any_port(s.options.host);
    if (s.port <= 0) return IoError("cannot bind " + s.options.host + " on any port");
  } else {
    if (!s.http.bind_to_port(s.options.host, s.options.port)) {
      return IoError("cannot bind " + s.options.host + ":" + std::to_string(s.options.port) +
                     " (in use? try --port)");
    }
    s.port = s.options.port;
  }
  s.started = true;
  s.thread = std::thread([&s] { s.http.listen_after_bind(); });
  // listen_after_bind sets is_running once it accepts; wait for it briefly.
  for (int i = 0; i < 200 && !s.http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return Status::Ok();
}

void Server::Wait() {
  if (impl_->thread.joinable()) impl_->thread.join();
}

void Server::Stop() {
  if (!impl_ || !impl_->started) return;
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
  impl_->started = false;
}

int Server::port() const { return impl_->port; }
const std::string& Server::assets_dir() const { return impl_->options.assets_dir; }

}  // namespace marsad::serve
