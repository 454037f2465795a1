#include "marsad/document/document.h"

namespace marsad {

const char* PrecisionName(Precision p) {
  switch (p) {
    case Precision::kYear: return "year";
    case Precision::kMonth: return "month";
    case Precision::kWeek: return "week";
    case Precision::kDay: return "day";
    case Precision::kMinute: return "minute";
    case Precision::kUnknown: break;
  }
  return "unknown";
}

}  // namespace marsad
