// marsad eval segment [--farasa DIR] [--examples N]
//
// Measures SegmentClitics() against the Farasa WikiNews gold segmentation
// (QCRI; file WikiNews.pos.ref: one token per line, segments joined by '+',
// a tab, then the POS of each segment). The surface word is rebuilt from the
// gold segments (ل+ال is written لل) and segmented again; a word counts as
// correct when every segment matches. Only tokens containing Arabic letters
// are scored. Prints the accuracy and a breakdown of error classes.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "marsad/common/paths.h"
#include "marsad/common/utf8.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/tokenize/tokenizer.h"
#include "verb.h"

namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

bool HasArabicLetter(const std::string& s) {
  for (char32_t c : marsad::utf8::ToU32(s))
    if (marsad::IsArabicLetter(c)) return true;
  return false;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "+" : "") + v[i];
  return out;
}

// Index of the stem: the longest segment (first one on ties).
size_t StemIndex(const std::vector<std::string>& segs) {
  size_t best = 0;
  for (size_t i = 1; i < segs.size(); ++i)
    if (marsad::utf8::Length(segs[i]) > marsad::utf8::Length(segs[best])) best = i;
  return best;
}

std::string Classify(const std::vector<std::string>& gold, const std::vector<std::string>& pred) {
  size_t gs = StemIndex(gold), ps = StemIndex(pred);
  std::vector<std::string> gp(gold.begin(), gold.begin() + gs), pp(pred.begin(), pred.begin() + ps);
  std::vector<std::string> gx(gold.begin() + gs + 1, gold.end()), px(pred.begin() + ps + 1, pred.end());
  std::string cls;
  if (gp != pp) {
    cls = pp.size() < gp.size() ? "prefix missed" : pp.size() > gp.size() ? "prefix spurious" : "prefix wrong";
  }
  if (gx != px) {
    std::string s = px.size() < gx.size() ? "suffix missed" : px.size() > gx.size() ? "suffix spurious"
                                                                                   : "suffix wrong";
    // Name the suffix involved: the first one that differs.
    const auto& longer = px.size() < gx.size() ? gx : px;
    const auto& shorter = px.size() < gx.size() ? px : gx;
    std::string which;
    for (size_t i = 0; i < longer.size(); ++i) {
      if (i >= shorter.size() || longer[longer.size() - 1 - i] != shorter[shorter.size() - 1 - i]) {
        which = longer[longer.size() - 1 - i];
        break;
      }
    }
    if (!which.empty()) s += " (" + which + ")";
    cls = cls.empty() ? s : cls + " + " + s;
  }
  if (cls.empty()) cls = "stem boundary";
  return cls;
}

int Run(std::string dir, int examples) {
  if (dir.empty()) {
    std::string shared = marsad::SharedDir();
    if (!shared.empty()) dir = shared + "/data/farasa-wikinews";
  }
  std::string path = dir + "/WikiNews.pos.ref";
  if (dir.empty() || !std::filesystem::exists(path)) {
    std::printf("eval segment: skipped: Farasa WikiNews gold not found (%s); pass --farasa DIR\n",
                dir.empty() ? "no shared data folder" : path.c_str());
    return 0;
  }
  std::string content, error;
  if (!marsad::ReadFile(path, &content, &error)) {
    marsad::cli::Error(error);
    return 1;
  }
  std::istringstream in(content);
  std::string line;
  int64_t words = 0, correct = 0, gold_unsplit = 0, gold_unsplit_correct = 0;
  std::map<std::string, int64_t> classes;
  std::map<std::string, std::vector<std::string>> samples;
  bool first = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (first) {  // header: refTok(Farasa) refPOS(Farasa)
      first = false;
      if (line.rfind("refTok", 0) == 0) continue;
    }
    std::string tok = line.substr(0, line.find('\t'));
    if (tok.empty() || !HasArabicLetter(tok)) continue;
    std::vector<std::string> gold = Split(tok, '+');
    if (std::any_of(gold.begin(), gold.end(), [](const std::string& s) { return s.empty(); })) continue;
    std::string surface;
    for (size_t i = 0; i < gold.size(); ++i) {
      // ل + ال is written لل: the alef of the article drops.
      if (gold[i] == "ال" && i > 0 && gold[i - 1] == "ل") {
        surface += "ل";
      } else {
        surface += gold[i];
      }
    }
    std::vector<std::string> pred = marsad::SegmentClitics(surface);
    ++words;
    bool ok = pred == gold;
    correct += ok;
    if (gold.size() == 1) {
      ++gold_unsplit;
      gold_unsplit_correct += ok;
    }
    if (!ok) {
      std::string cls = Classify(gold, pred);
      ++classes[cls];
      auto& v = samples[cls];
      if (static_cast<int>(v.size()) < examples) v.push_back(Join(gold) + " -> " + Join(pred));
    }
  }
  if (words == 0) {
    std::printf("eval segment: no Arabic words in %s\n", path.c_str());
    return 1;
  }
  std::printf("eval segment: Farasa WikiNews gold (%s)\n", path.c_str());
  std::printf("  words scored:        %lld (tokens with Arabic letters)\n", static_cast<long long>(words));
  std::printf("  exact segmentation:  %lld (%.2f%%)\n", static_cast<long long>(correct), 100.0 * correct / words);
  std::printf("  gold unsegmented:    %lld, of which left whole: %.2f%%\n", static_cast<long long>(gold_unsplit),
              gold_unsplit ? 100.0 * gold_unsplit_correct / gold_unsplit : 0.0);
  std::vector<std::pair<std::string, int64_t>> sorted(classes.begin(), classes.end());
  std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.second > b.second; });
  std::printf("  errors by class (share of all words):\n");
  for (const auto& [cls, n] : sorted) {
    std::printf("    %6lld  %5.2f%%  %s\n", static_cast<long long>(n), 100.0 * n / words, cls.c_str());
    for (const std::string& ex : samples[cls]) std::printf("              e.g. %s\n", ex.c_str());
  }
  return 0;
}

void Setup(CLI::App& eval, marsad::cli::VerbContext& ctx) {
  auto* cmd = eval.add_subcommand("segment", "Clitic segmentation vs the Farasa WikiNews gold standard");
  auto dir = std::make_shared<std::string>();
  auto examples = std::make_shared<int>(0);
  cmd->add_option("--farasa", *dir, "Folder with WikiNews.pos.ref (default: <shared>/data/farasa-wikinews)");
  cmd->add_option("--examples", *examples, "Print up to N examples per error class (default: 0)");
  cmd->callback([&ctx, dir, examples] { ctx.exit_code = Run(*dir, *examples); });
}

MARSAD_REGISTER_SUBVERB(eval, segment, Setup);

}  // namespace
