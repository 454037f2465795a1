// Outlet lookup by web address, from the `domains` column of the outlet
// registry (data/outlets.tsv; the clean stage reads the other columns).
//
// Usage:
//   const auto* table = marsad::ingest::OutletDomains::Shared("");  // DataDir()
//   std::string id = table->Lookup("https://www.enabbaladi.net/archives/1");
//
// A domain matches its host and every subdomain ("ar.x.com" matches "x.com");
// a domain with a path ("bbc.com/arabic") matches only URLs under that path
// and wins over a bare host. Longest match wins.
//
// Thread-safety: Shared() loads each path once (thread-safe); a loaded table
// is immutable.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace marsad::ingest {

class OutletDomains {
 public:
  // Parses the registry text (TSV: id, name_ar, name_en, domains, ...).
  static OutletDomains FromTsv(std::string_view tsv);
  // The table for `outlets_path` ("" = DataDir() + "/outlets.tsv"), loaded
  // once and cached; an unreadable file gives an empty table.
  static const OutletDomains* Shared(const std::string& outlets_path);

  // Registry id owning the URL (scheme optional), or "".
  std::string Lookup(std::string_view url) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string host;  // lower case, no "www."
    std::string path;  // "" or "/arabic"
    std::string id;
  };
  std::vector<Entry> entries_;
};

// Lower-case host of a URL without "www." and port; "" if none.
std::string UrlHost(std::string_view url);

}  // namespace marsad::ingest
