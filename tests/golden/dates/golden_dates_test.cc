// Runs the golden cases in dates.golden (see the header of that file for
// the format) through DateExtractor and compares every expression.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "marsad/dates/date_extractor.h"

namespace marsad {
namespace {

struct Case {
  int line = 0;
  std::string ref, text, gloss;
  std::vector<std::string> expected;
};

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  size_t b = s.find_first_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b);
}

std::vector<Case> ReadCases(const std::string& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  Case cur;
  bool in_expected = false;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line == "===") {
      cases.push_back(cur);
      cur = Case();
      in_expected = false;
    } else if (line == "---") {
      in_expected = true;
    } else if (in_expected) {
      cur.expected.push_back(Trim(line));
    } else if (line.rfind("ref:", 0) == 0) {
      cur.ref = Trim(line.substr(4));
      cur.line = n;
    } else if (line.rfind("text:", 0) == 0) {
      cur.text = Trim(line.substr(5));
    } else if (line.rfind("gloss:", 0) == 0) {
      cur.gloss = Trim(line.substr(6));
    }
  }
  return cases;
}

TEST(DatesGolden, AllCases) {
  auto ex = DateExtractor::Load(std::string(MARSAD_SOURCE_DIR) + "/data");
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  auto cases = ReadCases(std::string(MARSAD_SOURCE_DIR) + "/tests/golden/dates/dates.golden");
  ASSERT_GE(cases.size(), 20u);
  for (const auto& c : cases) {
    std::optional<CivilDate> ref;
    if (c.ref != "none") {
      ref = civil::ParseIso(c.ref);
      ASSERT_TRUE(ref) << "bad ref at line " << c.line;
    }
    std::vector<std::string> got;
    for (const auto& d : ex->Extract(c.text, ref)) {
      got.push_back(d.text + " | " + d.value + " | " + PrecisionName(d.precision) + " | " +
                    d.anchor);
      // Spans point at the text they claim.
      EXPECT_EQ(c.text.substr(d.span.start, d.span.end - d.span.start), d.text);
    }
    std::ostringstream g, e;
    for (const auto& s : got) g << "  " << s << "\n";
    for (const auto& s : c.expected) e << "  " << s << "\n";
    EXPECT_EQ(g.str(), e.str()) << "case at line " << c.line << " (" << c.gloss << ")";
  }
}

}  // namespace
}  // namespace marsad
