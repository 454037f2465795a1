// Document: plain data flowing through the pipeline.
//
// Offsets: every span inside a Document is a pair of BYTE offsets into
// `body` (UTF-8), half-open [start, end). Serializers convert to Unicode
// code-point offsets for output (see docs/schema.md), so users and scripts
// only ever see code-point offsets into `body`.
//
// Layers: a stage records the layers it filled in `layers` (see layers.h for
// names). Fields of a layer that was not provided are empty.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace marsad {

struct Span {
  int32_t start = 0;  // byte offset into Document::body
  int32_t end = 0;
  bool operator==(const Span&) const = default;
};

enum class Severity { kInfo, kWarning, kError };

// A content problem found by a stage: not fatal to the batch.
struct Diagnostic {
  std::string stage;    // e.g. "ingest", "clean.chrome.v1"
  std::string code;     // stable machine code, e.g. "invalid-utf8"
  std::string message;  // one line, for people
  Severity severity = Severity::kWarning;
  std::optional<Span> span;
};

// A line of page chrome removed by cleaning, with the reason.
struct RemovedLine {
  std::string text;
  std::string reason;  // stable code: "donation-appeal", "share-widget", ...
};

struct OutletRef {
  std::string id;
  std::string name_ar;
  std::string name_en;
};

enum class Precision { kUnknown, kYear, kMonth, kWeek, kDay, kMinute };
const char* PrecisionName(Precision p);

struct PublishedDate {
  std::string value;     // ISO 8601 prefix matching precision: 2017-11-19T21:11
  Precision precision = Precision::kUnknown;
  std::string evidence;  // the text it was read from
  bool inferred = false;
};

// Metadata handed in by the reader (JSONL fields, HTML meta, WARC headers).
// Hints, not conclusions: cleaning/metadata stages decide the final values.
struct InputMeta {
  std::string title;
  std::string url;
  std::string published;  // as given, unparsed
  std::string outlet;     // id or name as given
  std::string author;
  std::string encoding;   // detected input encoding, e.g. "UTF-8", "windows-1256"
  std::string format;     // "text", "jsonl", "html", "rss", "warc", "stdin"
};

enum class TokenKind : uint8_t { kArabic, kLatin, kNumber, kPunct, kSymbol, kOther };

struct Token {
  Span span;          // into body
  TokenKind kind = TokenKind::kOther;
  std::string norm;   // matching form of the whole token (see normalize/)
  std::string stem;   // norm with light clitic segmentation removed
  uint8_t prefix_bytes = 0;  // bytes of `norm` that are proclitics (و ف ب ل ك س ال)
  uint8_t suffix_bytes = 0;  // bytes of `norm` that are pronoun suffixes
  int32_t sentence = 0;      // index into Document::sentences
};

struct EntityMention {
  Span span;
  std::string text;
};

struct Entity {
  std::string id;        // KB id, or provisional "new:<hash>"
  std::string type;      // person, armed_group, state_force, gov_body, party, media,
                         // intl_org, country, place
  std::string name_ar;
  std::string name_en;
  std::string wikidata;
  std::optional<double> lat, lon;
  double salience = 0;
  std::vector<EntityMention> mentions;
};

struct DateExpr {
  Span span;
  std::string text;
  std::string value;     // TIMEX-like: 2017-11-16, 2017-11, 2017-W46, P10D, ...
  Precision precision = Precision::kUnknown;
  std::string anchor;    // "absolute", "document", "expression:<i>", "unresolved"
  std::string kind;      // "date", "time", "datetime", "duration", "range", "set"
  bool resolved = false;
};

struct Attribution {
  std::string speaker;     // entity id or a described source ("مصادر ميدانية")
  std::string speaker_text;
  std::string cue;         // قال، بحسب، المصدر: ...
  std::string stance;      // "asserts" | "denies"
  Span cue_span;
  Span span;               // the content it covers
  int32_t parent = -1;     // index of the attribution that relays this one, one step
                           // nearer the outlet (AFP for the Observatory in
                           // outlet <- AFP <- Observatory); -1 = top of the chain
};

struct EventArg {
  std::string role;   // actor | target | place
  std::string entity_id;
  std::string text;
  Span span;
};

struct Quantity {
  std::string text;
  double value = 0;
  std::string unit;  // "fighters", "percent", "brigades", "people" ...
  Span span;
  // A vague count (عشرات "dozens", مئات "hundreds", آلاف "thousands"):
  // `value` is its lower bound (20, 200, 2000), not a figure the text gives.
  bool approximate = false;
};

struct Event {
  std::string type;  // ASSAULT, TAKE_CONTROL, WITHDRAW, ...
  std::string trigger;
  Span trigger_span;
  std::vector<EventArg> actors, targets;
  std::optional<EventArg> place;
  std::optional<DateExpr> date;
  bool date_is_default = false;
  std::vector<Quantity> quantities;
  std::vector<int32_t> attributed_to;  // indices into Document::attributions (chain order)
  bool negated = false;
  std::string status = "completed";  // completed | attempted | ongoing | future | hypothetical
  bool background = false;
  double confidence = 0;
  Span evidence;  // the sentence
};

struct Document {
  // Identity and input.
  std::string source;       // file path, "path.jsonl:12", "<stdin>"
  std::string raw;          // input converted to UTF-8 (original bytes if already UTF-8)
  std::string content_hash; // hex hash of the normalized body, for idempotent storage
  InputMeta input;

  // Cleaning and metadata.
  std::string body;         // clean article text; all spans point here
  std::vector<RemovedLine> removed;
  std::string title;
  std::optional<OutletRef> outlet;
  std::vector<std::string> wires;  // wire agency ids, e.g. "afp"
  std::optional<PublishedDate> published;

  // Normalization: normalized[i] came from body[norm_to_body[i]].
  // norm_to_body has normalized.size() + 1 entries (the last maps the end).
  std::string normalized;
  std::vector<int32_t> norm_to_body;

  // Annotation layers.
  std::vector<Span> sentences;
  std::vector<Token> tokens;
  std::vector<Entity> entities;
  std::vector<DateExpr> dates;
  std::vector<Attribution> attributions;
  std::vector<Event> events;

  // Bookkeeping.
  std::set<std::string> layers;
  std::vector<Diagnostic> diagnostics;
  bool failed = false;  // a stage gave up on this document; later stages skip it

  void AddDiagnostic(std::string stage, std::string code, std::string message,
                     Severity severity = Severity::kWarning,
                     std::optional<Span> span = std::nullopt) {
    diagnostics.push_back({std::move(stage), std::move(code), std::move(message), severity, span});
  }
};

}  // namespace marsad
