#include "marsad/stories/minhash.h"

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace marsad::stories {
namespace {

uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

uint64_t Mix(uint64_t x) {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace

std::vector<uint64_t> ShingleHashes(const std::vector<Token>& tokens) {
  std::vector<uint64_t> words;
  words.reserve(tokens.size());
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kArabic || t.kind == TokenKind::kLatin || t.kind == TokenKind::kNumber) {
      if (!t.norm.empty()) words.push_back(Fnv1a(t.norm));
    }
  }
  std::vector<uint64_t> out;
  if (words.empty()) return out;
  if (words.size() < 3) {
    uint64_t h = 0;
    for (uint64_t w : words) h = Mix(h ^ w);
    out.push_back(h);
    return out;
  }
  out.reserve(words.size() - 2);
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    out.push_back(Mix(words[i] ^ Mix(words[i + 1] ^ Mix(words[i + 2]))));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

MinHasher::MinHasher() {
  uint64_t seed = 0x6d61727361640001ULL;  // "marsad" + 1: fixed, signatures are stored
  for (int i = 0; i < kMinHashes; ++i) {
    seed = Mix(seed + 0x9e3779b97f4a7c15ULL);
    a_.push_back(seed | 1);
    seed = Mix(seed + 0x9e3779b97f4a7c15ULL);
    b_.push_back(seed);
  }
}

Signature MinHasher::Sign(const std::vector<uint64_t>& shingles) const {
  Signature sig;
  if (shingles.empty()) return sig;
  sig.assign(kMinHashes, std::numeric_limits<uint32_t>::max());
  for (uint64_t x : shingles) {
    for (int i = 0; i < kMinHashes; ++i) {
      uint32_t h = static_cast<uint32_t>((a_[i] * x + b_[i]) >> 32);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

double EstimateJaccard(const Signature& a, const Signature& b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return 0;
  int same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::vector<uint64_t> BandKeys(const Signature& s) {
  std::vector<uint64_t> keys;
  if (s.size() != static_cast<size_t>(kMinHashes)) return keys;
  keys.reserve(kBands);
  for (int b = 0; b < kBands; ++b) {
    uint64_t h = Mix(static_cast<uint64_t>(b) + 1);
    for (int r = 0; r < kRowsPerBand; ++r) h = Mix(h ^ s[b * kRowsPerBand + r]);
    keys.push_back(h);
  }
  return keys;
}

void DuplicateIndex::Insert(uint64_t key, int64_t id) {
  if (key == 0) key = 1;
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    used_ = 0;
    for (const Slot& o : old) {
      if (o.key == 0) continue;
      size_t mask = slots_.size() - 1;
      for (size_t i = Mix(o.key) & mask;; i = (i + 1) & mask) {
        if (slots_[i].key == 0) {
          slots_[i] = o;
          ++used_;
          break;
        }
      }
    }
  }
  size_t mask = slots_.size() - 1;
  size_t same = 0;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == 0) {
      if (same >= kMaxPerBand) return;
      slots_[i] = Slot{key, id};
      ++used_;
      return;
    }
    if (slots_[i].key == key) ++same;
  }
}

std::optional<DuplicateIndex::Match> DuplicateIndex::FindBest(const Signature& s, double threshold) const {
  std::optional<Match> best;
  size_t best_order = 0;
  std::unordered_set<int64_t> seen;
  if (slots_.empty()) return best;
  const size_t mask = slots_.size() - 1;
  for (uint64_t key : BandKeys(s)) {
    if (key == 0) key = 1;
    std::vector<int64_t> ids;
    for (size_t i = Mix(key) & mask; slots_[i].key != 0; i = (i + 1) & mask) {
      if (slots_[i].key == key) ids.push_back(slots_[i].id);
    }
    for (size_t i = 0; i < ids.size(); ++i) {
      if (!seen.insert(ids[i]).second) continue;
      auto sit = signatures_.find(ids[i]);
      if (sit == signatures_.end()) continue;
      double sim = EstimateJaccard(s, sit->second.second);
      if (sim < threshold) continue;
      size_t order = sit->second.first;
      if (!best || sim > best->similarity + 1e-9 ||
          (sim > best->similarity - 1e-9 && order < best_order)) {
        best = Match{ids[i], sim};
        best_order = order;
      }
    }
  }
  return best;
}

void DuplicateIndex::Add(int64_t id, const Signature& s) {
  if (s.empty()) return;
  size_t order = signatures_.size();
  if (!signatures_.emplace(id, std::make_pair(order, s)).second) return;
  for (uint64_t key : BandKeys(s)) Insert(key, id);
}

}  // namespace marsad::stories
