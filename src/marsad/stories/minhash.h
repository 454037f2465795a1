// Near-duplicate detection (wire copies, republications): MinHash signatures
// over word 3-shingles of matching-form tokens, and an LSH index in bands.
//
//   MinHasher hasher;                                  // 128 hashes
//   Signature s = hasher.Sign(ShingleHashes(doc.tokens));
//   DuplicateIndex index;                              // 32 bands x 4 rows
//   auto hit = index.FindBest(s, 0.6);                 // earliest best match
//   index.Add(doc_id, s);
//
// With 32 bands of 4 rows a pair with Jaccard J becomes a candidate with
// probability 1 - (1 - J^4)^32: 0.98 at J = 0.5, 0.9998 at J = 0.6, 0.28 at
// J = 0.2; candidates are then checked on the full signature (estimated
// Jaccard = share of equal minima, standard error <= 0.045 at 128 hashes).
//
// Thread-safety: MinHasher is immutable (thread-safe); DuplicateIndex is not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "marsad/document/document.h"

namespace marsad::stories {

inline constexpr int kMinHashes = 128;
inline constexpr int kBands = 32;
inline constexpr int kRowsPerBand = kMinHashes / kBands;

using Signature = std::vector<uint32_t>;  // kMinHashes minima; empty = no shingles

// 64-bit hashes of the word 3-shingles of the Arabic, Latin and number tokens
// (their `norm`, so tashkeel, tatweel and hamza spelling do not matter).
// Texts of 1-2 words give one shingle of all of them; no words, none.
std::vector<uint64_t> ShingleHashes(const std::vector<Token>& tokens);

class MinHasher {
 public:
  MinHasher();
  Signature Sign(const std::vector<uint64_t>& shingles) const;

 private:
  std::vector<uint64_t> a_, b_;  // universal hash parameters, fixed seed
};

// Share of equal positions (estimated Jaccard); 0 if either is empty.
double EstimateJaccard(const Signature& a, const Signature& b);

// Band keys of a signature (kBands values; empty for an empty signature).
std::vector<uint64_t> BandKeys(const Signature& s);

class DuplicateIndex {
 public:
  struct Match {
    int64_t id = 0;
    double similarity = 0;
  };
  // The most similar indexed signature with estimated Jaccard >= threshold;
  // ties go to the earliest added. Postings per band key are capped (the
  // first kMaxPerBand documents) so boilerplate shared by thousands of pages
  // cannot make a lookup slow.
  std::optional<Match> FindBest(const Signature& s, double threshold) const;
  void Add(int64_t id, const Signature& s);
  size_t size() const { return signatures_.size(); }

  static constexpr size_t kMaxPerBand = 64;

 private:
  // Band postings in one flat open-addressing table of (band key, id)
  // pairs, linear probing, load <= 1/2: 32 bytes per posting instead of a
  // hash-map node and a vector per key (the memory of a large index).
  struct Slot {
    uint64_t key = 0;  // 0 = empty (band keys are remapped away from 0)
    int64_t id = 0;
  };
  void Insert(uint64_t key, int64_t id);
  std::vector<Slot> slots_;
  size_t used_ = 0;
  std::unordered_map<int64_t, std::pair<size_t, Signature>> signatures_;  // id -> (order, sig)
};

}  // namespace marsad::stories
