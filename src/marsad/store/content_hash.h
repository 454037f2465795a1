// Content hashing for idempotent storage.
//
//   std::string h = ContentHash(MatchForm(doc.body));  // 32 lowercase hex digits
//
// The hash is FNV-1a 128 (Fowler, Noll, Vo; parameters from
// http://www.isthe.com/chongo/tech/comp/fnv/): stable across platforms,
// compilers and releases, which std::hash is not. It is not a cryptographic
// hash: it detects repeated content, it does not resist an adversary who
// crafts collisions (a collision would make the store skip a document).
//
// Thread-safety: pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace marsad {

// FNV-1a 128 of the bytes of `text`, as 32 lowercase hex digits.
std::string ContentHash(std::string_view text);

// The hash the store keys a document body on: ContentHash(MatchForm(body)),
// so that bodies differing only in tashkeel, tatweel, hamza spelling or
// whitespace runs share one hash.
std::string DocumentContentHash(std::string_view body);

}  // namespace marsad
