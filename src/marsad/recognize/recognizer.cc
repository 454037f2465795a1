#include "marsad/recognize/recognizer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/recognize/keys.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

using recognize_internal::CanonicalKey;
using recognize_internal::CodePoints;
using recognize_internal::ComputeWordForms;
using recognize_internal::DecodeCodePoints;
using recognize_internal::Fnv1a64;
using recognize_internal::WithinEditDistance1;
using recognize_internal::WordForms;

constexpr char32_t kTatweel = 0x0640;
constexpr int kMinFuzzySurname = 5;
constexpr double kTitleBonus = 2.0;

bool IsWord(const Token& t) {
  return t.kind == TokenKind::kArabic || t.kind == TokenKind::kLatin ||
         t.kind == TokenKind::kNumber;
}

char32_t DecodeAt(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  char32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (int k = 1; k < n && *i + k < s.size(); ++k) cp = (cp << 6) | (s[*i + k] & 0x3F);
  *i += n;
  return cp;
}

// Byte offset in body after skipping `letters` letters (and their marks)
// from `start`, not beyond `end`.
int32_t SkipLetters(std::string_view body, int32_t start, int32_t end, int letters) {
  size_t i = static_cast<size_t>(start);
  size_t lim = std::min(static_cast<size_t>(end), body.size());
  int seen = 0;
  while (i < lim && seen < letters) {
    char32_t cp = DecodeAt(body, &i);
    if (!IsArabicMark(cp) && cp != kTatweel) ++seen;
  }
  while (i < lim) {  // marks and tatweel that belong to the clitic
    size_t j = i;
    char32_t cp = DecodeAt(body, &j);
    if (!IsArabicMark(cp) && cp != kTatweel) break;
    i = j;
  }
  return static_cast<int32_t>(std::min(i, lim));
}

struct Mention {
  int32_t first = 0, end = 0;  // tokens
  Span span;
  std::vector<int32_t> candidates;
  int32_t entity = -1;   // KB index once resolved
  std::string new_id;    // provisional id for external spans
  std::string new_type;
  std::string cue_before;  // canonical key of the word before, if any
  std::string first_key;   // canonical key of the mention's first word
  bool from_kb_match = false;
  bool generic = false;      // a generic name (rules/generic.tsv): decided by country context
  bool common_noun = false;  // a name that is also a common noun (rules/common_nouns.tsv)
  std::string first_key_full;  // the name key of a common-noun mention
};

// A KB match not linked (a kind cue or context rejected every reading): an
// external span over it is not relinked by its text.
struct Rejected {
  Span span;
  std::string type;  // provisional entity type, or empty: no entity at all
};

int32_t PrevWord(const std::vector<Token>& tokens, int32_t i) {
  int skipped = 0;
  --i;
  while (i >= 0 && skipped < 2 && EntityMatcher::IsSkippable(tokens[i])) --i, ++skipped;
  if (i >= 0 && IsWord(tokens[i])) return i;
  return -1;
}

int32_t NextWordAfter(const std::vector<Token>& tokens, int32_t i) {
  int skipped = 0;
  const int32_t n = static_cast<int32_t>(tokens.size());
  while (i < n && skipped < 2 && EntityMatcher::IsSkippable(tokens[i])) ++i, ++skipped;
  if (i < n && IsWord(tokens[i])) return i;
  return -1;
}

// Candidate keys of a cue word, computed once per word.
struct CueForms {
  std::string_view norm;
  WordForms forms;
  explicit CueForms(const Token& t) : norm(t.norm) { ComputeWordForms(t.norm, &forms); }
  bool Has(std::string_view key) const {
    // Every candidate key is a suffix of norm (keys.h), and so is the
    // conjunction-stripped word below: key is one of them exactly when it
    // ends norm and has the length of one of them.
    if (key.size() > norm.size() || (!key.empty() && key.back() != norm.back()) ||
        norm.compare(norm.size() - key.size(), key.size(), key) != 0) {
      return false;
    }
    // A cue word may carry a conjunction even when short: وفي "and in".
    if ((norm.rfind("\xD9\x88", 0) == 0 || norm.rfind("\xD9\x81", 0) == 0) &&
        norm.size() - 2 == key.size()) {
      return true;
    }
    for (int f = 0; f < forms.size; ++f) {
      if (forms.forms[f].key.size() == key.size()) return true;
    }
    return false;
  }
};


std::string_view CliticLetter(char c) {
  switch (c) {
    case 'b': return "\xD8\xA8";  // ب
    case 'l': return "\xD9\x84";  // ل
    case 'k': return "\xD9\x83";  // ك
    case 'w': return "\xD9\x88";  // و
    default: return {};
  }
}

// Canonical keys of the words of a name.
std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(name)) {
    if (IsWord(t) && !t.norm.empty()) out.emplace_back(CanonicalKey(t.norm));
  }
  return out;
}

}  // namespace

std::string EntityRecognizer::ProvisionalId(std::string_view name) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(Fnv1a64(KnowledgeBase::NameKey(name))));
  return std::string("new:") + buf;
}

StatusOr<std::shared_ptr<const EntityRecognizer>> EntityRecognizer::Create(
    const std::string& data_dir) {
  auto kb = KnowledgeBase::Load(data_dir);
  if (!kb.ok()) return kb.status();
  return std::shared_ptr<const EntityRecognizer>(std::make_shared<EntityRecognizer>(*kb));
}

EntityRecognizer::EntityRecognizer(std::shared_ptr<const KnowledgeBase> kb)
    : kb_(kb), matcher_(kb) {
  for (const KbEntity& e : kb_->entities()) {
    std::vector<std::vector<std::string>> words = {NameWords(e.name_ar)};
    if (e.type == "person") {
      for (const auto& a : e.aliases_ar) words.push_back(NameWords(a));
    }
    name_words_.push_back(std::move(words));
  }
}

std::vector<Entity> EntityRecognizer::Recognize(std::string_view body,
                                                const std::vector<Token>& tokens,
                                                std::string_view title,
                                                const std::vector<ExternalSpan>& extra) const {
  const auto& ents = kb_->entities();
  std::vector<Mention> mentions;
  std::vector<char> covered(tokens.size(), 0);
  std::vector<char> matched_clitic;  // parallel to the KB-match mentions
  std::vector<Rejected> rejected;

  // 1. KB matches.
  for (const KbMatch& m : matcher_.Match(tokens)) {
    Mention x;
    x.first = m.first_token;
    x.end = m.end_token;
    int32_t last = m.end_token - 1;
    while (last > m.first_token && !IsWord(tokens[last])) --last;
    x.span.start = SkipLetters(body, tokens[m.first_token].span.start,
                               tokens[m.first_token].span.end, m.clitic_letters);
    x.span.end = tokens[last].span.end;
    x.candidates = m.candidates;
    x.from_kb_match = true;
    int32_t p = PrevWord(tokens, m.first_token);
    if (p >= 0) x.cue_before = std::string(CanonicalKey(tokens[p].norm));
    {
      WordForms wf;
      ComputeWordForms(tokens[m.first_token].norm, &wf);
      for (int f = 0; f < wf.size; ++f) {
        if (wf.forms[f].stripped == m.stripped) x.first_key = std::string(wf.forms[f].key);
      }
    }
    // 2a. Context rules for ambiguous names.
    if (x.candidates.size() > 1) {
      int32_t nx = NextWordAfter(tokens, m.end_token);
      std::optional<CueForms> before, after;
      if (p >= 0) before.emplace(tokens[p]);
      if (nx >= 0) after.emplace(tokens[nx]);
      for (const ContextRule& r : kb_->context_rules()) {
        bool fires = false;
        if (r.side == "before") fires = before && before->Has(r.cue);
        else if (r.side == "after") fires = after && after->Has(r.cue);
        else fires = m.clitic != 0 && CliticLetter(m.clitic) == r.cue;
        if (!fires) continue;
        std::vector<int32_t> kept;
        for (int32_t c : x.candidates) {
          const KbEntity& e = ents[c];
          bool ok = (r.prefer_type.empty() || e.type == r.prefer_type) &&
                    (r.prefer_kinds.empty() ||
                     std::find(r.prefer_kinds.begin(), r.prefer_kinds.end(), e.kind) !=
                         r.prefer_kinds.end());
          if (ok) kept.push_back(c);
        }
        if (!kept.empty()) {
          x.candidates = std::move(kept);
          break;
        }
      }
    }
    // 2a. Kind cues: after حي ("neighbourhood") a place reading of another
    // kind (the Golan region, a city) is not this place. The span becomes a
    // provisional place: a place the KB does not list.
    if (p >= 0 && !kb_->kind_cues().empty() &&
        std::any_of(x.candidates.begin(), x.candidates.end(), [&](int32_t c) { return ents[c].type == "place"; })) {
      const CueForms before(tokens[p]);
      for (const KindCue& kc : kb_->kind_cues()) {
        if (!before.Has(kc.cue)) continue;
        std::vector<int32_t> kept;
        for (int32_t c : x.candidates) {
          const KbEntity& e = ents[c];
          if (e.type != "place" ||
              std::find(kc.kinds.begin(), kc.kinds.end(), e.kind) != kc.kinds.end()) {
            kept.push_back(c);
          }
        }
        x.candidates = std::move(kept);
        break;
      }
      if (x.candidates.empty()) {
        rejected.push_back({x.span, "place"});
        continue;
      }
    }
    if (std::any_of(x.candidates.begin(), x.candidates.end(),
                    [&](int32_t c) { return kb_->HasGenericOrCommonNounName(c); })) {
      std::string key = x.first_key;
      for (int32_t t = m.first_token + 1; t < m.end_token; ++t) {
        if (!IsWord(tokens[t]) || tokens[t].norm.empty()) continue;
        key += ' ';
        key += CanonicalKey(tokens[t].norm);
      }
      x.generic = kb_->IsGenericName(key);
      x.common_noun = kb_->FindCommonNounRule(key) != nullptr;
      if (x.common_noun) x.first_key_full = key;
    }
    if (x.candidates.size() == 1 && !x.generic) x.entity = x.candidates[0];
    for (int32_t k = m.first_token; k < m.end_token; ++k) covered[k] = 1;
    matched_clitic.push_back(m.clitic);
    mentions.push_back(std::move(x));
  }
  // 2a'. Guard for minor places: a one-word name whose every reading is a
  // place below the governorate level (a town, a village, a district; many
  // are also common words: نصيب "share", المال "money") is kept only with
  // place context: a cue word before it (context.tsv rules that prefer a
  // place), a glued ب, or an admin ancestor (district, governorate; not the
  // country) named elsewhere in the document.
  {
    auto is_minor = [&](int32_t c) {
      const KbEntity& e = ents[c];
      return e.type == "place" && e.kind != "governorate" && e.kind != "city";
    };
    std::set<int32_t> strong;
    std::vector<char> weak(mentions.size(), 0);
    std::vector<char> cued(mentions.size(), 0);
    std::vector<char> common(mentions.size(), 0);
    for (size_t k = 0; k < mentions.size(); ++k) {
      const Mention& x = mentions[k];
      int words = 0;
      for (int32_t t = x.first; t < x.end; ++t) words += IsWord(tokens[t]);
      // Cities are minor too when their name is a common word (الطبقة "the class").
      bool common_name = words == 1 && kb_->IsCommonName(CanonicalKey(tokens[x.first].norm));
      common[k] = common_name;
      bool all_minor = words == 1 && std::all_of(x.candidates.begin(), x.candidates.end(),
                                                 [&](int32_t c) {
                                                   return is_minor(c) ||
                                                          (common_name && ents[c].type == "place");
                                                 });
      if (!all_minor) {
        for (int32_t c : x.candidates) strong.insert(c);
        continue;
      }
      bool cue = false;
      int32_t p = PrevWord(tokens, x.first);
      std::optional<CueForms> before;
      if (p >= 0) before.emplace(tokens[p]);
      for (const ContextRule& r : kb_->context_rules()) {
        bool for_places = r.prefer_type == "place" || !r.prefer_kinds.empty();
        if (!for_places) continue;
        if (r.side == "before" && before && before->Has(r.cue)) cue = true;
        if (r.side == "clitic" && matched_clitic[k] != 0 && CliticLetter(matched_clitic[k]) == r.cue) {
          cue = true;
        }
      }
      // A dateline: the body's first words, a place then a dash, a bracket
      // or a comma ("طرابلس - بوابة الوسط:", "دمشق (سانا)").
      bool first_words = true;
      for (int32_t t = 0; t < x.first && first_words; ++t) first_words = !IsWord(tokens[t]);
      if (!cue && first_words && x.end < static_cast<int32_t>(tokens.size()) &&
          tokens[x.end].kind == TokenKind::kPunct) {
        std::string_view punct = body.substr(tokens[x.end].span.start,
                                             tokens[x.end].span.end - tokens[x.end].span.start);
        cue = punct == "-" || punct == "(" || punct == "\xE2\x80\x93" || punct == "\xD8\x8C";
      }
      // Coordination: "قريتي حران وحردانة" (the villages of Harran and
      // Hardana): a place glued to و right after a cued place shares its cue.
      if (!cue && k > 0 && cued[k - 1] && matched_clitic[k] == 'w' && mentions[k - 1].end == x.first) {
        cue = true;
      }
      if (cue) {
        cued[k] = 1;
        for (int32_t c : x.candidates) strong.insert(c);
      } else {
        weak[k] = 1;
      }
    }
    // A named city puts its governorate in context too ("قرب حران شمال مدينة
    // حماة": a village of Hama governorate) — but not for names that are
    // also common words (الباب "the door"), which keep the stricter test.
    const std::set<int32_t> strong_direct = strong;
    {
      std::vector<int32_t> add;
      for (int32_t c : strong) {
        if (ents[c].type != "place") continue;
        for (int32_t cur = c, depth = 0; depth < 5; ++depth) {
          int32_t parent = kb_->IndexOf(ents[cur].parent_id);
          if (parent < 0 || ents[parent].type == "country") break;
          add.push_back(parent);
          cur = parent;
        }
      }
      strong.insert(add.begin(), add.end());
    }
    std::vector<Mention> kept;
    for (size_t k = 0; k < mentions.size(); ++k) {
      bool keep = !weak[k];
      for (size_t c = 0; !keep && c < mentions[k].candidates.size(); ++c) {
        int32_t cur = mentions[k].candidates[c];
        for (int depth = 0; depth < 5 && !keep; ++depth) {
          int32_t parent = kb_->IndexOf(ents[cur].parent_id);
          if (parent < 0 || ents[parent].type == "country") break;
          // A name reached by stripping a clitic (لغات -> ل + غات) or that is a
          // common word needs its ancestor named directly.
          bool strict = common[k] || matched_clitic[k] != 0;
          if ((strict ? strong_direct : strong).count(parent)) keep = true;
          cur = parent;
        }
      }
      if (keep) {
        kept.push_back(std::move(mentions[k]));
      } else {
        for (int32_t t = mentions[k].first; t < mentions[k].end; ++t) covered[t] = 0;
      }
    }
    mentions = std::move(kept);
  }

  // 2b. Remaining ambiguity: the reading chosen elsewhere in the document,
  // then the default priority. Generic names wait for 2c.
  std::set<int32_t> resolved;
  for (const auto& x : mentions) {
    if (x.entity >= 0) resolved.insert(x.entity);
  }
  // Admin ancestors (below the country) of the places already resolved: a
  // candidate under one of them is the local reading ("حران" next to "ريف
  // حماة" is the Hama village, not the Turkish town).
  std::set<int32_t> near_admin;
  auto add_ancestors = [&](int32_t c, std::set<int32_t>* out) {
    for (int depth = 0; depth < 5; ++depth) {
      int32_t parent = kb_->IndexOf(ents[c].parent_id);
      if (parent < 0 || ents[parent].type == "country") break;
      out->insert(parent);
      c = parent;
    }
  };
  for (int32_t r : resolved) add_ancestors(r, &near_admin);
  for (auto& x : mentions) {
    if (x.entity >= 0 || x.candidates.size() < 2 || x.generic) continue;
    std::vector<int32_t> local;
    for (int32_t c : x.candidates) {
      std::set<int32_t> anc;
      add_ancestors(c, &anc);
      bool near = false;
      for (int32_t a : anc) near |= near_admin.count(a) > 0 || resolved.count(a) > 0;
      if (near) local.push_back(c);
    }
    if (local.size() == 1) {
      x.entity = local[0];
      resolved.insert(local[0]);
    }
  }
  // Mentions per country through the entities linked so far (places
  // through their country, actors through theirs); generic names, decided by
  // these counts, are not counted.
  auto count_countries = [&] {
    std::map<std::string, int> n;
    for (const auto& y : mentions) {
      if (y.entity < 0 || y.generic) continue;
      const std::string& c = kb_->CountryOf(y.entity);
      if (!c.empty()) ++n[c];
    }
    return n;
  };
  std::map<std::string, int> country_count;
  bool have_country_count = false;  // filled on first use
  for (auto& x : mentions) {
    if (x.entity >= 0 || x.generic) continue;
    if (!have_country_count) {
      country_count = count_countries();
      have_country_count = true;
    }
    // Readings in different countries (طرابلس: Libya's capital or Lebanon's
    // northern city) go to the country the document names most; with no
    // such country the name stays unlinked.
    {
      std::set<std::string> countries;
      for (int32_t c : x.candidates) countries.insert(kb_->CountryOf(c));
      if (countries.size() > 1) {
        std::vector<int32_t> local;
        int best_n = 0;
        bool tie = false;
        std::string best_country;
        for (const std::string& c : countries) {
          auto it = country_count.find(c);
          int n = c.empty() || it == country_count.end() ? 0 : it->second;
          if (n > best_n) best_n = n, best_country = c, tie = false;
          else if (n == best_n) tie = true;
        }
        if (best_n == 0 || tie) {
          rejected.push_back({x.span, ents[x.candidates[0]].type});
          x.candidates.clear();
          continue;
        }
        for (int32_t c : x.candidates) {
          if (kb_->CountryOf(c) == best_country) local.push_back(c);
        }
        x.candidates = std::move(local);
      }
    }
    int32_t best = -1;
    // Document consistency only across types (channel vs city); a city and
    // its governorate of the same name are both likely in one article.
    bool types_differ = false;
    for (int32_t c : x.candidates) types_differ |= ents[c].type != ents[x.candidates[0]].type;
    for (int32_t c : x.candidates) {
      if (types_differ && resolved.count(c)) {
        best = c;
        break;
      }
    }
    if (best < 0) {
      for (int32_t c : x.candidates) {
        if (best < 0 || kb_->PriorityRank(ents[c]) < kb_->PriorityRank(ents[best])) best = c;
      }
    }
    x.entity = best;
  }

  // 2c. Generic names ("قوات الجيش الوطني": Yemen's army, the Libyan
  // National Army or the Syrian National Army) go to the reading whose
  // country the document is about: the country most named through the
  // entities linked so far (places through their country, actors through
  // theirs). A reading is taken only if its country is named more than any
  // other reading's and at least half as often as the most named country;
  // otherwise the name stays unlinked (a provisional entity). Names that are
  // also common nouns (القاعدة: al-Qaeda or "the base") are linked only when
  // no word of the other sense follows them or appears in the document, or
  // when the entity is named in another way too or a cue before them
  // prefers its type.
  {
    bool any = false;
    for (const auto& x : mentions) any |= x.generic || x.common_noun;
    if (any) {
      const std::map<std::string, int> by_country = count_countries();
      int top = 0;
      for (const auto& [c, n] : by_country) top = std::max(top, n);
      std::set<int32_t> named_other;  // entities named by a non-common-noun mention
      for (const auto& x : mentions) {
        if (x.entity >= 0 && !x.generic && !x.common_noun) named_other.insert(x.entity);
      }
      std::set<std::string> doc_words;  // filled on first use
      bool have_doc_words = false;
      std::vector<Mention> kept;
      for (auto& x : mentions) {
        if (x.generic) {
          int32_t best = -1;
          int best_n = 0;
          bool tie = false;
          std::string best_country;
          for (int32_t c : x.candidates) {
            // A reading counts the mentions of the country it acts in most
            // named by the document (its own, or its theaters: generic.tsv).
            int n = 0;
            std::string country;
            for (const auto& g : kb_->GenericCountriesOf(c)) {
              auto it = by_country.find(g);
              if (it != by_country.end() && it->second > n) n = it->second, country = g;
            }
            if (n > best_n) {
              best = c, best_n = n, tie = false, best_country = country;
            } else if (n == best_n && n > 0 && country != best_country) {
              tie = true;
            } else if (n == best_n && n > 0 && kb_->PriorityRank(ents[c]) < kb_->PriorityRank(ents[best])) {
              best = c;
            }
          }
          if (best >= 0 && !tie && best_n * 2 >= top) {
            x.entity = best;
          } else {
            rejected.push_back({x.span, ents[x.candidates[0]].type});
            for (int32_t t = x.first; t < x.end; ++t) covered[t] = 0;
            continue;
          }
        }
        if (x.common_noun && x.entity >= 0 && !named_other.count(x.entity)) {
          const CommonNounRule* rule = kb_->FindCommonNounRule(x.first_key_full);
          bool other_sense = false;
          int32_t nx = NextWordAfter(tokens, x.end);
          if (nx >= 0) {
            std::string k(CanonicalKey(tokens[nx].norm));
            other_sense = std::find(rule->after.begin(), rule->after.end(), k) != rule->after.end();
          }
          if (!other_sense && !rule->doc_words.empty()) {
            if (!have_doc_words) {
              // Words outside the common-noun mentions themselves.
              std::vector<char> skip(tokens.size(), 0);
              for (const auto& y : mentions) {
                if (!y.common_noun) continue;
                for (int32_t t = y.first; t < y.end; ++t) skip[t] = 1;
              }
              for (size_t t = 0; t < tokens.size(); ++t) {
                if (!skip[t] && tokens[t].kind == TokenKind::kArabic) {
                  doc_words.emplace(CanonicalKey(tokens[t].norm));
                }
              }
              have_doc_words = true;
            }
            for (const auto& w : rule->doc_words) other_sense |= doc_words.count(w) > 0;
            // A cue before the name that prefers its type (عناصر القاعدة).
            int32_t p = PrevWord(tokens, x.first);
            if (other_sense && p >= 0) {
              const CueForms before(tokens[p]);
              for (const ContextRule& r : kb_->context_rules()) {
                if (r.side == "before" && r.prefer_type == ents[x.entity].type && before.Has(r.cue)) {
                  other_sense = false;
                }
              }
            }
          }
          if (other_sense) {
            rejected.push_back({x.span, {}});
            for (int32_t t = x.first; t < x.end; ++t) covered[t] = 0;
            continue;
          }
        }
        kept.push_back(std::move(x));
      }
      mentions = std::move(kept);
    }
  }

  // 3a. Surnames of persons named in full.
  struct Surname {
    std::vector<std::string> words;
    int32_t entity;
    int cps = 0;  // code points of words[0], for the fuzzy test
    std::u32string decoded;  // words[0] decoded once, for the fuzzy test
  };
  std::vector<Surname> surnames;
  {
    std::set<int32_t> persons;
    for (const auto& x : mentions) {
      if (x.entity >= 0 && ents[x.entity].type == "person" && x.end - x.first >= 2) {
        persons.insert(x.entity);
      }
    }
    for (int32_t e : persons) {
      for (const auto& w : name_words_[e]) {
        if (w.size() < 2) continue;
        std::vector<std::string> tail(w.begin() + 1, w.end());
        surnames.push_back({tail, e});
        if (tail.size() > 1 && CodePoints(w.back()) >= kMinFuzzySurname &&
            !kb_->IsStopword(w.back())) {
          surnames.push_back({{w.back()}, e});
        }
      }
    }
  }
  for (auto& s : surnames) {
    s.cps = CodePoints(s.words[0]);
    DecodeCodePoints(s.words[0], &s.decoded);
  }
  // Facts about the token a single-word surname is compared with, computed
  // once per token rather than once per (token, surname).
  // Filled on first use (most tokens never reach the fuzzy test).
  struct FuzzyProbe {
    const KnowledgeBase* kb = nullptr;
    std::string_view key;
    bool ready = false;
    int cps = 0;
    bool eligible = false;   // long enough and not a stop word
    std::u32string decoded;  // key decoded, filled on first use
    bool have_decoded = false;
    void Reset(std::string_view norm) {
      key = CanonicalKey(norm);
      ready = false;
      have_decoded = false;
    }
    void Ready() {
      if (ready) return;
      ready = true;
      cps = CodePoints(key);
      eligible = cps >= kMinFuzzySurname - 1 && !kb->IsStopword(key);
    }
  };
  auto match_surname = [&](int32_t i, const CueForms& first, const Surname& s, FuzzyProbe& probe,
                           bool* fuzzy) -> int32_t {
    // Returns end token or -1.
    int32_t j = i;
    for (size_t k = 0; k < s.words.size(); ++k) {
      if (k > 0) j = NextWordAfter(tokens, j);
      if (j < 0 || j >= static_cast<int32_t>(tokens.size()) || covered[j] || !IsWord(tokens[j])) {
        return -1;
      }
      bool ok = k == 0 ? first.Has(s.words[k])
                       : CanonicalKey(tokens[j].norm) == s.words[k] || tokens[j].norm == s.words[k];
      if (!ok && s.words.size() == 1 && s.cps >= kMinFuzzySurname && (probe.Ready(), probe.eligible) &&
          (probe.cps > s.cps ? probe.cps - s.cps : s.cps - probe.cps) <= 1) {
        std::string_view c = probe.key;  // j == i for a one-word surname
        if (!probe.have_decoded) {
          DecodeCodePoints(c, &probe.decoded);
          probe.have_decoded = true;
        }
        if ((c == s.words[0] || WithinEditDistance1(std::u32string_view(probe.decoded),
                                                    std::u32string_view(s.decoded))) &&
            kb_->LookupName(c).empty()) {
          ok = true;
          *fuzzy = true;
        }
      }
      if (!ok) return -1;
      ++j;
    }
    return j;
  };
  if (!surnames.empty()) {
    FuzzyProbe probe;  // reused across tokens: keeps its buffer
    probe.kb = kb_.get();
    for (int32_t i = 0; i < static_cast<int32_t>(tokens.size()); ++i) {
      if (covered[i] || !IsWord(tokens[i])) continue;
      int32_t best_end = -1, best_entity = -1;
      bool ambiguous = false, best_fuzzy = true;
      const CueForms first(tokens[i]);
      probe.Reset(tokens[i].norm);
      for (const auto& s : surnames) {
        bool fuzzy = false;
        int32_t e = match_surname(i, first, s, probe, &fuzzy);
        if (e < 0) continue;
        if (best_end < 0 || e > best_end || (e == best_end && best_fuzzy && !fuzzy)) {
          ambiguous = false;
          best_end = e;
          best_entity = s.entity;
          best_fuzzy = fuzzy;
        } else if (e == best_end && fuzzy == best_fuzzy && s.entity != best_entity) {
          ambiguous = true;
        }
      }
      if (best_end < 0 || ambiguous) continue;
      Mention x;
      x.first = i;
      x.end = best_end;
      WordForms forms;
      ComputeWordForms(tokens[i].norm, &forms);
      int stripped = 0;  // strip a proclitic only if the bare word is the surname
      for (int f = 0; f < forms.size; ++f) {
        for (const auto& s : surnames) {
          if (s.entity == best_entity && forms.forms[f].key == s.words[0]) {
            // Leave the article in the mention, drop glued proclitics.
            int clitics = forms.forms[f].stripped - (forms.forms[f].article ? 2 : 0);
            stripped = stripped ? std::min(stripped, clitics) : clitics;
          }
        }
      }
      x.span = {SkipLetters(body, tokens[i].span.start, tokens[i].span.end, stripped),
                tokens[best_end - 1].span.end};
      x.entity = best_entity;
      for (int32_t k = i; k < best_end; ++k) covered[k] = 1;
      mentions.push_back(std::move(x));
      i = best_end - 1;
    }
  }

  // 3b. Nominal short forms.
  std::sort(mentions.begin(), mentions.end(),
            [](const Mention& a, const Mention& b) { return a.first < b.first; });
  if (!kb_->anaphora().empty()) {
    std::vector<Mention> added;
    size_t mi = 0;  // mentions[0..mi) start before token i
    for (int32_t i = 0; i < static_cast<int32_t>(tokens.size()); ++i) {
      while (mi < mentions.size() && mentions[mi].first < i) ++mi;
      if (covered[i] || tokens[i].kind != TokenKind::kArabic) continue;
      WordForms forms;
      ComputeWordForms(tokens[i].norm, &forms);
      for (const AnaphorRule& r : kb_->anaphora()) {
        int stripped = -1;
        for (int f = 0; f < forms.size; ++f) {
          if (forms.forms[f].key == r.anaphor) stripped = forms.forms[f].stripped;
        }
        if (stripped < 0) continue;
        int32_t found = -1;
        for (size_t k = mi; k-- > 0;) {
          const Mention& prev = mentions[k];
          if (prev.entity < 0) continue;
          const KbEntity& e = ents[prev.entity];
          if (std::find(r.types.begin(), r.types.end(), e.type) == r.types.end()) continue;
          bool head_ok = r.heads.empty();
          for (const auto& h : r.heads) {
            // The noun introduced the mention, heads the mention itself, or
            // heads the entity's canonical Arabic name.
            if (prev.cue_before == h || prev.first_key == h) head_ok = true;
            if (!head_ok) {
              const auto& w = name_words_[prev.entity][0];
              if (!w.empty() && w[0] == h) head_ok = true;
            }
            if (head_ok) break;
          }
          if (head_ok) {
            found = prev.entity;
            break;
          }
        }
        if (found < 0) continue;
        Mention x;
        x.first = i;
        x.end = i + 1;
        x.span = {SkipLetters(body, tokens[i].span.start, tokens[i].span.end, stripped),
                  tokens[i].span.end};
        x.entity = found;
        covered[i] = 1;
        added.push_back(std::move(x));
        break;
      }
    }
    for (auto& a : added) mentions.push_back(std::move(a));
  }

  // A provisional entity (no knowledge-base entry) for text that names one.
  auto add_provisional = [&](Span span, std::string_view text, const std::string& type) {
    if (KnowledgeBase::NameKey(text).empty()) return;
    Mention x;
    x.span = span;
    x.first = x.end = -1;
    x.new_id = ProvisionalId(text);
    x.new_type = type;
    mentions.push_back(std::move(x));
  };

  // 4. External spans.
  for (const ExternalSpan& es : extra) {
    if (es.span.start < 0 || es.span.end > static_cast<int32_t>(body.size()) ||
        es.span.start >= es.span.end) {
      continue;
    }
    bool overlaps = false;
    for (const auto& x : mentions) {
      if (x.span.start < es.span.end && es.span.start < x.span.end) {
        overlaps = true;
        break;
      }
    }
    if (overlaps) continue;
    bool over_rejected = false;
    for (const auto& r : rejected) {
      over_rejected |= r.span.start < es.span.end && es.span.start < r.span.end;
    }
    std::string_view text = body.substr(es.span.start, es.span.end - es.span.start);
    // Not relinked by its text when it overlaps a rejected match: a
    // provisional entity of its own.
    auto known = over_rejected ? std::vector<const KbEntity*>{} : kb_->LookupName(text);
    if (known.size() == 1) {
      Mention x;
      x.span = es.span;
      x.first = x.end = -1;
      x.entity = kb_->IndexOf(known[0]->id);
      mentions.push_back(std::move(x));
    } else {
      add_provisional(es.span, text, es.type);
    }
  }

  // 4b. Rejected KB matches with a type that no external span covered:
  // provisional entities (a neighbourhood the KB does not list, a national
  // army of an undecided country).
  for (const auto& r : rejected) {
    if (r.type.empty()) continue;
    bool overlaps = false;
    for (const auto& x : mentions) {
      if (x.entity < 0 && x.new_id.empty()) continue;
      overlaps |= x.span.start < r.span.end && r.span.start < x.span.end;
    }
    if (overlaps) continue;
    add_provisional(r.span, body.substr(r.span.start, r.span.end - r.span.start), r.type);
  }

  // 5. Group, order by salience.
  std::set<std::string> in_title;
  if (!title.empty()) {
    std::vector<Token> tt = Tokenize(title);
    for (const KbMatch& m : matcher_.Match(tt)) {
      for (int32_t c : m.candidates) in_title.insert(ents[c].id);
    }
  }
  std::map<std::string, size_t> index;
  std::vector<Entity> out;
  for (const auto& x : mentions) {
    if (x.entity < 0 && x.new_id.empty()) continue;
    std::string id = x.entity >= 0 ? ents[x.entity].id : x.new_id;
    auto [it, inserted] = index.emplace(id, out.size());
    if (inserted) {
      Entity e;
      e.id = id;
      if (x.entity >= 0) {
        const KbEntity& k = ents[x.entity];
        e.type = k.type;
        e.name_ar = k.name_ar;
        e.name_en = k.name_en;
        e.wikidata = k.wikidata;
        e.lat = k.lat;
        e.lon = k.lon;
      } else {
        e.type = x.new_type;
        e.name_ar = std::string(body.substr(x.span.start, x.span.end - x.span.start));
      }
      out.push_back(std::move(e));
    }
    out[it->second].mentions.push_back(
        {x.span, std::string(body.substr(x.span.start, x.span.end - x.span.start))});
  }
  const double len = std::max<double>(1.0, static_cast<double>(body.size()));
  for (auto& e : out) {
    std::sort(e.mentions.begin(), e.mentions.end(), [](const auto& a, const auto& b) {
      return a.span.start < b.span.start;
    });
    double first = e.mentions.empty() ? len : e.mentions.front().span.start;
    e.salience = static_cast<double>(e.mentions.size()) + (in_title.count(e.id) ? kTitleBonus : 0) +
                 (1.0 - first / len);
    e.salience = std::round(e.salience * 1000) / 1000;
  }
  std::stable_sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
    if (a.salience != b.salience) return a.salience > b.salience;
    return a.id < b.id;
  });
  return out;
}

}  // namespace marsad
