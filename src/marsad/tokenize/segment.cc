// Clitic segmentation in the style of the Farasa gold standard (Abdelali et
// al., "Farasa: A Fast and Furious Segmenter for Arabic", NAACL 2016; the
// WikiNews gold set of QCRI). The scheme splits:
//   prefixes  و ف (conjunctions), ب ل ك (prepositions), س (future, before
//             an imperfect verb), ال (article; "لل" is ل+ال);
//   suffixes  pronouns (ه ها هما هم هن كم كما كن نا ني), nominal endings
//             (ة ات ون ين), verb endings (ت وا), the accusative tanween
//             alef (ا); ة written ت before a pronoun is split as ت.
// This is a rule-based approximation WITHOUT a lexicon: it sees one
// undiacritized surface word. The rules are general conditions on length
// and neighbouring letters (documented in docs/normalization.md); the only
// word lists are closed classes (data/tokenize/segment_closed.tsv) and the
// protected stems shared with LightStem. It is for evaluation and analysis;
// the matching key is LightStem (tokenizer.h), which is more conservative.
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "marsad/common/utf8.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/tokenize/tokenize_internal.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

#include "stem_data.inc"

using U32 = std::u32string;

constexpr char32_t kAlef = 0x0627;
constexpr char32_t kAlefHamzaAbove = 0x0623;
constexpr char32_t kLam = 0x0644;
constexpr char32_t kWaw = 0x0648;
constexpr char32_t kFeh = 0x0641;
constexpr char32_t kBeh = 0x0628;
constexpr char32_t kKaf = 0x0643;
constexpr char32_t kSeen = 0x0633;
constexpr char32_t kYeh = 0x064A;
constexpr char32_t kTeh = 0x062A;
constexpr char32_t kNoon = 0x0646;
constexpr char32_t kTehMarbuta = 0x0629;
constexpr char32_t kHeh = 0x0647;
constexpr char32_t kThal = 0x0630;
constexpr char32_t kMeem = 0x0645;
constexpr char32_t kZain = 0x0632;
constexpr char32_t kTatweel = 0x0640;

struct ClosedLists {
  std::unordered_set<U32> hosts;
  std::unordered_set<U32> whole;
  std::unordered_set<U32> pron;
  bool Short(const U32& w) const { return hosts.count(w) || pron.count(w) || whole.count(w); }
};

const ClosedLists& Closed() {
  static const ClosedLists* lists = [] {
    auto* l = new ClosedLists();
    std::string_view data = kSegmentClosedTsv;
    size_t pos = 0;
    while (pos < data.size()) {
      size_t eol = data.find('\n', pos);
      if (eol == std::string_view::npos) eol = data.size();
      std::string_view line = data.substr(pos, eol - pos);
      pos = eol + 1;
      if (line.empty() || line[0] == '#') continue;
      size_t t1 = line.find('\t');
      if (t1 == std::string_view::npos) continue;
      size_t t2 = line.find('\t', t1 + 1);
      std::string_view list = line.substr(0, t1);
      std::string_view word = line.substr(t1 + 1, t2 == std::string_view::npos ? std::string_view::npos : t2 - t1 - 1);
      U32 w = utf8::ToU32(DisplayForm(word));
      if (list == "host") l->hosts.insert(w);
      if (list == "whole") l->whole.insert(w);
      if (list == "pron") l->pron.insert(w);
    }
    return l;
  }();
  return *lists;
}

bool ProtectedExact(const U32& w) { return tokenize_internal::IsProtectedStem(MatchForm(utf8::FromU32(w))); }

// A protected stem, possibly followed by a pronoun, ة or the tanween alef.
bool Protected(const U32& w) {
  if (ProtectedExact(w)) return true;
  static const U32 kEndings[] = {U"هما", U"ها", U"هم", U"هن", U"كم", U"نا", U"ه", U"ة", U"ا", U"ات"};
  for (const U32& e : kEndings) {
    if (w.size() > e.size() + 2 && w.compare(w.size() - e.size(), e.size(), e) == 0 &&
        ProtectedExact(w.substr(0, w.size() - e.size())))
      return true;
  }
  return false;
}

bool EndsWith(const U32& w, const U32& suf) {
  return w.size() >= suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
}

// Pronoun suffixes, longest first. ني (me) only after a host particle.
const U32 kPronouns[] = {U"هما", U"كما", U"ها", U"هم", U"هن", U"كم", U"كن", U"نا", U"ني", U"ه"};
const U32 kPronounsAfterStem[] = {U"هما", U"كما", U"ها", U"هم", U"هن", U"كم", U"كن", U"نا", U"ه"};

}  // namespace

std::vector<std::string> SegmentClitics(std::string_view word) {
  // The undiacritized display form; hamza spelling is kept.
  U32 w;
  for (char32_t c : utf8::ToU32(DisplayForm(word))) {
    if (IsArabicMark(c) || c == kTatweel) continue;
    w.push_back(c);
  }
  std::vector<std::string> out;
  bool all_arabic = !w.empty();
  for (char32_t c : w) all_arabic = all_arabic && IsArabicLetter(c);
  const ClosedLists& closed = Closed();
  if (!all_arabic || w.size() < 2 || closed.whole.count(w)) {
    out.push_back(utf8::FromU32(w));
    return out;
  }
  std::vector<U32> pre, suf;
  U32 core = w;
  auto take_prefix = [&](size_t n, U32 seg) {
    pre.push_back(std::move(seg));
    core.erase(0, n);
  };
  // 1. Conjunction: leaves >= 3 letters; not فـ before يـ (في and its
  //    pronoun forms, and loanwords: فيلم, فيروس); not a protected word.
  if ((core[0] == kWaw || core[0] == kFeh) &&
      ((core.size() >= 4 && !(core[0] == kFeh && core[1] == kYeh) && !Protected(core)) ||
       (core.size() >= 3 && closed.Short(core.substr(1))))) {
    take_prefix(1, U32(1, core[0]));
  }
  // 2. Article and prepositions.
  bool article = false;
  if (closed.whole.count(core)) {
    // e.g. والذي: conjunction + relative pronoun.
  } else if (core.size() >= 4 && core[0] == kLam && core[1] == kLam && !Protected(core.substr(1))) {
    take_prefix(2, U32(1, kLam));
    pre.push_back(U"ال");
    article = true;
  } else if (core.size() >= 5 && (core[0] == kBeh || core[0] == kKaf || core[0] == kLam) && core[1] == kAlef &&
             core[2] == kLam) {
    char32_t p = core[0];
    take_prefix(3, U32(1, p));
    pre.push_back(U"ال");
    article = true;
  } else if (core.size() >= 4 && core[0] == kAlef && core[1] == kLam) {
    take_prefix(2, U"ال");
    article = true;
  } else if ((core[0] == kBeh || core[0] == kLam || core[0] == kKaf) && core.size() >= 3 &&
             closed.Short(core.substr(1)) && !closed.Short(core)) {
    // A preposition before a closed-class word (لكل, بما, لمن).
    take_prefix(1, U32(1, core[0]));
  } else if ((core[0] == kBeh || core[0] == kLam || core[0] == kKaf) && core.size() >= 4 &&
             (core[1] != kAlef || (core[0] != kKaf && core.size() >= 6)) && !Protected(core) &&
             !closed.Short(core)) {
    // A single-letter preposition needs >= 3 letters after it; before a
    // plain alef (كان, لا, باب ...) only ب/ل and only before 5+ letters (the
    // verbal nouns of forms VII-X: لاختبار, باستخدام).
    take_prefix(1, U32(1, core[0]));
  } else if (core[0] == kSeen && core.size() >= 5 &&
             (core[1] == kYeh || core[1] == kTeh || core[1] == kNoon || core[1] == kAlefHamzaAbove) &&
             core.back() != kTehMarbuta && core.back() != kYeh && !EndsWith(core, U"ات")) {
    // Future marker before an imperfect verb (not a noun: no ة, ي, ات).
    take_prefix(1, U32(1, kSeen));
  }
  // 3. Host particle + pronoun (منها, عليه, أنهم).
  bool done = false;
  for (const U32& p : kPronouns) {
    if (core.size() > p.size() && EndsWith(core, p) && closed.hosts.count(core.substr(0, core.size() - p.size()))) {
      suf.push_back(p);
      core.resize(core.size() - p.size());
      done = true;
      break;
    }
  }
  if (!done && !closed.Short(core)) {
    bool is_protected = Protected(core);
    // 4. Pronoun suffix (not ه after the article: الله, الوجه ...); the
    //    stem keeps >= 3 letters.
    bool pronoun = false;
    for (const U32& p : kPronounsAfterStem) {
      if (ProtectedExact(core) || (article && p == U"ه")) break;
      if (core.size() >= p.size() + 3 && EndsWith(core, p)) {
        suf.push_back(p);
        core.resize(core.size() - p.size());
        pronoun = true;
        break;
      }
    }
    // 5. Endings before the pronoun or at the end.
    auto take_suffix = [&](const U32& s) {
      suf.insert(suf.begin(), s);
      core.resize(core.size() - s.size());
    };
    // ة, ات and the verbal ت are always endings; the others may be letters
    // of a protected stem (كندا, فلسطين ...).
    const bool keep = is_protected && ProtectedExact(core);
    size_t n = core.size();
    char32_t prev1 = n >= 2 ? core[n - 2] : 0;  // letter before a 1-letter ending
    char32_t prev2 = n >= 3 ? core[n - 3] : 0;  // letter before a 2-letter ending
    if (n >= 3 && core.back() == kTehMarbuta) {
      take_suffix(U"ة");
    } else if (n >= 4 && EndsWith(core, U"ات")) {
      take_suffix(U"ات");
    } else if (!keep && pronoun && n >= 3 && core.back() == kTeh && prev1 != kAlef) {
      // ة written ت before a pronoun (مرحلته), or a verb's ت (ساورتني).
      take_suffix(U"ت");
    } else if (!keep && n >= 6 && EndsWith(core, U"ون") && prev2 != kKaf && prev2 != kTeh && prev2 != kSeen &&
               prev2 != kYeh) {
      take_suffix(U"ون");
    } else if (!keep && EndsWith(core, U"ين") && ((article && n >= 5) || n >= 6) && prev2 != kBeh && prev2 != kThal) {
      take_suffix(U"ين");
    } else if (!keep && !article && !pronoun && n >= 4 && EndsWith(core, U"وا")) {
      take_suffix(U"وا");
    } else if (!article && !pronoun && n >= 4 && n <= 6 && core.back() == kTeh && prev1 != kAlef &&
               prev1 != kWaw && prev1 != kYeh) {
      take_suffix(U"ت");  // past tense, 3rd person feminine (أعلنت)
    } else if (!keep && !article && !pronoun && n >= 4 && core.back() == kAlef && prev1 != kAlef && prev1 != kHeh &&
               prev1 != kThal && prev1 != kWaw && prev1 != kYeh && prev1 != kLam &&
               prev1 != kNoon && prev1 != kTeh && prev1 != kZain && prev1 != kSeen) {
      take_suffix(U"ا");  // accusative tanween alef (عاما, ترشيحا)
    }
  }
  for (const U32& p : pre) out.push_back(utf8::FromU32(p));
  out.push_back(utf8::FromU32(core));
  for (const U32& s : suf) out.push_back(utf8::FromU32(s));
  return out;
}

}  // namespace marsad
