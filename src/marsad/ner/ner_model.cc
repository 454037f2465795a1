#include "marsad/ner/ner_model.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include "marsad/common/paths.h"
#include "marsad/common/utf8.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

// ---------------------------------------------------------------- hashing

inline uint64_t Mix64(uint64_t x) {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t HashBytes(std::string_view s) {  // FNV-1a
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

inline uint64_t Combine(uint64_t a, uint64_t b) { return Mix64(a * 0x9e3779b97f4a7c15ULL + b); }

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Feature template ids (part of the feature-set version: changing them
// means bumping kNerFeatureVersion).
enum Tpl : uint64_t {
  kBias = 1,
  kW0,
  kS0,
  kWm1,
  kWp1,
  kSm1,
  kSp1,
  kSm2,
  kSp2,
  kSm1S0,
  kS0Sp1,
  kPre1,
  kPre2,
  kPre3,
  kSuf1,
  kSuf2,
  kSuf3,
  kNSuf1,
  kNSuf2,
  kShape,
  kProcl,
  kEncl,
  kT0,
  kTm1,
  kTm2,
  kTp1,
  kTm1Shape,
  kL0,
  kLm1,
  kLp1,
  kG0,
  kGm1,
  kGp1,
  kFirst,
  kLen,
  kWm2,
  kWp2,
  kKind,
  kLastTok,
  kD0,
  kDm1,
  kDp1,
  kNPre2,
  kNPre3,
  kTm1S0,
  kSm1Shape,
  kSp1Shape,
  kProclS0,
  kDm1S0,
};

inline uint64_t F(Tpl t, uint64_t v) { return Combine(static_cast<uint64_t>(t) * 0x2545F4914F6CDD1DULL, v); }

const char* const kProbeWords[] = {
    "والمدينه", "بالبوكمال", "وزارتها", "للجيش", "فالقوات", "كتائبهم", "سيقول",   "الاسد",
    "لبنان",    "ومصر",      "بغداد",   "الشيخ", "قائدها",  "حزبالله", "وبالقرب", "المسلحين",
};

}  // namespace

uint64_t NerStemmerFingerprint() {
  uint64_t h = 1;
  for (const char* w : kProbeWords) h = Combine(h, HashBytes(LightStem(MatchForm(w))));
  return h;
}

// ---------------------------------------------------------------- tokens

Token NerTokenFromWord(std::string_view word) {
  Token t;
  t.span = {0, static_cast<int32_t>(word.size())};
  std::vector<Token> toks = Tokenize(word);
  if (toks.size() == 1 && toks[0].span.start == 0 && toks[0].span.end == static_cast<int32_t>(word.size())) {
    return toks[0];
  }
  t.norm = MatchForm(word);
  // Strip any spaces normalization may have kept.
  t.norm.erase(std::remove(t.norm.begin(), t.norm.end(), ' '), t.norm.end());
  t.stem = LightStem(t.norm);
  size_t pos = t.norm.find(t.stem);
  if (!t.stem.empty() && pos != std::string::npos) {
    t.prefix_bytes = static_cast<uint8_t>(std::min<size_t>(pos, 255));
    t.suffix_bytes = static_cast<uint8_t>(std::min<size_t>(t.norm.size() - pos - t.stem.size(), 255));
  }
  int len = 1;
  char32_t cp = t.norm.empty() ? 0 : utf8::Decode(t.norm, 0, &len);
  if (IsArabicLetter(cp)) {
    t.kind = TokenKind::kArabic;
  } else if (cp >= '0' && cp <= '9') {
    t.kind = TokenKind::kNumber;
  } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp < 0x250)) {
    t.kind = TokenKind::kLatin;
  } else if (cp != 0 && cp < 0x80) {
    t.kind = TokenKind::kPunct;
  } else {
    t.kind = TokenKind::kOther;
  }
  return t;
}

std::vector<Token> NerTokensFromWords(const std::vector<std::string>& words) {
  std::vector<Token> out;
  out.reserve(words.size());
  for (const auto& w : words) out.push_back(NerTokenFromWord(w));
  return out;
}

// ---------------------------------------------------------------- lexicon

namespace {
std::vector<std::string> PhraseStems(std::string_view phrase) {
  std::string norm = MatchForm(phrase);
  std::vector<std::string> out;
  size_t i = 0;
  while (i < norm.size()) {
    while (i < norm.size() && norm[i] == ' ') ++i;
    size_t j = i;
    while (j < norm.size() && norm[j] != ' ') ++j;
    if (j > i) out.push_back(LightStem(std::string_view(norm).substr(i, j - i)));
    i = j;
  }
  return out;
}
constexpr size_t kMaxPhraseWords = 8;
}  // namespace

void NerPhraseLexicon::Add(std::string_view phrase, std::string_view label) {
  std::vector<std::string> stems = PhraseStems(phrase);
  if (stems.empty() || stems.size() > kMaxPhraseWords || label.empty()) return;
  size_t li = std::find(labels_.begin(), labels_.end(), label) - labels_.begin();
  if (li == labels_.size()) {
    if (labels_.size() >= 254) return;
    labels_.emplace_back(label);
  }
  entries_.emplace_back(std::string(phrase), std::string(label));
  uint64_t h = HashBytes(stems[0]);
  uint8_t& ml = max_len_[h];
  ml = std::max<uint8_t>(ml, static_cast<uint8_t>(stems.size()));
  for (size_t k = 1; k < stems.size(); ++k) h = Combine(h, HashBytes(stems[k]));
  phrases_.emplace(h, static_cast<uint8_t>(li + 1));  // first entry wins
}

Status NerPhraseLexicon::AddTsv(std::string_view text, const std::string& source_name) {
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return DataError(source_name + ":" + std::to_string(line_no) + ": expected phrase<TAB>label");
    }
    std::string_view phrase = line.substr(0, tab);
    std::string_view rest = line.substr(tab + 1);
    std::string_view label = rest.substr(0, rest.find('\t'));
    if (label == "label" && phrase == "phrase") continue;  // header row
    Add(phrase, label);
  }
  return Status::Ok();
}

void NerPhraseLexicon::Match(const std::vector<Token>& tokens, size_t begin, size_t end,
                             std::vector<uint8_t>* labels, std::vector<uint8_t>* is_begin) const {
  end = std::min(end, tokens.size());
  size_t n = begin < end ? end - begin : 0;
  std::vector<uint64_t> hashes(n);
  for (size_t k = 0; k < n; ++k) hashes[k] = HashBytes(tokens[begin + k].stem);
  MatchHashed(hashes.data(), n, labels, is_begin);
}

void NerPhraseLexicon::MatchHashed(const uint64_t* stem_hashes, size_t n, std::vector<uint8_t>* labels,
                                   std::vector<uint8_t>* is_begin) const {
  labels->assign(n, 0);
  is_begin->assign(n, 0);
  if (phrases_.empty()) return;
  size_t i = 0;
  while (i < n) {
    uint64_t h = stem_hashes[i];
    auto ml = max_len_.find(h);
    if (ml == max_len_.end()) {
      ++i;
      continue;
    }
    size_t max_len = std::min<size_t>(ml->second, n - i);
    uint64_t hashes[kMaxPhraseWords];
    hashes[0] = h;
    for (size_t k = 1; k < max_len; ++k) hashes[k] = Combine(hashes[k - 1], stem_hashes[i + k]);
    size_t matched = 0;
    uint8_t label = 0;
    for (size_t len = max_len; len >= 1; --len) {
      auto it = phrases_.find(hashes[len - 1]);
      if (it != phrases_.end()) {
        matched = len;
        label = it->second;
        break;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < matched; ++k) {
      (*labels)[i + k] = label;
      (*is_begin)[i + k] = k == 0;
    }
    i += matched;
  }
}

// ---------------------------------------------------------------- model

struct NerModel::Impl {
  std::vector<std::string> tags;   // tag index -> "O", "B-PERS", ...
  std::vector<std::string> types;  // entity types, tags 1+2k / 2+2k
  int log2_buckets = 18;
  uint64_t mask = 0;
  std::vector<float> weights;  // buckets * T (training)
  // A loaded model keeps the file's int16 weights (half the cache footprint
  // of floats): weight = qweights[k] * qscale.
  std::vector<int16_t> qweights;
  float qscale = 1;
  std::vector<float> trans;  // (T + 1) * T; row 0 = sentence start
  NerPhraseLexicon triggers, gazetteer;
  // Entity names seen in the training data (phrase -> majority type). At
  // training time each fold's features come from the other folds' names.
  NerPhraseLexicon memory;
  std::string provenance;
  uint64_t stem_fingerprint = 0;
  float o_bias = 0;  // subtracted from the O score at prediction (recall knob)

  size_t T() const { return tags.size(); }

  void InitTags(const std::vector<std::string>& t) {
    types = t;
    tags = {"O"};
    for (const auto& x : t) {
      tags.push_back("B-" + x);
      tags.push_back("I-" + x);
    }
  }
  bool Allowed(int prev, int cur) const {         // prev = -1 at sentence start
    if (cur == 0 || (cur % 2) == 1) return true;  // O or B-X
    return prev == cur - 1 || prev == cur;        // I-X after B-X or I-X
  }

  // Hashed feature rows for tokens [begin, end): those of token begin + i
  // are rows[offsets[i] .. offsets[i + 1]); `rows` may be longer (slack).
  void Features(const std::vector<Token>& tokens, size_t begin, size_t end,
                const std::vector<std::string>* gaz, const NerPhraseLexicon& mem, std::vector<uint32_t>* rows,
                std::vector<uint32_t>* offsets) const;

  void Viterbi(const float* emis, size_t n, std::vector<int>* path) const;
  void QuantizedEmissions(const std::vector<uint32_t>& rows, const std::vector<uint32_t>& offsets, size_t n,
                          std::vector<float>* emis) const;
  void Emissions(const std::vector<uint32_t>& rows, const std::vector<uint32_t>& offsets, size_t n,
                 const float* w, std::vector<float>* emis) const;
};

namespace {

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
inline uint64_t FnvAdd(uint64_t h, std::string_view s, size_t from, size_t to) {
  for (size_t k = from; k < to; ++k) {
    h ^= static_cast<unsigned char>(s[k]);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// HashBytes of the first 1, 2 and 3 code points of s (as PrefixBytes).
inline void PrefixHashes(std::string_view s, uint64_t out[3]) {
  uint64_t h = kFnvBasis;
  size_t i = 0;
  for (int k = 0; k < 3; ++k) {
    if (i < s.size()) {
      int len = 1;
      utf8::DecodeInline(s, i, &len);
      h = FnvAdd(h, s, i, i + len);
      i += len;
    }
    out[k] = h;
  }
}

// Byte lengths of the last 1, 2 and 3 code points of s (as SuffixBytes).
inline void SuffixLengths(std::string_view s, size_t out[3]) {
  size_t i = s.size();
  for (int k = 0; k < 3; ++k) {
    if (i > 0) {
      --i;
      while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    }
    out[k] = s.size() - i;
  }
}

// Hash of the word's shape: the first six runs of letter classes (Arabic
// letter, digit, Latin letter, other non-ASCII, or the ASCII character).
uint64_t ShapeHash(std::string_view s) {
  uint64_t h = 0x51ed;
  char last = 0;
  int emitted = 0;
  size_t i = 0;
  while (i < s.size() && emitted < 6) {
    int len = 1;
    char32_t cp = utf8::DecodeInline(s, i, &len);
    i += len;
    char c;
    if (IsArabicLetter(cp)) {
      c = 'a';
    } else if (cp >= '0' && cp <= '9') {
      c = 'd';
    } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
      c = 'x';
    } else if (cp < 0x80) {
      c = static_cast<char>(cp);  // punctuation kept as itself
    } else {
      c = 'u';
    }
    if (c != last) {
      h = Combine(h, static_cast<uint64_t>(c));
      last = c;
      ++emitted;
    }
  }
  return h;
}

// Most feature rows one token can emit (see Features); rows are written
// through a raw pointer into a buffer sized for this bound.
constexpr size_t kMaxFeaturesPerToken = 64;

}  // namespace

void NerModel::Impl::Features(const std::vector<Token>& tokens, size_t begin, size_t end,
                              const std::vector<std::string>* gaz, const NerPhraseLexicon& mem,
                              std::vector<uint32_t>* rows, std::vector<uint32_t>* offsets) const {
  size_t n = end - begin;
  // Grown, never shrunk here: resizing down and up again would zero-fill
  // the buffer for every sentence. Rows past offsets->back() are slack.
  if (rows->size() < n * kMaxFeaturesPerToken) rows->resize(n * kMaxFeaturesPerToken);
  offsets->resize(n + 1);
  (*offsets)[0] = 0;
  // Per-thread scratch: Predict runs once per sentence, and these buffers
  // would otherwise be allocated and freed for every one of them.
  thread_local std::vector<uint64_t> hw, hs;  // padded by 2 on each side
  hw.resize(n + 4);
  hs.resize(n + 4);
  static const uint64_t kBos = HashBytes("<s>"), kEos = HashBytes("</s>");
  hw[0] = hw[1] = hs[0] = hs[1] = kBos;
  hw[n + 2] = hw[n + 3] = hs[n + 2] = hs[n + 3] = kEos;
  for (size_t i = 0; i < n; ++i) {
    hw[i + 2] = HashBytes(tokens[begin + i].norm);
    hs[i + 2] = HashBytes(tokens[begin + i].stem);
  }
  thread_local std::vector<uint8_t> tl, tb, gl, gb, dl, db;
  triggers.MatchHashed(hs.data() + 2, n, &tl, &tb);
  gazetteer.MatchHashed(hs.data() + 2, n, &gl, &gb);
  mem.MatchHashed(hs.data() + 2, n, &dl, &db);
  bool use_gaz = gaz != nullptr && gaz->size() == tokens.size();
  auto gaz_hash = [&](size_t i, bool with_pos) -> uint64_t {  // i relative
    const std::string& g = (*gaz)[begin + i];
    if (g.empty()) return 0;
    std::string_view v = g;
    if (!with_pos && v.size() > 2 && v[1] == '-') v.remove_prefix(2);
    return HashBytes(v) | 1;
  };
  auto lab = [](const std::vector<uint8_t>& l, const std::vector<uint8_t>& b, size_t i, bool pos) {
    return static_cast<uint64_t>(l[i]) * 2 + (pos ? b[i] : 0);
  };
  const uint64_t mask_v = mask;
  uint32_t* out = rows->data();
  for (size_t i = 0; i < n; ++i) {
    const Token& tok = tokens[begin + i];
    const std::string_view stem = tok.stem;
    const std::string_view norm = tok.norm;
    size_t p = i + 2;
#define MARSAD_NER_ADD(t, v) (*out++ = static_cast<uint32_t>(F((t), (v)) & mask_v))
    MARSAD_NER_ADD(kBias, 0);
    MARSAD_NER_ADD(kW0, hw[p]);
    MARSAD_NER_ADD(kS0, hs[p]);
    MARSAD_NER_ADD(kWm1, hw[p - 1]);
    MARSAD_NER_ADD(kWp1, hw[p + 1]);
    MARSAD_NER_ADD(kSm1, hs[p - 1]);
    MARSAD_NER_ADD(kSp1, hs[p + 1]);
    MARSAD_NER_ADD(kSm2, hs[p - 2]);
    MARSAD_NER_ADD(kSp2, hs[p + 2]);
    MARSAD_NER_ADD(kWm2, hw[p - 2]);
    MARSAD_NER_ADD(kWp2, hw[p + 2]);
    MARSAD_NER_ADD(kSm1S0, Combine(hs[p - 1], hs[p]));
    MARSAD_NER_ADD(kS0Sp1, Combine(hs[p], hs[p + 1]));
    uint64_t pre[3];
    PrefixHashes(stem, pre);
    MARSAD_NER_ADD(kPre1, pre[0]);
    MARSAD_NER_ADD(kPre2, pre[1]);
    MARSAD_NER_ADD(kPre3, pre[2]);
    size_t suf[3];
    SuffixLengths(stem, suf);
    MARSAD_NER_ADD(kSuf1, HashBytes(stem.substr(stem.size() - suf[0])));
    MARSAD_NER_ADD(kSuf2, HashBytes(stem.substr(stem.size() - suf[1])));
    MARSAD_NER_ADD(kSuf3, HashBytes(stem.substr(stem.size() - suf[2])));
    SuffixLengths(norm, suf);
    MARSAD_NER_ADD(kNSuf1, HashBytes(norm.substr(norm.size() - suf[0])));
    MARSAD_NER_ADD(kNSuf2, HashBytes(norm.substr(norm.size() - suf[1])));
    uint64_t shape = ShapeHash(norm);
    MARSAD_NER_ADD(kShape, shape);
    PrefixHashes(norm, pre);
    MARSAD_NER_ADD(kNPre2, pre[1]);
    MARSAD_NER_ADD(kNPre3, pre[2]);
    MARSAD_NER_ADD(kSm1Shape, Combine(hs[p - 1], shape));
    MARSAD_NER_ADD(kSp1Shape, Combine(hs[p + 1], shape));
    size_t pb = std::min<size_t>(tok.prefix_bytes, norm.size());
    size_t sb = std::min<size_t>(tok.suffix_bytes, norm.size() - pb);
    const uint64_t procl = HashBytes(norm.substr(0, pb));
    MARSAD_NER_ADD(kProcl, procl);
    MARSAD_NER_ADD(kProclS0, Combine(procl, hs[p]));
    MARSAD_NER_ADD(kEncl, HashBytes(norm.substr(norm.size() - sb)));
    MARSAD_NER_ADD(kKind, static_cast<uint64_t>(tok.kind));
    MARSAD_NER_ADD(kLen, std::min<size_t>(CodePoints(stem), 10));
    if (i == 0) MARSAD_NER_ADD(kFirst, 1);
    if (i + 1 == n) MARSAD_NER_ADD(kLastTok, 1);
    if (tl[i]) MARSAD_NER_ADD(kT0, lab(tl, tb, i, true));
    if (i >= 1 && tl[i - 1]) {
      MARSAD_NER_ADD(kTm1, lab(tl, tb, i - 1, false));
      MARSAD_NER_ADD(kTm1Shape, Combine(lab(tl, tb, i - 1, false), shape));
      MARSAD_NER_ADD(kTm1S0, Combine(lab(tl, tb, i - 1, false), hs[p]));
    }
    if (i >= 2 && tl[i - 2]) MARSAD_NER_ADD(kTm2, lab(tl, tb, i - 2, false));
    if (i + 1 < n && tl[i + 1]) MARSAD_NER_ADD(kTp1, lab(tl, tb, i + 1, false));
    if (gl[i]) MARSAD_NER_ADD(kL0, lab(gl, gb, i, true));
    if (i >= 1 && gl[i - 1]) MARSAD_NER_ADD(kLm1, lab(gl, gb, i - 1, false));
    if (i + 1 < n && gl[i + 1]) MARSAD_NER_ADD(kLp1, lab(gl, gb, i + 1, false));
    if (dl[i]) MARSAD_NER_ADD(kD0, lab(dl, db, i, true));
    if (i >= 1 && dl[i - 1]) {
      MARSAD_NER_ADD(kDm1, lab(dl, db, i - 1, false));
      MARSAD_NER_ADD(kDm1S0, Combine(lab(dl, db, i - 1, false), hs[p]));
    }
    if (i + 1 < n && dl[i + 1]) MARSAD_NER_ADD(kDp1, lab(dl, db, i + 1, false));
    if (use_gaz) {
      if (uint64_t g = gaz_hash(i, true)) MARSAD_NER_ADD(kG0, g);
      if (i >= 1) {
        if (uint64_t g = gaz_hash(i - 1, false)) MARSAD_NER_ADD(kGm1, g);
      }
      if (i + 1 < n) {
        if (uint64_t g = gaz_hash(i + 1, false)) MARSAD_NER_ADD(kGp1, g);
      }
    }
#undef MARSAD_NER_ADD
    (*offsets)[i + 1] = static_cast<uint32_t>(out - rows->data());
  }
}

void NerModel::Impl::Emissions(const std::vector<uint32_t>& rows, const std::vector<uint32_t>& offsets,
                               size_t n, const float* w, std::vector<float>* emis) const {
  const size_t t_count = T();
  emis->assign(n * t_count, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    float* e = emis->data() + i * t_count;
    for (uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
      const float* row = w + static_cast<size_t>(rows[k]) * t_count;
      for (size_t t = 0; t < t_count; ++t) e[t] += row[t];
    }
  }
}

void NerModel::Impl::QuantizedEmissions(const std::vector<uint32_t>& rows,
                                        const std::vector<uint32_t>& offsets, size_t n,
                                        std::vector<float>* emis) const {
  const size_t t_count = T();  // <= 63, checked by Parse
  emis->assign(n * t_count, 0.0f);
  const int16_t* w = qweights.data();
  int32_t acc[64];
  for (size_t i = 0; i < n; ++i) {
    std::fill(acc, acc + t_count, 0);
    if (t_count == 11) {
      // The shipped 5-type BIO model: a fixed trip count lets the compiler
      // unroll and vectorize the row sums (same integer result).
      for (uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
        const int16_t* row = w + static_cast<size_t>(rows[k]) * 11;
        for (size_t t = 0; t < 11; ++t) acc[t] += row[t];
      }
    } else {
      for (uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
        const int16_t* row = w + static_cast<size_t>(rows[k]) * t_count;
        for (size_t t = 0; t < t_count; ++t) acc[t] += row[t];
      }
    }
    float* e = emis->data() + i * t_count;
    for (size_t t = 0; t < t_count; ++t) e[t] = static_cast<float>(acc[t]) * qscale;
  }
}

namespace {

// First-order Viterbi over `t_count` real tags padded to kW lanes; delta0
// holds the scores of the first token (kW a
// multiple of 4, a compile-time width so that the per-predecessor update
// below compiles to straight vector code). `tr` is [t_count x kW]: the score
// of moving from tag p to tag t, -inf for an illegal move or a padding lane.
// A -inf score never beats `best`, which starts at kNeg, exactly as a
// skipped illegal predecessor; predecessors are visited in ascending order
// with a strict `>`, so ties resolve as in a plain scan.
template <int kW>
void ViterbiPadded(const float* tr, const float* delta0, const float* emis, size_t n, int t_count, int* back,
                   int* path) {
  constexpr float kNeg = -1e30f;
  alignas(16) float delta[kW], best[kW];
  alignas(16) int arg[kW];
  for (int t = 0; t < kW; ++t) delta[t] = t < t_count ? delta0[t] : kNeg;
  for (size_t i = 1; i < n; ++i) {
    for (int t = 0; t < kW; ++t) {
      best[t] = kNeg;
      arg[t] = 0;
    }
    // The lanes as GCC/Clang vectors of four (plain SSE2 on x86-64): the
    // same IEEE additions and comparisons, four tags at a time.
    using V4f = float __attribute__((vector_size(16)));
    using V4i = int32_t __attribute__((vector_size(16)));
    static_assert(kW % 4 == 0);
    V4f vbest[kW / 4];
    V4i varg[kW / 4];
    for (int k = 0; k < kW / 4; ++k) {
      std::memcpy(&vbest[k], best + 4 * k, sizeof(V4f));
      std::memcpy(&varg[k], arg + 4 * k, sizeof(V4i));
    }
    for (int p = 0; p < t_count; ++p) {
      const float d = delta[p];
      if (d <= kNeg) continue;
      const V4f vd = {d, d, d, d};
      const V4i vp = {p, p, p, p};
      const float* row = tr + p * kW;
      for (int k = 0; k < kW / 4; ++k) {
        V4f r;
        std::memcpy(&r, row + 4 * k, sizeof(V4f));
        const V4f sc = vd + r;
        const V4i better = sc > vbest[k];  // all ones where strictly greater
        vbest[k] = reinterpret_cast<V4f>((reinterpret_cast<V4i>(sc) & better) |
                                         (reinterpret_cast<V4i>(vbest[k]) & ~better));
        varg[k] = (vp & better) | (varg[k] & ~better);
      }
    }
    for (int k = 0; k < kW / 4; ++k) {
      std::memcpy(best + 4 * k, &vbest[k], sizeof(V4f));
      std::memcpy(arg + 4 * k, &varg[k], sizeof(V4i));
    }
    const float* e = emis + i * t_count;
    int* b = back + i * t_count;
    for (int t = 0; t < t_count; ++t) {
      delta[t] = best[t] <= kNeg ? kNeg : best[t] + e[t];
      b[t] = arg[t];
    }
  }
  int best_t = 0;
  for (int t = 1; t < t_count; ++t) {
    if (delta[t] > delta[best_t]) best_t = t;
  }
  for (size_t i = n; i-- > 0;) {
    path[i] = best_t;
    if (i > 0) best_t = back[i * t_count + best_t];
  }
}

}  // namespace

void NerModel::Impl::Viterbi(const float* emis, size_t n, std::vector<int>* path) const {
  const int t_count = static_cast<int>(T());  // <= 63, checked by Parse
  path->assign(n, 0);
  if (n == 0) return;
  constexpr float kNeg = -1e30f;
  constexpr float kInf = std::numeric_limits<float>::infinity();
  const int width = t_count <= 12 ? 12 : 64;
  thread_local std::vector<int> back;
  back.resize(n * t_count);
  alignas(16) float tr[64 * 64];
  float delta0[64];
  for (int p = 0; p < t_count; ++p) {
    for (int t = 0; t < width; ++t) {
      tr[p * width + t] = t < t_count && Allowed(p, t) ? trans[(p + 1) * t_count + t] : -kInf;
    }
  }
  for (int t = 0; t < t_count; ++t) delta0[t] = Allowed(-1, t) ? trans[t] + emis[t] : kNeg;
  if (width == 12) {
    ViterbiPadded<12>(tr, delta0, emis, n, t_count, back.data(), path->data());
  } else {
    ViterbiPadded<64>(tr, delta0, emis, n, t_count, back.data(), path->data());
  }
}

NerModel::NerModel() : impl_(std::make_unique<Impl>()) {}
NerModel::NerModel(NerModel&&) noexcept = default;
NerModel& NerModel::operator=(NerModel&&) noexcept = default;
NerModel::~NerModel() = default;

const std::vector<std::string>& NerModel::tags() const { return impl_->tags; }
const std::string& NerModel::provenance() const { return impl_->provenance; }
bool NerModel::stemmer_matches() const { return impl_->stem_fingerprint == NerStemmerFingerprint(); }

std::vector<NerSpan> NerModel::Predict(const std::vector<Token>& tokens, size_t begin, size_t end,
                                       const std::vector<std::string>* gazetteer) const {
  std::vector<NerSpan> out;
  end = std::min(end, tokens.size());
  if (begin >= end || (impl_->weights.empty() && impl_->qweights.empty())) return out;
  const Impl& m = *impl_;
  size_t n = end - begin;
  thread_local std::vector<uint32_t> rows, offsets;
  m.Features(tokens, begin, end, gazetteer, m.memory, &rows, &offsets);
  thread_local std::vector<float> emis;
  if (!m.qweights.empty()) {
    m.QuantizedEmissions(rows, offsets, n, &emis);
  } else {
    m.Emissions(rows, offsets, n, m.weights.data(), &emis);
  }
  if (m.o_bias != 0) {
    for (size_t i = 0; i < n; ++i) emis[i * m.T()] -= m.o_bias;
  }
  thread_local std::vector<int> path;
  m.Viterbi(emis.data(), n, &path);
  const size_t t_count = m.T();
  // Confidence: the smallest per-token margin of the chosen tag over the best
  // other tag (emission + incoming transition), squashed to (0, 1).
  auto margin = [&](size_t i) {
    int cur = path[i];
    int prev = i == 0 ? -1 : path[i - 1];
    const float* tr = m.trans.data() + (prev + 1) * t_count;
    float chosen = emis[i * t_count + cur] + tr[cur];
    float other = -1e30f;
    for (size_t t = 0; t < t_count; ++t) {
      if (static_cast<int>(t) != cur) other = std::max(other, emis[i * t_count + t] + tr[t]);
    }
    return chosen - other;
  };
  size_t i = 0;
  while (i < n) {
    int t = path[i];
    if (t == 0) {
      ++i;
      continue;
    }
    int type = (t - 1) / 2;
    size_t j = i + 1;
    while (j < n && path[j] == 2 + 2 * type) ++j;
    float min_margin = 1e30f;
    for (size_t k = i; k < j; ++k) min_margin = std::min(min_margin, margin(k));
    float score = 1.0f / (1.0f + std::exp(-min_margin / 4.0f));
    out.push_back({begin + i, begin + j, m.types[type], score});
    i = j;
  }
  return out;
}

std::vector<std::string> NerModel::PredictTags(const std::vector<Token>& tokens) const {
  std::vector<std::string> tags(tokens.size(), "O");
  for (const auto& s : Predict(tokens, 0, tokens.size())) {
    tags[s.first] = "B-" + s.type;
    for (size_t k = s.first + 1; k < s.last; ++k) tags[k] = "I-" + s.type;
  }
  return tags;
}

// ---------------------------------------------------------------- training

Status TrainNer(const NerTrainOptions& options, const std::vector<NerSentence>& train,
                const std::vector<NerSentence>* dev, NerModel* out) {
  if (options.log2_buckets < 10 || options.log2_buckets > 24) {
    return InvalidArgument("log2_buckets must be in [10, 24]");
  }
  if (train.empty()) return InvalidArgument("no training sentences");
  NerModel model;
  NerModel::Impl& m = *model.impl_;
  m.InitTags(DefaultNerTypes());
  m.log2_buckets = options.log2_buckets;
  m.mask = (uint64_t{1} << options.log2_buckets) - 1;
  MARSAD_RETURN_IF_ERROR(m.triggers.AddTsv(options.triggers_tsv, "triggers"));
  MARSAD_RETURN_IF_ERROR(m.gazetteer.AddTsv(options.gazetteer_tsv, "gazetteer"));
  m.stem_fingerprint = NerStemmerFingerprint();
  const size_t t_count = m.T();
  const size_t n_weights = (m.mask + 1) * t_count;
  const size_t n_trans = (t_count + 1) * t_count;

  // Names seen in training, by fold: memory lexicons built from all other
  // folds, so the weight of a "seen before" hit is learned as it will be at
  // prediction time on unseen text.
  const int kFolds = 10;
  auto build_memory = [&](int skip_fold) {
    std::vector<std::pair<std::string, std::vector<int>>> counts;  // phrase -> votes per type
    std::unordered_map<std::string, size_t> index;
    for (size_t si = 0; si < train.size(); ++si) {
      if (static_cast<int>(si % kFolds) == skip_fold) continue;
      const auto& s = train[si];
      for (const auto& span : SpansFromBio(s.tags)) {
        std::string phrase;
        for (size_t k = span.first; k < span.last; ++k) phrase += (k > span.first ? " " : "") + s.words[k];
        int type = static_cast<int>(std::find(m.types.begin(), m.types.end(), span.type) - m.types.begin());
        if (type >= static_cast<int>(m.types.size())) continue;
        auto [it, fresh] = index.emplace(phrase, counts.size());
        if (fresh) counts.emplace_back(phrase, std::vector<int>(m.types.size(), 0));
        counts[it->second].second[type]++;
      }
    }
    NerPhraseLexicon lex;
    if (!options.memory) return lex;
    for (const auto& [phrase, votes] : counts) {
      int best = static_cast<int>(std::max_element(votes.begin(), votes.end()) - votes.begin());
      lex.Add(phrase, m.types[best]);
    }
    return lex;
  };
  m.memory = build_memory(-1);

  // Precompute features and gold tag indices once.
  struct Example {
    std::vector<uint32_t> rows, offsets;
    std::vector<int> gold;
  };
  std::vector<Example> examples;
  examples.reserve(train.size());
  size_t n_tokens = 0;
  std::vector<NerPhraseLexicon> fold_memory;
  for (int k = 0; k < kFolds; ++k) fold_memory.push_back(build_memory(k));
  for (size_t si = 0; si < train.size(); ++si) {
    const auto& s = train[si];
    Example ex;
    std::vector<Token> toks = NerTokensFromWords(s.words);
    m.Features(toks, 0, toks.size(), nullptr, fold_memory[si % kFolds], &ex.rows, &ex.offsets);
    ex.rows.resize(ex.offsets.back());
    ex.rows.shrink_to_fit();
    for (const auto& tag : s.tags) {
      auto it = std::find(m.tags.begin(), m.tags.end(), tag);
      ex.gold.push_back(it == m.tags.end() ? 0 : static_cast<int>(it - m.tags.begin()));
    }
    n_tokens += toks.size();
    examples.push_back(std::move(ex));
  }

  // Averaged perceptron with the lazy-sum trick: avg = w - acc / c.
  // With options.runs > 1, several perceptrons trained on different
  // shuffles are averaged (less variance on small data).
  const int runs = std::max(1, options.runs);
  std::vector<double> sum_w(n_weights, 0.0), sum_t(n_trans, 0.0);
  for (int run = 0; run < runs; ++run) {
    m.weights.assign(n_weights, 0.0f);
    m.trans.assign(n_trans, 0.0f);
    std::vector<double> acc_w(n_weights, 0.0), acc_t(n_trans, 0.0);
    double c = 1;
    std::vector<size_t> order(examples.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(options.seed + 7919u * static_cast<uint32_t>(run));
    std::vector<float> emis;
    std::vector<int> pred;

    auto averaged = [&](std::vector<float>* w, std::vector<float>* t) {
      w->resize(n_weights);
      t->resize(n_trans);
      for (size_t k = 0; k < n_weights; ++k) (*w)[k] = static_cast<float>(m.weights[k] - acc_w[k] / c);
      for (size_t k = 0; k < n_trans; ++k) (*t)[k] = static_cast<float>(m.trans[k] - acc_t[k] / c);
    };

    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      size_t errors = 0;
      for (size_t idx : order) {
        const Example& ex = examples[idx];
        size_t n = ex.gold.size();
        m.Emissions(ex.rows, ex.offsets, n, m.weights.data(), &emis);
        m.Viterbi(emis.data(), n, &pred);
        for (size_t i = 0; i < n; ++i) {
          int g = ex.gold[i], p = pred[i];
          if (g != p) {
            ++errors;
            for (uint32_t k = ex.offsets[i]; k < ex.offsets[i + 1]; ++k) {
              size_t row = static_cast<size_t>(ex.rows[k]) * t_count;
              m.weights[row + g] += 1;
              acc_w[row + g] += c;
              m.weights[row + p] -= 1;
              acc_w[row + p] -= c;
            }
          }
          int gp = i == 0 ? -1 : ex.gold[i - 1];
          int pp = i == 0 ? -1 : pred[i - 1];
          if (g != p || gp != pp) {
            size_t tg = (gp + 1) * t_count + g, tp = (pp + 1) * t_count + p;
            m.trans[tg] += 1;
            acc_t[tg] += c;
            m.trans[tp] -= 1;
            acc_t[tp] -= c;
          }
        }
        c += 1;
      }
      std::string line = (runs > 1 ? "run " + std::to_string(run + 1) + " " : std::string()) + "epoch " +
                         std::to_string(epoch) + ": token errors " + std::to_string(errors) + "/" +
                         std::to_string(n_tokens);
      if (dev != nullptr && !dev->empty()) {
        NerModel probe;
        probe.impl_->tags = m.tags;
        probe.impl_->types = m.types;
        probe.impl_->mask = m.mask;
        probe.impl_->log2_buckets = m.log2_buckets;
        probe.impl_->triggers = m.triggers;
        probe.impl_->gazetteer = m.gazetteer;
        probe.impl_->memory = m.memory;
        averaged(&probe.impl_->weights, &probe.impl_->trans);
        NerScorer scorer;
        for (const auto& s : *dev) {
          std::vector<Token> toks = NerTokensFromWords(s.words);
          scorer.Add(SpansFromBio(s.tags), probe.Predict(toks, 0, toks.size()));
        }
        char buf[96];
        std::snprintf(buf, sizeof buf, "; dev micro P %.2f R %.2f F1 %.2f", scorer.Micro().Precision(),
                      scorer.Micro().Recall(), scorer.Micro().F1());
        line += buf;
      }
      if (options.log) options.log(line);
    }
    std::vector<float> w, t;
    averaged(&w, &t);
    for (size_t k = 0; k < n_weights; ++k) sum_w[k] += w[k];
    for (size_t k = 0; k < n_trans; ++k) sum_t[k] += t[k];
  }  // runs
  for (size_t k = 0; k < n_weights; ++k) m.weights[k] = static_cast<float>(sum_w[k] / runs);
  for (size_t k = 0; k < n_trans; ++k) m.trans[k] = static_cast<float>(sum_t[k] / runs);
  m.o_bias = options.o_bias;
  m.provenance = "trained on " +
                 (options.trained_on.empty() ? std::string("(unnamed data)") : options.trained_on) + " by `" +
                 options.command + "`" + (options.date.empty() ? "" : ", " + options.date) +
                 ", epochs=" + std::to_string(options.epochs) + ", runs=" + std::to_string(runs) +
                 ", sentences=" + std::to_string(train.size()) + ", tokens=" + std::to_string(n_tokens);
  // Round-trip through the quantized file format so that a freshly trained
  // model predicts exactly like the saved one.
  auto reparsed = NerModel::Parse(model.Serialize());
  if (!reparsed.ok()) return Internal("trained model does not reload: " + reparsed.status().message());
  *out = std::move(reparsed).value();
  return Status::Ok();
}

// ---------------------------------------------------------------- file format
//
//   MARSAD-NER format=1 normalization=1 features=1
//   trained: <provenance>
//   stemmer: <hex fingerprint>
//   tags: O B-PERS I-PERS ...
//   buckets: <log2>
//   transitions: <(T+1)*T floats>
//   lexicon triggers <count>
//   <phrase>\t<label>            (count lines)
//   lexicon gazetteer <count>
//   ...
//   weights: scale=<float> raw=<bytes> compressed=<bytes>
//   <zlib-compressed little-endian int16 array of buckets*T>

std::string NerModel::Serialize() const {
  const Impl& m = *impl_;
  std::ostringstream os;
  os << kNerMagic << " format=" << kNerFormatVersion << " normalization=" << kNormalizationVersion
     << " features=" << kNerFeatureVersion << "\n";
  os << "provenance: " << m.provenance << "\n";
  char hex[32];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(m.stem_fingerprint));
  os << "stemmer: " << hex << "\n";
  os << "tags:";
  for (const auto& t : m.tags) os << " " << t;
  os << "\n";
  os << "buckets: " << m.log2_buckets << "\n";
  std::snprintf(hex, sizeof hex, "%.6g", m.o_bias);
  os << "o_bias: " << hex << "\n";
  os << "transitions:";
  char num[32];
  for (float f : m.trans) {
    std::snprintf(num, sizeof num, " %.6g", f);
    os << num;
  }
  os << "\n";
  for (const auto* lex : {&m.triggers, &m.gazetteer, &m.memory}) {
    os << "lexicon "
       << (lex == &m.triggers    ? "triggers"
           : lex == &m.gazetteer ? "gazetteer"
                                 : "memory")
       << " " << lex->entries().size() << "\n";
    for (const auto& [phrase, label] : lex->entries()) os << phrase << "\t" << label << "\n";
  }
  float scale = m.qscale;
  std::vector<int16_t> quantized;
  const std::vector<int16_t>* q16 = &m.qweights;
  if (m.qweights.empty()) {
    float max_abs = 0;
    for (float f : m.weights) max_abs = std::max(max_abs, std::fabs(f));
    scale = max_abs > 0 ? max_abs / 32000.0f : 1.0f;
    quantized.resize(m.weights.size());
    for (size_t k = 0; k < m.weights.size(); ++k) {
      quantized[k] = static_cast<int16_t>(std::clamp(std::lround(m.weights[k] / scale), -32767L, 32767L));
    }
    q16 = &quantized;
  }
  std::string raw(q16->size() * 2, '\0');
  for (size_t k = 0; k < q16->size(); ++k) {
    uint16_t u = static_cast<uint16_t>((*q16)[k]);
    raw[2 * k] = static_cast<char>(u & 0xFF);
    raw[2 * k + 1] = static_cast<char>(u >> 8);
  }
  uLongf zlen = compressBound(raw.size());
  std::string z(zlen, '\0');
  if (compress2(reinterpret_cast<Bytef*>(z.data()), &zlen, reinterpret_cast<const Bytef*>(raw.data()),
                raw.size(), 9) != Z_OK) {
    zlen = 0;
  }
  z.resize(zlen);
  std::snprintf(num, sizeof num, "%.9g", scale);
  os << "weights: scale=" << num << " raw=" << raw.size() << " compressed=" << z.size() << "\n";
  os << z;
  return std::move(os).str();
}

Status NerModel::Save(const std::string& path) const {
  std::string error;
  if (!WriteFileAtomically(path, Serialize(), &error)) return IoError(error);
  return Status::Ok();
}

namespace {
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  bool Line(std::string_view* out) {
    if (pos_ >= s_.size()) return false;
    size_t nl = s_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = s_.size();
    *out = s_.substr(pos_, nl - pos_);
    pos_ = nl == s_.size() ? nl : nl + 1;
    return true;
  }
  std::string_view Rest() const { return s_.substr(pos_); }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool ParseULong(std::string_view s, unsigned long long* v) {
  if (s.empty() || s.size() > 19) return false;
  unsigned long long x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    x = x * 10 + static_cast<unsigned>(c - '0');
  }
  *v = x;
  return true;
}

// Value of "key=" in a space-separated header line, or "" if absent.
std::string_view KeyValue(std::string_view line, std::string_view key) {
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    std::string_view item = line.substr(i, j - i);
    if (item.size() > key.size() && StartsWith(item, key) && item[key.size()] == '=') {
      return item.substr(key.size() + 1);
    }
    i = j + 1;
  }
  return {};
}

constexpr const char* kRetrain = " (retrain with `marsad train ner`, see docs/ner.md)";
}  // namespace

StatusOr<NerModel> NerModel::Parse(std::string_view bytes) {
  Reader r(bytes);
  std::string_view line;
  if (!r.Line(&line) || !StartsWith(line, kNerMagic) ||
      (line.size() > kNerMagic.size() && line[kNerMagic.size()] != ' ')) {
    return FailedPrecondition("not a marsad NER model (missing MARSAD-NER header)");
  }
  unsigned long long v = 0;
  if (!ParseULong(KeyValue(line, "format"), &v) || v != kNerFormatVersion) {
    return FailedPrecondition("NER model format version " + std::string(KeyValue(line, "format")) +
                              ", this build reads " + std::to_string(kNerFormatVersion) + kRetrain);
  }
  if (!ParseULong(KeyValue(line, "normalization"), &v) || v != kNormalizationVersion) {
    return FailedPrecondition("NER model built with normalization version " +
                              std::string(KeyValue(line, "normalization")) + ", this build has " +
                              std::to_string(kNormalizationVersion) + kRetrain);
  }
  if (!ParseULong(KeyValue(line, "features"), &v) || v != kNerFeatureVersion) {
    return FailedPrecondition("NER model feature set version " + std::string(KeyValue(line, "features")) +
                              ", this build has " + std::to_string(kNerFeatureVersion) + kRetrain);
  }
  NerModel model;
  Impl& m = *model.impl_;
  auto corrupt = [](const std::string& what) { return DataError("corrupt NER model: " + what); };
  bool have_weights = false;
  std::vector<std::string> types;
  while (!have_weights && r.Line(&line)) {
    if (StartsWith(line, "provenance: ")) {
      m.provenance = std::string(line.substr(12));
    } else if (StartsWith(line, "stemmer: ")) {
      m.stem_fingerprint = std::strtoull(std::string(line.substr(9)).c_str(), nullptr, 16);
    } else if (StartsWith(line, "tags:")) {
      std::istringstream is{std::string(line.substr(5))};
      std::vector<std::string> tags;
      std::string t;
      while (is >> t) tags.push_back(t);
      if (tags.empty() || tags[0] != "O" || tags.size() % 2 != 1 || tags.size() > 63) return corrupt("tags");
      for (size_t k = 1; k < tags.size(); k += 2) {
        if (tags[k].size() < 3 || !StartsWith(tags[k], "B-") || tags[k + 1] != "I-" + tags[k].substr(2)) {
          return corrupt("tags");
        }
        types.push_back(tags[k].substr(2));
      }
      m.InitTags(types);
    } else if (StartsWith(line, "buckets: ")) {
      if (!ParseULong(line.substr(9), &v) || v < 10 || v > 24) return corrupt("buckets");
      m.log2_buckets = static_cast<int>(v);
      m.mask = (uint64_t{1} << v) - 1;
    } else if (StartsWith(line, "o_bias: ")) {
      std::string v_s(line.substr(8));
      char* endp = nullptr;
      m.o_bias = std::strtof(v_s.c_str(), &endp);
      if (v_s.empty() || endp == nullptr || *endp != '\0' || !std::isfinite(m.o_bias))
        return corrupt("o_bias");
    } else if (StartsWith(line, "transitions:")) {
      if (m.tags.empty()) return corrupt("transitions before tags");
      std::istringstream is{std::string(line.substr(12))};
      float f;
      while (m.trans.size() <= (m.T() + 1) * m.T() && is >> f) {
        if (!std::isfinite(f)) return corrupt("transition weight");
        m.trans.push_back(f);
      }
      if (m.trans.size() != (m.T() + 1) * m.T()) return corrupt("transition count");
    } else if (StartsWith(line, "lexicon ")) {
      std::istringstream is{std::string(line.substr(8))};
      std::string name;
      unsigned long long count = 0;
      if (!(is >> name >> count) || (name != "triggers" && name != "gazetteer" && name != "memory") ||
          count > 10000000) {
        return corrupt("lexicon header");
      }
      NerPhraseLexicon& lex = name == "triggers" ? m.triggers : name == "gazetteer" ? m.gazetteer : m.memory;
      for (unsigned long long k = 0; k < count; ++k) {
        std::string_view entry;
        if (!r.Line(&entry)) return corrupt("truncated lexicon");
        size_t tab = entry.find('\t');
        if (tab == std::string_view::npos) return corrupt("lexicon entry");
        lex.Add(entry.substr(0, tab), entry.substr(tab + 1));
      }
    } else if (StartsWith(line, "weights: ")) {
      if (m.tags.empty() || m.mask == 0 || m.trans.empty())
        return corrupt("weights before tags/buckets/transitions");
      unsigned long long raw = 0, zlen = 0;
      std::string scale_s(KeyValue(line, "scale"));
      char* endp = nullptr;
      float scale = std::strtof(scale_s.c_str(), &endp);
      if (scale_s.empty() || endp == nullptr || *endp != '\0' || !std::isfinite(scale) || scale <= 0) {
        return corrupt("weight scale");
      }
      if (!ParseULong(KeyValue(line, "raw"), &raw) || !ParseULong(KeyValue(line, "compressed"), &zlen)) {
        return corrupt("weights header");
      }
      size_t n = (m.mask + 1) * m.T();
      if (raw != n * 2) return corrupt("weight count does not match tags x buckets");
      std::string_view rest = r.Rest();
      if (zlen != rest.size()) return corrupt("weight block size");
      // zlib cannot expand more than ~1032:1; refuse before allocating.
      if (raw > zlen * 1100 + 4096) return corrupt("weight block too small for its declared size");
      std::string buf(raw, '\0');
      uLongf out_len = raw;
      if (uncompress(reinterpret_cast<Bytef*>(buf.data()), &out_len,
                     reinterpret_cast<const Bytef*>(rest.data()), rest.size()) != Z_OK ||
          out_len != raw) {
        return corrupt("weight block does not decompress");
      }
      m.qweights.resize(n);
      m.qscale = scale;
      for (size_t k = 0; k < n; ++k) {
        uint16_t u = static_cast<uint16_t>(static_cast<unsigned char>(buf[2 * k]) |
                                           (static_cast<unsigned char>(buf[2 * k + 1]) << 8));
        m.qweights[k] = static_cast<int16_t>(u);
      }
      have_weights = true;
    } else if (!line.empty()) {
      return corrupt("unknown header line");
    }
  }
  if (!have_weights) return corrupt("no weights");
  return model;
}

StatusOr<NerModel> NerModel::Load(const std::string& path) {
  std::string bytes, error;
  if (!ReadFile(path, &bytes, &error)) return IoError(error);
  auto m = Parse(bytes);
  if (!m.ok()) return Status(m.status().code(), path + ": " + m.status().message());
  return m;
}

}  // namespace marsad
