// User search syntax, compiled into a safe FTS5 MATCH expression.
//
//   البوكمال دير الزور          both words (implicit AND)
//   "دير الزور"                the phrase
//   البوكمال OR الميادين        either word
//   البوكمال NOT الميادين       the first without the second
//   (البوكمال OR الميادين) داعش  grouping
//   البوك*                     prefix (on the light stem)
//
// Operators are the upper-case ASCII words AND, OR, NOT. Every word or
// phrase is emitted as an FTS5 string token (double quotes doubled), so no
// user byte can reach the FTS5 parser as syntax. Words without any
// searchable token (punctuation only) are dropped. Errors are one line for
// people: unbalanced quotes or parentheses, an operator with nothing on one
// side, a query with no searchable word.
//
// Thread-safety: pure function, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "marsad/common/status.h"

namespace marsad {

StatusOr<std::string> CompileSearchQuery(std::string_view query);

}  // namespace marsad
