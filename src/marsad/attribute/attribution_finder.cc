#include "marsad/attribute/attribution_finder.h"

#include <algorithm>

#include "marsad/attribute/lexicon.h"
#include "marsad/common/utf8.h"

namespace marsad {
namespace {

constexpr int kComplementizer = 1, kStop = 2, kPronoun = 3, kNorm = 4;
constexpr int kMaxSpeakerTokens = 8;

struct Found {
  Attribution a;
  AttributionFinder::CueKind kind;
  int sentence = 0;
  int32_t relayed_by = -1;  // index in the found list (relays: "نقلت X عن Y")
};

// The conjunction-stripped form of a word: "وأن" -> "ان".
std::string_view StripConj(std::string_view norm) {
  if (norm.size() >= 6 && (norm.substr(0, 2) == "و" || norm.substr(0, 2) == "ف")) return norm.substr(2);
  return norm;
}

}  // namespace

StatusOr<std::shared_ptr<const AttributionFinder>> AttributionFinder::Load(const std::string& data_dir) {
  auto f = std::shared_ptr<AttributionFinder>(new AttributionFinder());
  std::vector<std::vector<std::string>> rows;
  MARSAD_RETURN_IF_ERROR(lex::ReadTsv(data_dir + "/attribution/cues.tsv", &rows));
  for (const auto& r : rows) {
    if (r.size() < 3) return DataError("attribution/cues.tsv: expected 3+ columns for " + r[0]);
    std::string key = lex::Key(r[0]);
    Cue cue{CueKind::kVerb, r[2] == "denies"};
    const std::string& kind = r[1];
    if (kind == "verb" || kind == "relay") {
      cue.kind = kind == "verb" ? CueKind::kVerb : CueKind::kRelay;
      for (const auto& form : lex::VerbForms(key, "")) f->cues_.emplace(form, cue);
      // Hollow verbs: قال -> يقول, present listed by the generator is wrong
      // (يال); add the common present forms explicitly.
      if (key == "قال") {
        for (const char* p : {"يقول", "تقول", "يقولون", "قالوا", "قالت"}) f->cues_[p] = cue;
      }
    } else if (kind == "verbform") {
      f->cues_[key] = {CueKind::kVerb, cue.denies};
    } else if (kind == "participle") {
      f->cues_[key] = {CueKind::kParticiple, cue.denies};
    } else if (kind == "prep") {
      f->cues_[key] = {CueKind::kPrep, cue.denies};
    } else if (kind == "footer") {
      f->cues_[key] = {CueKind::kFooter, cue.denies};
    } else {
      return DataError("attribution/cues.tsv: unknown kind '" + kind + "'");
    }
  }
  rows.clear();
  MARSAD_RETURN_IF_ERROR(lex::ReadTsv(data_dir + "/attribution/function_words.tsv", &rows));
  for (const auto& r : rows) {
    if (r.size() < 2) continue;
    int cls = r[1] == "complementizer" ? kComplementizer
              : r[1] == "stop"           ? kStop
              : r[1] == "pronoun"        ? kPronoun
              : r[1] == "norm"           ? kNorm
                                         : 0;
    if (cls) f->words_[lex::Key(r[0])] = cls;
    // A word spelled like و + a function word (والي "governor" = و + إلى):
    // listed whole with class 0, so the conjunction is not stripped from it.
    if (r[1] == "word") f->words_[lex::Key(r[0])] = 0;
  }
  rows.clear();
  MARSAD_RETURN_IF_ERROR(lex::ReadTsv(data_dir + "/attribution/sources.tsv", &rows));
  for (const auto& r : rows) f->source_heads_[lex::Key(r[0])] = true;
  rows.clear();
  if (lex::ReadTsv(data_dir + "/ner/given_names.tsv", &rows).ok()) {
    for (const auto& r : rows) {
      if (!r.empty() && r[0].find(' ') == std::string::npos) f->given_names_[lex::Key(r[0])] = true;
    }
  }
  rows.clear();
  // Optional: short names that stand for an agency in a dateline.
  if (lex::ReadTsv(data_dir + "/attribution/dateline_sources.tsv", &rows).ok()) {
    for (const auto& r : rows) {
      if (r.size() >= 2 && !r[1].empty()) f->dateline_names_[lex::Key(r[0])] = r[1];
    }
  }
  return std::shared_ptr<const AttributionFinder>(f);
}

std::optional<AttributionFinder::DatelineSource> AttributionFinder::FindDatelineSource(const Input& in) const {
  if (in.tokens == nullptr || in.tokens->empty()) return std::nullopt;
  const std::vector<Token>& toks = *in.tokens;
  auto text_of = [&](const Token& t) { return in.body.substr(t.span.start, t.span.end - t.span.start); };
  auto is = [&](const Token& t, std::initializer_list<std::string_view> marks) {
    if (t.kind != TokenKind::kPunct && t.kind != TokenKind::kSymbol) return false;
    std::string_view x = text_of(t);
    for (std::string_view m : marks) {
      if (x == m) return true;
    }
    return false;
  };
  constexpr std::string_view kDash = "-", kEnDash = "\xE2\x80\x93", kEmDash = "\xE2\x80\x94";
  constexpr size_t kMaxLead = 8, kMaxName = 4;
  const int32_t first_sentence = toks[0].sentence;
  // 1. The lead: words (a place, a date) up to a dash or an opening bracket.
  size_t i = 0, words = 0;
  bool bracket = false;
  for (; i < toks.size() && toks[i].sentence == first_sentence; ++i) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::kArabic || t.kind == TokenKind::kLatin || t.kind == TokenKind::kNumber) {
      if (++words > kMaxLead) return std::nullopt;
      continue;
    }
    if (is(t, {kDash, kEnDash, kEmDash})) break;
    if (is(t, {"("})) {
      bracket = true;
      break;
    }
    if (!is(t, {"/", ",", "\xD8\x8C"})) return std::nullopt;  // only date separators and commas
  }
  if (words == 0 || i >= toks.size() || toks[i].sentence != first_sentence) return std::nullopt;
  // 2. The name: 1-4 words, closed by ":" "-" or ")".
  size_t start = ++i, end = start;
  for (; end < toks.size() && end - start <= kMaxName; ++end) {
    const Token& t = toks[end];
    if (t.kind == TokenKind::kArabic || t.kind == TokenKind::kLatin) continue;
    if (bracket ? is(t, {")"}) : is(t, {":", kDash, kEnDash, kEmDash})) break;
    return std::nullopt;
  }
  if (end == start || end >= toks.size() || end - start > kMaxName) return std::nullopt;
  DatelineSource d;
  d.span = {toks[start].span.start, toks[end - 1].span.end};
  d.text = std::string(in.body.substr(d.span.start, d.span.end - d.span.start));
  // 3. Resolution: a media entity inside the name, else the short names.
  if (in.entities != nullptr) {
    for (const Entity& e : *in.entities) {
      if (e.type != "media") continue;
      for (const EntityMention& m : e.mentions) {
        if (m.span.start >= d.span.start && m.span.end <= d.span.end) {
          d.id = e.id;
          return d;
        }
      }
    }
  }
  std::string key;
  for (size_t k = start; k < end; ++k) {
    if (!key.empty()) key += ' ';
    key += toks[k].norm;
  }
  auto it = dateline_names_.find(key);
  if (it == dateline_names_.end()) return std::nullopt;
  d.id = it->second;
  return d;
}

void AttributionFinder::AddChainWithDateline(const std::optional<OutletRef>& outlet, std::vector<std::string> wires,
                                             const std::optional<DatelineSource>& dateline, size_t body_size,
                                             std::vector<Attribution>* atts) {
  bool added = false;
  // Wires the cleaner found (in the dateline or a credit) already name the
  // agency, under the cleaner's ids: the dateline source is added only when
  // there are none.
  if (dateline && wires.empty() && !(outlet && outlet->id == dateline->id) &&
      std::find(wires.begin(), wires.end(), dateline->id) == wires.end()) {
    wires.push_back(dateline->id);
    added = true;
  }
  AddChain(outlet, wires, body_size, atts);
  if (!added) return;
  for (Attribution& a : *atts) {
    if (a.cue == "wire" && a.speaker == dateline->id) {
      a.cue = "dateline";
      a.speaker_text = dateline->text;
      a.cue_span = dateline->span;
    }
  }
}

bool AttributionFinder::IsComplementizer(std::string_view norm) const {
  auto it = words_.find(std::string(StripConj(norm)));
  if (it != words_.end() && it->second == kComplementizer) return true;
  it = words_.find(std::string(norm));
  return it != words_.end() && it->second == kComplementizer;
}

const AttributionFinder::Cue* AttributionFinder::LookupCue(const Token& t) const {
  if (t.kind != TokenKind::kArabic) return nullptr;
  auto it = cues_.find(t.norm);
  if (it == cues_.end()) it = cues_.find(std::string(StripConj(t.norm)));
  // A glued ب (بحسب), tested on its two UTF-8 bytes (D8 A8).
  if (it == cues_.end() && t.norm.size() > 2 && static_cast<unsigned char>(t.norm[0]) == 0xD8 &&
      static_cast<unsigned char>(t.norm[1]) == 0xA8) {
    it = cues_.find(t.norm.substr(2));
    if (it != cues_.end() && it->second.kind != CueKind::kPrep) it = cues_.end();
  }
  return it == cues_.end() ? nullptr : &it->second;
}

std::vector<Attribution> AttributionFinder::Find(const Input& in) const {
  std::vector<Attribution> result;
  if (in.tokens == nullptr || in.tokens->empty()) return result;
  const std::vector<Token>& toks = *in.tokens;
  const std::string_view body = in.body;
  const int n = static_cast<int>(toks.size());

  auto word_class = [&](int i) -> int {
    if (i < 0 || i >= n || toks[i].kind != TokenKind::kArabic) return 0;
    auto it = words_.find(toks[i].norm);
    if (it == words_.end()) it = words_.find(std::string(StripConj(toks[i].norm)));
    return it == words_.end() ? 0 : it->second;
  };
  auto norm_is = [&](int i, std::string_view w) { return i >= 0 && i < n && StripConj(toks[i].norm) == w; };
  auto is_colon = [&](int i) { return i >= 0 && i < n && toks[i].norm == ":"; };
  auto text_of = [&](int a, int b) {  // tokens [a, b)
    return std::string(body.substr(toks[a].span.start, toks[b - 1].span.end - toks[a].span.start));
  };

  // Sentence ranges from the tokens' sentence indices.
  std::vector<std::pair<int, int>> sents;
  for (int i = 0; i < n;) {
    int j = i + 1;
    while (j < n && toks[j].sentence == toks[i].sentence) ++j;
    sents.push_back({i, j});
    i = j;
  }

  auto is_spokesman = [&](int k) {
    std::string_view w = StripConj(toks[k].norm);
    return w == "المتحدث" || w == "الناطق" || w == "متحدث" || w == "ناطق";
  };
  // A title whose body follows with ل: "القائد العام للجيش", "الأمين العام
  // للحزب", "المبعوث الخاص للأمم المتحدة".
  auto is_title_of = [&](int k) {
    std::string_view w = StripConj(toks[k].norm);
    return w == "القايد" || w == "قايد" || w == "القائد" || w == "قائد" || w == "الامين" || w == "امين" || w == "المبعوث" || w == "مبعوث" ||
           w == "المدير" || w == "مدير" || w == "الممثل" || w == "ممثل" || w == "المنسق" || w == "منسق";
  };
  // A noun phrase from `j` (speaker): stops at break punctuation, stop words,
  // complementizers and cues; keeps quoted names whole.
  auto phrase_at = [&](int j, int end, int limit) -> std::pair<int, int> {
    int k = j;
    bool in_quote = false;
    int words = 0;
    while (k < end && words < limit) {
      if (toks[k].kind == TokenKind::kArabic || toks[k].kind == TokenKind::kLatin) ++words;
      const Token& t = toks[k];
      if (lex::IsQuote(t)) {
        // Typographic quotes open or close; an ASCII quote toggles.
        int len = 0;
        char32_t cp = utf8::Decode(body, t.span.start, &len);
        in_quote = lex::IsOpeningQuote(body, t) ? true : cp == U'"' ? !in_quote : false;
        ++k;
        continue;
      }
      if (!in_quote) {
        if (lex::IsBreakPunct(t)) break;
        // A word inside a named entity ("المرصد السوري لحقوق الإنسان"، "الوكالة
        // الوطنية للإعلام").
        bool inside_name = false;
        if (k > j && in.entities != nullptr) {
          for (const auto& ent : *in.entities) {
            for (const auto& m : ent.mentions) {
              inside_name |= m.span.start < t.span.start && m.span.start >= toks[j].span.start &&
                             t.span.start < m.span.end;
            }
            if (inside_name) break;
          }
        }
        if (k > j && word_class(k) != 0 && word_class(k) != kNorm && !inside_name) break;  // stop word, complementizer, "قوله"
        // A relative clause describes the speaker, it is no part of the name
        // ("القائد العسكري الذي أرسلته الحكومة").
        if (k > j && (toks[k].norm == "الذي" || toks[k].norm == "التي" || toks[k].norm == "الذين")) break;
        if (k == j && word_class(k) != 0 && word_class(k) != kNorm) break;
        if (k > j && LookupCue(t) != nullptr) break;
        // A preposition glued to a word ends the speaker ("أفادت شبكات محلية بتسلم ...").
        // (Not after a spokesman: "المتحدث الرسمي للقوات المسلحة" = the
        // official spokesman of the armed forces.)
        const std::string_view before = k > j ? StripConj(toks[k - 1].norm) : std::string_view();
        const bool spokesman_of =
            k > j && (is_spokesman(k - 1) || (k - 1 > j && is_spokesman(k - 2) && before == "الرسمي") ||
                      (k - 1 > j && is_title_of(k - 2) &&
                       (before == "العام" || before == "الخاص" || before == "الاممي")) ||
                      is_title_of(k - 1));
        // Nor after an affiliation adjective ("قوات عملية بركان الغضب التابعة
        // لحكومة الوفاق" = the forces of the operation affiliated to the GNA).
        const bool affiliated_to = k > j && (before == "التابعه" || before == "التابع" || before == "التابعين" ||
                                             before == "تابعه" || before == "تابع" || before == "الموالية" ||
                                             before == "الموالي" || before == "الموالين" || before == "المواليه");
        if (k > j && t.kind == TokenKind::kArabic && t.prefix_bytes >= 2 && t.norm != "باسم" && !spokesman_of &&
            !affiliated_to && !inside_name) {
          std::string_view w = StripConj(t.norm);
          size_t conj = w.size() != t.norm.size() ? 2 : 0;
          if ((w.substr(0, 2) == "ب" || w.substr(0, 2) == "ل") && t.prefix_bytes >= conj + 2) break;
        }
      } else if (lex::IsBreakPunct(t) && t.norm != "-") {
        break;
      }
      ++k;
    }
    // Trim quotes and dashes at both ends.
    int a = j, b = k;
    while (a < b && (lex::IsQuote(toks[a]) || toks[a].norm == "-")) ++a;
    while (b > a && (lex::IsQuote(toks[b - 1]) || toks[b - 1].norm == "-")) --b;
    return {a, b};
  };

  // An opening quote that starts reported words (not a quoted name): the
  // quotation runs four words or more.
  auto long_quote = [&](int j) {
    if (!lex::IsOpeningQuote(body, toks[j]) && toks[j].norm != "\"") return false;
    int words = 0;
    bool closed = false;
    for (int k = j + 1; k < n && toks[k].sentence == toks[j].sentence; ++k) {
      if (lex::IsQuote(toks[k])) {
        closed = true;
        break;
      }
      if (toks[k].kind == TokenKind::kArabic) ++words;
    }
    return words >= 4 && closed && lex::IsOpeningQuote(body, toks[j]);
  };
  auto is_entity_span = [&](int a, int b) {
    if (in.entities == nullptr || a >= b) return false;
    for (const auto& ent : *in.entities) {
      if (ent.type == "place" || ent.type == "country") continue;
      for (const auto& m : ent.mentions) {
        if (m.span.start < toks[b - 1].span.end && toks[a].span.start < m.span.end) return true;
      }
    }
    return false;
  };
  auto is_source_head = [&](int k) { return source_heads_.count(std::string(StripConj(toks[k].norm))) > 0; };
  // The token after the end of the (non-place) entity mention starting at
  // token k, or k when no mention starts there.
  auto entity_end = [&](int k) {
    if (in.entities == nullptr || k >= n) return k;
    for (const auto& ent : *in.entities) {
      for (const auto& m : ent.mentions) {
        // (A mention may start after a preposition glued to the token: للجيش.)
        if (m.span.start < toks[k].span.start || m.span.start >= toks[k].span.end) continue;
        int j = k;
        while (j < n && toks[j].span.start < m.span.end) ++j;
        return j;
      }
    }
    return k;
  };
  auto is_person = [&](int k) {
    if (in.entities == nullptr || k >= n) return false;
    for (const auto& ent : *in.entities) {
      if (ent.type != "person") continue;
      for (const auto& m : ent.mentions) {
        if (m.span.start == toks[k].span.start) return true;
      }
    }
    return false;
  };
  // A definite relative adjective (nisba: "العراقي"، "الأمريكية").
  auto is_nisba = [&](int k) {
    if (k >= n || toks[k].kind != TokenKind::kArabic) return false;
    std::string_view w = toks[k].norm;
    auto ends = [&](std::string_view x) { return w.size() >= x.size() && w.substr(w.size() - x.size()) == x; };
    return w.substr(0, 4) == "ال" && w.size() > 8 && (ends("ي") || ends("يه"));
  };

  // A described source and where it sits ("مصدر في حرس المنشآت قوله"،
  // "مصادر طبية في مستشفى عتق،"، "مصدر طبي في مستشفى غريان بأن"): after an
  // indefinite source head, في / من and up to four words belong to the
  // speaker when what follows them opens the content (a complementizer, قوله,
  // a comma). Returns the new end of the speaker phrase.
  auto extend_source = [&](int sa, int sb, int end) {
    if (sa >= sb || sb >= end || !is_source_head(sa) || StripConj(toks[sa].norm).substr(0, 4) == "ال") return sb;
    if (!(norm_is(sb, "في") || norm_is(sb, "من"))) return sb;
    // (Not the medium: "في بيان"، "في تصريح"، "في حديث".)
    if (norm_is(sb + 1, "بيان") || norm_is(sb + 1, "تصريح") || norm_is(sb + 1, "تصريحات") ||
        norm_is(sb + 1, "حديث") || norm_is(sb + 1, "مقابله") || norm_is(sb + 1, "اتصال")) {
      return sb;
    }
    for (int k = sb + 1; k < end && k <= sb + 4; ++k) {
      if (toks[k].kind != TokenKind::kArabic || LookupCue(toks[k]) != nullptr) {
        if (k > sb + 1 && toks[k].norm == "،") return k;
        return sb;
      }
      const int c = word_class(k);
      if (k > sb + 1 && (c == kComplementizer || c == kPronoun)) return k;
      if (c != 0 && c != kNorm) return sb;
    }
    return sb;
  };

  std::vector<Found> found;
  int last_speaker_found = -1;  // index in `found` of the last attribution with a speaker
  for (int si = 0; si < static_cast<int>(sents.size()); ++si) {
    const auto [b, e] = sents[si];
    const Span sent_span{toks[b].span.start, toks[e - 1].span.end};
    std::vector<bool> consumed(e - b, false);
    auto add = [&](CueKind kind, bool denies, int cue_a, int cue_b, int sp_a, int sp_b, Span content) {
      Found f;
      f.kind = kind;
      f.sentence = si;
      f.a.cue = text_of(cue_a, cue_b);
      f.a.cue_span = {toks[cue_a].span.start, toks[cue_b - 1].span.end};
      if (sp_a < sp_b) {
        f.a.speaker_text = text_of(sp_a, sp_b);
        f.a.speaker = f.a.speaker_text;
      }
      f.a.stance = denies ? "denies" : "asserts";
      f.a.span = content;
      found.push_back(std::move(f));
      if (sp_a < sp_b) last_speaker_found = static_cast<int>(found.size()) - 1;
      return static_cast<int>(found.size()) - 1;
    };
    // A participle cue after a comma opens the next attribution ("نفت
    // الوزارة تنفيذ أي غارات، مؤكدة أن ..."): content ends before it.
    // So does another speaker's verb in a new clause ("، فيما قالت الوزارة").
    auto next_cue_comma = [&](int j) {
      for (int k = j + 1; k + 1 < e; ++k) {
        if (toks[k].norm != "،") continue;
        const Cue* c = LookupCue(toks[k + 1]);
        if (c != nullptr && c->kind == CueKind::kParticiple) return k;
        const bool linker = toks[k + 1].norm == "فيما" || toks[k + 1].norm == "بينما" || toks[k + 1].norm == "وفيما";
        const Cue* v = linker && k + 2 < e ? LookupCue(toks[k + 2]) : nullptr;
        if (v != nullptr && v->kind == CueKind::kVerb) return k;
        // "، في حين نفت الوزارة ..." (whereas the ministry denied).
        if (k + 3 < e && toks[k + 1].norm == "في" && toks[k + 2].norm == "حين") {
          const Cue* v2 = LookupCue(toks[k + 3]);
          if (v2 != nullptr && v2->kind == CueKind::kVerb) return k;
        }
      }
      return -1;
    };
    auto content_from = [&](int j) -> Span {
      while (j < e && lex::IsBreakPunct(toks[j])) ++j;
      if (j >= e) return {sent_span.end, sent_span.end};
      const int stop = next_cue_comma(j);
      return {toks[j].span.start, stop > j ? toks[stop - 1].span.end : sent_span.end};
    };

    // Headline source: "مصادر عسكرية: ..." / "طهران: ..." (a short phrase
    // before a colon at the start of the sentence).
    {
      int a = b;
      while (a < e && toks[a].kind == TokenKind::kPunct) ++a;
      for (int k = a + 1; k < e && k <= a + 4; ++k) {
        if (!is_colon(k)) {
          if (lex::IsBreakPunct(toks[k])) break;
          continue;
        }
        const Cue* c = LookupCue(toks[a]);
        bool footer = c != nullptr && c->kind == CueKind::kFooter;
        bool head = source_heads_.count(std::string(StripConj(toks[a].norm))) > 0;
        bool entity = false;
        if (in.entities != nullptr && !footer) {
          for (const auto& ent : *in.entities) {
            for (const auto& m : ent.mentions) {
              if (m.span.start <= toks[a].span.start && m.span.end >= toks[k - 1].span.end) entity = true;
            }
          }
        }
        if (footer) {
          // "المصدر: <outlet> الكاتب: <author>" (source: ..., writer: ...) -> the
          // speaker runs up to the next label.
          int s_end = e;
          for (int m = k + 1; m < e; ++m) {
            if (is_colon(m)) { s_end = m - 1; break; }
          }
          auto [sa, sb] = phrase_at(k + 1, std::max(k + 1, s_end), kMaxSpeakerTokens);
          if (sa < sb && sent_span.start > 0) {
            add(CueKind::kFooter, false, a, k + 1, sa, sb, Span{0, sent_span.start});
            for (int m = a; m < std::max(sb, k + 1); ++m) consumed[m - b] = true;
          }
        } else if ((head || entity) && k + 1 < e) {
          add(CueKind::kVerb, false, k, k + 1, a, k, content_from(k + 1));
          for (int m = a; m <= k; ++m) consumed[m - b] = true;
        }
        break;
      }
    }

    for (int i = b; i < e; ++i) {
      if (consumed[i - b]) continue;
      const Cue* cue = LookupCue(toks[i]);
      if (cue == nullptr) continue;
      std::string_view w = StripConj(toks[i].norm);
      if (cue->kind == CueKind::kFooter) continue;  // only at a line start (above)
      // A negated speech verb reports no words: "ولم تعلن الجماعة مسؤوليتها"
      // (the group has not claimed responsibility), "لم ينف" (did not deny).
      if (cue->kind == CueKind::kVerb && i > b && (norm_is(i - 1, "لم") || norm_is(i - 1, "لن"))) continue;
      // After عدم the form is a verbal noun ("شرط عدم كشف اسمه" = on condition
      // his name is not revealed): nobody speaks.
      if (cue->kind == CueKind::kVerb && i > b && norm_is(i - 1, "عدم")) continue;
      if (cue->kind == CueKind::kPrep) {
        int j = i + 1;
        if (w == "لسان" && !norm_is(i - 1, "علي")) continue;
        if (w == "نقلا") {
          if (!norm_is(j, "عن")) continue;
          ++j;
        }
        // (وفقا loses its و to StripConj: compare the whole word too.)
        const bool according_to = w == "وفقا" || toks[i].norm == "وفقا" || w == "طبقا";
        if (according_to && !(j < e && toks[j].norm.rfind("ل", 0) == 0)) continue;
        bool relay_after_ma = false;  // "بحسب ما نقلت X عن Y"
        // حسبما / بحسبما are حسب + ما in one word: a speech verb may follow.
        const bool ma_glued = toks[i].norm.size() > 4 && toks[i].norm.compare(toks[i].norm.size() - 4, 4, "ما") == 0;
        if (norm_is(j, "ما") || ma_glued) {
          if (!ma_glued) ++j;
          const Cue* v = j < e ? LookupCue(toks[j]) : nullptr;
          if (v == nullptr && j < e) {
            // "وفق ما قاله سكان" (as residents said it): the verb with its
            // object pronoun.
            Token bare = toks[j];
            for (std::string_view suf : {"ها", "ه"}) {
              if (bare.norm.size() > suf.size() + 4 &&
                  bare.norm.compare(bare.norm.size() - suf.size(), suf.size(), suf) == 0) {
                bare.norm.resize(bare.norm.size() - suf.size());
                v = LookupCue(bare);
                break;
              }
            }
          }
          if (v != nullptr && (v->kind == CueKind::kVerb || v->kind == CueKind::kRelay)) {
            relay_after_ma = v->kind == CueKind::kRelay;
            ++j;
          }
          if (j < e && (toks[j].norm == "به" || toks[j].norm == "بها" || toks[j].norm == "عنه")) ++j;
        }
        if (j < e && word_class(j) == kPronoun) continue;  // حسب قوله: restates the speaker
        // "وفق المرجعيات المتفق عليها" (in line with the agreed terms of
        // reference): a rule or a plan, nobody speaking.
        if (j < e && word_class(j) == kNorm) continue;
        auto [sa, sb] = phrase_at(j, e, kMaxSpeakerTokens);
        if (sa >= sb) continue;
        sb = extend_source(sa, sb, e);
        // "وفق بيان للتحالف" (according to a statement of the coalition): the
        // statement's author speaks.
        bool of_statement = false;
        if (sb == sa + 1 && sb < e) {
          const std::string_view head = StripConj(toks[sa].norm);
          const std::string_view next = toks[sb].norm;
          if ((head == "بيان" || head == "تصريح" || head == "تصريحات" || head == "تقرير" || head == "بلاغ") &&
              next.size() > 2 && next.substr(0, 2) == "ل") {
            auto [a2, b2] = phrase_at(sb, e, kMaxSpeakerTokens);
            if (a2 < b2) {
              sa = a2;
              sb = b2;
              of_statement = true;
            }
          }
        }
        // Strip a preposition ل glued to the speaker ("وفقا لمصادر").
        int cue_start = i > b && norm_is(i - 1, "علي") ? i - 1 : i;
        Span content;
        // After a dateline ("حلب - 15 كانون الأول 2016 - بحسب ناشطين، قصفت
        // ..."), a cue behind a dash opens the sentence: it covers what follows.
        int after_dash = -1;  // the comma that ends the source phrase
        if (cue_start > b && toks[cue_start - 1].norm == "-") {
          for (int k = sb; k < e && k <= sb + 6; ++k) {
            if (toks[k].norm == "،") {
              after_dash = k;
              break;
            }
            if (lex::IsBreakPunct(toks[k]) || LookupCue(toks[k]) != nullptr) break;
          }
        }
        if (cue_start == b) {
          content = content_from(sb);
        } else if (after_dash >= 0) {
          content = content_from(after_dash + 1);
        } else {
          int k = cue_start;
          while (k > b && (lex::IsBreakPunct(toks[k - 1]) || toks[k - 1].norm == "-")) --k;
          if (k <= b) continue;
          content = {sent_span.start, toks[k - 1].span.end};
        }
        int idx = add(CueKind::kPrep, cue->denies, cue_start, sa, sa, sb, content);
        // "وفق ما نقلت وكالة الصحافة الفرنسية عن المرصد" (as AFP relayed from
        // the Observatory): the Observatory speaks, relayed by AFP.
        if (relay_after_ma && sb < e && norm_is(sb, "عن")) {
          auto [ra, rb] = phrase_at(sb + 1, e, kMaxSpeakerTokens);
          if (ra < rb) {
            int inner = add(CueKind::kVerb, cue->denies, cue_start, sa, ra, rb, content);
            found[inner].relayed_by = idx;
            for (int m = sb; m < rb; ++m) consumed[m - b] = true;
          }
        }
        if ((according_to || of_statement) && toks[sa].norm.rfind("ل", 0) == 0) {
          // Drop the preposition from the speaker text and span start.
          Attribution& a = found[idx].a;
          if (a.speaker_text.rfind("لل", 0) == 0) a.speaker_text = "ا" + a.speaker_text.substr(2);  // للتحالف = ل + التحالف
          size_t skip = a.speaker_text.rfind("ل", 0) == 0 ? std::string("ل").size() : 0;
          while (skip < a.speaker_text.size() && a.speaker_text.compare(skip, 2, "ـ") == 0) skip += 2;
          a.speaker_text = a.speaker_text.substr(skip);
          a.speaker = a.speaker_text;
        }
        for (int m = i; m < sb; ++m) consumed[m - b] = true;
        continue;
      }
      if (cue->kind == CueKind::kParticiple) {
        // Continues the speaker of the last attribution in this sentence.
        int prev = -1;
        for (int f = static_cast<int>(found.size()) - 1; f >= 0 && found[f].sentence == si; --f) {
          if (!found[f].a.speaker.empty() && found[f].kind != CueKind::kPrep) { prev = f; break; }
        }
        if (prev < 0) continue;
        int j = i + 1;
        if (norm_is(j, "الي")) ++j;
        Span content = content_from(j);
        if (content.start >= content.end) continue;
        Found f;
        f.kind = CueKind::kParticiple;
        f.sentence = si;
        f.a = found[prev].a;
        f.a.cue = text_of(i, i + 1);
        f.a.cue_span = toks[i].span;
        f.a.stance = cue->denies ? "denies" : "asserts";
        f.a.span = content;
        f.a.parent = -1;
        f.relayed_by = found[prev].relayed_by;
        found.push_back(std::move(f));
        consumed[i - b] = true;
        continue;
      }
      // Speech verbs and relays. A verb after "ما" belongs to a prepositional
      // cue ("بحسب ما أفاد"), handled above.
      if (i > b && toks[i - 1].norm == "ما") continue;
      int comp = -1;
      for (int j = i + 1; j < e && j <= i + 24; ++j) {
        if (word_class(j) == kComplementizer || is_colon(j) || (j > i + 1 && long_quote(j))) {
          comp = j;
          break;
        }
        if (toks[j].norm == "." || toks[j].norm == "؟") break;
        if (toks[j].norm == "،" && j + 1 < e) {
          const Cue* c = LookupCue(toks[j + 1]);
          if (c != nullptr && c->kind == CueKind::kParticiple) break;  // "، مؤكدة أن": the next speaker act
          // "، ووصفتها بأنها ...": a coordinated clause after a comma is no
          // longer this cue's (not "، وهو ..." / "، وهي ...", an apposition).
          const std::string& nx = toks[j + 1].norm;
          if (nx.size() > 4 && nx.compare(0, 2, "و") == 0 && nx != "وهو" && nx != "وهي" && nx != "وهم") break;
        }
        // Another speaker's verb in a new clause ("فيما قالت الوزارة إن ...",
        // "وقال ..."): the complementizer after it is that speaker's.
        if (j > i + 1) {
          const Cue* c = LookupCue(toks[j]);
          // (فيما / بينما compared whole: StripConj would take their ف / ب.)
          const bool new_clause = toks[j - 1].norm == "،" || toks[j - 1].norm == "فيما" ||
                                  toks[j - 1].norm == "بينما" || toks[j - 1].norm == "وفيما" ||
                                  StripConj(toks[j].norm).size() != toks[j].norm.size();
          if (c != nullptr && c->kind == CueKind::kVerb && new_clause) break;
        }
      }
      int sa = i + 1, sb = i + 1;
      int relay_a = -1, relay_b = -1;  // the relayed source (relays only)
      if (cue->kind == CueKind::kRelay) {
        int j = i + 1;
        bool pronoun_source = j < e && (toks[j].norm == "عنه" || toks[j].norm == "عنها" || toks[j].norm == "عنهم");
        if (pronoun_source) ++j;
        auto [a1, b1] = phrase_at(j, e, kMaxSpeakerTokens);
        sa = a1;
        sb = b1;
        if (!pronoun_source) {
          if (!norm_is(sb, "عن")) continue;  // نقل = "transported", not relayed
          auto [a2, b2] = phrase_at(sb + 1, e, kMaxSpeakerTokens);
          relay_a = a2;
          relay_b = extend_source(a2, b2, e);
          if (relay_a >= relay_b) continue;
        }
        if (sa >= sb) continue;
        int first_content = relay_b > 0 ? relay_b : sb;
        while (first_content < e && word_class(first_content) == kPronoun) ++first_content;
        Span content = comp > 0 ? content_from(comp) : content_from(first_content);
        if (content.start >= content.end) continue;
        int outer = add(CueKind::kRelay, cue->denies, i, i + 1, sa, sb, content);
        if (relay_a >= 0) {
          int inner = add(CueKind::kVerb, cue->denies, sb, sb + 1, relay_a, relay_b, content);
          found[inner].relayed_by = outer;
        } else if (last_speaker_found >= 0 && last_speaker_found != outer &&
                   found[last_speaker_found].sentence >= si - 2) {
          // "نقلت عنه <agency> قوله" (<agency> quoted him as saying): the
          // previous speaker, relayed.
          Found f = found[last_speaker_found];
          f.sentence = si;
          f.kind = CueKind::kVerb;
          f.a.cue = found[outer].a.cue;
          f.a.cue_span = found[outer].a.cue_span;
          f.a.span = content;
          f.a.parent = -1;
          f.relayed_by = outer;
          found.push_back(std::move(f));
        }
        for (int m = i; m < std::max(sb, relay_b); ++m) consumed[m - b] = true;
        continue;
      }
      // Subject-verb order when the verb does not open its clause and a
      // source or a named entity comes before it ("المصادر أكدت").
      const bool verb_first = i == b || toks[i].norm.size() != StripConj(toks[i].norm).size() ||
                              lex::IsBreakPunct(toks[i - 1]) || word_class(i - 1) == kComplementizer;
      if (!verb_first) {
        for (int k = i - 1; k >= b && k >= i - 10; --k) {
          if (lex::IsBreakPunct(toks[k])) break;
          const bool opener = k == b || lex::IsBreakPunct(toks[k - 1]) || word_class(k - 1) == kComplementizer ||
                              StripConj(toks[k - 1].norm) == "كان" || StripConj(toks[k - 1].norm) == "كانت";
          if (is_source_head(k) || (is_entity_span(k, k + 1) && opener)) {
            auto [a1, b1] = phrase_at(k, i, 6);
            if (a1 < b1 && (is_source_head(a1) || is_entity_span(a1, b1))) {
              sa = a1;
              sb = b1;
            }
            break;
          }
        }
      }
      // Speaker after the verb (verb-subject order).
      if (sa >= sb && comp != i + 1) {
        auto [a1, b1] = phrase_at(i + 1, comp > 0 ? comp : e, kMaxSpeakerTokens);
        sa = a1;
        sb = extend_source(a1, b1, comp > 0 ? comp + 1 : e);
        // Without a complementizer ("نفى التنظيم الانسحاب") the speaker must be
        // a named entity or a described source: "أعلن الخلافة" declares, it does not report.
        // "أفاد الدفاع المدني بمقتل ..." (the civil defence reported the
        // killing of ...): أفاد with a ب complement reports, whoever speaks.
        const bool reported_with_ba = comp < 0 && sa < sb && sb < e && sb - sa <= 4 &&
                                      (w == "افاد" || w == "افادت") && toks[sb].kind == TokenKind::kArabic &&
                                      toks[sb].prefix_bytes >= 2 && StripConj(toks[sb].norm).substr(0, 2) == "ب";
        if (comp < 0 && sa < sb && !is_source_head(sa) && !is_entity_span(sa, sb) && !reported_with_ba) {
          sa = sb = i + 1;
        }
        // (A quoted name is still the speaker: واتهمت "قسد" الجيش التركي.)
        if (comp < 0 && i + 3 < e && lex::IsQuote(toks[i + 1]) && lex::IsQuote(toks[i + 3]) &&
            !is_entity_span(i + 2, i + 3)) {
          sa = sb = i + 1;  // أعلن ”الخلافة“: a quoted one-word object, declared
        }
        if (comp < 0 && sa < sb && is_source_head(sa) && StripConj(toks[sa].norm).substr(0, 4) != "ال") {
          // An indefinite source and its adjectives ("مصادر عسكرية"); a definite
          // word after it is the object ("... الانسحاب"), and so is an
          // indefinite word not shaped like an adjective (-ي، -ية، -ة، -ون،
          // -ين): "مصادر عسكرية سقوط المدينة" = sources denied the fall. A
          // named body after في / من belongs to the source ("مصدر عسكري في
          // الجيش اللبناني").
          for (int k = sa + 1; k < sb; ++k) {
            const std::string_view w = StripConj(toks[k].norm);
            if ((w == "في" || w == "من") && k + 1 < sb && entity_end(k + 1) > k + 1) {
              k = entity_end(k + 1) - 1;
              continue;
            }
            auto ends = [&](std::string_view x) { return w.size() > x.size() + 2 && w.substr(w.size() - x.size()) == x; };
            const bool adjective_shaped = ends("ي") || ends("يه") || ends("ه") || ends("ون") || ends("ين");
            if (w.substr(0, 4) == "ال" || !adjective_shaped || toks[k].kind != TokenKind::kArabic) {
              sb = k;
              break;
            }
          }
          if (sb < e && (norm_is(sb, "في") || norm_is(sb, "من")) && entity_end(sb + 1) > sb + 1) {
            sb = entity_end(sb + 1);
          }
        }
        if (comp < 0 && sa < sb && sa + 2 < sb && norm_is(sa + 1, "باسم")) {
          // "نفى المتحدث باسم التحالف استهداف ...": the spokesman of the body
          // named after باسم (one mention, or one word and its nisba
          // adjectives), then an apposed personal name; the rest is the object.
          int k = sa + 2;
          int mention_end = entity_end(k);
          if (mention_end > k) {
            k = mention_end;
          } else {
            // One word and its adjectives: a definite head takes definite
            // adjectives ("باسم القوات المسلحة اليمنية").
            bool definite_head = StripConj(toks[k].norm).substr(0, 4) == "ال";
            ++k;
            // An indefinite head and its definite genitive ("باسم تحالف
            // العدوان", "باسم قوات الشرعية"): one name; then its adjectives.
            if (!definite_head && k < sb && StripConj(toks[k].norm).substr(0, 4) == "ال" && !is_person(k) &&
                (word_class(k) == 0 || word_class(k) == kNorm) && LookupCue(toks[k]) == nullptr) {
              ++k;
              definite_head = true;
            } else if (!definite_head && k + 1 < sb &&
                       (norm_is(k, "شرق") || norm_is(k, "غرب") || norm_is(k, "شمال") || norm_is(k, "جنوب")) &&
                       entity_end(k + 1) > k + 1) {
              // "باسم قوات شرق ليبيا" (of the forces of eastern Libya).
              k = entity_end(k + 1);
              definite_head = true;
            } else if (!definite_head && k < sb && entity_end(k) > k && !is_person(k)) {
              k = entity_end(k);  // "باسم قوات حفتر"
              definite_head = true;
            }
            while (k < sb && (is_nisba(k) || (definite_head && StripConj(toks[k].norm).substr(0, 4) == "ال" &&
                                               !is_person(k) && (word_class(k) == 0 || word_class(k) == kNorm) && LookupCue(toks[k]) == nullptr &&
                                               !(k + 1 < sb && is_person(k + 1))))) {
              ++k;
            }
          }
          if (k < sb && entity_end(k) > k && is_person(k)) k = entity_end(k);
          // ... and one title before the name ("العميد يحيى سريع").
          else if (k + 1 < sb && entity_end(k + 1) > k + 1 && is_person(k + 1)) k = entity_end(k + 1);
          // A name the entity layer does not know: a common given name and
          // the next word ("المتحدث باسم هيئة الحشد الشعبي كريم النوري هذه
          // الاتهامات" = the spokesman Karim al-Nouri denied the accusations).
          else if (k + 2 < sb && toks[k].kind == TokenKind::kArabic && toks[k + 1].kind == TokenKind::kArabic &&
                   given_names_.count(std::string(StripConj(toks[k].norm))) > 0 &&
                   LookupCue(toks[k + 1]) == nullptr && word_class(k + 1) == 0) {
            k += 2;
          }
          sb = std::min(sb, k);
        } else if (comp < 0 && sa < sb && is_entity_span(sa, sb) && in.entities != nullptr) {
          // Cut the speaker at the end of the entity mention.
          for (const auto& ent : *in.entities) {
            for (const auto& m : ent.mentions) {
              if (m.span.start <= toks[sa].span.start && toks[sa].span.start < m.span.end) {
                int k = sa;
                while (k < sb && toks[k].span.start < m.span.end) ++k;
                while (k < sb && lex::IsQuote(toks[k])) ++k;
                sb = std::max(sa + 1, k);
              }
            }
          }
          // A title before a named body or person ("القائد العام للجيش الوطني
          // الليبي تحرير ...", "رئيس حزب القوات سمير جعجع أي علاقة لحزبه"):
          // the speaker ends with the first mention, and a personal name
          // apposed to it (after at most one more title word); the rest is
          // the object.
          const std::string_view head = StripConj(toks[sa].norm);
          const bool titled = is_title_of(sa) || is_spokesman(sa) || is_source_head(sa) || head == "رييس" ||
                              head == "الرييس" || head == "وزير" || head == "الوزير" || head == "زعيم" ||
                              head == "الزعيم" || head == "امير" || head == "الامير" || head == "نايب";
          if (titled && !(entity_end(sa) > sa)) {
            for (int k = sa + 1; k < sb; ++k) {
              const int end = entity_end(k);
              if (end <= k) continue;
              int cut = end;
              for (int m = end; m < sb && m <= end + 1; ++m) {
                if (is_person(m) && entity_end(m) > m) {
                  cut = entity_end(m);
                  break;
                }
              }
              sb = std::min(sb, cut);
              break;
            }
          }
        }
      }
      // "زعم عبر وكالة أعماق أن ..." (claimed through the Amaq agency): with no
      // subject phrase, the medium named after عبر speaks.
      if (sa >= sb && i + 2 < e && norm_is(i + 1, "عبر")) {
        auto [ma, mb] = phrase_at(i + 2, comp > 0 ? comp : e, kMaxSpeakerTokens);
        if (ma < mb) {
          sa = ma;
          sb = mb;
        }
      }
      if (sa >= sb) {
        // "وأضاف أن ..." / "وقال: ..." continue the previous sentence's speaker.
        if (comp == i + 1 && last_speaker_found >= 0 && found[last_speaker_found].sentence >= si - 1) {
          Found f = found[last_speaker_found];
          f.kind = CueKind::kVerb;
          f.sentence = si;
          f.a.cue = text_of(i, i + 1);
          f.a.cue_span = toks[i].span;
          f.a.stance = cue->denies ? "denies" : "asserts";
          f.a.span = content_from(comp + 1);
          f.a.parent = -1;
          if (f.a.span.start < f.a.span.end) found.push_back(std::move(f));
        }
        continue;
      }
      // An anonymity aside after the speaker ("مسؤول عسكري تحدث لوكالة
      // فرانس برس شرط عدم كشف اسمه" = an official who spoke to AFP on
      // condition of anonymity): not part of the speaker, nor of what he says.
      int aside_end = -1;
      if (sa < sb) {
        auto aside_word = [&](int k) {
          const std::string_view w = StripConj(toks[k].norm);
          return w == "تحدث" || w == "متحدثا" || w == "طلب" || w == "طالبا" || w == "شرط" || w == "مشترطا" ||
                 w == "فضل" || w == "مفضلا" || w == "رفض" || w == "رافضا";
        };
        int at = -1;
        for (int k = sa + 1; k <= sb && k < e; ++k) {
          if (aside_word(k)) {
            at = k;
            break;
          }
        }
        for (int k = at; at >= 0 && k < e && k < at + 12; ++k) {
          const std::string_view w = StripConj(toks[k].norm);
          if (w == "اسمه" || w == "هويته" || w == "اسمها" || w == "هويتها" || w == "اسميهما" || w == "اسمهم" ||
              w == "هويتهم") {
            aside_end = k + 1;
            if (aside_end < e && toks[aside_end].norm == "،") ++aside_end;
            break;
          }
          if (lex::IsBreakPunct(toks[k]) && toks[k].norm != "،") break;
        }
        if (aside_end > 0 && at < sb) sb = std::max(sa + 1, at);
      }
      Span content;
      if (comp > 0) {
        content = content_from(is_colon(comp) ? comp + 1 : comp);
        // "، ووصفتها بأنها ..." (and described it as ...): a new statement
        // of the speaker ends the content (a speech verb with an object
        // pronoun, after a comma and و).
        for (int c = comp + 1; c + 1 < e && toks[c].span.start < content.end; ++c) {
          if (toks[c].norm != "،" || toks[c + 1].norm.rfind("و", 0) != 0) continue;
          Token bare = toks[c + 1];
          bare.norm = std::string(StripConj(bare.norm));
          bool speech = LookupCue(bare) != nullptr;
          for (std::string_view suf : {"ها", "ه", "هم"}) {
            if (speech) break;
            if (bare.norm.size() > suf.size() + 4 &&
                bare.norm.compare(bare.norm.size() - suf.size(), suf.size(), suf) == 0) {
              Token t2 = bare;
              t2.norm.resize(t2.norm.size() - suf.size());
              speech = LookupCue(t2) != nullptr || t2.norm == "وصفت" || t2.norm == "وصف";
            }
          }
          if (speech) {
            content.end = toks[c - 1].span.end;
            break;
          }
        }
      } else {
        // No complementizer: the object follows the speaker ("نفى التنظيم
        // الانسحاب"); require at least two words of it.
        int k = std::max(aside_end > 0 ? aside_end : sb, i + 1);
        // A closing quote of the speaker's name and the medium ("ونفى المركز
        // الإعلامي لـ"قسد" في بيان استهداف المدنيين"): not what was denied.
        while (k < e && lex::IsQuote(toks[k])) ++k;
        if (k + 1 < e && norm_is(k, "في") &&
            (norm_is(k + 1, "بيان") || norm_is(k + 1, "تصريح") || norm_is(k + 1, "حديث") ||
             norm_is(k + 1, "تغريده") || norm_is(k + 1, "مقابله"))) {
          k += 2;
        }
        if (e - k < 2) continue;
        content = content_from(k);
        // A direct object ends with its clause: "، ووصفتها بأنها ..." is a
        // new clause (not "، وهو ما ...", the writer's comment, handled below).
        for (int c = k + 1; c + 1 < e; ++c) {
          const std::string& nx = toks[c + 1].norm;
          if (toks[c].norm == "،" && nx.size() > 4 && nx.compare(0, 2, "و") == 0 && nx != "وهو" && nx != "وهي" &&
              nx != "وهم" && toks[c].span.start < content.end) {
            content.end = toks[c - 1].span.end;
            break;
          }
        }
      }
      if (content.start >= content.end) continue;
      add(CueKind::kVerb, cue->denies, i, i + 1, sa, sb, content);
      for (int m = i; m < sb; ++m) consumed[m - b] = true;
    }
  }

  // Links. 1) A prepositional source at the end of a sentence relays the
  // speakers quoted before it in that sentence ("... - بحسب وكالة رويترز", "... according to Reuters").
  for (size_t p = 0; p < found.size(); ++p) {
    if (found[p].kind != CueKind::kPrep) continue;
    // "نقلا عن X" (quoting X) at the end names the source the speaker before
    // it relays: "ذكرت صحيفة الوطن أن ...، نقلا عن مصادر ميدانية" = the paper
    // relays the field sources (the reverse of "بحسب X").
    const bool quoting = found[p].a.cue.find("نقلا") != std::string::npos ||
                         found[p].a.cue.find("نقلاً") != std::string::npos;
    for (size_t v = 0; v < found.size(); ++v) {
      if (v == p || found[v].sentence != found[p].sentence || found[v].kind == CueKind::kPrep) continue;
      if (found[v].a.cue_span.start >= found[p].a.cue_span.start) continue;
      if (quoting) {
        if (found[p].relayed_by < 0 && !found[v].a.speaker.empty()) found[p].relayed_by = static_cast<int32_t>(v);
      } else if (found[v].relayed_by < 0 && found[v].kind != CueKind::kRelay) {
        found[v].relayed_by = static_cast<int32_t>(p);
      }
      if (found[v].a.span.end > found[p].a.cue_span.start) {
        found[v].a.span.end = std::max(found[v].a.span.start, found[p].a.span.end);
      }
    }
  }
  // 2) A speaker's content ends where the next speaker of the sentence starts;
  //    a cue inside another's content is nested in it.
  for (size_t v = 0; v < found.size(); ++v) {
    for (size_t w2 = v + 1; w2 < found.size() && found[w2].sentence == found[v].sentence; ++w2) {
      if (found[w2].kind == CueKind::kPrep || found[w2].relayed_by == static_cast<int32_t>(v)) continue;
      Attribution& a = found[v].a;
      const Attribution& b2 = found[w2].a;
      if (b2.cue_span.start >= a.span.start && b2.cue_span.start < a.span.end) {
        if (found[w2].kind == CueKind::kParticiple || b2.speaker == a.speaker) {
          a.span.end = std::max(a.span.start, b2.cue_span.start);
        } else if (found[w2].relayed_by < 0) {
          found[w2].relayed_by = static_cast<int32_t>(v);
        }
      }
    }
  }
  // The writer's comment after a comma ends reported content: "، وهو ما ينفيه
  // التحالف" (which the coalition denies) is not the quoted speaker's. Only
  // with a speech verb: "، وهو ما أدى إلى ..." may still be the speaker's.
  std::vector<int32_t> comments;  // byte offsets of such commas, in order
  for (int k = 0; k + 3 < n; ++k) {
    if (toks[k].norm != "،" || toks[k + 2].norm != "ما") continue;
    std::string_view w1 = StripConj(toks[k + 1].norm);
    if (!((w1 == "هو" || w1 == "هي") && toks[k + 1].norm != w1)) continue;
    std::string verb = toks[k + 3].norm;
    for (std::string_view suffix : {"ها", "ه"}) {
      if (verb.size() > suffix.size() + 4 && verb.compare(verb.size() - suffix.size(), suffix.size(), suffix) == 0) {
        verb.resize(verb.size() - suffix.size());
        break;
      }
    }
    auto cue = cues_.find(verb);
    if (cue != cues_.end() && cue->second.kind == CueKind::kVerb) comments.push_back(toks[k].span.start);
  }
  for (auto& f : found) {
    auto it = std::lower_bound(comments.begin(), comments.end(), f.a.span.start);
    if (it != comments.end() && *it < f.a.span.end) f.a.span.end = *it;
  }
  // Trim trailing spaces and punctuation of content spans.
  for (auto& f : found) {
    Span& s = f.a.span;
    while (s.end > s.start && (body[s.end - 1] == ' ' || body[s.end - 1] == ',' || body[s.end - 1] == '\n')) --s.end;
    if (s.end - s.start >= 2 && body.substr(s.end - 2, 2) == "،") s.end -= 2;
  }

  // Entity ids for speakers.
  if (in.entities != nullptr) {
    for (auto& f : found) {
      if (f.a.speaker_text.empty()) continue;
      // The speaker span: find it again from the text (first occurrence after the cue or before).
      size_t pos = body.find(f.a.speaker_text, std::max<int32_t>(0, f.a.cue_span.start - 400));
      if (pos == std::string_view::npos) continue;
      Span sp{static_cast<int32_t>(pos), static_cast<int32_t>(pos + f.a.speaker_text.size())};
      int32_t best = 0;
      for (const auto& ent : *in.entities) {
        if (ent.type == "place" || ent.type == "country") {
          // A place as a speaker stands for its government ("طهران:"); keep
          // it only when it is the whole speaker phrase.
          bool whole = false;
          for (const auto& m : ent.mentions) whole |= m.span.start <= sp.start && m.span.end >= sp.end;
          if (!whole) continue;
        }
        for (const auto& m : ent.mentions) {
          // The body a speaker is affiliated to does not speak ("قوة حماية
          // سرت التابعة لحكومة الوفاق": the force, not the government).
          if (m.span.start > sp.start) {
            std::string_view before = body.substr(sp.start, m.span.start - sp.start);
            while (!before.empty() && (before.back() == ' ' || before.back() == '"')) before.remove_suffix(1);
            const std::string_view lam = "ل";
            if (before.size() >= lam.size() && before.substr(before.size() - lam.size()) == lam) {
              before.remove_suffix(lam.size());
              while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
            }
            bool affiliated = false;
            for (std::string_view w : {"التابعة", "التابع", "التابعين", "الموالية", "الموالي", "الموالين"}) {
              affiliated |= before.size() >= w.size() && before.substr(before.size() - w.size()) == w;
            }
            if (affiliated) continue;
          }
          int32_t ov = std::min(m.span.end, sp.end) - std::max(m.span.start, sp.start);
          // The head of the phrase names the speaker ("<name>، الناطق باسم <group>",
          // "<name>, spokesman of <group>": the spokesman, not the group).
          if (ov > 0 && m.span.start <= sp.start + 4) ov += 100000;
          // A title, its body and a name ("القائد العام للجيش الوطني الليبي
          // المشير خليفة حفتر"): the person speaks, not the body.
          else if (ov > 0 && ent.type == "person") ov += 50000;
          if (ov > best) {
            best = ov;
            f.a.speaker = ent.id;
          }
        }
      }
    }
  }

  result.reserve(found.size());
  for (auto& f : found) {
    f.a.parent = f.relayed_by;
    result.push_back(std::move(f.a));
  }
  return result;
}

void AttributionFinder::AddChain(const std::optional<OutletRef>& outlet, const std::vector<std::string>& wires,
                                 size_t body_size, std::vector<Attribution>* atts) {
  std::vector<Attribution> head;
  const Span all{0, static_cast<int32_t>(body_size)};
  int32_t outlet_idx = -1;
  if (outlet.has_value() && !outlet->id.empty()) {
    Attribution a;
    a.speaker = outlet->id;
    a.speaker_text = outlet->name_ar.empty() ? outlet->name_en : outlet->name_ar;
    a.cue = "outlet";
    a.stance = "asserts";
    a.span = all;
    head.push_back(a);
    outlet_idx = 0;
  }
  for (const auto& w : wires) {
    if (w.empty()) continue;
    Attribution a;
    a.speaker = w;
    a.speaker_text = w;
    a.cue = "wire";
    a.stance = "asserts";
    a.span = all;
    a.parent = outlet_idx;
    head.push_back(a);
  }
  if (head.empty()) return;
  const int32_t shift = static_cast<int32_t>(head.size());
  const int32_t top = head.size() - (outlet_idx >= 0 ? 1 : 0) == 1 ? shift - 1 : outlet_idx;
  for (auto& a : *atts) {
    a.parent = a.parent >= 0 ? a.parent + shift : top;
  }
  head.insert(head.end(), std::make_move_iterator(atts->begin()), std::make_move_iterator(atts->end()));
  *atts = std::move(head);
}

std::vector<int32_t> AttributionFinder::Chain(const std::vector<Attribution>& atts, int32_t i) {
  std::vector<int32_t> chain;
  const int32_t n = static_cast<int32_t>(atts.size());
  while (i >= 0 && i < n && static_cast<int32_t>(chain.size()) <= n) {
    if (std::find(chain.begin(), chain.end(), i) != chain.end()) break;  // defensive: no cycles
    // The agency's correspondent under the agency's credit is one source, not
    // two ("بحسب مراسل الوكالة" under the NNA's credit).
    const bool same_as_child = !chain.empty() && !atts[i].speaker.empty() &&
                               atts[i].speaker == atts[chain.back()].speaker;
    if (!same_as_child) chain.push_back(i);
    i = atts[i].parent;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace marsad
