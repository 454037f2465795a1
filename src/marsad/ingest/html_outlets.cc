#include "marsad/ingest/html_outlets.h"

#include <cctype>
#include <map>
#include <memory>
#include <mutex>

#include "marsad/common/paths.h"

namespace marsad::ingest {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Splits "scheme://host:port/path?q" into host and path.
void SplitUrl(std::string_view url, std::string* host, std::string* path) {
  url = Trim(url);
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos)
    url.remove_prefix(scheme + 3);
  else if (url.substr(0, 2) == "//")
    url.remove_prefix(2);
  size_t end = url.find_first_of("/?#");
  std::string_view h = url.substr(0, end);
  const size_t at = h.rfind('@');
  if (at != std::string_view::npos) h.remove_prefix(at + 1);
  const size_t colon = h.find(':');
  if (colon != std::string_view::npos) h = h.substr(0, colon);
  *host = Lower(h);
  while (!host->empty() && host->back() == '.') host->pop_back();
  if (host->rfind("www.", 0) == 0) host->erase(0, 4);
  *path = end == std::string_view::npos ? "" : Lower(url.substr(end));
}

}  // namespace

std::string UrlHost(std::string_view url) {
  std::string host, path;
  SplitUrl(url, &host, &path);
  return host;
}

OutletDomains OutletDomains::FromTsv(std::string_view tsv) {
  OutletDomains table;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      cols.push_back(
          line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (cols.size() < 4) continue;
    const std::string id(Trim(cols[0]));
    std::string_view domains = cols[3];
    size_t d = 0;
    while (d <= domains.size() && !id.empty()) {
      size_t bar = domains.find('|', d);
      std::string_view dom =
          Trim(domains.substr(d, bar == std::string_view::npos ? std::string_view::npos : bar - d));
      if (!dom.empty()) {
        Entry e;
        SplitUrl(dom, &e.host, &e.path);
        while (!e.path.empty() && e.path.back() == '/') e.path.pop_back();
        e.id = id;
        if (!e.host.empty()) table.entries_.push_back(std::move(e));
      }
      if (bar == std::string_view::npos) break;
      d = bar + 1;
    }
  }
  return table;
}

const OutletDomains* OutletDomains::Shared(const std::string& outlets_path) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<OutletDomains>> cache;
  const std::string path = outlets_path.empty() ? DataDir() + "/outlets.tsv" : outlets_path;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = cache[path];
  if (!slot) {
    std::string text, error;
    slot = std::make_unique<OutletDomains>(ReadFile(path, &text, &error) ? FromTsv(text) : OutletDomains());
  }
  return slot.get();
}

std::string OutletDomains::Lookup(std::string_view url) const {
  std::string host, path;
  SplitUrl(url, &host, &path);
  if (host.empty()) return "";
  const Entry* best = nullptr;
  size_t best_len = 0;
  for (const Entry& e : entries_) {
    const bool host_match =
        host == e.host || (host.size() > e.host.size() &&
                           host.compare(host.size() - e.host.size(), e.host.size(), e.host) == 0 &&
                           host[host.size() - e.host.size() - 1] == '.');
    if (!host_match) continue;
    if (!e.path.empty()) {
      if (path.rfind(e.path, 0) != 0 || (path.size() > e.path.size() && path[e.path.size()] != '/' &&
                                         path[e.path.size()] != '?' && path[e.path.size()] != '#')) {
        continue;
      }
    }
    const size_t len = e.host.size() + e.path.size() + (e.path.empty() ? 0 : 1000);
    if (best == nullptr || len > best_len) {
      best = &e;
      best_len = len;
    }
  }
  return best != nullptr ? best->id : "";
}

}  // namespace marsad::ingest
