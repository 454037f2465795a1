// Claims: each event as asserted (or denied) by a source.
//
// A claim is the unit compared across outlets: (source, event, stance, time).
// The source is the innermost speaker of the event's attribution chain (the
// Syrian Observatory in "Erem News <- AFP <- the Observatory"), or the outlet
// when the text attributes the event to no one. `chain` keeps the whole chain,
// outermost first, as speaker ids.
//
//   for (const Claim& c : ClaimsOf(doc)) ...
//
// Thread-safety: pure function.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "marsad/document/document.h"

namespace marsad {

struct Claim {
  std::string source;               // entity id / described source / outlet id ("" if unknown)
  std::vector<std::string> chain;   // speaker ids, outermost first (outlet, wire, ..., source)
  int32_t event = -1;               // index into Document::events
  std::string stance;               // "asserts" | "denies"
  std::string time;                 // the event's date value (TIMEX-like), else the document date, else ""
};

std::vector<Claim> ClaimsOf(const Document& doc);

}  // namespace marsad
