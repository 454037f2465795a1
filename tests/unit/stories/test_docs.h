// Hand-built analyzed documents for the stories tests (team-written Arabic).
#pragma once

#include <string>
#include <vector>

#include "marsad/document/document.h"

namespace marsad::stories::testing {

struct EntitySpec {
  std::string id, type, surface;
};

// A document with outlet, date and entities whose mentions are every
// occurrence of `surface` in the body.
inline Document MakeDoc(const std::string& body, const std::string& outlet, const std::string& date,
                        const std::vector<EntitySpec>& entities, const std::string& title = "") {
  Document d;
  d.body = body;
  // The first 40 bytes, cut back to a code point boundary (valid UTF-8).
  size_t cut = std::min<size_t>(body.size(), 40);
  while (cut > 0 && cut < body.size() && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  d.title = title.empty() ? body.substr(0, cut) : title;
  if (!outlet.empty()) d.outlet = OutletRef{outlet, outlet, outlet};
  if (!date.empty()) d.published = PublishedDate{date, Precision::kDay, date, false};
  for (const auto& spec : entities) {
    Entity e;
    e.id = spec.id;
    e.type = spec.type;
    e.name_ar = spec.surface;
    for (size_t pos = body.find(spec.surface); pos != std::string::npos; pos = body.find(spec.surface, pos + 1)) {
      e.mentions.push_back({{static_cast<int32_t>(pos), static_cast<int32_t>(pos + spec.surface.size())}, spec.surface});
    }
    if (spec.type == "place") {
      e.lat = 34.45;
      e.lon = 40.92;
    }
    d.entities.push_back(e);
  }
  return d;
}

inline std::string DataDirForTests() { return std::string(MARSAD_SOURCE_DIR) + "/data"; }

}  // namespace marsad::stories::testing
