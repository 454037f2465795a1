#include "marsad/clean/media_registry.h"

#include <algorithm>

#include "marsad/clean/fold.h"
#include "marsad/clean/tsv.h"
#include "marsad/common/utf8.h"

namespace marsad::clean {
namespace {

constexpr size_t kFields = 8;

bool BoundaryBefore(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  // Walk back to the start of the previous code point.
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  int len = 1;
  return !IsAlnum(utf8::Decode(text, p, &len));
}

bool BoundaryAfter(std::string_view text, size_t pos) {
  if (pos >= text.size()) return true;
  int len = 1;
  return !IsAlnum(utf8::Decode(text, pos, &len));
}

bool IsHostChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Splits a URL or host into lower-case host (without "www.") and path.
void SplitUrl(std::string_view url, std::string* host, std::string* path) {
  std::string u = LowerAscii(url);
  size_t scheme = u.find("://");
  if (scheme != std::string::npos) u = u.substr(scheme + 3);
  size_t slash = u.find_first_of("/?#");
  *host = u.substr(0, slash);
  *path = slash == std::string::npos ? "" : u.substr(slash);
  size_t at = host->rfind('@');
  if (at != std::string::npos) *host = host->substr(at + 1);
  size_t colon = host->find(':');
  if (colon != std::string::npos) host->resize(colon);
  while (!host->empty() && host->back() == '.') host->pop_back();
  if (host->rfind("www.", 0) == 0) *host = host->substr(4);
}

bool HostMatches(const std::string& host, std::string_view domain) {
  if (host == domain) return true;
  return host.size() > domain.size() &&
         host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
         host[host.size() - domain.size() - 1] == '.';
}

}  // namespace

StatusOr<MediaRegistry> MediaRegistry::Load(const std::string& path) {
  auto rows = ReadTsv(path, kFields - 1);
  if (!rows.ok()) return rows.status();
  std::vector<std::vector<std::string>> fields;
  fields.reserve(rows->size());
  for (auto& r : *rows) fields.push_back(std::move(r.fields));
  return FromRows(fields, path);
}

StatusOr<MediaRegistry> MediaRegistry::FromRows(const std::vector<std::vector<std::string>>& rows,
                                                const std::string& origin) {
  MediaRegistry reg;
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& f = rows[i];
    if (f.size() < kFields - 1 || f[0].empty()) {
      return DataError(origin + ": record " + std::to_string(i + 1) + ": needs id and " +
                       std::to_string(kFields - 1) + " fields");
    }
    MediaEntry e;
    e.id = f[0];
    e.name_ar = f[1];
    e.name_en = f[2];
    for (const auto& d : SplitList(f[3])) {
      if (d != "-") e.domains.push_back(LowerAscii(d));
    }
    e.country = f[4];
    e.note = f[5];
    e.variants = SplitList(f[6]);
    if (reg.by_id_.count(e.id)) {
      return DataError(origin + ": duplicate id '" + e.id + "'");
    }
    size_t index = reg.entries_.size();
    reg.by_id_[e.id] = index;
    // Only the variants column identifies an entry in text: display names
    // are often common words ("الحرة", "العربية") and must not match alone.
    for (const auto& n : e.variants) {
      std::string key = FoldKey(n);
      if (key.empty()) continue;
      reg.variants_.push_back({key, index});
      reg.by_key_.emplace(key, index);  // first entry wins on a shared name
    }
    reg.entries_.push_back(std::move(e));
  }
  std::stable_sort(reg.variants_.begin(), reg.variants_.end(),
                   [](const Variant& a, const Variant& b) { return a.key.size() > b.key.size(); });
  for (size_t i = 0; i < reg.variants_.size(); ++i) {
    int len = 1;
    reg.by_first_[utf8::Decode(reg.variants_[i].key, 0, &len)].push_back(i);
  }
  return reg;
}

const MediaEntry* MediaRegistry::FindById(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entries_[it->second];
}

const MediaEntry* MediaRegistry::FindByName(std::string_view text) const {
  if (const MediaEntry* e = FindById(text)) return e;
  auto it = by_key_.find(FoldKey(text));
  return it == by_key_.end() ? nullptr : &entries_[it->second];
}

const MediaEntry* MediaRegistry::FindNameIn(std::string_view text) const {
  const MediaEntry* best = nullptr;
  size_t best_len = 0;
  for (const Hit& h : FindHits(FoldKey(text))) {
    if (h.end - h.begin > best_len) {
      best = h.entry;
      best_len = h.end - h.begin;
    }
  }
  return best;
}

std::vector<MediaRegistry::Hit> MediaRegistry::FindHits(std::string_view key) const {
  // All boundary-delimited occurrences, then the longest ones win.
  struct Candidate {
    size_t begin, end, variant;
  };
  std::vector<Candidate> candidates;
  for (size_t pos = 0; pos < key.size();) {
    int len = 1;
    char32_t c = utf8::Decode(key, pos, &len);
    // A name of several words may follow a glued preposition: "محفوظة
    // لقناة الميادين" (reserved to the Al Mayadeen channel).
    bool after_prep = false;
    if (!BoundaryBefore(key, pos) && pos >= 2) {
      int plen = 1;
      const char32_t prev = utf8::Decode(key, pos - 2, &plen);
      after_prep = plen == 2 && (prev == U'\u0644' || prev == U'\u0628') && BoundaryBefore(key, pos - 2);
    }
    if (BoundaryBefore(key, pos) || after_prep) {
      auto it = by_first_.find(c);
      if (it != by_first_.end()) {
        for (size_t vi : it->second) {
          const std::string& v = variants_[vi].key;
          if (after_prep && v.find(' ') == std::string::npos) continue;
          if (key.compare(pos, v.size(), v) == 0 && BoundaryAfter(key, pos + v.size())) {
            candidates.push_back({pos, pos + v.size(), vi});
          }
        }
      }
    }
    pos += static_cast<size_t>(len);
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.end - a.begin > b.end - b.begin; });
  std::vector<Hit> hits;
  for (const Candidate& c : candidates) {
    bool overlaps = std::any_of(hits.begin(), hits.end(),
                                [&](const Hit& h) { return c.begin < h.end && h.begin < c.end; });
    if (!overlaps) hits.push_back({&entries_[variants_[c.variant].entry], c.begin, c.end});
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  return hits;
}

std::vector<const MediaEntry*> MediaRegistry::FindAllNamesIn(std::string_view text) const {
  std::vector<const MediaEntry*> out;
  for (const Hit& h : FindHits(FoldKey(text))) {
    if (std::find(out.begin(), out.end(), h.entry) == out.end()) out.push_back(h.entry);
  }
  return out;
}

const MediaEntry* MediaRegistry::FindByUrl(std::string_view url) const {
  std::string host, path;
  SplitUrl(url, &host, &path);
  if (host.empty()) return nullptr;
  const MediaEntry* best = nullptr;
  size_t best_len = 0;
  for (const MediaEntry& e : entries_) {
    for (const std::string& d : e.domains) {
      size_t slash = d.find('/');
      std::string_view dhost = std::string_view(d).substr(0, slash);
      std::string_view dpath =
          slash == std::string::npos ? std::string_view() : std::string_view(d).substr(slash);
      if (!HostMatches(host, dhost)) continue;
      if (!dpath.empty() && path.rfind(dpath, 0) != 0) continue;
      if (d.size() > best_len) {
        best = &e;
        best_len = d.size();
      }
    }
  }
  return best;
}

const MediaEntry* MediaRegistry::FindDomainIn(std::string_view text) const {
  std::string t = LowerAscii(text);
  // De-obfuscate e-mail addresses: "desk (at) x.com", "desk [at] x.com".
  for (const char* at : {" (at) ", "(at)", " [at] ", "[at]"}) {
    for (size_t p = t.find(at); p != std::string::npos; p = t.find(at, p)) {
      t = t.substr(0, p) + "@" + t.substr(p + std::string_view(at).size());
    }
  }
  size_t i = 0;
  while (i < t.size()) {
    if (!IsHostChar(t[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && IsHostChar(t[j])) ++j;
    std::string token = t.substr(i, j - i);
    // Keep a path for prefix domains ("bbc.com/arabic").
    size_t k = j;
    while (k < t.size() && t[k] != ' ' && t[k] != '"' && t[k] != '\'' && t[k] != ')') ++k;
    std::string with_path = t.substr(i, k - i);
    i = j;
    while (!token.empty() && (token.back() == '.' || token.back() == '-')) token.pop_back();
    if (token.find('.') == std::string::npos) continue;
    if (const MediaEntry* e = FindByUrl(with_path.size() > token.size() ? with_path : token)) {
      return e;
    }
  }
  return nullptr;
}

}  // namespace marsad::clean
