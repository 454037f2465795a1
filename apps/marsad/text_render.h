// Readable plain-text rendering of an analyzed document for people.
#pragma once

#include <ostream>

#include "marsad/document/document.h"

namespace marsad::cli {

void RenderText(const Document& doc, std::ostream& out);

}  // namespace marsad::cli
