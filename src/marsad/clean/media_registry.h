// MediaRegistry: news outlets (data/outlets.tsv) and wire agencies
// (data/wires.tsv), with the name variants and web domains that identify
// them in page chrome.
//
// File format (both files; TAB-separated, '#' comments):
//   id  name_ar  name_en  domains  country  note  variants  source
// `domains` and `variants` are '|'-separated; a domain may carry a path
// prefix ("bbc.com/arabic"). Only `variants` identify an entry in text
// (display names are often common words, e.g. "الحرة"); the id is accepted
// by FindById/FindByName. Matching is done on FoldKey() forms, so hamza,
// teh-marbuta and case variants need no extra entries.
//
// Usage:
//   auto outlets = MediaRegistry::Load(DataDir() + "/outlets.tsv");
//   if (const MediaEntry* e = outlets->FindByUrl("https://www.enabbaladi.net/x")) ...
//
// Thread-safety: immutable after Load(); all const methods are thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/common/status.h"

namespace marsad::clean {

struct MediaEntry {
  std::string id;
  std::string name_ar;
  std::string name_en;
  std::vector<std::string> domains;   // lower-case host names, optional "/path" prefix
  std::string country;                // ISO 3166 alpha-2, or "intl"
  std::string note;                   // alignment / ownership
  std::vector<std::string> variants;  // as written in the file
};

class MediaRegistry {
 public:
  static StatusOr<MediaRegistry> Load(const std::string& path);

  // Builds a registry from rows already split into the 8 fields (tests).
  static StatusOr<MediaRegistry> FromRows(const std::vector<std::vector<std::string>>& rows,
                                          const std::string& origin);

  size_t size() const { return entries_.size(); }
  const std::vector<MediaEntry>& entries() const { return entries_; }

  const MediaEntry* FindById(std::string_view id) const;

  // The entry one of whose variants equals the whole of `text` (folded), or
  // whose id equals it. Null if none.
  const MediaEntry* FindByName(std::string_view text) const;

  // The entry with the longest variant that occurs in `text` between word
  // boundaries. Null if none.
  const MediaEntry* FindNameIn(std::string_view text) const;

  // All entries with a variant occurring in `text`, in order of first
  // occurrence, without duplicates.
  std::vector<const MediaEntry*> FindAllNamesIn(std::string_view text) const;

  // Every non-overlapping variant occurrence in `key` (already FoldKey()ed),
  // longest variants first, returned in text order. Offsets are bytes of key.
  struct Hit {
    const MediaEntry* entry;
    size_t begin, end;
  };
  std::vector<Hit> FindHits(std::string_view key) const;

  // The entry owning the host of `url` ("https://www.x.com/a", "x.com",
  // "ar.x.com" all match a domain "x.com"). A domain with a path prefix
  // matches only URLs under that path; it wins over a bare-host entry.
  const MediaEntry* FindByUrl(std::string_view url) const;

  // The entry owning a domain that appears in `text` as a bare host, a URL or
  // an e-mail address (also obfuscated: "desk (at) x.com"). Null if none.
  const MediaEntry* FindDomainIn(std::string_view text) const;

 private:
  struct Variant {
    std::string key;  // FoldKey()
    size_t entry;
  };
  std::vector<MediaEntry> entries_;
  std::vector<Variant> variants_;  // sorted by key length, longest first
  // Variants by their first code point (indices into variants_, longest
  // first), so a scan tries only variants that can start at a position.
  std::unordered_map<char32_t, std::vector<size_t>> by_first_;
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<std::string, size_t> by_key_;
};

}  // namespace marsad::clean
