#include "marsad/events/event_extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "marsad/attribute/attribution_finder.h"
#include "marsad/attribute/lexicon.h"
#include "marsad/dates/civil_date.h"

namespace marsad {

const std::vector<std::string>& EventTypes() {
  static const std::vector<std::string> kTypes = {
      "ASSAULT", "TAKE_CONTROL", "WITHDRAW", "SURRENDER", "KILL",     "INJURE", "VISIT",  "DEPLOY",
      "SUPPORT", "RECRUIT",      "ACCUSE",   "DENY",      "DESIGNATE", "SANCTION", "AGREE", "PROTEST"};
  return kTypes;
}

namespace {

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty() || s == "-") return out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t c = s.find(',', start);
    std::string part = s.substr(start, c == std::string::npos ? std::string::npos : c - start);
    if (!part.empty()) out.push_back(part);
    if (c == std::string::npos) break;
    start = c + 1;
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string_view StripConj(std::string_view norm) {
  if (norm.size() >= 6 && (StartsWith(norm, "و") || StartsWith(norm, "ف"))) return norm.substr(2);
  return norm;
}

// The stem of a relative adjective in matching form: the article and the
// feminine ending removed ("التركية" -> "تركي"); "" when `norm` is not
// shaped like a nisba (ending in ي / يه).
std::string NisbaStem(std::string_view norm) {
  std::string_view w = StripConj(norm);
  if (StartsWith(w, "ال")) w.remove_prefix(4);
  if (EndsWith(w, "يه")) w.remove_suffix(2);
  if (!EndsWith(w, "ي") || w.size() < 6) return "";
  return std::string(w);
}

using E_ = EventExtractor;
const std::pair<const char*, uint32_t> kClassNames[] = {
    {"negation", E_::kNegation},     {"attempt", E_::kAttempt},   {"future", E_::kFutureCue},
    {"purpose", E_::kPurpose},       {"hypothetical", E_::kHypothetical}, {"light", E_::kLight},
    {"qualifier", E_::kQualifier},   {"blocker", E_::kBlocker},   {"force", E_::kForce},
    {"munition", E_::kMunition},     {"background", E_::kBackground}, {"stop", E_::kStop},
    {"placenoun", E_::kPlaceNoun},   {"was", E_::kWas},           {"demonstrative", E_::kDemonstrative},
    {"reference", E_::kReference},   {"violent", E_::kViolent},   {"agentive", E_::kAgentive}};

uint32_t ClassBits(const std::string& name) {
  using E = EventExtractor;
  static const std::pair<const char*, uint32_t> kNames[] = {
      {"negation", E::kNegation},     {"attempt", E::kAttempt},   {"future", E::kFutureCue},
      {"purpose", E::kPurpose},       {"hypothetical", E::kHypothetical}, {"light", E::kLight},
      {"qualifier", E::kQualifier},   {"blocker", E::kBlocker},   {"force", E::kForce},
      {"munition", E::kMunition},     {"background", E::kBackground}, {"stop", E::kStop},
      {"placenoun", E::kPlaceNoun},   {"was", E::kWas},           {"demonstrative", E::kDemonstrative},
      {"reference", E::kReference},   {"violent", E::kViolent},   {"agentive", E::kAgentive},
      {"hedge", E::kHedge},           {"notrigger", E::kNotTrigger}, {"warning", E::kWarning},
      {"figurative", E::kFigurative}, {"recent", E::kRecent},     {"legal", E::kLegal},
      {"title", E::kTitle}};
  for (const auto& [n, b] : kNames) {
    if (name == n) return b;
  }
  return 0;
}

}  // namespace

std::string_view EventExtractor::GateType(std::string_view type) {
  if (type == "ASSAULT" || type == "KILL") return "ASSAULT";
  if (type == "PROTEST") return "PROTEST";
  return "";
}

std::shared_ptr<const EventExtractor> EventExtractor::WithClassifier(
    std::shared_ptr<const EventClassifier> classifier) const {
  auto ex = std::shared_ptr<EventExtractor>(new EventExtractor(*this));
  ex->classifier_ = std::move(classifier);
  return ex;
}

std::string EventExtractor::DefaultModelPath(const std::string& data_dir) {
  std::error_code ec;
  std::filesystem::path candidate = std::filesystem::path(data_dir) / ".." / "models" / "events-gsr.model";
  return std::filesystem::exists(candidate, ec) ? candidate.lexically_normal().string() : "";
}

StatusOr<std::shared_ptr<const EventExtractor>> EventExtractor::Load(const std::string& data_dir,
                                                                     const std::string& model_path) {
  auto ex = std::shared_ptr<EventExtractor>(new EventExtractor());
  if (!model_path.empty()) {
    auto clf = EventClassifier::Load(model_path);
    if (!clf.ok()) return clf.status();
    ex->classifier_ = *clf;
  }
  std::vector<std::vector<std::string>> rows;
  const std::string dir = data_dir + "/events/";
  MARSAD_RETURN_IF_ERROR(lex::ReadTsv(dir + "triggers.tsv", &rows));
  for (const auto& r : rows) {
    if (r.size() < 7) return DataError("events/triggers.tsv: expected 8 columns for " + r[0]);
    Trigger t;
    t.type = r[0];
    t.lemma = lex::Key(r[1]);
    const std::string& pos = r[2];
    t.pos = pos == "verb" ? Pos::kVerb : pos == "passive" ? Pos::kPassive : pos == "noun" ? Pos::kNoun
          : pos == "agent" ? Pos::kAgent : pos == "adverb" ? Pos::kAdverb : Pos::kVerb;
    if (pos != "verb" && pos != "passive" && pos != "noun" && pos != "agent" && pos != "adverb") {
      return DataError("events/triggers.tsv: unknown pos '" + pos + "'");
    }
    for (const auto& need : SplitComma(r[6])) {
      if (need == "place") t.needs_place = true;
      else if (need == "force") t.needs_force = true;
      else if (need == "ala") t.needs_ala = true;
      else if (need == "violent") t.needs_violent = true;
      else if (need == "gen:target") t.genitive_target = true;
      else if (need == "intrans") t.intransitive = true;
      else if (need == "speaker") t.speaker_acts = true;
      else if (StartsWith(need, "obj:") || StartsWith(need, "notobj:")) {
        const bool negative = StartsWith(need, "notobj:");
        std::string list = need.substr(negative ? 7 : 4);
        auto& into = negative ? t.not_obj : t.needs_obj;
        size_t start = 0;
        while (start <= list.size()) {
          size_t bar = list.find('|', start);
          into.push_back(lex::Key(list.substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
          if (bar == std::string::npos) break;
          start = bar + 1;
        }
      } else {
        return DataError("events/triggers.tsv: unknown constraint '" + need + "'");
      }
    }
    const int32_t idx = static_cast<int32_t>(ex->triggers_.size());
    ex->triggers_.push_back(t);
    std::set<std::string> exclude;
    for (const auto& x : SplitComma(r[5])) {
      exclude.insert(lex::Key(x));
      if (t.pos == Pos::kVerb) ex->qad_forms_[lex::Key(x)] = static_cast<int32_t>(ex->triggers_.size()) - 1;
    }
    auto add = [&](const std::string& form, uint8_t flags) {
      if (form.empty() || exclude.count(form)) return;
      auto& v = ex->forms_[form];
      for (const auto& f : v) {
        if (f.trigger == idx) return;
      }
      v.push_back({idx, flags});
    };
    if (t.pos == Pos::kVerb) {
      std::string present = r[3] == "-" ? "" : lex::Key(r[3]);
      std::vector<std::string> forms = lex::VerbForms(t.lemma, present);
      for (const auto& f : forms) {
        uint8_t flags = 0;
        std::string_view fv = f;
        if (!StartsWith(fv, t.lemma) || fv.size() < t.lemma.size()) flags |= kPresent;
        if (StartsWith(fv, "س") && !StartsWith(t.lemma, "س")) flags |= kPresent | kFuture;
        if (EndsWith(fv, "وا") || EndsWith(fv, "ون") || EndsWith(fv, "و")) flags |= kPluralForm;
        add(f, flags);
      }
      for (const auto& x : SplitComma(r[4])) {
        std::string k = lex::Key(x);
        uint8_t flags = StartsWith(k, "ي") || StartsWith(k, "ت") ? kPresent : 0;
        if (EndsWith(k, "وا") || EndsWith(k, "ون")) flags |= kPluralForm;
        add(k, flags);
      }
    } else {
      uint8_t flags = t.pos == Pos::kPassive ? kPassiveForm : 0;
      add(t.lemma, flags);
      for (const auto& x : SplitComma(r[4])) add(lex::Key(x), flags);
    }
  }
  rows.clear();
  MARSAD_RETURN_IF_ERROR(lex::ReadTsv(dir + "context.tsv", &rows));
  for (const auto& r : rows) {
    if (r.size() < 2) continue;
    uint32_t bits = ClassBits(r[1]);
    if (bits == 0) return DataError("events/context.tsv: unknown class '" + r[1] + "'");
    ex->context_[lex::Key(r[0])] |= bits;
  }
  rows.clear();
  MARSAD_RETURN_IF_ERROR(lex::ReadTsv(dir + "units.tsv", &rows));
  for (const auto& r : rows) {
    if (r.size() >= 2) ex->units_[lex::Key(r[0])] = r[1];
  }
  rows.clear();
  MARSAD_RETURN_IF_ERROR(lex::ReadTsv(dir + "numbers.tsv", &rows));
  for (const auto& r : rows) {
    if (r.size() < 3) continue;
    ex->numbers_[lex::Key(r[0])] = {std::atof(r[1].c_str()), r[2] == "vague"};
  }
  rows.clear();
  MARSAD_RETURN_IF_ERROR(lex::ReadTsv(dir + "nisba.tsv", &rows));
  for (const auto& r : rows) {
    if (r.size() < 2) return DataError("events/nisba.tsv: expected 2+ columns");
    ex->nisba_[NisbaStem(lex::Key(r[0]))] = r[1];
  }
  return std::shared_ptr<const EventExtractor>(ex);
}

// Per-document working state.
class EventExtractorImpl {
 public:
  EventExtractorImpl(const EventExtractor& ex, const EventInput& in)
      : ex_(ex), in_(in), toks_(*in.tokens), n_(static_cast<int>(toks_.size())), body_(in.body) {}

  std::vector<Event> Run();

 private:
  using E = EventExtractor;
  struct Match {
    int32_t trigger = -1;
    uint8_t flags = 0;
    std::string proclitic, enclitic;
  };
  struct Phrase {
    int a = -1, b = -1;  // tokens [a, b)
    int entity = -1;
    bool ok() const { return a >= 0 && a < b; }
  };

  uint32_t Ctx(int i) const {
    if (i < 0 || i >= n_ || toks_[i].kind != TokenKind::kArabic) return 0;
    auto it = ex_.context_.find(toks_[i].norm);
    uint32_t bits = it == ex_.context_.end() ? 0 : it->second;
    std::string_view s = StripConj(toks_[i].norm);
    if (s.size() != toks_[i].norm.size()) {
      auto it2 = ex_.context_.find(std::string(s));
      if (it2 != ex_.context_.end()) bits |= it2->second;
    }
    return bits;
  }
  bool Is(int i, uint32_t cls) const { return (Ctx(i) & cls) != 0; }
  // Today, yesterday, a weekday: words between a verb and its arguments.
  bool IsTimeWord(int k) const {
    static const std::string_view kWords[] = {"اليوم", "امس", "الخميس", "الجمعه", "السبت", "الاحد",
                                              "الاثنين", "الثلاثاء", "الاربعاء", "رسميا"};
    for (auto w : kWords) {
      if (NormIs(k, w)) return true;
    }
    return false;
  }
  bool NormIs(int i, std::string_view w) const {
    return i >= 0 && i < n_ && StripConj(toks_[i].norm) == w;
  }
  // True if no clause boundary (punctuation, a complementizer, a speech
  // cue) stands between a date expression and a trigger.
  bool DateInClause(Span date, Span trigger) const {
    const int32_t a = std::min(date.end, trigger.end), b = std::max(date.start, trigger.start);
    int k = 0;
    for (int hi = n_; k < hi;) {  // the first token at or after `a`
      const int mid = (k + hi) / 2;
      if (toks_[mid].span.start < a) k = mid + 1;
      else hi = mid;
    }
    for (; k < n_; ++k) {
      if (toks_[k].span.start >= b) break;
      if (Break(k) || NormIs(k, "ان") || NormIs(k, "بان") || NormIs(k, "انه") || NormIs(k, "انها")) return false;
    }
    return true;
  }
  // The word as written has a damma (U+064F) right after its first letter
  // past an optional و / ف: the vocalized passive of a past verb (قُتل، دُمرت،
  // وأُصيب).
  bool MarkedPassive(int i) const {
    if (i < 0 || i >= n_ || toks_[i].kind != TokenKind::kArabic) return false;
    std::string_view w = body_.substr(toks_[i].span.start, toks_[i].span.end - toks_[i].span.start);
    const std::string_view waw = "و", fa = "ف";
    if (w.size() > 4 && (w.substr(0, 2) == waw || w.substr(0, 2) == fa)) w.remove_prefix(2);
    // One Arabic letter (2 bytes), then U+064F (D9 8F).
    return w.size() >= 4 && static_cast<unsigned char>(w[2]) == 0xD9 && static_cast<unsigned char>(w[3]) == 0x8F;
  }
  // A word that may stand between a verb and its fixed object without being
  // its subject: a time word, a part of the day, an approximation or a
  // number ("أطلقت إيران فجر الأربعاء أكثر من عشرة صواريخ").
  bool ObjectFiller(int k) const {
    double nv = 0;
    bool vague = false;
    int nx = 0;
    return IsTimeWord(k) || NormIs(k, "فجر") || NormIs(k, "صباح") || NormIs(k, "مساء") || NormIs(k, "ليل") ||
           NormIs(k, "اكثر") || NormIs(k, "نحو") || NormIs(k, "قرابه") || (NormIs(k, "من") && NormIs(k - 1, "اكثر")) ||
           NumberAt(k, &nv, &vague, &nx);
  }
  // A preposition ب ل ك glued to the word (after an optional و ف).
  bool GluedPrep(int i) const {
    if (i < 0 || i >= n_ || toks_[i].kind != TokenKind::kArabic) return false;
    std::string_view w = toks_[i].norm;
    size_t conj = StripConj(w).size() != w.size() ? 2 : 0;
    std::string_view r = w.substr(conj);
    bool prep = StartsWith(r, "ب") || StartsWith(r, "ل") || StartsWith(r, "ك");
    return prep && toks_[i].prefix_bytes >= conj + 2;
  }
  // "عليها", "منه": a preposition with a pronoun suffix.
  bool IsStopWithPronoun(int i) const {
    if (i < 0 || i >= n_ || toks_[i].kind != TokenKind::kArabic) return false;
    // آلية (a vehicle) folds to the spelling of إليه (to him); a preposition
    // is never written with an initial madda.
    if (body_.substr(toks_[i].span.start, 2) == "\u0622") return false;
    std::string_view w = StripConj(toks_[i].norm);
    for (std::string_view suf : {"ها", "هم", "هما", "ه", "هن"}) {
      if (EndsWith(w, suf) && w.size() > suf.size() + 2) {
        auto it = ex_.context_.find(std::string(w.substr(0, w.size() - suf.size())));
        if (it != ex_.context_.end() && (it->second & E::kStop)) return true;
        // علي+ها is written عليها: the stop list has على as علي.
      }
    }
    return false;
  }
  bool ClauseInitial(int i) const {
    if (i == 0 || toks_[i].sentence != toks_[i - 1].sentence) return true;
    if (StripConj(toks_[i].norm).size() != toks_[i].norm.size() && !ex_.forms_.count(toks_[i].norm)) {
      return true;  // وقتل (but not فروا, whose ف is a root letter)
    }
    const Token& p = toks_[i - 1];
    if (p.kind == TokenKind::kPunct || p.kind == TokenKind::kSymbol) return true;
    static const std::string_view kOpeners[] = {"قد", "لقد", "ثم", "ان", "انه", "بان", "حيث", "عندما", "بعدما",
                                                "فقد", "وقد", "كما", "الذي", "التي", "الذين", "اللذين", "لما"};
    for (auto w : kOpeners) {
      if (p.norm == w) return true;
    }
    return false;
  }
  // A context class on any clitic-stripped key of the token.
  bool IsAnyKey(int i, uint32_t cls) const {
    if (i < 0 || i >= n_ || toks_[i].kind != TokenKind::kArabic) return false;
    if (!any_done_[i]) {
      uint32_t bits = Ctx(i);
      std::vector<lex::KeyCandidate> keys;
      lex::TokenKeys(toks_[i].norm, &keys);
      for (const auto& k : keys) {
        auto it = ex_.context_.find(k.key);
        if (it != ex_.context_.end()) bits |= it->second;
      }
      any_bits_[i] = bits;
      any_done_[i] = true;
    }
    return (any_bits_[i] & cls) != 0;
  }
  bool Break(int i) const { return i < 0 || i >= n_ || lex::IsBreakPunct(toks_[i]); }
  std::string Text(int a, int b) const {
    return std::string(body_.substr(toks_[a].span.start, toks_[b - 1].span.end - toks_[a].span.start));
  }
  Span SpanOf(int a, int b) const { return {toks_[a].span.start, toks_[b - 1].span.end}; }

  bool LookupUncached(int i, Match* m) const;
  struct KeyHit {
    const std::vector<E::FormRef>* refs;
    std::string proclitic, enclitic;
  };
  const std::vector<KeyHit>& KeyHits(const std::string& norm) const;
  // Trigger lookup of token i, computed once per document.
  bool Lookup(int i, Match* m) const {
    if (i < 0 || i >= n_) return false;
    if (match_state_[i] == 0) {
      match_state_[i] = LookupUncached(i, &match_cache_[i]) ? 2 : 1;
    }
    if (match_state_[i] == 1) return false;
    *m = match_cache_[i];
    return true;
  }
  bool IsTriggerToken(int i) const {
    if (i < 0 || i >= n_) return false;
    Match m;
    return Lookup(i, &m);
  }
  // A trigger that can head an event: not a noun after a blocker ("طائرات
  // مسيرة" = drones, "معركة تحرير" = a named battle), which stays inside
  // the phrase it belongs to.
  bool IsEventWord(int i) const {
    Match m;
    if (i < 0 || i >= n_ || !Lookup(i, &m)) return false;
    return ex_.triggers_[m.trigger].pos != E::Pos::kNoun || !BlockedAt(i, true);
  }
  // A blocker before a noun trigger, or before one adjective in between
  // ("طائرة أمريكية مسيرة" = an American drone: مسيرة is "unmanned").
  bool BlockedAt(int i, bool any_key) const {
    auto blocker = [&](int k) { return any_key ? IsAnyKey(k, E::kBlocker) : Is(k, E::kBlocker); };
    if (blocker(i - 1)) return true;
    if (i < 2 || toks_[i - 1].kind != TokenKind::kArabic || entity_of_[i - 1] >= 0) return false;
    const std::string_view w = StripConj(toks_[i - 1].norm);
    const bool adjective = w.size() >= 8 && (EndsWith(w, "يه") || EndsWith(w, "ي")) && !IsTriggerToken(i - 1);
    return adjective && blocker(i - 2);
  }
  // A verb (active or passive) of the trigger lexicon at token i: it opens a
  // clause of its own ("قتلوا وأصيب أكثر من 400" = were killed and more than
  // 400 were wounded), never the object of the verb before it.
  bool IsTriggerVerb(int i) const {
    Match m;
    if (i < 0 || i >= n_ || !Lookup(i, &m)) return false;
    const auto pos = ex_.triggers_[m.trigger].pos;
    return pos == E::Pos::kVerb || pos == E::Pos::kPassive;
  }
  // A trigger verb at `s` that opens a clause with another subject than the
  // verb at `i`: a passive form, or another agreement ("قتلوا وأصيب" = they
  // were killed and [more] were wounded). Two verbs of one agreement share
  // their subject and object ("قتلت وجرحت من فيها" = killed and wounded
  // those inside).
  bool NewClauseVerb(int i, int s) const {
    Match m;
    if (s < 0 || s >= n_ || !Lookup(s, &m)) return false;
    const auto pos = ex_.triggers_[m.trigger].pos;
    if (pos == E::Pos::kPassive) return true;
    if (pos != E::Pos::kVerb) return false;
    auto agreement = [&](int k) {
      std::string_view w = toks_[k].norm;
      if (EndsWith(w, "وا")) return 1;
      if (EndsWith(w, "ت")) return 2;
      return 0;
    };
    return agreement(i) != agreement(s);
  }
  Phrase NounPhrase(int j, int end, int limit) const;
  EventArg MakeArg(const std::string& role, const Phrase& p) const;
  // A definite relative adjective ("التركي"، "الروسية") outside any entity
  // mention: it modifies a noun and is never an argument by itself.
  bool IsNisbaToken(int k) const {
    if (k < 0 || k >= n_ || toks_[k].kind != TokenKind::kArabic || entity_of_[k] >= 0) return false;
    std::string_view w = StripConj(toks_[k].norm);
    if (!StartsWith(w, "ال") || w.size() <= 8 || !(EndsWith(w, "ي") || EndsWith(w, "يه"))) return false;
    // The written word ends in ي or ية: not ى, which the matching form also
    // writes ي (المستشفى "the hospital" is no adjective).
    std::string_view raw = body_.substr(toks_[k].span.start, toks_[k].span.end - toks_[k].span.start);
    while (raw.size() >= 2 && static_cast<unsigned char>(raw[raw.size() - 2]) == 0xD9 &&
           static_cast<unsigned char>(raw.back()) >= 0x8B && static_cast<unsigned char>(raw.back()) <= 0x92) {
      raw.remove_suffix(2);  // trailing harakat and shadda (U+064B..U+0652)
    }
    return EndsWith(raw, "ي") || EndsWith(raw, "ية") || EndsWith(raw, "يه");
  }
  bool LoneNisba(const Phrase& p) const { return p.ok() && p.b - p.a == 1 && IsNisbaToken(p.a); }
  // The country a nisba names (data/events/nisba.tsv) as an argument, when listed.
  std::optional<EventArg> NisbaArg(const std::string& role, int k) const {
    auto it = ex_.nisba_.find(NisbaStem(toks_[k].norm));
    if (it == ex_.nisba_.end()) return std::nullopt;
    EventArg arg = MakeArg(role, Phrase{k, k + 1, -1});
    arg.entity_id = it->second;
    return arg;
  }
  // A phrase that opens with the conjunction و ("وفصائل موالية لها"): the
  // argument without it.
  EventArg ConjunctArg(const std::string& role, Phrase p) const {
    // A definite conjunct keeps its definite modifiers only: "وأغلب الدول
    // الغربية أبرز تنظيم" ends before the indefinite "أبرز" (a predicate).
    for (int k = p.a + 1; k < p.b; ++k) {
      if (toks_[k].kind == TokenKind::kArabic && entity_of_[k] < 0 && !StartsWith(toks_[k].norm, "ال") &&
          StartsWith(toks_[k - 1].norm, "ال") && !Is(k, E::kStop) && !GluedPrep(k) && !NormIs(k, "لها") &&
          !NormIs(k, "له") && !NormIs(k, "لهم")) {  // (not "الموالين لها": loyal to it)
        p.b = k;
        break;
      }
    }
    EventArg arg = MakeArg(role, p);
    if (toks_[p.a].prefix_bytes >= 2 && StartsWith(arg.text, "و")) {
      size_t skip = 2;  // و, then its vowel marks (U+064B..U+0652)
      while (skip + 1 < arg.text.size() && static_cast<unsigned char>(arg.text[skip]) == 0xD9 &&
             static_cast<unsigned char>(arg.text[skip + 1]) >= 0x8B &&
             static_cast<unsigned char>(arg.text[skip + 1]) <= 0x92) {
        skip += 2;
      }
      arg.text.erase(0, skip);
      arg.span.start += static_cast<int32_t>(skip);
    }
    return arg;
  }
  // The speaker whose reported content opens at token `k` ("قالت قوات سوريا
  // الديمقراطية إنها انتزعت ...": the pronoun of إنها is the speaker), as an
  // actor; nullopt when no attribution opens there.
  std::optional<EventArg> SpeakerAt(int k) const {
    if (in_.attributions == nullptr || k < 0 || k >= n_) return std::nullopt;
    for (const auto& a : *in_.attributions) {
      if (a.cue == "outlet" || a.cue == "wire" || a.speaker.empty() || a.span.start != toks_[k].span.start) continue;
      EventArg arg;
      arg.role = "actor";
      arg.text = a.speaker_text;
      arg.entity_id = a.speaker != a.speaker_text ? a.speaker : "";
      arg.span = a.cue_span;
      size_t pos = body_.rfind(a.speaker_text, a.span.start);
      if (pos != std::string_view::npos && pos + a.speaker_text.size() <= static_cast<size_t>(a.span.start)) {
        arg.span = {static_cast<int32_t>(pos), static_cast<int32_t>(pos + a.speaker_text.size())};
      }
      return arg;
    }
    return std::nullopt;
  }
  // A word after و that is shaped like a past verb in -ت ("ورفعت العلم" = and
  // raised the flag), not like a noun (feminine plurals end in -ات): a
  // coordinated clause, not a coordinated argument.
  bool VerbShaped(int k) const {
    std::string_view w = StripConj(toks_[k].norm);
    return EndsWith(w, "ت") && !EndsWith(w, "ات") && w.size() <= 10;
  }
  bool OpensWithConj(int k) const {
    return k >= 0 && k < n_ && toks_[k].kind == TokenKind::kArabic && toks_[k].prefix_bytes >= 2 &&
           StartsWith(toks_[k].norm, "و") && StripConj(toks_[k].norm).size() != toks_[k].norm.size();
  }
  bool IsPlacePhrase(const Phrase& p) const;
  // A number at token i: value, vague, and the index after it.
  bool NumberAt(int i, double* value, bool* vague, int* next) const;
  bool QuantityAt(int i, int end, Quantity* q, int* next) const;
  // A noun trigger that is the subject of an investigation or a trial (see .cc).
  bool InLegalFrame(int i, int sb) const;
  // Where reported content that opens with the noun at i starts (see .cc).
  int ContentStart(int i, int sb, int32_t floor) const;
  // The article ال: not the آل of a madda-initial word (آلية "vehicle" folds
  // to the letters of "الية").
  bool Definite(int k) const {
    if (!StartsWith(StripConj(toks_[k].norm), "ال")) return false;
    std::string_view raw = body_.substr(toks_[k].span.start, toks_[k].span.end - toks_[k].span.start);
    if (StartsWith(raw, "و") || StartsWith(raw, "ف")) raw.remove_prefix(2);
    return !StartsWith(raw, "\u0622");
  }
  // A word the units table counts as people ("مدنيين"، "جنود"، "أشخاص").
  bool IsPeopleWord(int k) const {
    if (k < 0 || k >= n_ || toks_[k].kind != TokenKind::kArabic) return false;
    std::vector<lex::KeyCandidate> keys;
    lex::TokenKeys(toks_[k].norm, &keys);
    for (const auto& key : keys) {
      auto it = ex_.units_.find(key.key);
      if (it == ex_.units_.end()) continue;
      static const std::set<std::string> kPeople = {"people", "civilians", "children", "women", "fighters",
                                                    "soldiers", "police", "protesters", "killed", "injured"};
      return kPeople.count(it->second) > 0;
    }
    return false;
  }
  bool pronoun_object_any(int i) const {
    Match m;
    return Lookup(i, &m) && !m.enclitic.empty();
  }
  // One event for an event noun and the verb it is the subject of (see .cc).
  void MergeNounSubjects(std::vector<Event>* events, size_t first) const;
  int TokenAt(int32_t byte) const {
    int lo = 0, hi = n_;
    while (lo < hi) {
      const int mid = (lo + hi) / 2;
      if (toks_[mid].span.start < byte) lo = mid + 1;
      else hi = mid;
    }
    return lo < n_ && toks_[lo].span.start == byte ? lo : -1;
  }
  // A past-verb reading of the word that opens content after إن / أن (see .cc).
  bool PastVerbAfterSpeechThat(int i) const;
  std::optional<Event> Build(int i, const Match& m, int sb, int se);
  // Classifier features of sentence [sb, se) whose accepted events are
  // events[first, end) (EventClassifier::kFeatureVersion).
  std::vector<std::string> Features(int sb, int se, const std::vector<Event>& events, size_t first) const;
  // Drops the gated events of the sentence below their type's threshold.
  void Gate(const std::vector<std::string>& features, std::vector<Event>* events, size_t first) const;
  // The subject before verb `i`; coordinated subjects after the first go to
  // `conjuncts` when given ("القوات التركية وفصائل موالية لها").
  Phrase PreSubject(int i, int sb, std::vector<Quantity>* quantities, std::vector<Phrase>* conjuncts = nullptr) const;

  const EventExtractor& ex_;
  const EventInput& in_;
  const std::vector<Token>& toks_;
  const int n_;
  const std::string_view body_;
  std::vector<int> entity_of_;  // token -> entity index (or -1)
  mutable std::vector<int8_t> match_state_;  // 0 unknown, 1 no trigger, 2 trigger
  mutable std::vector<Match> match_cache_;
  mutable std::vector<uint32_t> any_bits_;   // context bits over all clitic keys
  mutable std::vector<bool> any_done_;
  mutable std::unordered_map<std::string_view, std::vector<KeyHit>> key_memo_;
  mutable std::vector<int8_t> num_state_;  // 0 unknown, 1 no number word, 2 number word
  inline static const std::string kNoUnit;
  mutable std::vector<const std::string*> dual_unit_;  // nullptr unknown, &kNoUnit none, else the unit
  mutable std::vector<std::pair<double, bool>> num_value_;
  // Trigger starts of events flagged background only for standing in a
  // relative clause: a date inside that clause decides instead (Run).
  std::set<int32_t> relative_background_;
};

const std::vector<EventExtractorImpl::KeyHit>& EventExtractorImpl::KeyHits(const std::string& norm) const {
  // Words repeat within a document (function words above all): the clitic
  // keys of a spelling and their trigger-table hits are computed once.
  auto it = key_memo_.find(std::string_view(norm));
  if (it != key_memo_.end()) return it->second;
  std::vector<KeyHit> hits;
  std::vector<lex::KeyCandidate> keys;
  lex::TokenKeys(norm, &keys);
  for (auto& k : keys) {
    auto f = ex_.forms_.find(k.key);
    if (f == ex_.forms_.end()) continue;
    hits.push_back({&f->second, std::move(k.proclitic), std::move(k.enclitic)});
  }
  return key_memo_.emplace(std::string_view(norm), std::move(hits)).first->second;
}

bool EventExtractorImpl::LookupUncached(int i, Match* m) const {
  const Token& t = toks_[i];
  if (t.kind != TokenKind::kArabic) return false;
  if (Is(i, E::kNotTrigger)) return false;
  for (const KeyHit& k : KeyHits(t.norm)) {
    const std::vector<E::FormRef>& refs = *k.refs;
    // A preposition or the article in front means a noun reading; verbs take
    // only the conjunctions (and ل of purpose, س of the future).
    std::string_view pro = k.proclitic;
    if (StartsWith(pro, "و") || StartsWith(pro, "ف")) pro.remove_prefix(2);
    bool nominal_prefix = !pro.empty() && pro != "س" && pro != "ل";
    // A bare form that is both a verb and a noun of the same type (قتل، خطف،
    // قصف) is a verb only at the start of a clause (Arabic news is
    // verb-first); after a noun it is the noun ("تهم قتل"، "قضية خطف").
    bool has_noun = false;
    for (const auto& f : refs) has_noun |= ex_.triggers_[f.trigger].pos == E::Pos::kNoun;
    // With a conjunction, only at the start of a sentence or after punctuation:
    // "اغتصاب وتعذيب وقتل" is a list of nouns.
    const bool conj_after_word = StartsWith(k.proclitic, "و") && i > 0 && toks_[i - 1].sentence == toks_[i].sentence &&
                                 toks_[i - 1].kind == TokenKind::kArabic;
    // After a definite noun the bare form is the verb: a definite noun takes
    // no genitive ("إن الطيران قصف مستودعا" = the air force bombed a depot).
    const bool after_definite = i > 0 && toks_[i - 1].sentence == toks_[i].sentence &&
                                toks_[i - 1].kind == TokenKind::kArabic && k.proclitic.empty() && Definite(i - 1) &&
                                !Is(i - 1, E::kStop) && !IsTriggerToken(i - 1);  // (not إلى: الى)
    bool verb_ok = !has_noun || ((ClauseInitial(i) || !k.enclitic.empty() || after_definite) &&
                                 !Is(i + 1, E::kQualifier) && !conj_after_word);
    const E::FormRef* best = nullptr;
    for (const auto& f : refs) {
      const auto& tr = ex_.triggers_[f.trigger];
      bool verbal = tr.pos == E::Pos::kVerb || tr.pos == E::Pos::kPassive;
      if (verbal && (nominal_prefix || !verb_ok)) continue;
      // An intransitive verb carries no object pronoun: "سيطرتها" is "its
      // control", not "controlled it".
      if (verbal && tr.intransitive && !k.enclitic.empty()) continue;
      if (verbal && (pro == "س" || pro == "ل") && !(f.flags & E::kPresent)) continue;
      if (!verbal && pro == "س") continue;
      if (!verbal && !k.enclitic.empty() && k.enclitic != "ه" && k.enclitic != "ها" && k.enclitic != "هم") continue;
      // Prefer the verb reading for bare forms (قصف، طرد), the noun otherwise.
      if (best == nullptr || (verbal && pro.empty() && ex_.triggers_[best->trigger].pos == E::Pos::kNoun)) best = &f;
    }
    if (best == nullptr) continue;
    m->trigger = best->trigger;
    m->flags = best->flags;
    m->proclitic = k.proclitic;
    m->enclitic = k.enclitic;
    if (pro == "س") m->flags |= E::kFuture | E::kPresent;
    return true;
  }
  // After قد / لقد comes a verb: a form a verb row excludes as a noun is the
  // verb there ("قد فجر الجامع" = had blown up the mosque, not "dawn").
  if (i > 0 && (NormIs(i - 1, "قد") || NormIs(i - 1, "لقد")) && !ex_.qad_forms_.empty()) {
    auto it = ex_.qad_forms_.find(t.norm);  // (فجر: its ف is no conjunction)
    if (it == ex_.qad_forms_.end()) it = ex_.qad_forms_.find(std::string(StripConj(t.norm)));
    if (it != ex_.qad_forms_.end()) {
      m->trigger = it->second;
      m->flags = 0;
      m->proclitic = "";
      m->enclitic = "";
      return true;
    }
  }
  return false;
}

EventExtractorImpl::Phrase EventExtractorImpl::NounPhrase(int j, int end, int limit) const {
  Phrase p;
  // Skip commas and time words right after a verb ("، اليوم الخميس، من").
  if (j >= end || j >= n_) return p;
  if (entity_of_[j] >= 0) {
    // The whole mention.
    int e = entity_of_[j];
    int k = j;
    while (k < n_ && entity_of_[k] == e) ++k;
    p.a = j;
    p.b = k;
    p.entity = e;
    return p;
  }
  int k = j;
  bool in_quote = false;
  while (k < end && k - j < limit) {
    const Token& t = toks_[k];
    if (lex::IsQuote(t)) {
      // A quote opens the phrase, closes it, or wraps a one-word name
      // (تنظيم “الدولة”); otherwise it ends the phrase.
      if (k == j) in_quote = true;
      else if (in_quote) in_quote = false;
      else if (k + 2 < end && lex::IsQuote(toks_[k + 2]) && toks_[k + 1].kind == TokenKind::kArabic) {
        k += 3;
        continue;
      } else {
        // A quoted name of a few words after a head ("فصائل "الجيش السوري
        // الحر"" = the "Free Syrian Army" factions).
        int close = -1;
        for (int q = k + 2; q < end && q <= k + 5; ++q) {
          if (lex::IsQuote(toks_[q])) {
            close = q;
            break;
          }
          if (toks_[q].kind != TokenKind::kArabic) break;
        }
        if (close > 0 && k > j) {
          k = close + 1;
          continue;
        }
        break;
      }
      ++k;
      continue;
    }
    if (t.kind == TokenKind::kNumber && k == j) break;
    if (!in_quote) {
      if (lex::IsBreakPunct(t) || t.kind == TokenKind::kNumber) break;
      if (t.kind != TokenKind::kArabic && t.kind != TokenKind::kLatin) break;
      // A vague count and what it counts ("عدداً من العسكريين", "عشرات من
      // المدنيين"): one phrase.
      if (k == j + 1 && NormIs(k, "من") && k + 1 < end &&
          (NormIs(j, "عدد") || NormIs(j, "عددا") || NormIs(j, "العديد") || NormIs(j, "عشرات") ||
           NormIs(j, "مئات") || NormIs(j, "الاف") || NormIs(j, "بعض"))) {
        ++k;
        continue;
      }
      // An indefinite force word and the named body it is part of ("فصائل
      // من الجيش السوري الحر" = factions of the Free Syrian Army): one phrase,
      // named by the body.
      if (k == j + 1 && NormIs(k, "من") && k + 1 < end && Is(j, E::kForce) && !Definite(j) &&
          entity_of_[k + 1] >= 0) {
        int e = entity_of_[k + 1];
        k += 1;
        while (k < n_ && entity_of_[k] == e) ++k;
        p.a = j;
        p.b = k;
        p.entity = e;
        return p;
      }
      if (Is(k, E::kStop) || IsStopWithPronoun(k)) break;
      if (k > j && (IsEventWord(k) || Is(k, E::kLight))) break;
      if (k > j) {  // a count starts a new phrase ("نشرت الحركة لواءين")
        Quantity q;
        int nx = 0;
        if (QuantityAt(k, end, &q, &nx)) break;
        // ... and so does a count of them ("وقتلت القوات العشرات منهم").
        double cv = 0;
        bool cvague = false;
        if (NumberAt(k, &cv, &cvague, &nx) && (NormIs(nx, "منهم") || NormIs(nx, "منها") || NormIs(nx, "منهن"))) break;
      }
      if (k == j + 2 && entity_of_[k] >= 0 && entity_of_[j] < 0 &&
          (NormIs(j, "بن") || NormIs(j, "ابن") || NormIs(j, "ابو") || NormIs(j, "ام"))) {
        break;  // "بن دغر المجلس الانتقالي": a name (بن X), then another phrase
      }
      if (k > j && entity_of_[k] >= 0 && entity_of_[k - 1] != entity_of_[k] && Is(j, E::kTitle) &&
          in_.entities != nullptr && (*in_.entities)[entity_of_[k]].type == "person") {
        // A title and the name it is apposed to ("رئيس الوزراء حيدر العبادي"):
        // one phrase, named by the person.
        int e = entity_of_[k];
        while (k < n_ && entity_of_[k] == e) ++k;
        p.entity = e;
        break;
      }
      if (k > j && entity_of_[k] >= 0 && entity_of_[k - 1] != entity_of_[k]) {
        // Construct state: an indefinite head and a named genitive ("عناصر
        // التنظيم", "ريف دير الزور") make one phrase, named by the entity.
        const Token& prev = toks_[k - 1];
        if (prev.kind == TokenKind::kArabic && entity_of_[k - 1] < 0 &&
            !StartsWith(StripConj(prev.norm), "ال")) {
          int e = entity_of_[k];
          while (k < n_ && entity_of_[k] == e) ++k;
          p.entity = e;
          // A title of a body and the person apposed to it ("نائب رئيس هيئة
          // الحشد الشعبي أبو مهدي المهندس"): one phrase, named by the person.
          if (Is(j, E::kTitle) && k < n_ && entity_of_[k] >= 0 && in_.entities != nullptr &&
              (*in_.entities)[entity_of_[k]].type == "person") {
            const int person = entity_of_[k];
            while (k < n_ && entity_of_[k] == person) ++k;
            p.entity = person;
          }
        }
        break;
      }
      if (k > j && Is(k, E::kPlaceNoun) && !StartsWith(StripConj(t.norm), "ال") &&
          StartsWith(StripConj(toks_[k - 1].norm), "ال")) {
        // After a definite word an indefinite place noun opens a new phrase:
        // "حرر الجيش السوري مدينة البوكمال" (subject, then object).
        break;
      }
      if (k > j && t.prefix_bytes >= 2 && StartsWith(t.norm, "و") && entity_of_[k] < 0) {
        // "X وY": coordination ends the phrase.
        break;
      }
      if (k > j && t.kind == TokenKind::kArabic && entity_of_[k] < 0 && entity_of_[k - 1] < 0 &&
          toks_[k - 1].kind == TokenKind::kArabic && Definite(k - 1) && !Definite(k) && t.prefix_bytes == 0 &&
          !IsTimeWord(k)) {
        // A definite noun takes no indefinite follower (an adjective agrees,
        // a definite noun has no genitive): "أصابت القذيفة جنديين" = the
        // shell hit two soldiers, two phrases.
        break;
      }
      if (k > j && (NormIs(k, "عام") || NormIs(k, "العام") || NormIs(k, "سنه")) && k + 1 < n_ &&
          toks_[k + 1].kind == TokenKind::kNumber) {
        break;  // "المدينة عام 2012": the year is no part of the place
      }
      if (k > j && Is(k, E::kHedge)) break;  // "مروحيات يعتقد أنها ...": the guess is no part of it
      if (k > j && entity_of_[k] < 0 && entity_of_[k - 1] < 0 && toks_[k - 1].kind == TokenKind::kArabic &&
          t.kind == TokenKind::kArabic && EndsWith(toks_[k - 1].norm, "ون") && !EndsWith(t.norm, "ون") &&
          !Definite(k) && t.prefix_bytes == 0) {
        // A sound plural in -ون takes no genitive (its construct form drops
        // the ن): after "مسؤولون محليون" an indefinite word opens the next
        // phrase ("يتهم مسؤولون محليون خلايا نائمة" = officials accuse cells).
        break;
      }
      if (k > j && GluedPrep(k) && StartsWith(StripConj(t.norm), "ب") && entity_of_[k] < 0) {
        // A ب phrase is the means or the manner, not part of the argument:
        // "هاجموا عناصر الأمن بالحجارة" (attacked the security men with
        // stones), "إصابة العشرات بحالات اختناق" (dozens suffered choking).
        break;
      }
    }
    ++k;
  }
  int a = j, b = k;
  while (a < b && (lex::IsQuote(toks_[a]) || toks_[a].norm == "-")) ++a;
  while (b > a && (lex::IsQuote(toks_[b - 1]) || toks_[b - 1].norm == "-")) --b;
  if (a < b) {
    p.a = a;
    p.b = b;
  } else {
    p.entity = -1;
  }
  return p;
}

EventArg EventExtractorImpl::MakeArg(const std::string& role, const Phrase& p) const {
  EventArg arg;
  arg.role = role;
  arg.span = SpanOf(p.a, p.b);
  arg.text = Text(p.a, p.b);
  if (p.entity >= 0 && in_.entities != nullptr) arg.entity_id = (*in_.entities)[p.entity].id;
  return arg;
}

bool EventExtractorImpl::IsPlacePhrase(const Phrase& p) const {
  if (!p.ok()) return false;
  if (p.entity >= 0 && in_.entities != nullptr) {
    const Entity& e = (*in_.entities)[p.entity];
    return e.type == "place" || e.type == "country" || e.lat.has_value();
  }
  return Is(p.a, E::kPlaceNoun);
}

bool EventExtractorImpl::NumberAt(int i, double* value, bool* vague, int* next) const {
  if (i < 0 || i >= n_) return false;
  const Token& t = toks_[i];
  int k = i;
  if (t.kind == TokenKind::kNumber) {
    std::string digits;
    for (char c : t.norm) {
      if ((c >= '0' && c <= '9') || c == '.') digits += c;
      else if (c != ',') break;
    }
    if (digits.empty()) return false;
    *value = std::atof(digits.c_str());
    *vague = false;
    k = i + 1;
  } else if (t.kind == TokenKind::kArabic) {
    // A number word with the article names or orders ("شارع الخمسين" = Fifty
    // Street, "الثاني"), it does not count (العشرات، المئات, the vague
    // plurals, are the exception).
    if (StartsWith(StripConj(t.norm), "ال") && !StartsWith(StripConj(t.norm), "العشرات") &&
        !StartsWith(StripConj(t.norm), "المئات") && !StartsWith(StripConj(t.norm), "الالاف") &&
        !StartsWith(StripConj(t.norm), "الاف")) {
      return false;
    }
    // Number words are looked up once per token (the argument scans ask
    // again for every trigger of the clause).
    if (num_state_[i] == 0) {
      std::vector<lex::KeyCandidate> keys;
      lex::TokenKeys(t.norm, &keys);
      num_state_[i] = 1;
      for (const auto& key : keys) {
        if (!key.enclitic.empty()) continue;
        auto it = ex_.numbers_.find(key.key);
        if (it == ex_.numbers_.end()) continue;
        num_value_[i] = it->second;
        num_state_[i] = 2;
        break;
      }
    }
    if (num_state_[i] != 2) return false;
    *value = num_value_[i].first;
    *vague = num_value_[i].second;
    k = i + 1;
  } else {
    return false;
  }
  // Multipliers: خمسة آلاف، ثلاث مئة.
  if (k < n_ && !*vague) {
    std::string_view w = toks_[k].norm;
    if (w == "الاف" || w == "الف" || w == "الفا") {
      *value *= 1000;
      ++k;
    } else if (w == "مئة" || w == "مائة") {
      *value *= 100;
      ++k;
    }
  }
  *next = k;
  return true;
}

bool EventExtractorImpl::QuantityAt(int i, int end, Quantity* q, int* next) const {
  double value = 0;
  bool vague = false;
  int k = 0;
  auto unit_of = [&](int u) -> std::string {
    if (u >= end || u >= n_) return "";
    if (toks_[u].norm == "%") return "percent";
    if (toks_[u].kind != TokenKind::kArabic) return "";
    std::vector<lex::KeyCandidate> keys;
    lex::TokenKeys(toks_[u].norm, &keys);
    for (const auto& key : keys) {
      auto it = ex_.units_.find(key.key);
      if (it != ex_.units_.end()) return it->second;
    }
    return "";
  };
  if (NumberAt(i, &value, &vague, &k)) {
    int u = k;
    while (u < end && (toks_[u].norm == ")" || toks_[u].norm == "(")) ++u;
    if (u < end && NormIs(u, "من")) ++u;  // العشرات من المسلحين
    std::string unit = unit_of(u);
    if (unit.empty()) return false;
    int a = i;
    if (a > 0 && toks_[a - 1].norm == "(") --a;
    q->text = Text(a, u + 1);
    q->span = SpanOf(a, u + 1);
    q->value = value;
    q->unit = unit;
    q->approximate = vague;
    *next = u + 1;
    return true;
  }
  // A dual unit word: لواءين = 2 brigades (looked up once per token).
  if (i < n_ && toks_[i].kind == TokenKind::kArabic) {
    if (dual_unit_[i] == nullptr) {
      dual_unit_[i] = &kNoUnit;
      std::string_view w = toks_[i].norm;
      std::vector<lex::KeyCandidate> keys;
      lex::TokenKeys(w, &keys);
      bool listed = false;
      for (const auto& key : keys) listed |= ex_.units_.count(key.key) > 0;  // a listed plural (مقاتلين)
      for (const auto& key : keys) {
        if (listed) break;
        if (!EndsWith(key.key, "ين") && !EndsWith(key.key, "ان")) continue;
        std::string base = key.key.substr(0, key.key.size() - std::string("ين").size());
        auto it = ex_.units_.find(base);
        if (it == ex_.units_.end()) continue;
        dual_unit_[i] = &it->second;
        break;
      }
    }
    if (dual_unit_[i] == &kNoUnit) return false;
    q->text = Text(i, i + 1);
    q->span = SpanOf(i, i + 1);
    q->value = 2;
    q->unit = *dual_unit_[i];
    *next = i + 1;
    return true;
  }
  return false;
}

// The subject written before verb `i` (subject-verb order), bounded on the
// left by a complementizer, كان, a light verb or the clause start.
EventExtractorImpl::Phrase EventExtractorImpl::PreSubject(int i, int sb, std::vector<Quantity>* quantities,
                                                          std::vector<Phrase>* conjuncts) const {
  Phrase pre;
  int v = i;
  // A verb in scare quotes (إن قواته «حررت» المخا): its opening quote.
  if (v - 1 > sb && lex::IsQuote(toks_[v - 1]) && v + 1 < n_ && lex::IsQuote(toks_[v + 1])) --v;
  if (NormIs(v - 1, "قد") || NormIs(v - 1, "لقد")) --v;
  // An auxiliary after the subject: "إن الميليشيا باتت تسيطر"، "القوات كانت قد سيطرت".
  if (v - 1 > sb && Is(v - 1, E::kWas)) --v;
  if (ClauseInitial(v) || v <= sb) return pre;
  int end = v, a = v;
  while (a > sb && end - a < 16) {
    const Token& t = toks_[a - 1];
    if (lex::IsBreakPunct(t) && t.norm != "(" && t.norm != ")") break;
    std::string_view w = StripConj(t.norm);
    if (w == "عن" && NormIs(a - 2, "يقل")) break;  // "ما لا يقل عن عشر سيارات": the count starts after
    if (t.norm == "فيما" || w == "فيما" || w == "بينما" || w == "حيث" || w == "كما" || w == "ثم" ||
        w == "لكن" || w == "حتي" || w == "عندما" || w == "بعدما" || w == "اذ") {
      break;  // a clause linker ("فيما لقي ..." = while ... met)
    }
    if (w == "ان" || w == "بان" || w == "انه" || Is(a - 1, E::kWas) || w == "تكون" || w == "يكون" ||
        Is(a - 1, E::kLight) || Is(a - 1, E::kNegation) || (a - 1 > sb && IsEventWord(a - 1))) break;
    // A count with ب is a means ("بعشر طائرات مسيرة استهدفت" = with ten
    // drones that targeted): the subject starts after it.
    double value = 0;
    bool vague = false;
    int nx = 0;
    if (GluedPrep(a - 1) && StartsWith(StripConj(t.norm), "ب") && NumberAt(a - 1, &value, &vague, &nx)) break;
    // A speech verb is no part of a subject ("وأعلنت القيادة ... فرض"): the
    // subject search ends at an attribution's cue.
    bool cue = false;
    if (in_.attributions != nullptr) {
      for (const auto& at : *in_.attributions) {
        cue |= at.cue != "outlet" && at.cue != "wire" && at.cue != "dateline" &&
               at.cue_span.start <= t.span.start && t.span.end <= at.cue_span.end;
      }
    }
    if (cue) break;
    --a;
  }
  // Keep the phrase up to a preposition of place ("... في مدينة البوكمال").
  int b = a;
  while (b < end && !(NormIs(b, "في") || NormIs(b, "خلال") || NormIs(b, "امس") || NormIs(b, "اليوم"))) ++b;
  while (a < b && (lex::IsQuote(toks_[a]) || toks_[a].kind == TokenKind::kPunct)) ++a;
  while (b > a && (lex::IsQuote(toks_[b - 1]) || toks_[b - 1].kind == TokenKind::kPunct)) --b;
  // A hedge or a relative clause ends the subject: "طائرات حربية يعتقد أنها
  // تابعة لقوات حفتر" (warplanes believed to belong to Haftar's forces) are
  // warplanes; whose they are is a guess, not the actor.
  for (int k = a + 1; k < b; ++k) {
    if (Is(k, E::kHedge) || NormIs(k, "الذي") || NormIs(k, "التي") || NormIs(k, "الذين") || NormIs(k, "انها") ||
        NormIs(k, "انه") || NormIs(k, "انهم")) {
      b = k;
      break;
    }
  }
  while (b > a && (lex::IsQuote(toks_[b - 1]) || toks_[b - 1].kind == TokenKind::kPunct)) --b;
  int words = 0;
  for (int k = a; k < b; ++k) words += toks_[k].kind == TokenKind::kArabic;
  if (a >= b || words > 8 || words == 0) return pre;
  // Coordinated subjects: "القوات التركية وفصائل موالية لها" = the Turkish
  // forces and allied factions, two actors (a conjunction inside a name,
  // "حركة أحرار الشام الإسلامية والجيش الحر" as one mention, is kept).
  std::vector<int> cuts;
  for (int k = a + 1; k < b; ++k) {
    // (Not before a lone nisba: "الطائرات الروسية والسورية" coordinates adjectives.)
    if (OpensWithConj(k) && !VerbShaped(k) && (entity_of_[k] < 0 || entity_of_[k] != entity_of_[k - 1]) &&
        !(IsNisbaToken(k) && (k + 1 == b || OpensWithConj(k + 1)))) {
      cuts.push_back(k);
    }
  }
  if (!cuts.empty()) {
    for (size_t c = 0; c < cuts.size() && conjuncts != nullptr; ++c) {
      Phrase cp{cuts[c], c + 1 < cuts.size() ? cuts[c + 1] : b, -1};
      for (int k = cp.a; k < cp.b && cp.entity < 0; ++k) {
        if (entity_of_[k] >= 0 && !IsPlacePhrase(Phrase{k, k + 1, entity_of_[k]})) cp.entity = entity_of_[k];
      }
      conjuncts->push_back(cp);
    }
    b = cuts[0];
  }
  pre.a = a;
  pre.b = b;
  for (int k = a; k < b && pre.entity < 0; ++k) {
    if (entity_of_[k] >= 0 && !IsPlacePhrase(Phrase{k, k + 1, entity_of_[k]})) pre.entity = entity_of_[k];
  }
  if (quantities != nullptr) {
    Quantity q;
    int nx = 0;
    for (int k = a; k < b && k <= a + 2; ++k) {
      if (QuantityAt(k, b, &q, &nx)) {
        quantities->push_back(q);
        break;
      }
    }
  }
  return pre;
}

// "غارات جوية روسية استهدفت سوقا شعبيا" (Russian air raids targeted a
// market): the raids are the subject of the verb, one attack told once. The
// verb's event keeps its object; its actor is the country the adjectives
// name (not the words "جوية روسية"), and the noun's place when it has none.
void EventExtractorImpl::MergeNounSubjects(std::vector<Event>* events, size_t first) const {
  for (size_t a = first; a < events->size(); ++a) {
    const int ni = TokenAt((*events)[a].trigger_span.start);
    Match nm;
    if (ni < 0 || !Lookup(ni, &nm) || ex_.triggers_[nm.trigger].pos != E::Pos::kNoun) continue;
    for (size_t b = first; b < events->size(); ++b) {
      Event& verb = (*events)[b];
      if (b == a || verb.type != (*events)[a].type) continue;
      const int vi = TokenAt(verb.trigger_span.start);
      Match vm;
      if (vi <= ni || vi - ni > 7 || !Lookup(vi, &vm) || ex_.triggers_[vm.trigger].pos != E::Pos::kVerb) continue;
      bool between_ok = true;  // only adjectives between: no break, no other word class
      for (int k = ni + 1; k < vi && between_ok; ++k) {
        between_ok = toks_[k].kind == TokenKind::kArabic && !Break(k) && !IsTriggerToken(k) && !Is(k, E::kStop) &&
                     entity_of_[k] < 0;
      }
      if (!between_ok) continue;
      // Actors the verb took from the words between are those adjectives.
      const int32_t lo = toks_[ni].span.end, hi = toks_[vi].span.start;
      std::vector<EventArg> actors;
      for (auto& x : verb.actors) {
        if (!(x.span.start >= lo && x.span.end <= hi)) actors.push_back(std::move(x));
      }
      for (int k = ni + 1; k < vi; ++k) {
        if (auto arg = NisbaArg("actor", k)) actors.push_back(std::move(*arg));
      }
      for (const auto& x : (*events)[a].actors) actors.push_back(x);
      verb.actors = std::move(actors);
      if (!verb.place && (*events)[a].place) verb.place = (*events)[a].place;
      for (const auto& q : (*events)[a].quantities) {
        bool have = false;
        for (const auto& vq : verb.quantities) have |= vq.span.start == q.span.start;
        if (!have) verb.quantities.push_back(q);
      }
      events->erase(events->begin() + static_cast<std::ptrdiff_t>(a));
      --a;
      break;
    }
  }
}

// Reported content may open with the noun itself or with words before it:
// time words and commas ("أعلنت قوات الوفاق، الاثنين، سيطرتها"), عن, أي
// (any), a verbal noun of carrying out (تنفيذ، شن) and the statement it was
// made in ("نفت في بيان تنفيذ أي غارات" = denied in a statement carrying out
// any raids). Returns the first token of that run, not before byte `floor`.
int EventExtractorImpl::ContentStart(int i, int sb, int32_t floor) const {
  auto number = [&](int k) { return k >= 0 && k < n_ && toks_[k].kind == TokenKind::kNumber; };
  auto opener = [&](int k) {
    return IsTimeWord(k) || toks_[k].norm == "،" || NormIs(k, "عن") || NormIs(k, "اي") || NormIs(k, "تنفيذ") ||
           NormIs(k, "شن") || NormIs(k, "بيان") || NormIs(k, "تصريح") || NormIs(k, "حديث") ||
           (NormIs(k, "في") && (NormIs(k + 1, "بيان") || NormIs(k + 1, "تصريح") || NormIs(k + 1, "حديث"))) ||
           // a date between commas: "، مساء الخميس 28 حزيران 2018،"
           number(k) || (number(k - 1) && number(k + 1)) || NormIs(k, "مساء") || NormIs(k, "صباح") ||
           NormIs(k, "ليل") || NormIs(k, "ظهر") || NormIs(k, "فجر") || NormIs(k, "عصر");
  };
  int j = i;
  while (j > sb && j > i - 10 && opener(j - 1) && toks_[j - 1].span.start >= floor) --j;
  return j;
}

// A noun trigger governed by a word of investigation, charge, trial or
// confession (`legal` in data/events/context.tsv), directly or through في،
// حول، بشأن، قضية، ملف, another event noun or a verb noun of carrying out
// ("اعترافات حول تنفيذ اعتداء" = confessions about carrying out an attack).
// The governing word may stand a few words before the preposition, with its
// own complement between ("اعترافات رجلين حول تنفيذ تفجير").
bool EventExtractorImpl::InLegalFrame(int i, int sb) const {
  int prep = -1;
  for (int k = i - 1; k >= sb && k >= i - 4; --k) {
    if (Break(k)) return false;
    if (Is(k, E::kLegal)) return true;
    const std::string_view w = StripConj(toks_[k].norm);
    if (w == "في" || w == "حول" || w == "بشان") {
      prep = k;
      break;
    }
    const bool link = w == "قضيه" || w == "ملف" || w == "تنفيذ" || w == "بتنفيذ" || IsTriggerToken(k);
    if (!link) return false;
  }
  if (prep < 0) return false;
  for (int k = prep - 1; k >= sb && k >= prep - 6; --k) {
    if (Break(k) || IsTriggerToken(k)) return false;
    if (Is(k, E::kLegal)) return true;
  }
  return false;
}

// After the complementizers إنّ / أنّ (reported content, "كما أن", "إلا أن")
// comes a noun or a pronoun, never a finite verb; a past verb follows the
// particle أنْ only after a word that governs it (بعد أن، قبل أن، منذ أن، إلى
// أن، ما إن ...). So a past-verb reading of the word after any other أن is
// the verbal noun with a pronoun: "قال شقيقه إن خطفه جريمة" = his brother
// said his kidnapping is a crime, not "he kidnapped him".
bool EventExtractorImpl::PastVerbAfterSpeechThat(int i) const {
  if (i < 1 || !(NormIs(i - 1, "ان") || NormIs(i - 1, "بان"))) return false;
  if (i < 2 || toks_[i - 2].kind != TokenKind::kArabic) return false;
  static const std::string_view kGovernors[] = {"بعد", "قبل", "منذ", "الي", "حتي", "دون", "بدون", "من",
                                                "سبق", "ما", "ريثما", "لو", "عسي", "لبث"};
  const std::string_view w = StripConj(toks_[i - 2].norm);
  for (auto g : kGovernors) {
    if (w == g) return false;
  }
  return true;
}

std::optional<Event> EventExtractorImpl::Build(int i, const Match& m, int sb, int se) {
  const auto& tr = ex_.triggers_[m.trigger];
  const bool verbal = tr.pos == E::Pos::kVerb || tr.pos == E::Pos::kPassive;
  // A past verb written with a damma on its first letter is passive ("كما
  // دُمرت ثلاث آليات" = three vehicles were destroyed): the phrase after it
  // is what was hit, nobody acts.
  const bool passive = tr.pos == E::Pos::kPassive || (tr.pos == E::Pos::kVerb && MarkedPassive(i));
  std::string_view pro = m.proclitic;
  if (StartsWith(pro, "و") || StartsWith(pro, "ف")) pro.remove_prefix(2);

  // Not part of a name (an organisation's title, a place name).
  if (entity_of_[i] >= 0 && in_.entities != nullptr) {
    const Entity& e = (*in_.entities)[entity_of_[i]];
    if (e.type != "person") return std::nullopt;
  }
  // Not a label ("فريق التحرير", "معركة تحرير البوكمال").
  if (!verbal && BlockedAt(i, false)) return std::nullopt;
  if (verbal && !(m.flags & E::kPresent) && PastVerbAfterSpeechThat(i)) return std::nullopt;

  // Clause window for arguments: up to the next break punctuation.
  int right = i + 1;
  while (right < se && !Break(right) && right - i < 16) ++right;
  int left = i;
  while (left > sb && !Break(left - 1) && i - left < 12) --left;

  // Constraints on the following words.
  // Words that make the trigger something else ("فرض حظر التجول" = imposed a
  // curfew, not a sanction).
  for (int k = i + 1; k <= i + 3 && k < se && !Break(k) && !tr.not_obj.empty(); ++k) {
    std::string_view w = StripConj(toks_[k].norm);
    if (StartsWith(w, "لل")) w.remove_prefix(4);  // للتجول = ل + التجول
    else if (StartsWith(w, "ال")) w.remove_prefix(4);
    for (const auto& o : tr.not_obj) {
      std::string_view ow = o;
      if (StartsWith(ow, "ال")) ow.remove_prefix(4);
      if (w == ow) return std::nullopt;
    }
  }
  bool obj_subject = false;  // the needed object stands before the verb (a passive reading)
  if (!tr.needs_obj.empty()) {
    bool ok = false;
    // Within two words, or four when the subject comes between ("لقي عدد من
    // المدنيين حتفهم" = a number of civilians met their death).
    // A collocation that also needs a place ("أعادت وحدات من الجيش العربي
    // السوري بالتعاون مع القوات الرديفة الأمن والاستقرار إلى ...") may have a
    // long subject between.
    const int reach = tr.needs_place || tr.type == "ACCUSE" ? 12 : 4;
    // Time words and counts between do not count ("أطلقت إيران فجر الأربعاء
    // أكثر من عشرة صواريخ" = Iran fired at dawn on Wednesday more than ten
    // missiles).
    int extra = 0;
    for (int k = i + 1; k <= i + reach + extra && k < se && !Break(k); ++k) {
      if (k > i + 2 && IsTriggerToken(k)) break;
      if (extra < 6 && ObjectFiller(k)) ++extra;
      std::string_view w = StripConj(toks_[k].norm);
      for (const auto& o : tr.needs_obj) {
        if (w == o || toks_[k].norm == o || (StartsWith(w, "ال") && w.substr(4) == o) ||
            (StartsWith(o, "ال") && w == std::string_view(o).substr(4))) ok = true;
      }
    }
    // The word as the subject right before the verb is the unvocalized
    // passive: "إن صواريخ مضادة للدروع أطلقت من لبنان" (anti-tank missiles
    // were fired from Lebanon).
    for (int k = i - 1; !ok && verbal && k >= sb && k >= i - 4 && !Break(k); --k) {
      std::string_view w = StripConj(toks_[k].norm);
      for (const auto& o : tr.needs_obj) {
        if (w == o || (StartsWith(w, "ال") && w.substr(4) == o)) {
          ok = true;
          // With an object pronoun the verb is active ("صواريخ أطلقتها
          // الميليشيا" = missiles the militia launched): not a passive.
          obj_subject = m.enclitic.empty();
        }
      }
    }
    if (!ok) return std::nullopt;
  }
  if (tr.needs_force) {
    bool ok = false;
    for (int k = i + 1; k <= i + 3 && k < se; ++k) ok |= Is(k, E::kForce);
    Quantity q;
    int nx = 0;
    for (int k = i + 1; k <= i + 3 && k < se; ++k) {
      if (QuantityAt(k, se, &q, &nx) && (q.unit == "brigades" || q.unit == "fighters" || q.unit == "soldiers")) ok = true;
    }
    if (!ok) return std::nullopt;
  }
  if (tr.needs_ala) {
    bool ok = false;
    for (int k = i + 1; k <= i + 2 && k < se; ++k) ok |= NormIs(k, "علي") || NormIs(k, "ضد") || NormIs(k, "عن");
    if (!ok) return std::nullopt;
  }
  if (tr.needs_violent) {
    bool ok = false;
    for (int k = sb; k < se && !ok; ++k) ok = k != i && IsAnyKey(k, E::kViolent);
    // An armed group named after على / ضد within the clause is a violent
    // target ("شن حزب الله هجوما على مواقع النصرة"); a government or a
    // person is not ("شن هجوما لاذعا على الحكومة" = a scathing attack).
    if (!ok && in_.entities != nullptr) {
      int ala = -1;
      for (int k = i + 1; k < se && k <= i + 4 && !Break(k); ++k) {
        if (NormIs(k, "علي") || NormIs(k, "ضد")) {
          ala = k;
          break;
        }
      }
      // Only the group's sites ("على مواقع النصرة"): a politician's "attack on
      // Hezbollah" is words.
      const bool sites = ala > 0 && ala + 1 < se &&
                         (NormIs(ala + 1, "مواقع") || NormIs(ala + 1, "مقرات") || NormIs(ala + 1, "معسكرات") ||
                          NormIs(ala + 1, "تمركزات") || NormIs(ala + 1, "ثكنات") || NormIs(ala + 1, "حواجز") ||
                          NormIs(ala + 1, "معاقل"));
      for (int k = ala + 2; sites && k < se && k <= ala + 4 && !Break(k) && !ok; ++k) {
        if (entity_of_[k] < 0) continue;
        const std::string& type = (*in_.entities)[entity_of_[k]].type;
        ok = type == "armed_group" || type == "state_force";
      }
    }
    if (!ok) return std::nullopt;
  }
  // An execution by a state (a court, a sentence, a hanging) is no conflict
  // killing: "أعدم 13 شخصا شنقا"، "أعدم ... عند إعدامهما أمام الآلاف".
  if (tr.lemma == "اعدم") {
    for (int k = sb; k < se; ++k) {
      if (Is(k, E::kLegal) || NormIs(k, "شنقا") || NormIs(k, "المحكمه") || NormIs(k, "ادينوا") ||
          NormIs(k, "اعدامهما") || NormIs(k, "اعدامهم") || NormIs(k, "اعدامه") || NormIs(k, "بتهمه") ||
          NormIs(k, "بتهم")) {
        return std::nullopt;
      }
    }
  }
  // "سقط" (fell) and "انفجر" (exploded) need a munition (قذائف، عبوة ...) next to them.
  if (tr.lemma == "سقط") {
    // "سقطت مدينة الرمادي بيد التنظيم" (fell into the group's hands): a
    // capture by whoever is named after بيد / بأيدي / في قبضة.
    int hand = -1;
    for (int k = i + 1; k < se && k <= i + 5 && !Break(k); ++k) {
      if (NormIs(k, "بيد") || NormIs(k, "بايدي") || NormIs(k, "بقبضه") ||
          ((NormIs(k, "يد") || NormIs(k, "ايدي") || NormIs(k, "قبضه")) && NormIs(k - 1, "في"))) {
        hand = k;
        break;
      }
    }
    if (hand > 0 && verbal && hand + 1 < se) {
      // Negated ("لم تسقط"), hypothetical or future: no capture asserted.
      for (int k = i - 1; k >= sb && k >= i - 3; --k) {
        if (NormIs(k, "لم") || NormIs(k, "لن") || NormIs(k, "لا") || NormIs(k, "ما") || NormIs(k, "قبل") ||
            Is(k, E::kNegation) || (Is(k, E::kHypothetical) && !NormIs(k, "قد")) || Is(k, E::kFutureCue) ||
            Is(k, E::kAttempt)) {
          return std::nullopt;
        }
      }
      if (m.flags & E::kPresent) return std::nullopt;
      Phrase taker = NounPhrase(hand + 1, se, 6);
      const int place_end = NormIs(hand - 1, "في") ? hand - 1 : hand;
      Phrase where = place_end > i + 1 ? NounPhrase(i + 1, place_end, 6) : Phrase{};
      if (!where.ok()) where = PreSubject(i, sb, nullptr);
      if (taker.ok() && where.ok() && IsPlacePhrase(where)) {
        Event ev;
        ev.type = "TAKE_CONTROL";
        ev.trigger = Text(i, i + 1);
        ev.trigger_span = toks_[i].span;
        ev.evidence = SpanOf(sb, se);
        ev.actors.push_back(MakeArg("actor", taker));
        ev.place = MakeArg("place", where);
        ev.status = "completed";
        ev.confidence = 0.75;
        // Told in the pluperfect ("وكانت الموصل قد سقطت في يد التنظيم"): the
        // background of the news unless a date says otherwise (below).
        for (int k = i - 1; k >= sb && k >= i - 6; --k) ev.background |= Is(k, E::kWas);
        return ev;
      }
      return std::nullopt;
    }
    bool ok = false;
    for (int k = std::max(sb, i - 3); k <= i + 3 && k < se; ++k) ok |= k != i && Is(k, E::kMunition);
    if (!ok) return std::nullopt;
  }

  Event ev;
  ev.type = tr.type;
  ev.trigger = Text(i, i + 1);
  ev.trigger_span = toks_[i].span;
  ev.evidence = SpanOf(sb, se);
  double confidence = verbal ? 0.75 : 0.55;

  // ---- Modality (words before the trigger, within the clause) ----
  auto prev_words = [&](int count, uint32_t cls) {
    for (int k = i - 1; k >= sb && k >= i - count; --k) {
      if (Break(k)) break;
      if (Is(k, cls)) return k;
    }
    return -1;
  };
  bool negated = false;
  {
    int k = prev_words(2, E::kNegation);
    if (k >= 0 && !NormIs(k, "ما")) negated = true;
    // "لم يقتل أو يجرح أي مدني" (no civilian was killed or wounded): the
    // negation covers a verb coordinated with أو / ولا.
    if (!negated && verbal && i >= 3 && (NormIs(i - 1, "او") || NormIs(i - 1, "ولا")) && IsTriggerVerb(i - 2) &&
        Is(i - 3, E::kNegation) && !NormIs(i - 3, "ما")) {
      negated = true;
    }
  }
  std::string status = "completed";
  if (prev_words(3, E::kAttempt) >= 0) status = "attempted";
  if ((m.flags & E::kFuture) || prev_words(3, E::kFutureCue) >= 0 || NormIs(i - 1, "سوف")) status = "future";
  if (NormIs(i + 1, "القادمه") || NormIs(i + 1, "المقبله") || NormIs(i + 1, "المستقبليه")) status = "future";
  // What an agreement provides for has not happened yet: "اتفقت الأطراف على
  // وقف إطلاق النار وانسحاب القوات" (agreed on a ceasefire and a withdrawal).
  if (!verbal) {
    for (int k = i - 1; k >= sb && k >= i - 12 && !Break(k); --k) {
      if (!NormIs(k, "علي")) continue;
      for (int g = k - 1; g >= sb && g >= k - 4 && !Break(g); --g) {  // "اتفقت في السويد على"
        Match am;
        if (Lookup(g, &am) && ex_.triggers_[am.trigger].type == "AGREE") {
          status = "future";
          break;
        }
      }
      break;
    }
  }
  // A warning or threat earlier in the clause: "حذر ... من الاستمرار في إطلاق
  // الصواريخ" (warned against continuing to fire rockets) is not a firing.
  for (int k = i - 1; k >= sb && k >= i - 12 && !Break(k); --k) {
    if (Is(k, E::kWarning)) {
      status = "future";
      break;
    }
  }
  // A violent verb with a figurative object ("يفجر أزمة" = sparks a crisis,
  // "هاجم ... تصريحات" = attacked ... statements) is no event.
  // An attack noun takes the same words ("هجوما لاذعا على الحكومة" = a
  // scathing attack on the government). A killing verb is figurative only by
  // its object ("قتلت كل بصيص أمل" = killed every glimmer of hope): a crisis
  // or a dispute a few words on is where people were killed.
  if (tr.type == "ASSAULT") {
    for (int k = i + 1; k < se && k <= i + 4 && !Break(k); ++k) {
      if (Is(k, E::kFigurative)) return std::nullopt;
    }
  }
  if (verbal && tr.type == "KILL") {
    const int obj = NormIs(i + 1, "كل") ? i + 2 : i + 1;
    if (obj < se && !Break(obj) && Is(obj, E::kFigurative)) return std::nullopt;
  }
  bool subjected_support = false;
  // Purpose: "للسيطرة على"، "من أجل تحرير"، "بهدف السيطرة": the goal, not a fact.
  if (!verbal && (pro == "ل" || pro == "لل" || StartsWith(pro, "ل"))) {
    // "تعرضت مواقع ... لقصف": ل after "was subjected to" is not purpose.
    bool subjected = false;
    for (int k = sb; k < i; ++k) subjected |= StartsWith(StripConj(toks_[k].norm), "تعرض");
    if (!subjected) return std::nullopt;
    subjected_support = true;
  }
  if (!verbal && prev_words(2, E::kPurpose) >= 0) return std::nullopt;
  if (verbal && pro == "ل") return std::nullopt;  // ليقتل: purpose clause
  {
    // Hypothetical: إذا / لو earlier in the clause.
    for (int k = i - 1; k >= sb && k >= i - 8; --k) {
      if (Break(k)) break;
      if (Is(k, E::kHypothetical) && !NormIs(k, "قد") && !NormIs(k, "حال")) status = "hypothetical";
      if (NormIs(k, "حال") && NormIs(k - 1, "في")) status = "hypothetical";
    }
    if (NormIs(i - 1, "قد") && (m.flags & E::kPresent)) status = "hypothetical";
  }
  if (status == "completed" && verbal && (m.flags & E::kPresent)) status = "ongoing";
  // A present verb right after an indefinite noun describes it ("متظاهرين
  // يحتجون" = protesters who protest): an adjectival clause, not an event.
  if (verbal && (m.flags & E::kPresent) && !ClauseInitial(i) && toks_[i - 1].kind == TokenKind::kArabic &&
      !StartsWith(StripConj(toks_[i - 1].norm), "ال") && !Is(i - 1, E::kStop | E::kLight | E::kNegation |
      E::kFutureCue | E::kAttempt | E::kWas) && !IsTriggerToken(i - 1) && entity_of_[i - 1] < 0) {
    return std::nullopt;
  }
  // A standing presence in the present tense ("وينتشر في العراق نحو 5200
  // جندي أمريكي" = some 5,200 US soldiers are deployed in Iraq) is a state,
  // not a deployment; with a word of now (اليوم، الآن، حاليا) it is news.
  if (tr.type == "DEPLOY" && verbal && (m.flags & E::kPresent) && !(m.flags & E::kFuture)) {
    bool now = false;
    for (int k = left; k < right && !now; ++k) now = IsTimeWord(k) || NormIs(k, "الان") || NormIs(k, "حاليا");
    if (!now) return std::nullopt;
  }
  // Background: كان ... قد + past verb, سبق أن, or a year before the document's.
  bool background = false;
  // A verb in a relative clause tells something already known ("الذي اغتيل").
  // Also with كان / قد between ("المدن التي كانوا يحتلونها" = the cities they held).
  auto relative = [&](int k) { return NormIs(k, "الذي") || NormIs(k, "التي") || NormIs(k, "الذين"); };
  const bool in_relative =
      verbal && (relative(i - 1) || ((NormIs(i - 1, "قد") || Is(i - 1, E::kWas)) && relative(i - 2)));
  // But a clause that describes an event noun ("الهجوم الصاروخي الذي استهدف
  // مسجدا" = the missile attack that targeted a mosque) tells that event,
  // the one the sentence is about: its date decides, not the relative.
  const int rel = relative(i - 1) ? i - 1 : i - 2;
  const bool event_antecedent =
      in_relative && (IsTriggerToken(rel - 1) ||
                      (IsTriggerToken(rel - 2) && StartsWith(StripConj(toks_[rel - 1].norm), "ال") &&
                       entity_of_[rel - 1] < 0));
  if (in_relative && !event_antecedent) {
    background = true;
    confidence -= 0.15;
    relative_background_.insert(toks_[i].span.start);
  }
  bool saw_qad = false;
  bool pluperfect = false;
  // (Quotation marks around names do not count: وكان مسلحو "النصرة"
  // و"داعش" قد هاجموا.)
  for (int k = i - 1, words = 0; k >= sb && words < 8; --k) {
    if (toks_[k].kind == TokenKind::kArabic) ++words;
    else if (Break(k)) break;
    saw_qad |= NormIs(k, "قد");
    if (Is(k, E::kWas) && verbal && !(m.flags & E::kPresent)) pluperfect = true;
    if (Is(k, E::kWas) && !verbal && saw_qad) pluperfect = true;
    if (Is(k, E::kBackground) && NormIs(k + 1, "ان")) background = true;
  }
  // The pluperfect (وكانت القوات قد سيطرت) tells what happened before the
  // news, but a time word of the present period in the clause (الجاري "this
  // month", أمس "yesterday") dates it days, not years, before: not background.
  // (An accusation or a denial told in the pluperfect, "وكانت المعارضة قد
  // اتهمت ...", is a statement of the running story, not history: undated, it
  // stays news; a date still decides, below.)
  if (pluperfect && !background && tr.type != "ACCUSE" && tr.type != "DENY") {
    bool recent = false;
    for (int k = left; k < right && !recent; ++k) recent = Is(k, E::kRecent);
    background = !recent;
  }
  if (in_.document_year > 0) {
    for (int k = sb; k < se; ++k) {
      if (toks_[k].kind != TokenKind::kNumber || toks_[k].norm.size() != 4) continue;
      int year = std::atoi(toks_[k].norm.c_str());
      if (year < 1900 || year > 2100) continue;
      // The year must belong to this event's clause: in it, or introduced
      // by في / عام / منذ in the sentence before the trigger.
      bool near = (k >= left && k < right) || NormIs(k - 1, "عام") || NormIs(k - 1, "العام");
      if (near && year < in_.document_year) background = true;
    }
  }

  // A circumstantial participle of the sentence's speaker: "قال المتحدث إن
  // ...، متهما تركيا بتقديم دعم" (accusing Turkey of providing support). The
  // actor is that speaker, the target the phrase up to the ب complement,
  // which is required (without it متهم is "the accused").
  if (tr.speaker_acts) {
    // After a comma, bare ("، متهما"), with a phrase before the ب complement:
    // "المتهمين بقتل" (the accused of killing) and "الحكومة متهمة بالفساد"
    // (is accused of corruption) describe, they do not accuse.
    if (in_.attributions == nullptr || !pro.empty() || i == sb || toks_[i - 1].norm != "،" || GluedPrep(i + 1)) {
      return std::nullopt;
    }
    int ba = -1;
    // A quoted accused ("متهماً "خلايا مرتبطة بالنظام" بإشعال الفتنة"): the
    // charge comes after the closing quote.
    int from = i + 2;
    if (i + 1 < se && lex::IsQuote(toks_[i + 1])) {
      for (int k = i + 2; k < se && k <= i + 9 && !Break(k); ++k) {
        if (lex::IsQuote(toks_[k])) {
          from = k + 1;
          break;
        }
      }
    }
    for (int k = from; k < se && k <= from + 5 && !Break(k); ++k) {
      if (GluedPrep(k) && StartsWith(StripConj(toks_[k].norm), "ب")) {
        ba = k;
        break;
      }
    }
    const Attribution* speaker = nullptr;
    for (const auto& a : *in_.attributions) {
      if (a.cue == "outlet" || a.cue == "wire" || a.speaker.empty()) continue;
      if (a.cue_span.start < ev.evidence.start || a.cue_span.end > toks_[i].span.start) continue;
      if (speaker == nullptr || a.cue_span.start > speaker->cue_span.start) speaker = &a;
    }
    if (ba < 0 || speaker == nullptr) return std::nullopt;
    Phrase target{i + 1, ba, -1};
    // (A detached ب with quotes before the charge: "بـ"فبركة" الأدلة".)
    while (target.b > target.a + 1 &&
           (lex::IsQuote(toks_[target.b - 1]) || toks_[target.b - 1].norm == "ب" || toks_[target.b - 1].norm == "بـ")) {
      --target.b;
    }
    while (target.a + 1 < target.b && lex::IsQuote(toks_[target.a])) ++target.a;
    // The accused is named only by a mention at its head: "خلايا مرتبطة
    // بالنظام" (cells linked to the regime) are not the regime.
    target.entity = entity_of_[target.a];
    EventArg actor;
    actor.role = "actor";
    actor.text = speaker->speaker_text;
    actor.entity_id = speaker->speaker != speaker->speaker_text ? speaker->speaker : "";
    actor.span = speaker->cue_span;
    size_t pos = body_.rfind(speaker->speaker_text, toks_[i].span.start);
    if (pos != std::string_view::npos && static_cast<int32_t>(pos) >= ev.evidence.start) {
      actor.span = {static_cast<int32_t>(pos), static_cast<int32_t>(pos + speaker->speaker_text.size())};
    }
    ev.actors.push_back(std::move(actor));
    ev.targets.push_back(MakeArg("target", target));
    ev.negated = negated;
    ev.status = status;
    ev.background = background;
    ev.confidence = std::clamp(confidence + (target.entity >= 0 ? 0.05 : 0.0), 0.05, 0.95);
    return ev;
  }

  // ---- Support for nouns ----
  int light_at = -1;
  bool support = verbal || tr.pos == E::Pos::kAdverb || subjected_support;
  bool content_head = false;  // the noun opens reported content: "نفى التنظيم الانسحاب"
  int announced_by = -1;      // the أعلن whose object the noun is ("أعلنت X سيطرتها")
  if (!verbal) {
    // An earlier mention ("هذا الهجوم") is not a new event.
    if (Is(i - 1, E::kDemonstrative)) return std::nullopt;
    // The subject of an investigation, a charge, a trial or a confession
    // ("التحقيق في مقتل 24 مدنيا", "اعترافات حول تنفيذ اعتداء"): an event
    // told elsewhere, not reported here.
    if (InLegalFrame(i, sb)) return std::nullopt;
    // An accusation noun that is the whole object of a denial ("ونفى
    // المسماري الاتهامات" = denied the accusations): others' accusations, the
    // DENY tells it; no ACCUSE by the speaker, negated or not.
    if (tr.type == "ACCUSE" && in_.attributions != nullptr) {
      for (const auto& a : *in_.attributions) {
        if (a.stance == "denies" && a.span.start == toks_[i].span.start) return std::nullopt;
      }
    }
    for (int k = i - 1; k >= sb && k >= i - 10; --k) {
      if (Break(k) && toks_[k].norm != "،") break;
      if (IsAnyKey(k, E::kLight) && !Is(k, E::kReference)) { light_at = k; break; }
      // Inside a name ("التحالف بقيادة الولايات المتحدة"): keep looking.
      if (entity_of_[k] >= 0 || NormIs(k, "بقياده")) continue;
      if (NormIs(k, "اليوم") || NormIs(k, "امس") || toks_[k].norm == "،" || NormIs(k, "الخميس") ||
          ((NormIs(k, "مساء") || NormIs(k, "صباح") || NormIs(k, "فجر")) && IsTimeWord(k + 1)) ||
          // (a date between: "شن في 21 تموز الماضي هجوما")
          NormIs(k, "الماضي") || NormIs(k, "الماضيه") || NormIs(k, "الجاري") || NormIs(k, "الفايت") ||
          NormIs(k, "الجمعه") || NormIs(k, "السبت") || NormIs(k, "الاحد") || NormIs(k, "الاثنين") ||
          NormIs(k, "الثلاثاء") || NormIs(k, "الاربعاء")) continue;
      if (Is(k, E::kStop) && !NormIs(k, "من") && !NormIs(k, "عن") && !NormIs(k, "الي") && !NormIs(k, "في")) break;
    }
    if (light_at < 0) {
      for (int k = i + 1; k < se && k <= i + 2; ++k) {
        if (Break(k)) break;
        if (Is(k, E::kLight) && !Is(k, E::kStop)) { light_at = k; break; }
      }
    }
    if (light_at >= 0) {
      support = true;
      confidence += 0.2;
      // A negated light verb negates the event: "دون أن يسفر عن إصابات".
      for (int k = light_at - 1; k >= sb && k >= light_at - 3; --k) {
        if (Is(k, E::kNegation) && !NormIs(k, "ما")) negated = true;
      }
    }
    for (int k = i + 1; k < se && k <= i + 2; ++k) {
      if (Is(k, E::kQualifier)) {
        support = true;
        confidence += 0.15;
        break;
      }
    }
    if (in_.attributions != nullptr) {
      for (const auto& a : *in_.attributions) {
        if (a.cue == "outlet" || a.cue == "wire") continue;
        // The content opens with the noun, after عن or a time word: "أعلن
        // رئيس الوزراء الاثنين تحرير مدينة الموصل" (announced on Monday the
        // liberation of Mosul).
        if (a.span.start > toks_[i].span.start || a.span.start < toks_[sb].span.start) continue;
        const int j = ContentStart(i, sb, a.span.start);
        if (a.span.start == toks_[i].span.start || a.span.start == toks_[j].span.start) {
          support = true;
          content_head = true;
        }
      }
    }
    // "أعلنت الميليشيات ...، أمس الأحد، سيطرتها على مدينة البوكمال": a noun
    // with a possessive pronoun as the object of أعلن (announced its control)
    // is the announced event, also when the announcer is no named source.
    // (Control only: "أعلن احتجاجه" is an objection, "أعلن انسحابه من
    // الانتخابات" leaves a race.)
    if (!support && !m.enclitic.empty() && tr.type == "TAKE_CONTROL") {
      for (int k = i - 1; k >= sb && k >= i - 12; --k) {
        if ((Break(k) && toks_[k].norm != "،") || IsTriggerToken(k)) break;
        std::string_view w = StripConj(toks_[k].norm);
        if (w == "اعلن" || w == "اعلنت" || w == "اعلنوا" || w == "يعلن" || w == "تعلن") {
          announced_by = k;
          support = true;
          break;
        }
      }
    }
  }

  // ---- Arguments ----
  std::vector<EventArg> actors, targets;
  std::optional<EventArg> place;
  std::vector<Quantity> quantities;
  const bool victim_type = tr.type == "KILL" || tr.type == "INJURE";
  const bool control = tr.type == "TAKE_CONTROL";
  const bool against_type = tr.type == "ASSAULT" || tr.type == "ACCUSE" || tr.type == "SANCTION" ||
                            tr.type == "DESIGNATE" || tr.type == "PROTEST";
  auto set_place = [&](const Phrase& p) {
    if (p.ok() && IsPlacePhrase(p) && !place) place = MakeArg("place", p);
  };
  // Prepositional arguments and counts from token `k` to the end of the clause.
  auto scan_args = [&](int k, int end) {
    int ala_end = -1;  // where the last على / ضد target phrase ended
    // A verb that already has its object ("دمرت آلية عسكرية ... على الحدود"):
    // a later على phrase says where, it is no second target.
    const bool has_object = verbal && !targets.empty();
    for (int j = k; j < end; ++j) {
      const Token& t = toks_[j];
      if (t.norm == "(") {  // a parenthesis: skip it whole
        while (j < end && toks_[j].norm != ")") ++j;
        continue;
      }
      if (Break(j) && t.norm != "،" && t.norm != ")") break;
      // (A trigger noun inside a phrase, "طائرة مسيرة" = a drone, is no new event.)
      // But a control verb's own object noun is the same event ("استعادت
      // القوات السيطرة على مدينة تكريت" = regained control of Tikrit).
      if (j > i + 1 && control && IsEventWord(j)) {
        Match same;
        if (Lookup(j, &same) && ex_.triggers_[same.trigger].type == "TAKE_CONTROL" &&
            ex_.triggers_[same.trigger].pos == E::Pos::kNoun) {
          continue;
        }
      }
      if (j > i + 1 && (IsEventWord(j) || Is(j, E::kPurpose) || Is(j, E::kFutureCue))) break;
      // A coordinated past verb opens its own clause: "قتلت 23 عنصرا وأسرت
      // خمسة آخرين" (killed 23 and captured five others): the five are not
      // the killed.
      if (j > i + 1 && verbal && OpensWithConj(j) && entity_of_[j] < 0 &&
          (VerbShaped(j) || (EndsWith(StripConj(toks_[j].norm), "وا") && StripConj(toks_[j].norm).size() >= 8))) {
        break;  // (also a plural verb: "سيطروا على التلة وطردوا ... من الأحياء")
      }
      if (j > i && (NormIs(j, "ان") || NormIs(j, "بان") || NormIs(j, "حيث") || NormIs(j, "بينما"))) break;
      Quantity q;
      int nx = 0;
      if (QuantityAt(j, end, &q, &nx)) {
        // "تاركين خلفهم جثث العشرات من عناصرهم" (leaving behind the bodies of
        // dozens of their members): the dead, not those who withdrew.
        if (!victim_type && (NormIs(j - 1, "جثث") || NormIs(j - 1, "جثه") || NormIs(j - 1, "جثامين"))) {
          j = nx - 1;
          continue;
        }
        quantities.push_back(q);
        if (victim_type && targets.empty()) targets.push_back(MakeArg("target", Phrase{j, nx, -1}));
        j = nx - 1;
        continue;
      }
      std::string_view w = StripConj(t.norm);
      // A bare place phrase later in the clause is what a control verb took
      // ("حرر الجيش وحلفاؤه (...) مدينة البوكمال"); after a preposition it is
      // handled below.
      if (control && !place && j > k && (Is(j, E::kPlaceNoun) || entity_of_[j] >= 0) && !Is(j - 1, E::kStop) &&
          !GluedPrep(j) && StripConj(t.norm).size() == t.norm.size()) {  // (not "وسوريا": a coordinated tail)
        Phrase p = NounPhrase(j, end, 6);
        if (p.ok() && IsPlacePhrase(p)) {
          set_place(p);
          j = p.b - 1;
          continue;
        }
      }
      // "اشتباكات بين الجيش والمسلحين", "اتفاق بين الأطراف": the parties.
      if (w == "بين" && (tr.type == "ASSAULT" || tr.type == "AGREE") && !verbal && actors.empty()) {
        Phrase p = NounPhrase(j + 1, end, 6);
        if (p.ok() && !IsPlacePhrase(p)) {
          actors.push_back(MakeArg("actor", p));
          int c = p.b;
          if (c < end && OpensWithConj(c) && !IsTriggerToken(c)) {
            Phrase p2 = NounPhrase(c, end, 6);
            if (p2.ok()) {
              actors.push_back(ConjunctArg("actor", p2));
              c = p2.b;
            }
          }
          j = c - 1;
          continue;
        }
      }
      const bool ala = w == "علي" || w == "ضد";
      const bool into = w == "الي" || w == "داخل" || w == "باتجاه" ||  // باتجاه: towards (a missile's aim)
                        (tr.type == "WITHDRAW" && (w == "نحو" || w == "صوب" || w == "اتجاه"));
      const bool in = w == "في";
      const bool from = w == "من";
      if (!(ala || into || in || from)) continue;
      Phrase p = NounPhrase(j + 1, end, 6);
      if (!p.ok()) continue;
      if (ala) {
        if (control) set_place(p);
        else if (j == ala_end) {
          // على right after a target phrase belongs to that phrase: "احتجاجا
          // على فرض رسم على المكالمات" (against imposing a fee on calls).
        } else if (has_object) {
          if (IsPlacePhrase(p)) set_place(p);
        } else if (against_type) {
          if (IsPlacePhrase(p)) set_place(p);
          // "اشتباكات على أطراف البلدة" (clashes on the outskirts of the
          // town): where, not whom.
          const std::string_view head = StripConj(toks_[p.a].norm);
          const bool where = head == "اطراف" || head == "محيط" || head == "مشارف" || head == "تخوم" ||
                             head == "مداخل" || head == "جبهات" || head == "خطوط";
          if (!where) targets.push_back(MakeArg("target", p));
          ala_end = p.b;
        }
      } else if (into) {
        // Where forces withdrew or fled to is no place of the withdrawal
        // ("فروا باتجاه بلدة الضبعة" = fled towards al-Dabaa): the place is
        // the one they left (من) or where it happened (في).
        if (tr.type != "WITHDRAW") set_place(p);
      } else if (in) {
        if (!control) set_place(p);
      } else if (from) {
        // "المدعومة من تركيا" (backed by Turkey), "بدعم من": a supporter, no
        // place the forces came from or took.
        const std::string_view prev_w = j > 0 ? StripConj(toks_[j - 1].norm) : std::string_view();
        const bool backed_by = prev_w == "المدعومه" || prev_w == "المدعوم" || prev_w == "المدعومين" ||
                               prev_w == "مدعومه" || prev_w == "مدعوما" || prev_w == "مدعومين" || prev_w == "بدعم" ||
                               prev_w == "بموازره" || prev_w == "بمسانده" || prev_w == "بغطاء" || prev_w == "باسناد";
        if (backed_by) {
          j = p.b - 1;
          continue;
        }
        if (control || tr.type == "WITHDRAW") set_place(p);
        // "تحرير مدينة الموصل من قبضة تنظيم داعش": the named force a place is
        // taken from is the target of the capture.
        // Not support "from" X: "بدعم من الطيران الحليف" (backed by the allied
        // air force), "بدعم من", "بمساندة من", "بغطاء من".
        const std::string_view before_from = j > 0 ? StripConj(toks_[j - 1].norm) : std::string_view();
        const bool support_from = before_from == "بموازره" || before_from == "بدعم" || before_from == "بمسانده" ||
                                  before_from == "بغطاء" || before_from == "باسناد" || before_from == "بمشاركه";
        if (control && !support_from && !IsPlacePhrase(p) && p.entity >= 0 && in_.entities != nullptr &&
            !Is(j - 1, E::kForce)) {
          const std::string& type = (*in_.entities)[p.entity].type;
          if (type == "armed_group" || type == "state_force") {
            Phrase named = p;  // the mention itself, not "قبضة" (the grip of)
            while (named.a < named.b && entity_of_[named.a] != p.entity) ++named.a;
            if (named.ok()) targets.push_back(MakeArg("target", named));
          }
        }
      }
      j = p.b - 1;
    }
  };
  int right_end = right;
  // Parentheses do not end the clause for argument scanning; a relative
  // clause ends at its comma ("التي كانوا يحتلونها، مشيدا ...").
  while (!in_relative && right_end < se && right_end - i < 30 &&
         (!Break(right_end) || toks_[right_end].norm == "(" || toks_[right_end].norm == ")" ||
          toks_[right_end].norm == "،")) {
    // (Not the commas around a day: "المدعومة من تركيا اليوم، الأحد، مدينة
    // رأس العين".)
    if (toks_[right_end].norm == "،" && right_end > i + 12 && !IsTimeWord(right_end - 1) &&
        !IsTimeWord(right_end + 1)) {
      break;
    }
    // "، وضبط مستودعات ... في الأحياء الشمالية" (and seized depots in the
    // northern quarters): after a comma, و with an indefinite word that names
    // nothing opens the next clause; its place is not this event's.
    if (toks_[right_end].norm == "،" && right_end > i + 1 && OpensWithConj(right_end + 1) &&
        !Definite(right_end + 1) && entity_of_[right_end + 1] < 0 && !IsTriggerToken(right_end + 1) &&
        !Is(right_end + 1, E::kPlaceNoun)) {
      break;
    }
    ++right_end;
  }

  if (verbal) {
    // Subject before the verb: "أن مجهولين اغتالوا", "قوات الأسد قد سيطرت".
    std::vector<Phrase> pre_conjuncts;
    Phrase pre = passive || obj_subject ? Phrase{} : PreSubject(i, sb, &quantities, &pre_conjuncts);
    if (pre.ok() && pre.b - pre.a == 1 && Is(pre.a, E::kStop)) pre = Phrase{};  // "لم يقتل أو يجرح": no subject "أو"
    // After إنها / إنه / إنهم the pronoun is the subject (the speaker, below).
    if (NormIs(i - 1, "انه") || NormIs(i - 1, "انها") || NormIs(i - 1, "انهم")) pre = Phrase{};
    // "صواريخ باليستية أطلقتها الميليشيا" (ballistic missiles the militia
    // launched): with an object pronoun after an indefinite phrase, the verb
    // describes that phrase and its subject follows.
    const bool object_pronoun = m.enclitic == "ه" || m.enclitic == "ها" || m.enclitic == "هم" ||
                                m.enclitic == "هما" || m.enclitic == "هن";
    if (pre.ok() && object_pronoun && pre.b == i && !Definite(pre.a) && entity_of_[pre.a] < 0 &&
        i + 1 < right && toks_[i + 1].kind == TokenKind::kArabic && !Is(i + 1, E::kStop)) {
      pre = Phrase{};
    }
    // Right after an event noun the phrase describes it ("إطلاق نار كثيف
    // استهدف المحتجين" = heavy gunfire targeted the protesters): the event is
    // the subject; only a country its adjectives name acts.
    std::vector<EventArg> event_subject_actors;
    bool event_subject = false;
    if (pre.ok() && pre.a > sb && !Break(pre.a - 1)) {
      Match em;
      if (Lookup(pre.a - 1, &em) && ex_.triggers_[em.trigger].pos == E::Pos::kNoun) {
        event_subject = true;
        for (int k = pre.a; k < pre.b; ++k) {
          if (auto arg = NisbaArg("actor", k)) event_subject_actors.push_back(std::move(*arg));
        }
        pre_conjuncts.clear();
      }
    }
    // "تصدت الدفاعات لعدوان صاروخي إسرائيلي استهدف المطار" (repelled an
    // Israeli missile aggression that targeted the airport): an indefinite
    // noun after a preposition, with its adjectives, right before the verb is
    // the verb's subject (a relative clause without الذي); only a country its
    // adjectives name acts.
    {
      int h = i - 1;
      while (h > sb && toks_[h].kind == TokenKind::kArabic && !Definite(h) && entity_of_[h] < 0 && !GluedPrep(h) &&
             !Is(h, E::kStop) && !IsTriggerToken(h) && i - h <= 3) {
        --h;
      }
      const bool pp_head = h >= sb && h < i && toks_[h].kind == TokenKind::kArabic && !Definite(h) &&
                           entity_of_[h] < 0 && GluedPrep(h) && !IsTriggerToken(h) &&
                           StartsWith(StripConj(toks_[h].norm), "ل") &&
                           !StartsWith(StripConj(toks_[h].norm), "لل");  // للنظام = ل + النظام: definite
      if (pp_head && !passive) {
        pre = Phrase{};
        pre_conjuncts.clear();
        event_subject = true;
        for (int k = h; k < i; ++k) {
          if (auto arg = NisbaArg("actor", k)) event_subject_actors.push_back(std::move(*arg));
        }
      }
    }
    // Words between the verb and its arguments: commas, today, weekdays.
    // (A part of the day before one of them too: "استهدف مساء أمس الاثنين
    // مطار أربيل" = targeted yesterday evening Erbil airport.)
    auto day_part = [&](int k) {
      return (NormIs(k, "مساء") || NormIs(k, "صباح") || NormIs(k, "فجر") || NormIs(k, "ظهر") || NormIs(k, "ليل") ||
              NormIs(k, "ليله")) &&
             k + 1 < se && IsTimeWord(k + 1);
    };
    int s = i + 1;
    // A verb in scare quotes (إن قواته "حررت" المخا): its closing quote.
    if (s < se && i > 0 && lex::IsQuote(toks_[s]) && lex::IsQuote(toks_[i - 1])) ++s;
    // A dative pronoun before the object ("ودمرت لهم عدداً من الآليات" =
    // destroyed a number of their vehicles).
    if (s < se && (NormIs(s, "لهم") || NormIs(s, "لها") || NormIs(s, "له") || NormIs(s, "لهن"))) ++s;
    while (s < se && (toks_[s].norm == "،" || day_part(s) || NormIs(s, "اليوم") || NormIs(s, "امس") ||
                      NormIs(s, "الخميس") || NormIs(s, "الجمعه") || NormIs(s, "السبت") || NormIs(s, "الاحد") ||
                      NormIs(s, "الاثنين") || NormIs(s, "الثلاثاء") || NormIs(s, "الاربعاء"))) {
      ++s;
    }
    // With "أنه" just before ("قالت إنه تفقد ..."), the subject is the pronoun.
    // A plural verb (-وا، -ون) carries its subject: a noun phrase after it is
    // its object (Standard Arabic puts a verb before its subject in the
    // singular).
    // A definite noun between a complementizer and the verb is the subject
    // even when it is not an actor ("إن الضربات استهدفت مجموعات إرهابية" =
    // the strikes targeted terrorist groups): the phrase after the verb is
    // its object.
    const bool noun_subject = !passive && i >= 2 && toks_[i - 1].kind == TokenKind::kArabic &&
                              StartsWith(StripConj(toks_[i - 1].norm), "ال") &&
                              (NormIs(i - 2, "ان") || NormIs(i - 2, "بان"));
    // An object pronoun on the verb ("يحتلونها", "استهدفته") is its object.
    const bool pronoun_object = !m.enclitic.empty();
    // A relative clause whose verb has no object pronoun has the antecedent
    // as its subject: "الانفجار الذي استهدف حافلة للركاب" = the blast that
    // targeted a passenger bus (the bus is the object; with a pronoun,
    // "الذي اغتالته إسرائيل", the phrase after the verb is the subject).
    const bool relative_subject = in_relative && !pronoun_object;
    const bool pronoun_subject = NormIs(i - 1, "انه") || NormIs(i - 1, "انها") || NormIs(i - 1, "انهم") ||
                                 (m.flags & E::kPluralForm) || noun_subject || relative_subject;
    if (event_subject) {
      for (auto& a : event_subject_actors) actors.push_back(std::move(a));
    } else if (pre.ok()) {
      actors.push_back(MakeArg("actor", pre));
      for (const Phrase& c : pre_conjuncts) actors.push_back(ConjunctArg("actor", c));
    } else if (!passive && (NormIs(i - 1, "انه") || NormIs(i - 1, "انها") || NormIs(i - 1, "انهم"))) {
      // "قالت الوزارة إنها ...": the speaker is the subject.
      if (auto speaker = SpeakerAt(i - 1)) actors.push_back(std::move(*speaker));
    }
    auto take_object = [&](const Phrase& p) {
      if (pronoun_object) return;
      if (control && IsPlacePhrase(p)) set_place(p);
      else if (tr.type == "VISIT" && IsPlacePhrase(p)) {
        set_place(p);
        targets.push_back(MakeArg("target", p));
      } else if (tr.type != "DENY" && tr.type != "WITHDRAW" && tr.type != "PROTEST" && tr.type != "SURRENDER" &&
                 tr.type != "AGREE") {
        targets.push_back(MakeArg("target", p));  // intransitive types take no direct object
      }
    };
    // A verb with its subject before it and another verb of the lexicon right
    // after ("سبعة أشخاص قتلوا وأصيب أكثر من 400 آخرين" = seven people were
    // killed and more than 400 others wounded): what follows belongs to the
    // next verb's clause. (Without a subject before, "قتل وجرح 20 شخصا"
    // shares its object.)
    if (pre.ok() && NewClauseVerb(i, s)) right_end = s;
    int k = s;
    Quantity q;
    int nx = 0;
    // An approximation before a count ("أكثر من 400 آخرين" = more than 400
    // others, "نحو 40"): the count is after it, the phrase starts at it.
    int qs = s;
    if (qs < right_end && (NormIs(qs, "نحو") || NormIs(qs, "قرابه") || NormIs(qs, "حوالي"))) ++qs;
    else if (qs + 1 < right_end && NormIs(qs, "اكثر") && NormIs(qs + 1, "من")) qs += 2;
    // "ما لا يقل عن عشر سيارات" (no fewer than ten cars).
    else if (qs + 3 < right_end && NormIs(qs, "ما") && NormIs(qs + 1, "لا") && NormIs(qs + 2, "يقل") &&
             NormIs(qs + 3, "عن")) {
      qs += 4;
    }
    bool bare_count = false;
    if (victim_type && qs > s && qs < right_end && !QuantityAt(qs, right_end, &q, &nx)) {
      // "وأصيب أكثر من 220 في المعارك": after an approximation a bare number
      // counts the people killed or wounded.
      double value = 0;
      bool vague = false;
      if (NumberAt(qs, &value, &vague, &nx) && !vague) {
        q = Quantity{};
        q.text = Text(qs, nx);
        q.span = SpanOf(qs, nx);
        q.value = value;
        q.unit = "people";
        bare_count = true;
      }
    }
    if (qs < right_end && (bare_count || QuantityAt(qs, right_end, &q, &nx))) {
      // "قتل 18 شخصا": a count right after the verb is what it affected.
      quantities.push_back(q);
      Phrase p{s, nx, -1};
      k = nx;
      if (GluedPrep(s)) {
        // "استهدف بثلاث غارات جوية موقعا" (targeted with three air raids a
        // site): a count with ب is the means; the object comes after it.
        while (k < right_end && Is(k, E::kQualifier)) ++k;
        if ((pre.ok() || pronoun_subject) && k < right_end && !Is(k, E::kStop) && !GluedPrep(k) &&
            toks_[k].kind == TokenKind::kArabic && !IsTriggerToken(k)) {
          Phrase p2 = NounPhrase(k, right_end, 6);
          if (p2.ok()) {
            take_object(p2);
            k = p2.b;
          }
        }
      } else if (victim_type || passive || pre.ok() || pronoun_subject || event_subject || q.unit == "vehicles") {
        // (Counted vehicles are what was hit: "ودمرت ثماني دبابات" = and
        // destroyed eight tanks.)
        targets.push_back(MakeArg("target", p));
      } else if (q.unit == "rockets" || q.unit == "shells") {
        // Counted munitions are what was fired: neither who fired nor a target.
      } else {
        actors.push_back(MakeArg("actor", p));
      }
    } else if (s < right_end && !Is(s, E::kStop) && !GluedPrep(s) &&
               (toks_[s].kind == TokenKind::kArabic || (lex::IsQuote(toks_[s]) && s + 1 < right_end)) &&
               tr.needs_obj.empty() && !IsTriggerVerb(s)) {  // (an object may open with a quote)
      Phrase p1 = NounPhrase(s, right_end, 6);
      if (p1.ok()) {
        const size_t targets_before = targets.size();
        // An indefinite accusative ("طفلا" = a child, with tanween alef) right
        // after the verb is its object; the subject is in the verb ("بعد أن
        // قتل طفلا" = after he killed a child).
        const std::string_view head = StripConj(toks_[p1.a].norm);
        // So is an indefinite dual or plural in -ين (oblique: "قتلت جنديين" =
        // killed two soldiers; a subject would end in -ان / -ون).
        const bool accusative = p1.entity < 0 && entity_of_[p1.a] < 0 && !StartsWith(head, "ال") &&
                                ((EndsWith(head, "ا") && head.size() >= 8 && !Is(p1.a, E::kForce)) ||
                                 (EndsWith(head, "ين") && head.size() >= 10 && victim_type));
        // A phrase headed by a word for sites ("مواقع لميليشيات الحوثي",
        // "مقرات الحزب") is what is hit, never who acts: after "، استهدفت" the
        // subject is the operation told before.
        const std::string_view h1 = StripConj(toks_[p1.a].norm);
        const bool site_head = entity_of_[p1.a] < 0 &&
                               (h1 == "مواقع" || h1 == "مقرات" || h1 == "معسكرات" || h1 == "مراكز" || h1 == "مقر" ||
                                h1 == "المكان" || h1 == "الموقع" || h1 == "موقع" || h1 == "مكان" ||
                                h1 == "معسكر" || h1 == "مركز" || h1 == "منازل" || h1 == "مباني" || h1 == "مبني" ||
                                h1 == "تمركزات" || h1 == "مخازن" || h1 == "مستودعات");
        // An intransitive death ("واستشهد أربعة من عناصر الأمن" = four
        // members were killed): its subject is the victim.
        if (passive || (victim_type && tr.intransitive)) targets.push_back(MakeArg("target", p1));
        else if (pre.ok() || pronoun_subject || accusative || event_subject || (site_head && !victim_type)) take_object(p1);
        else {
          // A partitive subject: "دخلت وحدات من قوى الأمن الداخلي" (units of
          // the internal security forces entered): the force named after من
          // acts; it is not a force the place was taken from.
          if (p1.b < right_end && NormIs(p1.b, "من") && Is(p1.b - 1, E::kForce)) {
            Phrase of = NounPhrase(p1.b + 1, right_end, 6);
            if (of.ok() && !IsPlacePhrase(of)) p1 = Phrase{p1.a, of.b, of.entity >= 0 ? of.entity : p1.entity};
          }
          actors.push_back(MakeArg("actor", p1));
        }
        k = p1.b;
        // A coordinated object: "استهدفت مصفاتي بقيق وخريص" (targeted the
        // Abqaiq and Khurais refineries).
        if (targets.size() > targets_before && k < right_end && OpensWithConj(k) && !IsTriggerToken(k) &&
            !Is(k, E::kStop) && !IsNisbaToken(k) && !VerbShaped(k)) {
          Phrase c = NounPhrase(k, right_end, 6);
          if (c.ok()) {
            targets.push_back(ConjunctArg("target", c));
            k = c.b;
          }
        }
        // A coordinated subject: "سيطرت القوات التركية وفصائل موالية لها على
        // ..." (the Turkish forces and allied factions took ...). Not for
        // killings, where "قتل القائد ونائبه" may be the passive's victims.
        if (!pre.ok() && !pronoun_subject && !passive && !victim_type && k < right_end && OpensWithConj(k) &&
            !IsTriggerToken(k) && !Is(k, E::kStop) && !IsNisbaToken(k) && !VerbShaped(k)) {
          Phrase c = NounPhrase(k, right_end, 6);
          if (c.ok()) {
            actors.push_back(ConjunctArg("actor", c));
            k = c.b;
          }
        }
        // The object after the subject (verb-subject-object).
        if (!pre.ok() && !pronoun_subject && !passive) {
          int o = k;
          while (o < right_end && toks_[o].norm == "(") {
            while (o < right_end && toks_[o].norm != ")") ++o;
            ++o;
          }
          if (o < right_end && QuantityAt(o, right_end, &q, &nx)) {
            quantities.push_back(q);
            targets.push_back(MakeArg("target", Phrase{o, nx, -1}));
            k = nx;
          } else if (o < right_end && !Is(o, E::kStop) && !GluedPrep(o) && toks_[o].kind == TokenKind::kArabic &&
                     !IsTriggerToken(o) && StripConj(toks_[o].norm).size() == toks_[o].norm.size()) {
            // (A phrase opening with و coordinates the subject: "قتل القائد ونائبه".)
            Phrase p2 = NounPhrase(o, right_end, 6);
            // A lone definite nisba adjective ("الإيراني") ends the subject's
            // construct that the phrase limit cut; it is not the object.
            const std::string_view w = p2.ok() && p2.b - p2.a == 1 ? std::string_view(toks_[p2.a].norm) : "";
            const bool nisba = StartsWith(w, "ال") && w.size() > 8 && (EndsWith(w, "ي") || EndsWith(w, "يه"));
            if (p2.ok() && !nisba) {
              take_object(p2);
              k = p2.b;
            }
          }
        }
      }
    } else if (tr.needs_obj.size() > 0 && pronoun_object && !pre.ok() && s < right_end &&
               toks_[s].kind == TokenKind::kArabic && !Is(s, E::kStop) && !GluedPrep(s)) {
      // The needed object stood before the verb and its pronoun is on the
      // verb: the phrase after it is the subject ("أطلقتها الميليشيا").
      Phrase p = NounPhrase(s, right_end, 6);
      if (p.ok()) {
        actors.push_back(MakeArg("actor", p));
        k = p.b;
      }
    } else if (tr.needs_obj.size() > 0) {
      k = s + 1;  // the required object word ("أطلق النار")
      // "لقي عدد من المدنيين حتفهم": the subject between the verb and its
      // fixed object is who died.
      int o = s;
      int extra = 0;
      while (o < right_end && o < s + (tr.needs_place || tr.type == "ACCUSE" ? 12 : 4) + extra && !Break(o)) {
        std::string_view w = StripConj(toks_[o].norm);
        bool is_obj = false;
        for (const auto& x : tr.needs_obj) is_obj |= w == x || (StartsWith(w, "ال") && w.substr(4) == x);
        if (is_obj) break;
        if (extra < 6 && ObjectFiller(o)) ++extra;
        ++o;
      }
      // Time words and counts right before the object are no part of the
      // subject or of a second object.
      int o_end = o;
      while (o_end > s && ObjectFiller(o_end - 1)) --o_end;
      if (victim_type && o > s && o < right_end && !Is(s, E::kStop)) {
        Phrase p{s, o, -1};
        for (int j = s; j < o && p.entity < 0; ++j) p.entity = entity_of_[j];
        targets.push_back(MakeArg("target", p));
        k = o + 1;
      } else if (!victim_type && !passive && !obj_subject && actors.empty() && o > s && o < right_end &&
                 !Is(s, E::kStop) && !GluedPrep(s) && toks_[s].kind == TokenKind::kArabic) {
        // "أطلق مسلحون النار", "أعادت وحدات من الجيش الأمن إلى ...": the
        // subject between the verb and its fixed object acts. A second phrase
        // after a whole first one is the object ("حمّلت أنقرة قوات النظام
        // مسؤولية الغارات" = Ankara held the regime forces responsible).
        Phrase first = NounPhrase(s, o, 6);
        // A count of the fixed object is no subject ("وأسقطت عددا من
        // الصواريخ" = and shot down a number of the missiles).
        bool count_head = false;
        {
          double cv = 0;
          bool cvague = false;
          int cnx = 0;
          count_head = NormIs(s, "عددا") || NormIs(s, "عدد") || NumberAt(s, &cv, &cvague, &cnx);
          if (count_head) first = Phrase{};
        }
        int first_end = first.b;
        while (first.ok() && first_end < o && ObjectFiller(first_end)) ++first_end;
        if (first.ok() && first_end < o && toks_[first_end].kind == TokenKind::kArabic &&
            !Is(first_end, E::kStop) && !GluedPrep(first_end)) {
          actors.push_back(MakeArg("actor", first));
          Phrase second{first_end, o, -1};
          for (int j = second.a; j < o && second.entity < 0; ++j) second.entity = entity_of_[j];
          targets.push_back(MakeArg("target", second));
        } else if (first.ok() && first_end >= o) {
          actors.push_back(MakeArg("actor", first));
        } else if (o_end > s && !count_head) {
          Phrase p{s, o_end, -1};
          for (int j = s; j < o_end && p.entity < 0; ++j) p.entity = entity_of_[j];
          actors.push_back(MakeArg("actor", p));
        }
        // A count of the fixed object ("أكثر من عشرة صواريخ").
        for (int j = o_end; j < o; ++j) {
          Quantity q;
          int nx = 0;
          if (QuantityAt(j, right_end, &q, &nx)) {
            quantities.push_back(q);
            break;
          }
        }
        k = o + 1;
      }
    }
    scan_args(k, right_end);
    // A passive or intransitive death after its subject ("بأن مدنيا عراقيا
    // توفي متأثرا بجروحه" = that an Iraqi civilian died of his wounds): the
    // subject is the victim.
    if (victim_type && passive && targets.empty() && !pronoun_object) {
      std::vector<Phrase> conj;
      Phrase victim = PreSubject(i, sb, &quantities, &conj);
      if (victim.ok()) targets.push_back(MakeArg("target", victim));
    }
    // "مئات المدنيين قتلوا في الضربات" (hundreds of civilians were killed in
    // the strikes): a killing verb after its subject and without an object
    // is the unvocalized passive (قُتلوا); the subject is the victim.
    if (victim_type && !passive && pre.ok() && targets.empty() && !pronoun_object &&
        (s >= right_end || Break(s) || (Is(s, E::kStop) && qs == s) || GluedPrep(s) || IsTimeWord(s) ||
         NewClauseVerb(i, s))) {
      for (auto& a : actors) {
        a.role = "target";
        targets.push_back(std::move(a));
      }
      actors.clear();
    }
    // Unvocalized قتل is also the passive قُتل: "قتل القائد في غارة" (the
    // commander was killed in a raid). A clause-initial killing verb with one
    // noun phrase, no object and a cause (في / ب / جراء / إثر + an attack or
    // a munition) is read as the passive: the phrase is the victim.
    if (tr.type == "KILL" && !passive && !pre.ok() && !pronoun_subject && targets.empty() && actors.size() == 1) {
      bool cause = false;
      for (int j = i + 2; j < se && j < i + 30 && !cause; ++j) {
        const bool intro = NormIs(j - 1, "في") || NormIs(j - 1, "جراء") || NormIs(j - 1, "اثر") || GluedPrep(j);
        if (!intro) continue;
        Match mj;
        cause = (Lookup(j, &mj) && ex_.triggers_[mj.trigger].type == "ASSAULT") || IsAnyKey(j, E::kMunition);
      }
      if (cause) {
        actors[0].role = "target";
        targets.push_back(std::move(actors[0]));
        actors.clear();
      }
    }
  } else {
    int s = i + 1;
    for (int q = 0; q < 2 && s < right_end && Is(s, E::kQualifier); ++q) ++s;
    // "استشهاد وإصابة عدد من العسكريين" (the killing and wounding of a number
    // of soldiers): two victim nouns share the genitive after the second.
    if (victim_type && s < right_end && OpensWithConj(s)) {
      Match mv;
      if (Lookup(s, &mv) && ex_.triggers_[mv.trigger].pos == E::Pos::kNoun &&
          (ex_.triggers_[mv.trigger].type == "KILL" || ex_.triggers_[mv.trigger].type == "INJURE")) {
        ++s;
      }
    }
    // A definite noun has no genitive: the definite words after it are its
    // adjectives ("السيطرة الكاملة" = full control, "القصف التركي" = the
    // Turkish shelling, whose nisba names the acting country).
    // So does a noun with a pronoun suffix ("سيطرته الكاملة" = its full
    // control: the pronoun is the genitive).
    if (EndsWith(m.proclitic, "ال") || EndsWith(m.proclitic, "لل") || !m.enclitic.empty()) {
      while (s < right_end && toks_[s].kind == TokenKind::kArabic && entity_of_[s] < 0 &&
             StartsWith(toks_[s].norm, "ال") && !Is(s, E::kStop) && !IsTriggerToken(s)) {
        if (!victim_type && IsNisbaToken(s)) {
          if (auto arg = NisbaArg("actor", s)) actors.push_back(std::move(*arg));
        }
        ++s;
      }
    }
    if (s < right_end) {
      Match m2;
      if (Lookup(s, &m2) && ex_.triggers_[m2.trigger].type == tr.type) ++s;  // استعادة السيطرة
    }
    if (s < right_end && (NormIs(s, "نحو") || NormIs(s, "اكثر"))) ++s;
    if (s < right_end && NormIs(s, "من") && NormIs(s - 1, "اكثر")) ++s;
    // A count before the noun of the dead or wounded ("61 قتيلا و159 جريحا",
    // "سقط 12 قتيلا"): the count is who died.
    if (victim_type && quantities.empty()) {
      for (int c = std::max(sb, i - 3); c < i; ++c) {
        double value = 0;
        bool vague = false;
        int next = 0;
        if (!NumberAt(c, &value, &vague, &next) || next != i || vague) continue;
        Quantity cq;
        cq.text = Text(c, i + 1);
        cq.span = SpanOf(c, i + 1);
        cq.value = value;
        cq.unit = tr.type == "KILL" ? "killed" : "injured";
        quantities.push_back(cq);
        targets.push_back(MakeArg("target", Phrase{c, i + 1, -1}));
        support = true;
        confidence += 0.15;
        break;
      }
    }
    // "مقتل عدد من المقاتلين" (the killing of a number of fighters): an
    // unstated count of people is the victims, and the event is reported.
    if (victim_type && quantities.empty() && s + 2 < right_end && NormIs(s, "عدد") && NormIs(s + 1, "من") &&
        (IsPeopleWord(s + 2) || Is(s + 2, E::kForce))) {
      targets.push_back(MakeArg("target", Phrase{s, s + 3, -1}));
      support = true;
      confidence += 0.1;
    }
    // A toll: "ارتفع عدد قتلى الهجوم إلى أكثر من 80 جنديا" (the attack's
    // death toll rose to more than 80 soldiers), "بلغ عدد القتلى 12": the
    // count after إلى, or right after the noun, counts the dead or wounded,
    // a bare number too.
    if (victim_type && (NormIs(i - 1, "عدد") || NormIs(i - 1, "حصيله"))) {
      int c = s;
      for (int j = i + 1; j < right_end && j <= i + 20 && !Break(j); ++j) {
        if (NormIs(j, "الي")) {
          c = j + 1;
          break;
        }
      }
      const int c0 = c;  // the phrase keeps "أكثر من" / "نحو"
      if (c < right_end && (NormIs(c, "نحو") || NormIs(c, "قرابه") || NormIs(c, "حوالي"))) ++c;
      else if (c + 1 < right_end && NormIs(c, "اكثر") && NormIs(c + 1, "من")) c += 2;
      Quantity tq;
      int tn = 0;
      double value = 0;
      bool vague = false;
      if (c < right_end && QuantityAt(c, right_end, &tq, &tn)) {
      } else if (c < right_end && NumberAt(c, &value, &vague, &tn) && !vague) {
        tq.text = Text(c, tn);
        tq.span = SpanOf(c, tn);
        tq.value = value;
        tq.unit = "people";
      } else {
        tn = 0;
      }
      if (tn > 0) {
        quantities.push_back(tq);
        targets.push_back(MakeArg("target", Phrase{c0, tn, -1}));
        support = true;
        confidence += 0.15;
        s = tn;
      }
    }
    Quantity q;
    int nx = 0;
    int k = s;
    while (k < right_end && toks_[k].norm == "(") ++k;
    // Arguments of a noun stay close to it: a preposition further on
    // belongs to the next clause ("مع تصاعد الاشتباكات حضر القائد إلى المنطقة").
    // The parties of clashes or of an agreement after بين are bound to the
    // noun however far in its clause ("اشتباكات متقطعة وقعت قرب جسر آلتون
    // كوبري بين البيشمركة والقوات العراقية").
    if ((tr.type == "ASSAULT" || tr.type == "AGREE") && actors.empty()) {
      for (int j = s; j < right_end; ++j) {
        if (j > i + 1 && IsEventWord(j)) break;
        if (!NormIs(j, "بين")) continue;
        Phrase p = NounPhrase(j + 1, right_end, 6);
        if (!p.ok() || IsPlacePhrase(p)) break;
        actors.push_back(MakeArg("actor", p));
        if (p.b < right_end && OpensWithConj(p.b) && !IsTriggerToken(p.b)) {
          Phrase p2 = NounPhrase(p.b, right_end, 6);
          if (p2.ok()) actors.push_back(ConjunctArg("actor", p2));
        }
        break;
      }
    }
    right_end = std::min(right_end, s + 7);
    if (k < right_end && QuantityAt(k, right_end, &q, &nx)) {
      quantities.push_back(q);
      support = true;
      confidence += 0.15;
      Phrase p{k, nx, -1};
      if (k > 0 && toks_[k - 1].norm == "(") p.a = k - 1;
      // "فرار 150 مسلحا من داعش": the count and who they belong to.
      if (nx < right_end && NormIs(nx, "من")) {
        Phrase of = NounPhrase(nx + 1, right_end, 4);
        if (of.ok() && of.entity >= 0) p = Phrase{k, of.b, of.entity};
      }
      (victim_type ? targets : actors).push_back(MakeArg(victim_type ? "target" : "actor", p));
      k = p.b;
    } else if (s < right_end && GluedPrep(s) && StartsWith(StripConj(toks_[s].norm), "ل") && entity_of_[s] >= 0 &&
               !victim_type) {
      Phrase p = NounPhrase(s, right_end, 5);  // "هجوماً لجبهة النصرة", "انسحابات للتنظيم"
      if (p.ok() && !IsPlacePhrase(p)) actors.push_back(MakeArg("actor", p));
      if (p.ok()) k = p.b;
    } else if (s < right_end && tr.pos != E::Pos::kAdverb && !Is(s, E::kStop) && !Is(s, E::kQualifier) &&
               toks_[s].kind == TokenKind::kArabic && !GluedPrep(s) && !IsTriggerToken(s)) {
      Phrase p = NounPhrase(s, right_end, 5);
      // The genitive must be definite or a name from its first word ("حضر
      // قائد ..." after a noun is a new clause, not a genitive).
      bool definite = p.ok() && (entity_of_[p.a] >= 0 || StartsWith(StripConj(toks_[p.a].norm), "ال"));
      // An indefinite person is a victim too: "مقتل مقيم مصري" (the killing of
      // an Egyptian resident), "مقتل مدني".
      if (p.ok() && !definite && victim_type && (IsPeopleWord(p.a) || Is(p.a, E::kForce))) definite = true;
      if (p.ok() && definite && LoneNisba(p) && !victim_type) {
        // "القصف التركي" (the Turkish shelling): the nisba names the acting
        // country when listed; it is never an actor by its own text.
        if (auto arg = NisbaArg("actor", p.a)) actors.push_back(std::move(*arg));
        k = p.b;
      } else if (p.ok() && definite) {
        if (tr.genitive_target) {
          targets.push_back(MakeArg("target", p));  // "استهداف المطار": the airport is hit, and where
          set_place(p);
        } else if (victim_type) targets.push_back(MakeArg("target", p));
        else if (IsPlacePhrase(p)) set_place(p);
        else actors.push_back(MakeArg("actor", p));
        k = p.b;
        // "استعادة التنظيم سيطرته على المدينة" (the group's retaking of its
        // control over the city): the second noun of the type is the same event.
        Match m2;
        int k2 = k;
        while (k2 < right_end && lex::IsQuote(toks_[k2])) ++k2;
        if (k2 < right_end && Lookup(k2, &m2) && ex_.triggers_[m2.trigger].type == tr.type) k = k2 + 1;
      }
    } else if (s < right_end && GluedPrep(s)) {
      k = s;
    }
    scan_args(k, right_end);
    // Actor through the light verb: "شن الجيش هجوما", "تمكنت القوات من السيطرة".
    if (actors.empty() && !victim_type && light_at >= 0 && IsAnyKey(light_at, E::kAgentive)) {
      if (light_at < i) {
        int e2 = light_at + 1;
        while (e2 < i && !Is(e2, E::kStop) && toks_[e2].norm != "،") ++e2;
        Phrase p = NounPhrase(light_at + 1, e2, 6);
        std::optional<EventArg> speaker;
        // "شنت مئات الغارات" (launched hundreds of raids): a count word is the
        // raids' number, not who launched them.
        double count_value = 0;
        bool count_vague = false;
        int count_next = 0;
        // Nor is a word of series ("بدأ سلسلة غارات" = began a series of raids).
        const bool count_word =
            p.ok() && p.b - p.a == 1 &&
            (NumberAt(p.a, &count_value, &count_vague, &count_next) || NormIs(p.a, "سلسله") ||
             NormIs(p.a, "موجه") || NormIs(p.a, "جوله") || NormIs(p.a, "دفعه") || NormIs(p.a, "سلسلة"));
        if (p.ok() && p.b <= i && !count_word) {
          actors.push_back(MakeArg("actor", p));
        } else if (NormIs(light_at - 1, "انها") || NormIs(light_at - 1, "انه") || NormIs(light_at - 1, "انهم")) {
          if ((speaker = SpeakerAt(light_at - 1))) actors.push_back(std::move(*speaker));
        } else {
          Phrase pre = PreSubject(light_at, sb, nullptr);
          if (pre.ok()) actors.push_back(MakeArg("actor", pre));
        }
      } else if (light_at > i) {
        Phrase p = NounPhrase(light_at + 1, se, 4);
        if (p.ok() && (StartsWith(toks_[light_at].norm, "شن") || StartsWith(toks_[light_at].norm, "نفذ"))) {
          actors.push_back(MakeArg("actor", p));
        }
      }
    }
    // Adverb "احتجاجا على X": X is the target.
    if (tr.pos == E::Pos::kAdverb && targets.empty()) {
      Phrase p = NounPhrase(i + 2, right, 4);
      if (p.ok()) targets.push_back(MakeArg("target", p));
    }
    if (actors.empty() && announced_by >= 0) {
      Phrase p = NounPhrase(announced_by + 1, i, 6);
      if (p.ok()) actors.push_back(MakeArg("actor", p));
    }
    // A pronoun suffix ("دخولها") or reported content without a genitive
    // ("نفى التنظيم الانسحاب"): the speaker's own action.
    if (actors.empty() && !victim_type && (!m.enclitic.empty() || content_head) && in_.attributions != nullptr) {
      for (const auto& a : *in_.attributions) {
        if (a.cue == "outlet" || a.cue == "wire" || a.speaker.empty()) continue;
        if (m.enclitic.empty() && a.stance != "denies") continue;
        // The content opens with the noun, perhaps after a time word and
        // commas: "أعلنت قوات الوفاق، الاثنين، سيطرتها على قاعدة الوطية".
        if (a.span.start > toks_[i].span.start || toks_[i].span.end > a.span.end) continue;
        const int j = ContentStart(i, sb, a.span.start);
        if (a.span.start <= toks_[i].span.start && toks_[i].span.end <= a.span.end &&
            a.span.start >= ev.evidence.start && (toks_[i].span.start - a.span.start <= 4 ||
                                                   a.span.start == toks_[j].span.start)) {
          EventArg arg;
          arg.role = "actor";
          arg.text = a.speaker_text;
          arg.entity_id = a.speaker != a.speaker_text ? a.speaker : "";
          arg.span = a.cue_span;
          size_t pos = body_.rfind(a.speaker_text, toks_[i].span.start);
          if (pos != std::string_view::npos && static_cast<int32_t>(pos) >= ev.evidence.start) {
            arg.span = {static_cast<int32_t>(pos), static_cast<int32_t>(pos + a.speaker_text.size())};
          }
          // A spokesman speaks for the body named after باسم: "نفى المتحدث
          // باسم التحالف استهداف ..." denies that the coalition targeted.
          for (int k = sb; k + 1 < i; ++k) {
            if (toks_[k].span.start < arg.span.start || toks_[k].span.end > arg.span.end) continue;
            if (!NormIs(k, "باسم")) continue;
            Phrase body = NounPhrase(k + 1, i, 6);
            if (body.ok()) arg = MakeArg("actor", body);
            break;
          }
          actors.push_back(arg);
          break;
        }
      }
    }
    if (!support && !victim_type && tr.type != "ASSAULT" && !actors.empty() && place) {
      support = true;  // "استعادة مسلحي التنظيم السيطرة على هذه المدينة"
    }
    // A withdrawal of a named force from a place, told in passing ("بعد
    // انسحاب وحدات حماية الشعب منها" = after the YPG withdrew from it): the
    // named actor and the place it left make it a fact, not a label.
    // (Also "من مواقعها" = from its positions: a place noun with a pronoun.)
    const bool from_positions = NormIs(k, "من") && k + 1 < n_ && StartsWith(StripConj(toks_[k + 1].norm), "مواقع");
    if (!support && tr.type == "WITHDRAW" && !actors.empty() && !actors[0].entity_id.empty() &&
        (place || NormIs(k, "منها") || NormIs(k, "منه") || from_positions)) {
      support = true;
    }
    if (!support) return std::nullopt;
  }

  // أصاب with a thing as its object is a hit, not an injury: "صاروخ أصاب
  // برج المراقبة" (a missile hit the control tower) is an attack on it.
  std::string type = tr.type;
  if (type == "INJURE" && verbal && !passive && !pronoun_object_any(i) && !targets.empty() &&
      quantities.empty()) {
    const EventArg& t = targets[0];
    bool human = false;
    if (!t.entity_id.empty() && in_.entities != nullptr) {
      for (const auto& e : *in_.entities) {
        if (e.id == t.entity_id) human = e.type != "place" && e.type != "country";
      }
    }
    for (int h = TokenAt(t.span.start); !human && h >= 0 && h < n_ && toks_[h].span.end <= t.span.end; ++h) {
      human = Is(h, E::kForce) || IsPeopleWord(h);  // "أي عسكري" (any soldier)
    }
    if (!human) {
      // A hit needs violence in the sentence ("فيروس أصاب المجتمع" = a virus
      // struck the community is neither).
      bool violent = false;
      for (int k = sb; k < se && !violent; ++k) violent = k != i && IsAnyKey(k, E::kViolent | E::kMunition);
      if (!violent) return std::nullopt;
      type = "ASSAULT";
    }
  }
  ev.type = type;
  // The fixed object of a collocation is no actor ("إعادة الأمن والاستقرار إلى
  // مدينة" = restoring security to the city: "الأمن" and "والاستقرار" are not).
  if (!tr.needs_obj.empty()) {
    actors.erase(std::remove_if(actors.begin(), actors.end(),
                                [&](const EventArg& a) {
                                  const int h = TokenAt(a.span.start);
                                  if (h < 0) return false;
                                  std::string_view w = StripConj(toks_[h].norm);
                                  for (const auto& o : tr.needs_obj) {
                                    if (w == o || (StartsWith(w, "ال") && w.substr(4) == o) ||
                                        (StartsWith(o, "ال") && w == std::string_view(o).substr(4))) {
                                      return true;
                                    }
                                  }
                                  return false;
                                }),
                 actors.end());
  }
  // An event is no actor ("المقر الذي قصفته الغارات" = the headquarters the
  // raids hit: the raids are the attack itself).
  actors.erase(std::remove_if(actors.begin(), actors.end(),
                              [&](const EventArg& a) {
                                const int h = TokenAt(a.span.start);
                                Match am;
                                return a.entity_id.empty() && h >= 0 && h != i && Lookup(h, &am) &&
                                       ex_.triggers_[am.trigger].pos == E::Pos::kNoun && !BlockedAt(h, true);
                              }),
               actors.end());
  // Police or troops who "gathered" (احتشدت الشرطة) do not protest.
  if (type == "PROTEST" && !actors.empty()) {
    for (int h = TokenAt(actors[0].span.start); h >= 0 && h < n_ && toks_[h].span.end <= actors[0].span.end; ++h) {
      std::string_view w = StripConj(toks_[h].norm);
      if (StartsWith(w, "ال")) w.remove_prefix(4);
      if (Is(h, E::kForce) || w == "شرطه" || w == "جيش" || w == "قوات" || w == "جنود") {
        return std::nullopt;  // "أعداد كبيرة من الشرطة احتشدت"
      }
    }
  }
  // A count of the wounded is not one of the dead, nor the reverse ("61
  // قتيلا و159 جريحا").
  quantities.erase(std::remove_if(quantities.begin(), quantities.end(),
                                  [&](const Quantity& q) {
                                    return (type == "KILL" && q.unit == "injured") ||
                                           (type == "INJURE" && q.unit == "killed");
                                  }),
                   quantities.end());
  // A munition is what was fired or fell, not who acted ("صاروخا أصاب ...",
  // "قذائف عشوائية سقطت ...").
  // A count of munitions is what was fired, never who fired ("سبعة صواريخ").
  actors.erase(std::remove_if(actors.begin(), actors.end(),
                              [&](const EventArg& a) {
                                for (const auto& q : quantities) {
                                  if (q.span.start == a.span.start &&
                                      (q.unit == "rockets" || q.unit == "shells" || q.unit == "raids")) {
                                    return true;
                                  }
                                }
                                return false;
                              }),
               actors.end());
  // (Only when the event keeps a target: "انفجرت سيارة مفخخة" has no other.)
  if (!targets.empty()) actors.erase(std::remove_if(actors.begin(), actors.end(),
                              [&](const EventArg& a) {
                                int h = TokenAt(a.span.start);
                                // (After a count: "عشر سيارات مفخخة استهدفت".)
                                double v = 0;
                                bool vague = false;
                                int nx = 0;
                                if (h >= 0 && NumberAt(h, &v, &vague, &nx) && nx < n_) h = nx;
                                return a.entity_id.empty() && h >= 0 &&
                                       (IsAnyKey(h, E::kMunition) || NormIs(h + 1, "مفخخه") ||
                                        NormIs(h + 1, "مفخخات"));  // صواريخها، سيارات مفخخة
                              }),
               actors.end());

  // ACCUSE: the accused is the phrase right before the charge with ب ("اتهمت
  // القناة التابعة للحوثيين طيران التحالف بشن غارتين على مديرية" = accused the
  // coalition's air force of two raids): a على phrase after the charge is the
  // charge's, not the accused.
  if (type == "ACCUSE" && verbal) {
    int charge = -1;
    for (int k = i + 2; k < se && k < i + 14; ++k) {
      if (toks_[k].norm == "،" || toks_[k].norm == "." || toks_[k].norm == "؛") break;  // (quotes do not end it)
      // (بشن: the tokenizer may keep ب on a short word; a light verb or a
      // trigger after it makes it the charge.)
      if (StartsWith(StripConj(toks_[k].norm), "ب") && entity_of_[k] < 0 &&
          (GluedPrep(k) || IsAnyKey(k, E::kLight) || IsTriggerToken(k))) {
        charge = k;
        break;
      }
    }
    if (charge > i + 1) {
      // The accused replaces whatever the clause scan took as targets.
      targets.clear();
      {
        auto in_an_actor = [&](int t) {
          bool in = false;
          for (const auto& x : actors) in |= x.span.start <= toks_[t].span.start && toks_[t].span.start < x.span.end;
          return in;
        };
        int a = charge - 1;
        if (entity_of_[a] >= 0) {
          while (a > i + 1 && entity_of_[a - 1] == entity_of_[charge - 1]) --a;
        } else {
          // Back over the accused's words ("طيران التحالف", "خلايا نائمة"),
          // not into the accuser or a prepositional phrase of it.
          while (a - 1 > i && charge - a < 7 && toks_[a - 1].kind == TokenKind::kArabic && entity_of_[a - 1] < 0 &&
                 !Is(a - 1, E::kStop) && !GluedPrep(a - 1) && !IsTriggerToken(a - 1) && !in_an_actor(a - 1)) {
            --a;
          }
        }
        // A name in the genitive with ل ("خلايا نائمة لتنظيم داعش" = sleeper
        // cells of ISIS): the accused is the head before it.
        if (GluedPrep(a) && StartsWith(StripConj(toks_[a].norm), "ل")) {
          while (a - 1 > i && toks_[a - 1].kind == TokenKind::kArabic && !Definite(a - 1) && entity_of_[a - 1] < 0 &&
                 !Is(a - 1, E::kStop) && !in_an_actor(a - 1) && charge - a < 8) {
            --a;
          }
        }
        bool in_actor = in_an_actor(a);
        if (!in_actor && toks_[a].kind == TokenKind::kArabic && !Is(a, E::kStop)) {
          Phrase p{a, charge, entity_of_[charge - 1]};
          targets.push_back(MakeArg("target", p));
        }
      }
    }
  }

  // DENY: the actor is the speaker of the denial.
  if (tr.type == "DENY" && in_.attributions != nullptr) {
    for (const auto& a : *in_.attributions) {
      if (a.cue_span.start == toks_[i].span.start && !a.speaker.empty()) {
        actors.clear();
        targets.clear();
        EventArg arg;
        arg.role = "actor";
        arg.text = a.speaker_text;
        arg.entity_id = a.speaker != a.speaker_text ? a.speaker : "";
        arg.span = toks_[i].span;
        size_t pos = body_.find(a.speaker_text, toks_[i].span.start);
        if (pos != std::string_view::npos && pos < static_cast<size_t>(ev.evidence.end)) {
          arg.span = {static_cast<int32_t>(pos), static_cast<int32_t>(pos + a.speaker_text.size())};
        }
        actors.push_back(arg);
        if (a.span.end > a.span.start) {
          EventArg what;
          what.role = "target";
          what.span = a.span;
          what.text = std::string(body_.substr(a.span.start, a.span.end - a.span.start));
          targets.push_back(what);
        }
        break;
      }
    }
  }

  // Entity places anywhere in the clause after the trigger ("في مدينة البوكمال").
  if (!place && !control && in_.entities != nullptr) {
    for (int j = i + 1; j < right; ++j) {
      if (entity_of_[j] < 0) continue;
      const Entity& e = (*in_.entities)[entity_of_[j]];
      if (e.type != "place" || !e.lat.has_value()) continue;
      bool prep = NormIs(j - 1, "في") || NormIs(j - 1, "مدينه") || StartsWith(toks_[j].norm, "ب");
      // "القادم من مدينة ترهونة" (coming from the town of Tarhuna): an origin.
      if (NormIs(j - 1, "مدينه") && NormIs(j - 2, "من") &&
          (NormIs(j - 3, "القادم") || NormIs(j - 3, "القادمه") || NormIs(j - 3, "القادمين") || NormIs(j - 3, "الاتي"))) {
        prep = false;
      }
      // Where forces withdrew or fled to: "انسحبوا نحو مدينة الميادين".
      if (tr.type == "WITHDRAW") {
        const int before = NormIs(j - 1, "مدينه") || NormIs(j - 1, "بلده") ? j - 2 : j - 1;
        if (NormIs(before, "نحو") || NormIs(before, "باتجاه") || NormIs(before, "الي") || NormIs(before, "صوب") ||
            NormIs(before, "اتجاه")) {
          continue;
        }
      }
      if (!prep) continue;
      Phrase p = NounPhrase(j, right, 5);
      if (p.ok()) place = MakeArg("place", p);
      break;
    }
    // Fighters "في مدينة البوكمال فروا ... إلى شرق نهر الفرات" (in the town
    // fled to east of the river): a withdrawal with no place after it left
    // the place named with في in its subject.
    for (int j = i - 1; !place && tr.type == "WITHDRAW" && j > sb && j >= i - 12 && !Break(j); --j) {
      if (entity_of_[j] < 0 || !(NormIs(j - 1, "في") || (NormIs(j - 1, "مدينه") && NormIs(j - 2, "في")))) continue;
      const Entity& e = (*in_.entities)[entity_of_[j]];
      if (e.type != "place" || !e.lat.has_value()) continue;
      Phrase p = NounPhrase(j, i, 5);
      if (p.ok()) place = MakeArg("place", p);
    }
  }

  // A denial happens where its speaker is, which the sentence does not say; a
  // place in the denied content belongs to the denied event, and so does a
  // count ("نفى ... سقوط عشرات القتلى": the dead are the denied claim's).
  if (tr.type == "DENY" || tr.type == "ACCUSE") place.reset();
  if (tr.type == "DENY") quantities.clear();
  if (tr.needs_place && !place) return std::nullopt;
  // A protest noun made an occurrence by a light verb is reported as such even
  // without a named participant ("اندلعت مظاهرات" = demonstrations broke out,
  // "خرجت مسيرات" = marches went out): who and where may be elsewhere.
  const bool occurred_protest = tr.type == "PROTEST" && !verbal && light_at >= 0;
  if (actors.empty() && targets.empty() && !place && quantities.empty() && !occurred_protest) return std::nullopt;

  // The wounded are no victims of a killing, nor the dead of an injury
  // ("154 شهيدا وأكثر من 5000 جريح": two counts, two events).
  if (victim_type) {
    targets.erase(std::remove_if(targets.begin(), targets.end(),
                                 [&](const EventArg& a) {
                                   for (int k = TokenAt(a.span.start); k >= 0 && k < n_ && toks_[k].span.start < a.span.end;
                                        ++k) {
                                     const std::string_view w = StripConj(toks_[k].norm);
                                     const bool hurt = w == "جريح" || w == "جريحا" || w == "جرحي" || w == "مصابا" ||
                                                       w == "مصابين";
                                     const bool dead = w == "قتيل" || w == "قتيلا" || w == "قتلي" || w == "شهيد" ||
                                                       w == "شهيدا" || w == "شهداء";
                                     if ((tr.type == "KILL" && hurt) || (tr.type == "INJURE" && dead)) return true;
                                   }
                                   return false;
                                 }),
                  targets.end());
  }
  // A count given as a bound or an estimate ("أكثر من 20"، "نحو 500"، "ستة على
  // الأقل"، "ما لا يقل عن عشر") is approximate too: its value is no exact figure.
  for (auto& q : quantities) {
    if (q.approximate) continue;
    const int a = TokenAt(q.span.start);
    int b = a;
    while (b >= 0 && b < n_ && toks_[b].span.end < q.span.end) ++b;
    const bool before = a >= 1 && (NormIs(a - 1, "نحو") || NormIs(a - 1, "قرابه") || NormIs(a - 1, "حوالي") ||
                                   (NormIs(a - 1, "من") && NormIs(a - 2, "اكثر")) ||
                                   (NormIs(a - 1, "عن") && (NormIs(a - 2, "يقل") || NormIs(a - 2, "يزيد"))));
    const bool after = b >= 0 && b + 2 < n_ && NormIs(b + 1, "علي") && NormIs(b + 2, "الاقل");
    q.approximate = before || after;
  }
  for (const auto& a : actors) confidence += a.entity_id.empty() ? 0.0 : 0.05;
  if (place && !place->entity_id.empty()) confidence += 0.05;
  if (victim_type && verbal && !passive && actors.empty()) confidence -= 0.05;  // قتل: active or passive
  ev.actors = std::move(actors);
  ev.targets = std::move(targets);
  ev.place = std::move(place);
  ev.quantities = std::move(quantities);
  ev.negated = negated;
  ev.status = status;
  ev.background = background;
  ev.confidence = std::clamp(confidence, 0.05, 0.95);
  return ev;
}

std::vector<std::string> EventExtractorImpl::Features(int sb, int se, const std::vector<Event>& events,
                                                      size_t first) const {
  static constexpr uint32_t kNearClasses = E::kNegation | E::kAttempt | E::kFutureCue | E::kPurpose |
                                           E::kHypothetical | E::kLight | E::kDemonstrative | E::kReference |
                                           E::kWas | E::kBackground | E::kBlocker;
  static const char* const kPosNames[] = {"verb", "passive", "noun", "agent", "adverb"};
  std::vector<std::string> f;
  f.reserve(static_cast<size_t>(se - sb) * 3 + 16);
  std::string prev = "<s>";
  int words = 0;
  uint32_t classes = 0;
  for (int k = sb; k < se; ++k) {
    const Token& t = toks_[k];
    if (t.kind == TokenKind::kArabic) {
      const std::string& stem = t.stem.empty() ? t.norm : t.stem;
      f.push_back("s:" + stem);
      f.push_back("b:" + prev + "_" + stem);
      prev = stem;
      ++words;
      classes |= Ctx(k);
    } else if (t.kind == TokenKind::kNumber) {
      f.push_back("num");
      prev = "<n>";
    } else {
      if (t.norm == "?" || t.norm == "؟") f.push_back("q");
      if (t.norm == "\"" || t.norm == "«" || t.norm == "»" || t.norm == "“" || t.norm == "”") f.push_back("quote");
      prev = "<p>";
    }
    Match m;
    if (!Lookup(k, &m)) continue;
    const auto& tr = ex_.triggers_[m.trigger];
    f.push_back("hit:" + tr.type);
    f.push_back("lem:" + tr.type + ":" + tr.lemma);
    f.push_back("hitpos:" + tr.type + ":" + kPosNames[static_cast<int>(tr.pos)]);
    if (m.flags & E::kPresent) f.push_back("hitpres:" + tr.type);
    if (m.flags & E::kFuture) f.push_back("hitfut:" + tr.type);
    std::string_view pro = m.proclitic;
    if (StartsWith(pro, "و") || StartsWith(pro, "ف")) pro.remove_prefix(2);
    f.push_back("hitpro:" + tr.type + ":" + (pro.empty() ? std::string("-") : std::string(pro)));
    for (int j = std::max(sb, k - 3); j < k; ++j) {
      uint32_t c = Ctx(j) & kNearClasses;
      for (const auto& [name, bit] : kClassNames) {
        if (c & bit) f.push_back("pre:" + tr.type + ":" + name);
      }
      if (NormIs(j, "ان") || NormIs(j, "انه") || NormIs(j, "بان")) f.push_back("pre:" + tr.type + ":that");
      if (NormIs(j, "الذي") || NormIs(j, "التي") || NormIs(j, "الذين")) f.push_back("pre:" + tr.type + ":rel");
    }
    // Where the trigger sits (news leads report first) and the words around it.
    f.push_back("tpos:" + tr.type + ":" + std::to_string(std::min(k - sb, 15) / 4));
    for (int j = std::max(sb, k - 4); j < std::min(se, k + 5); ++j) {
      if (j == k || toks_[j].kind != TokenKind::kArabic) continue;
      f.push_back("w:" + tr.type + ":" + (toks_[j].stem.empty() ? toks_[j].norm : toks_[j].stem));
    }
  }
  for (const auto& [name, bit] : kClassNames) {
    if (classes & bit) f.push_back(std::string("c:") + name);
  }
  f.push_back("len:" + std::to_string(std::min(words / 8, 6)));
  for (size_t e = first; e < events.size(); ++e) {
    const Event& ev = events[e];
    f.push_back("ev:" + ev.type);
    f.push_back("evst:" + ev.type + ":" + ev.status);
    if (ev.negated) f.push_back("evneg:" + ev.type);
    if (ev.background) f.push_back("evbg:" + ev.type);
    if (!ev.actors.empty()) f.push_back("evact:" + ev.type);
    if (!ev.targets.empty()) f.push_back("evtgt:" + ev.type);
    if (ev.place) f.push_back("evplace:" + ev.type);
    if (!ev.quantities.empty()) f.push_back("evqty:" + ev.type);
  }
  return f;
}

void EventExtractorImpl::Gate(const std::vector<std::string>& features, std::vector<Event>* events,
                              size_t first) const {
  const EventClassifier& clf = *ex_.classifier_;
  double score[2] = {-1, -1};  // ASSAULT, PROTEST (computed on demand)
  size_t out = first;
  for (size_t e = first; e < events->size(); ++e) {
    Event& ev = (*events)[e];
    std::string_view gate = EventExtractor::GateType(ev.type);
    bool keep = true;
    if (!gate.empty() && clf.Has(gate)) {
      double& s = score[gate == "ASSAULT" ? 0 : 1];
      if (s < 0) s = clf.Score(gate, features);
      keep = s >= clf.Threshold(gate);
      if (keep) ev.confidence = std::min(0.95, 0.5 * ev.confidence + 0.5 * s);
    }
    if (keep) {
      if (out != e) (*events)[out] = std::move(ev);
      ++out;
    }
  }
  events->resize(out);
}

std::vector<Event> EventExtractorImpl::Run() {
  std::vector<Event> events;
  if (n_ == 0) return events;
  entity_of_.assign(n_, -1);
  match_state_.assign(n_, 0);
  num_state_.assign(n_, 0);
  dual_unit_.assign(n_, nullptr);
  num_value_.assign(n_, {0.0, false});
  match_cache_.assign(n_, Match{});
  any_bits_.assign(n_, 0);
  any_done_.assign(n_, false);
  if (in_.entities != nullptr) {
    // Token -> entity whose mention covers it (token starts inside the mention).
    std::vector<std::pair<Span, int>> mentions;
    for (size_t e = 0; e < in_.entities->size(); ++e) {
      for (const auto& m : (*in_.entities)[e].mentions) mentions.push_back({m.span, static_cast<int>(e)});
    }
    std::sort(mentions.begin(), mentions.end(), [](const auto& x, const auto& y) { return x.first.start < y.first.start; });
    size_t mi = 0;
    for (int t = 0; t < n_; ++t) {
      while (mi < mentions.size() && mentions[mi].first.end <= toks_[t].span.start) ++mi;
      if (mi < mentions.size() && mentions[mi].first.start < toks_[t].span.end &&
          toks_[t].span.start < mentions[mi].first.end) {
        entity_of_[t] = mentions[mi].second;
      }
    }
  }
  std::set<std::pair<std::string, std::string>> seen;  // (type, evidence text): repeated headlines
  int sb = 0;
  while (sb < n_) {
    int se = sb + 1;
    while (se < n_ && toks_[se].sentence == toks_[sb].sentence) ++se;
    int last_trigger_end = -1;
    std::string last_type;
    const size_t first = events.size();
    bool any_hit = false;
    for (int i = sb; i < se; ++i) {
      Match m;
      if (!Lookup(i, &m)) continue;
      any_hit = true;
      const std::string& type = ex_.triggers_[m.trigger].type;
      // "استعادة السيطرة": one event for adjacent triggers of one type.
      if (type == last_type && i - last_trigger_end <= 1) continue;
      std::optional<Event> ev = Build(i, m, sb, se);
      if (!ev) continue;
      last_type = type;
      last_trigger_end = i + 1;
      std::string evidence(body_.substr(ev->evidence.start, ev->evidence.end - ev->evidence.start));
      std::string key_text = evidence + "#" + ev->trigger;
      if (!seen.insert({type, key_text}).second) continue;
      events.push_back(std::move(*ev));
    }
    MergeNounSubjects(&events, first);
    if (any_hit) {
      const bool gate = in_.gate && ex_.classifier_ != nullptr;
      bool gated_event = false;
      for (size_t e = first; gate && e < events.size(); ++e) {
        gated_event |= !EventExtractor::GateType(events[e].type).empty();
      }
      if (in_.features_out != nullptr || gated_event) {
        std::vector<std::string> features = Features(sb, se, events, first);
        if (gated_event) Gate(features, &events, first);
        if (in_.features_out != nullptr) in_.features_out->push_back({SpanOf(sb, se), std::move(features)});
      }
    }
    sb = se;
  }

  // Attribution chains, denials, dates.
  for (auto& ev : events) {
    if (in_.attributions != nullptr && !in_.attributions->empty()) {
      const auto& atts = *in_.attributions;
      int32_t best = -1;
      int32_t best_len = 0;
      for (size_t a = 0; a < atts.size(); ++a) {
        const Attribution& at = atts[a];
        if (at.span.start <= ev.trigger_span.start && ev.trigger_span.end <= at.span.end) {
          int32_t len = at.span.end - at.span.start;
          // On an equal span the relayed source is the inner one ("وفق ما
          // نقلت الوكالة عن المرصد": the Observatory, relayed by the agency).
          if (best < 0 || len < best_len || (len == best_len && at.parent == best)) {
            best = static_cast<int32_t>(a);
            best_len = len;
          }
        }
      }
      if (best >= 0) {
        ev.attributed_to = AttributionFinder::Chain(atts, best);
        if (atts[best].stance == "denies" && ev.type != "DENY") ev.negated = true;
      }
    }
    if (in_.date_of) {
      bool is_default = false;
      // The date nearest the trigger in its sentence, not the sentence's
      // first ("شنت قوات حفتر عام 2014 عملية ... قبل أن تعلن سيطرتها على
      // المدينة عام 2017": the control is of 2017).
      ev.date = in_.date_of(ev.trigger_span, &is_default);
      ev.date_is_default = ev.date.has_value() && is_default;
      const std::optional<CivilDate> doc_day =
          in_.document_date.empty() ? std::nullopt : civil::ParseIso(in_.document_date);
      const std::optional<CivilDate> start = ev.date && !is_default ? civil::StartOfTimex(ev.date->value) : std::nullopt;
      if (doc_day && start) {
        // Dated against a known document day: background is a year or more
        // before it ("years before the article"); a dated event of the last
        // twelve months is news, whatever the tense that tells it ("وكان
        // الجيش قد حرر سراقب في الثامن من شباط الماضي" in a March article).
        // (Only a date of the event's own clause clears the flag: in "قال
        // المتحدث اليوم إن التنظيم كان قد سيطر على المدينة" today is when he
        // spoke.)
        const int days = civil::DaysBetween(*start, *doc_day);
        if (days >= 365) ev.background = true;
        else if (days >= -1 && DateInClause(ev.date->span, ev.trigger_span)) ev.background = false;
      } else if (ev.date && !is_default && in_.document_year > 0 && ev.date->value.size() >= 4) {
        int year = std::atoi(ev.date->value.substr(0, 4).c_str());
        if (year >= 1900 && year < in_.document_year) ev.background = true;
        // "المجرمين الذين اغتالوا القائد فجر الجمعة 3 كانون الثاني 2020": a
        // relative clause with its own date of the document's year is news.
        if (year >= in_.document_year && relative_background_.count(ev.trigger_span.start) &&
            ev.date->span.start >= ev.trigger_span.end) {
          const int t = TokenAt(ev.trigger_span.start);
          bool same_clause = t >= 0;
          // An event noun after a glued preposition is the means, not a new
          // clause ("الذي قتل بضربة أمريكية ... الأسبوع الماضي").
          for (int k = t + 1; same_clause && k < n_ && toks_[k].span.start < ev.date->span.start; ++k) {
            same_clause = !Break(k) && (!IsTriggerToken(k) || GluedPrep(k));
          }
          if (same_clause) ev.background = false;
        }
      }
    }
  }
  // An event of the same sentence and the same stated date as a background
  // event is background too ("وكانت قوات الأسد قد سيطرت على المدينة في تشرين
  // الثاني 2017 بعد انسحاب التنظيم منها": the withdrawal as well).
  for (const Event& bg : events) {
    if (!bg.background || !bg.date || bg.date_is_default) continue;
    for (Event& ev : events) {
      if (ev.background || !ev.date || ev.date_is_default || ev.evidence.start != bg.evidence.start) continue;
      if (ev.date->value != bg.date->value || ev.date->span.start != bg.date->span.start) continue;
      // Only an event told in passing after it (بعد، إثر، عقب ... before the
      // trigger), not a second main event of the sentence.
      const int t = TokenAt(ev.trigger_span.start);
      if (ev.trigger_span.start > bg.trigger_span.start && t > 0 && Is(t - 1, E::kReference)) ev.background = true;
    }
  }
  // A verb coordinated with a background verb in its clause shares its
  // auxiliary ("وكان المسلحون قد هاجموا ... عام 2014 وخطفوا عددا من
  // العسكريين" = had attacked ... and kidnapped).
  for (const Event& bg : events) {
    if (!bg.background) continue;
    const int bt = TokenAt(bg.trigger_span.start);
    for (Event& ev : events) {
      if (ev.background || ev.evidence.start != bg.evidence.start || ev.trigger_span.start <= bg.trigger_span.start) {
        continue;
      }
      const int t = TokenAt(ev.trigger_span.start);
      Match vm;
      if (bt < 0 || t <= bt || !OpensWithConj(t) || !Lookup(t, &vm) ||
          (ex_.triggers_[vm.trigger].pos != E::Pos::kVerb && ex_.triggers_[vm.trigger].pos != E::Pos::kPassive)) {
        continue;
      }
      bool same_clause = true;
      for (int k = bt + 1; k < t && same_clause; ++k) same_clause = !Break(k);
      if (same_clause) ev.background = true;
    }
  }
  // A death or injury told as the result of a background event in the same
  // sentence ("وكانت المجموعات قد استهدفت ... ما أدى إلى استشهاد وإصابة
  // مئات المدنيين" = which led to the killing and wounding of hundreds of
  // civilians) is background too.
  for (const Event& cause : events) {
    if (!cause.background) continue;
    for (Event& ev : events) {
      if (ev.background || (ev.type != "KILL" && ev.type != "INJURE") || ev.evidence.start != cause.evidence.start ||
          ev.trigger_span.start <= cause.trigger_span.end) {
        continue;
      }
      for (int t = 0; t < n_; ++t) {
        if (toks_[t].span.start < cause.trigger_span.end) continue;
        if (toks_[t].span.start >= ev.trigger_span.start) break;
        if (NormIs(t, "ادي") || NormIs(t, "اسفر") || NormIs(t, "اسفرت") || NormIs(t, "خلف") || NormIs(t, "خلفت")) {
          ev.background = true;
          break;
        }
      }
    }
  }
  return events;
}

std::vector<Event> EventExtractor::Extract(const EventInput& in) const {
  if (in.tokens == nullptr || in.tokens->empty()) return {};
  EventExtractorImpl impl(*this, in);
  return impl.Run();
}

}  // namespace marsad
