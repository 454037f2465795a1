// Pair features; see pair_features.h for the contract and docs/compare.md for
// the measurements behind each choice.
#include "marsad/compare/pair_features.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "marsad/common/utf8.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

// Two unequal keys whose character-trigram Dice reaches this count as the
// same word (inflections such as يرتفع / ارتفاع). 0.6 scored slightly better
// than 0.5 on the ANS dev split in the prototype (docs/compare.md).
constexpr double kFuzzyAlign = 0.6;
// Counts of unaligned words are capped (headlines are short).
constexpr int kUnalignedCap = 6;

bool AllArabicLetters(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  while (i < s.size()) {
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    if (!IsArabicLetter(c)) return false;
    i += len;
  }
  return true;
}

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.emplace_back(line.substr(start));
      break;
    }
    out.emplace_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  return out;
}

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Calls fn(line_number, line) for each data line (not comment, not empty).
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t start = 0;
  int number = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') fn(number, line);
    start = nl + 1;
  }
}

std::string KeyOf(std::string_view word) { return PairWordKey(MatchForm(word)); }

// Character trigrams over code points with boundary marks, each packed into
// one integer (3 x 21 bits), sorted and unique.
std::vector<uint64_t> Trigrams(const std::string& key) {
  std::u32string s;
  s.push_back(U'#');
  s.append(utf8::ToU32(key));
  s.push_back(U'#');
  std::vector<uint64_t> out;
  for (size_t i = 0; i + 3 <= s.size(); ++i) {
    out.push_back((static_cast<uint64_t>(s[i]) << 42) | (static_cast<uint64_t>(s[i + 1]) << 21) |
                  static_cast<uint64_t>(s[i + 2]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Dice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * common / (a.size() + b.size());
}

struct Word {
  std::string norm;
  std::string key;
  bool number = false;
};

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> out;
  for (const Token& t : Tokenize(text)) {
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) continue;
    if (t.norm.empty()) continue;
    Word w;
    w.norm = t.norm;
    w.number = t.kind == TokenKind::kNumber;
    w.key = w.number ? t.norm : PairWordKey(t.norm);
    if (w.key.empty()) continue;
    out.push_back(std::move(w));
  }
  return out;
}

std::string JoinSet(const std::set<std::string>& s) {
  std::string out;
  for (const std::string& x : s) out += (out.empty() ? "" : " ") + x;
  return out;
}

}  // namespace

std::string PairWordKey(std::string_view norm_word) {
  if (!AllArabicLetters(norm_word)) return std::string(norm_word);
  std::string stem = LightStem(norm_word);
  // Endings in matching form: ات (f. plural), ون / ين (m. plural), يه (nisba
  // f., from ية), ه (from ة), ي (nisba m. or 1st person). One is removed.
  static const char* const kEndings[] = {"ات", "ون", "ين", "يه", "ه", "ي"};
  size_t letters = utf8::Length(stem);
  for (const char* e : kEndings) {
    std::string_view end(e);
    size_t end_letters = utf8::Length(end);
    if (stem.size() > end.size() && stem.compare(stem.size() - end.size(), end.size(), end) == 0 &&
        letters - end_letters >= 3) {
      stem.resize(stem.size() - end.size());
      // A plural nisba keeps its yeh (اللبنانيين -> لبناني): remove it too.
      if ((end == "ون" || end == "ين") && letters - end_letters >= 4 && stem.size() >= 2 &&
          stem.compare(stem.size() - 2, 2, "ي") == 0) {
        stem.resize(stem.size() - 2);
      }
      break;
    }
  }
  return stem;
}

uint64_t PairKeyFingerprint() {
  // FNV-1a over the keys of a fixed probe list (a few inflected news words).
  static const char* const kProbe[] = {"والمصرية",   "الشركات", "يرتفعون", "بالبوكمال", "وزارتها",
                                       "اللبنانيين", "ارتفاع",  "لم",      "الإيرانية", "فازت"};
  uint64_t h = 1469598103934665603ull;
  for (const char* p : kProbe) {
    for (char c : PairWordKey(MatchForm(p)) + "|") {
      h ^= static_cast<uint8_t>(c);
      h *= 1099511628211ull;
    }
  }
  return h;
}

uint16_t PairLexicon::Intern(std::vector<std::string>* names, const std::string& name) {
  for (size_t i = 0; i < names->size(); ++i)
    if ((*names)[i] == name) return static_cast<uint16_t>(i);
  names->push_back(name);
  return static_cast<uint16_t>(names->size() - 1);
}

Status PairLexicon::AddPolarityTsv(std::string_view tsv, const std::string& source_name) {
  Status status;
  ForEachLine(tsv, [&](int number, std::string_view line) {
    if (!status.ok()) return;
    std::vector<std::string> cols = SplitTabs(line);
    if (cols[0] == "axis") return;  // header
    if (cols.size() < 3 || cols[0].empty() || cols[1].empty() || cols[2].empty()) {
      status = DataError(source_name + ":" + std::to_string(number) + ": expected axis<TAB>pole<TAB>words");
      return;
    }
    if (axis_names_.size() >= 4000 || pole_names_.size() >= 4000) {
      status = DataError(source_name + ": too many axes or poles");
      return;
    }
    uint16_t axis = Intern(&axis_names_, cols[0]);
    uint16_t pole = Intern(&pole_names_, cols[0] + ":" + cols[1]);
    for (const std::string& w : SplitSpaces(cols[2])) {
      std::string key = KeyOf(w);
      if (key.empty()) continue;
      auto& poles = polarity_[key];
      bool seen = false;
      for (const Pole& p : poles) seen |= p.axis == axis && p.pole == pole;
      if (!seen) poles.push_back({axis, pole});
    }
    polarity_lines_.push_back(cols[0] + "\t" + cols[1] + "\t" + cols[2]);
  });
  return status;
}

Status PairLexicon::AddNegationTsv(std::string_view tsv, const std::string& source_name) {
  Status status;
  ForEachLine(tsv, [&](int number, std::string_view line) {
    if (!status.ok()) return;
    std::vector<std::string> cols = SplitTabs(line);
    if (cols[0] == "cue") return;  // header
    if (cols[0].empty() || cols[0].find(' ') != std::string::npos) {
      status = DataError(source_name + ":" + std::to_string(number) + ": expected one cue word in column 1");
      return;
    }
    std::string key = KeyOf(cols[0]);
    if (key.empty()) return;
    negation_.insert(key);
    negation_lines_.push_back(cols[0] + "\t" + (cols.size() > 1 ? cols[1] : std::string("particle")));
  });
  return status;
}

void PairLexicon::AddPlace(std::string_view name) {
  std::string norm = MatchForm(name);
  if (norm.empty() || norm.find_first_of(" \t\n") != std::string::npos) return;
  std::string key = PairWordKey(norm);
  if (utf8::Length(key) >= 2) places_.insert(key);
}

void PairLexicon::AddPlaceKey(std::string key) {
  if (!key.empty() && key.find_first_of(" \t\n") == std::string::npos) places_.insert(std::move(key));
}

std::vector<std::string> PairLexicon::place_lines() const {
  std::vector<std::string> out(places_.begin(), places_.end());
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<PairLexicon::Pole>* PairLexicon::PolesOf(const std::string& key) const {
  auto it = polarity_.find(key);
  if (it != polarity_.end()) return &it->second;
  // A 3rd person plural perfect (سيطروا, انسحبوا) or a dual imperfect
  // (يحضران) falls back to its stem (at least 3 letters left).
  for (const std::string& ending : {std::string("وا"), std::string("ان")}) {
    if (key.size() >= ending.size() + 6 &&
        key.compare(key.size() - ending.size(), ending.size(), ending) == 0) {
      it = polarity_.find(key.substr(0, key.size() - ending.size()));
      if (it != polarity_.end()) return &it->second;
    }
  }
  return nullptr;
}

std::string PairLexicon::PlaceOf(const std::string& key) const {
  if (key.empty()) return "";
  if (places_.count(key)) return key;
  // A nisba whose country ends in (y)alef: سوريا -> السورية -> key سور.
  for (const char* end : {"يا", "ا"}) {
    std::string k = key + end;
    if (places_.count(k)) return k;
  }
  return "";
}

Status PairLexicon::AddFunctionWordsTsv(std::string_view tsv, const std::string& source_name) {
  Status status;
  ForEachLine(tsv, [&](int number, std::string_view line) {
    if (!status.ok()) return;
    std::vector<std::string> cols = SplitTabs(line);
    if (cols[0] == "word") return;  // header
    if (cols[0].empty() || cols[0].find(' ') != std::string::npos) {
      status = DataError(source_name + ":" + std::to_string(number) + ": expected one word in column 1");
      return;
    }
    std::string key = KeyOf(cols[0]);
    if (key.empty()) return;
    function_.insert(key);
    function_lines_.push_back(cols[0] + "\t" + (cols.size() > 1 ? cols[1] : std::string()));
  });
  return status;
}

PairFeatureSet ExtractPairFeatures(std::string_view a, std::string_view b, const PairLexicon& lex) {
  PairFeatureSet out;
  auto add = [&out](std::string name, float value) { out.features.emplace_back(std::move(name), value); };
  std::vector<Word> wa = Words(a), wb = Words(b);
  std::set<std::string> ka, kb;
  std::map<std::string, std::string> shown_a, shown_b;  // key -> first surface (matching form)
  for (const Word& w : wa) ka.insert(w.key), shown_a.emplace(w.key, w.norm);
  for (const Word& w : wb) kb.insert(w.key), shown_b.emplace(w.key, w.norm);

  size_t common = 0;
  for (const std::string& k : ka) common += kb.count(k);
  size_t uni = ka.size() + kb.size() - common;
  add("bias", 1);
  add("jaccard", uni ? static_cast<float>(common) / uni : 0.f);
  add("cover_a", ka.empty() ? 0.f : static_cast<float>(common) / ka.size());
  add("cover_b", kb.empty() ? 0.f : static_cast<float>(common) / kb.size());
  size_t la = wa.size(), lb = wb.size();
  add("length_ratio", std::max(la, lb) ? static_cast<float>(std::min(la, lb)) / std::max(la, lb) : 0.f);

  // Fuzzy alignment: a word is unaligned when no word of the other side has
  // the same key or a trigram Dice >= kFuzzyAlign.
  std::map<std::string, std::vector<uint64_t>> grams;
  for (const std::string& k : ka) grams.emplace(k, Trigrams(k));
  for (const std::string& k : kb) grams.emplace(k, Trigrams(k));
  auto unaligned = [&](const std::set<std::string>& self, const std::set<std::string>& other) {
    std::vector<std::string> out_keys;
    for (const std::string& k : self) {
      if (other.count(k)) continue;
      bool aligned = false;
      for (const std::string& o : other) {
        if (Dice(grams[k], grams[o]) >= kFuzzyAlign) {
          aligned = true;
          break;
        }
      }
      if (!aligned) out_keys.push_back(k);
    }
    return out_keys;
  };
  std::vector<std::string> only_a = unaligned(ka, kb), only_b = unaligned(kb, ka);
  add("unaligned_a", static_cast<float>(std::min<size_t>(only_a.size(), kUnalignedCap)) / kUnalignedCap);
  add("unaligned_b", static_cast<float>(std::min<size_t>(only_b.size(), kUnalignedCap)) / kUnalignedCap);
  add("aligned_cover_a", ka.empty() ? 0.f : 1.f - static_cast<float>(only_a.size()) / ka.size());
  add("aligned_cover_b", kb.empty() ? 0.f : 1.f - static_cast<float>(only_b.size()) / kb.size());

  // Negation: counts of cue words on each side.
  int neg_a = 0, neg_b = 0;
  std::string cue_a, cue_b;
  for (const Word& w : wa)
    if (lex.IsNegation(w.key)) ++neg_a, cue_a = w.norm;
  for (const Word& w : wb)
    if (lex.IsNegation(w.key)) ++neg_b, cue_b = w.norm;
  if (neg_a != neg_b) add("negation_differs", 1);
  if (neg_b > neg_a) {
    add("negation_more_in_b", 1);
    out.reasons.push_back("negation only in the second: " + cue_b);
  }
  if (neg_a > neg_b) {
    add("negation_more_in_a", 1);
    out.reasons.push_back("negation only in the first: " + cue_a);
  }

  // Numbers.
  std::set<std::string> num_a, num_b;
  for (const Word& w : wa)
    if (w.number) num_a.insert(w.key);
  for (const Word& w : wb)
    if (w.number) num_b.insert(w.key);
  if (!num_a.empty() && !num_b.empty()) {
    if (num_a != num_b) {
      add("numbers_differ", 1);
      out.reasons.push_back("numbers differ: " + JoinSet(num_a) + " / " + JoinSet(num_b));
    } else {
      add("numbers_equal", 1);
    }
  }

  // Polarity: the poles each side puts on each axis.
  std::map<uint16_t, std::set<uint16_t>> poles_a, poles_b;
  std::map<uint16_t, std::string> word_of_pole_a, word_of_pole_b;
  for (const Word& w : wa)
    if (const auto* ps = lex.PolesOf(w.key))
      for (const auto& p : *ps) poles_a[p.axis].insert(p.pole), word_of_pole_a.emplace(p.pole, w.norm);
  for (const Word& w : wb)
    if (const auto* ps = lex.PolesOf(w.key))
      for (const auto& p : *ps) poles_b[p.axis].insert(p.pole), word_of_pole_b.emplace(p.pole, w.norm);
  std::set<uint16_t> axes;
  for (const auto& [axis, _] : poles_a) axes.insert(axis);
  for (const auto& [axis, _] : poles_b) axes.insert(axis);
  int conflicts = 0, same = 0, partial = 0, only_in_a = 0, only_in_b = 0;
  for (uint16_t axis : axes) {
    auto ia = poles_a.find(axis), ib = poles_b.find(axis);
    if (ia != poles_a.end() && ib != poles_b.end()) {
      std::vector<uint16_t> a_not_b, b_not_a;
      std::set_difference(ia->second.begin(), ia->second.end(), ib->second.begin(), ib->second.end(),
                          std::back_inserter(a_not_b));
      std::set_difference(ib->second.begin(), ib->second.end(), ia->second.begin(), ia->second.end(),
                          std::back_inserter(b_not_a));
      if (!a_not_b.empty() && !b_not_a.empty()) {
        ++conflicts;
        add("polarity_conflict:" + lex.axis_names()[axis], 1);
        out.reasons.push_back("opposed: " + word_of_pole_a[a_not_b[0]] + " (" + lex.pole_names()[a_not_b[0]] +
                              ") / " + word_of_pole_b[b_not_a[0]] + " (" + lex.pole_names()[b_not_a[0]] +
                              ")");
      } else if (a_not_b.empty() && b_not_a.empty()) {
        ++same;
      } else {
        ++partial;
      }
    } else if (ib != poles_b.end()) {
      ++only_in_b;
    } else {
      ++only_in_a;
    }
  }
  if (conflicts) add("polarity_conflict", static_cast<float>(conflicts));
  if (same) add("polarity_same", static_cast<float>(same));
  if (partial) add("polarity_partial", static_cast<float>(partial));
  if (only_in_a) add("polarity_only_a", static_cast<float>(only_in_a));
  if (only_in_b) add("polarity_only_b", static_cast<float>(only_in_b));

  // Roles: each polarity word is about the next content word, else the
  // previous one (function words, other polarity words and negation skipped).
  auto roles = [&lex](const std::vector<Word>& words) {
    std::map<std::pair<uint16_t, std::string>, std::set<uint16_t>> out_roles;  // (axis, noun) -> poles
    auto content = [&](size_t i) {
      const Word& w = words[i];
      return !w.number && !lex.IsFunctionWord(w.key) && !lex.PolesOf(w.key) && !lex.IsNegation(w.key) &&
             utf8::Length(w.key) >= 2;
    };
    for (size_t i = 0; i < words.size(); ++i) {
      const auto* ps = lex.PolesOf(words[i].key);
      if (!ps) continue;
      // Up to 3 words forward, then back, over function words; another
      // polarity word, a negation or a number stops the search.
      std::string noun;
      for (size_t j = i + 1; j < words.size() && j <= i + 3 && noun.empty(); ++j) {
        if (content(j)) noun = words[j].key;
        if (!lex.IsFunctionWord(words[j].key)) break;
      }
      for (size_t j = i; j > 0 && j + 3 > i && noun.empty(); --j) {
        if (content(j - 1)) noun = words[j - 1].key;
        if (!lex.IsFunctionWord(words[j - 1].key)) break;
      }
      if (noun.empty()) continue;
      for (const auto& p : *ps) out_roles[{p.axis, noun}].insert(p.pole);
    }
    return out_roles;
  };
  auto roles_a = roles(wa), roles_b = roles(wb);
  int role_conflicts = 0, role_same = 0;
  for (const auto& [axis_noun, pa] : roles_a) {
    auto it = roles_b.find(axis_noun);
    if (it == roles_b.end()) continue;
    const auto& pb = it->second;
    bool disjoint = std::none_of(pa.begin(), pa.end(), [&pb](uint16_t p) { return pb.count(p) > 0; });
    if (disjoint) {
      ++role_conflicts;
      out.reasons.push_back("opposed for " + axis_noun.second + ": " + lex.pole_names()[*pa.begin()] + " / " +
                            lex.pole_names()[*pb.begin()]);
    } else if (pa == pb) {
      ++role_same;
    }
  }
  if (role_conflicts) add("role_conflict", static_cast<float>(role_conflicts));
  if (role_same) add("role_same", static_cast<float>(role_same));

  // Places substituted or added.
  std::set<std::string> place_a, place_b;
  std::map<std::string, std::string> place_shown_a, place_shown_b;
  for (const std::string& k : ka)
    if (std::string p = lex.PlaceOf(k); !p.empty()) place_a.insert(p), place_shown_a.emplace(p, shown_a[k]);
  for (const std::string& k : kb)
    if (std::string p = lex.PlaceOf(k); !p.empty()) place_b.insert(p), place_shown_b.emplace(p, shown_b[k]);
  std::set<std::string> pa_only, pb_only;
  std::set_difference(place_a.begin(), place_a.end(), place_b.begin(), place_b.end(),
                      std::inserter(pa_only, pa_only.end()));
  std::set_difference(place_b.begin(), place_b.end(), place_a.begin(), place_a.end(),
                      std::inserter(pb_only, pb_only.end()));
  if (!pa_only.empty() && !pb_only.empty()) {
    add("place_substituted", 1);
    out.reasons.push_back("places differ: " + place_shown_a[*pa_only.begin()] + " / " +
                          place_shown_b[*pb_only.begin()]);
  } else if (!pb_only.empty()) {
    add("place_new_in_b", 1);
  }

  // Unaligned words that share a pole are synonyms (مستقر / استقرار, يصعد /
  // ارتفاع): drop them from the substitution features.
  std::vector<bool> drop_a(only_a.size()), drop_b(only_b.size());
  int synonyms = 0;
  for (size_t i = 0; i < only_a.size(); ++i) {
    const auto* pa = lex.PolesOf(only_a[i]);
    if (!pa) continue;
    for (size_t j = 0; j < only_b.size(); ++j) {
      const auto* pb = lex.PolesOf(only_b[j]);
      if (!pb) continue;
      bool shared = false;
      for (const auto& x : *pa)
        for (const auto& y : *pb) shared |= x.pole == y.pole;
      if (shared) {
        if (!drop_a[i] || !drop_b[j]) ++synonyms;
        drop_a[i] = drop_b[j] = true;
      }
    }
  }
  if (synonyms) add("polarity_synonyms", static_cast<float>(synonyms));
  for (size_t i = 0; i < only_a.size(); ++i)
    if (!drop_a[i]) add("a:" + only_a[i], 1);
  for (size_t j = 0; j < only_b.size(); ++j)
    if (!drop_b[j]) add("b:" + only_b[j], 1);
  return out;
}

}  // namespace marsad
