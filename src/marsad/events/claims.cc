#include "marsad/events/claims.h"

namespace marsad {

std::vector<Claim> ClaimsOf(const Document& doc) {
  std::vector<Claim> claims;
  claims.reserve(doc.events.size());
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& ev = doc.events[i];
    Claim c;
    c.event = static_cast<int32_t>(i);
    for (int32_t a : ev.attributed_to) {
      if (a >= 0 && static_cast<size_t>(a) < doc.attributions.size()) c.chain.push_back(doc.attributions[a].speaker);
    }
    if (!c.chain.empty()) {
      c.source = c.chain.back();
    } else if (doc.outlet) {
      c.source = doc.outlet->id;
      c.chain.push_back(doc.outlet->id);
    }
    // A negated event is a claim that it did not happen.
    c.stance = ev.negated ? "denies" : "asserts";
    if (ev.date) {
      c.time = ev.date->value;
    } else if (doc.published) {
      c.time = doc.published->value;
    }
    claims.push_back(std::move(c));
  }
  return claims;
}

}  // namespace marsad
