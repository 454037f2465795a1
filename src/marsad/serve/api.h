// The marsad HTTP API, independent of the HTTP library: a request in, a
// response out. server.h puts it on a socket; tests may call it directly.
// Endpoints, parameters and error codes: docs/api.md and docs/openapi.yaml.
//
//   auto api = Api::Create({.db_path = "marsad.db"});
//   ApiResponse r = (*api)->Handle({.method = "GET", .path = "/api/documents"});
//
// Errors are JSON {"error":{"code":"...","message":"..."}} with a stable
// code: bad_parameter, bad_id, bad_query, missing_parameter, not_found,
// unknown_endpoint, method_not_allowed, read_only, unauthorized, empty_body,
// bad_article, too_many_articles, payload_too_large, rate_limited,
// stories_unavailable, internal.
//
// All offsets in responses are Unicode code-point offsets into the
// document body (as in docs/schema.md).
//
// Thread-safety: Handle() may be called from many threads at once. Reads
// use a pool of read-only sessions (options.sessions connections); writes
// (POST /api/articles) are serialized on one read-write Store.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "marsad/common/status.h"

namespace marsad::serve {

struct ApiRequest {
  std::string method = "GET";
  std::string path;  // decoded path without the query: "/api/documents/3"
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::string authorization;                       // the Authorization header
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::string filename;  // set for exports: Content-Disposition attachment
};

struct ApiOptions {
  std::string db_path = "marsad.db";
  std::string data_dir;     // knowledge base (aliases, relations) and engine; "" = DataDir()
  int sessions = 4;         // read connections (one per server worker)
  std::string write_token;  // "" = read-only: POST /api/articles answers 403
  size_t cache_bytes = size_t{64} << 20;  // GET response cache; 0 disables it
  int max_articles_per_post = 100;
};

class Api {
 public:
  // Opens the store read-only (kNotFound if missing), loads the knowledge
  // base (optional: without it entities have no aliases/relations) and, with
  // a write token, the engine and a read-write store.
  static StatusOr<std::unique_ptr<Api>> Create(const ApiOptions& options);
  ~Api();
  ApiResponse Handle(const ApiRequest& request);
  // True when the stories module was linked in.
  static bool HasStories();

  struct Impl;

 private:
  explicit Api(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace marsad::serve
