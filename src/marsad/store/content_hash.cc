#include "marsad/store/content_hash.h"

#include <cstdint>

#include "marsad/normalize/arabic_normalizer.h"

namespace marsad {

namespace {
using U128 = unsigned __int128;

// FNV-1a 128 parameters (offset basis and prime 2^88 + 2^8 + 0x3b).
constexpr U128 kFnvOffset =
    (static_cast<U128>(0x6c62272e07bb0142ULL) << 64) | static_cast<U128>(0x62b821756295c58dULL);
constexpr U128 kFnvPrime = (static_cast<U128>(1) << 88) | static_cast<U128>(0x13b);
}  // namespace

std::string ContentHash(std::string_view text) {
  U128 h = kFnvOffset;
  for (unsigned char c : text) {
    h ^= c;
    h *= kFnvPrime;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 31; i >= 0; --i) {
    out[i] = kHex[static_cast<unsigned>(h & 0xf)];
    h >>= 4;
  }
  return out;
}

std::string DocumentContentHash(std::string_view body) { return ContentHash(MatchForm(body)); }

}  // namespace marsad
