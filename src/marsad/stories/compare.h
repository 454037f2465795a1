// Comparison of one story's documents: event fusion, claims matrix,
// contradictions, unique claims, framing and timeline (docs/stories.md).
//
//   std::vector<StoryMember> members = ...;   // analyzed docs of one story
//   nlohmann::json story = CompareStory(info, members, lexicon);
//
// Precision first: a contradiction is reported only between independent
// documents (copies never count), between reports that are completed
// assertions (not attempts, goals, hypotheticals or background), on a place
// named by the text (not inferred), and with compatible dates. The rules are
// listed in docs/stories.md.
//
// Thread-safety: pure functions of their inputs.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "marsad/document/document.h"
#include "marsad/stories/lexicon.h"

namespace marsad::stories {

struct StoryMember {
  int64_t id = 0;                 // document id (store id, or index for in-memory docs)
  const Document* doc = nullptr;
  int64_t duplicate_of = 0;       // 0 = an original
  double duplicate_similarity = 0;
};

struct StoryInfo {
  std::string id;
  std::string granularity = "story";
  std::vector<std::pair<std::string, double>> links;  // related stories (event granularity)
};

nlohmann::json CompareStory(const StoryInfo& info, const std::vector<StoryMember>& members,
                            const StoryLexicon& lexicon);

// Framing terms of one document: {concept: {term: count}}.
nlohmann::json FramingCounts(const Document& doc, const StoryLexicon& lexicon);

// A control statement: a sentence saying who took / holds a place.
struct ControlStatement {
  std::string place;           // entity id
  std::string side;            // side of the controlling actor ("" unknown)
  std::string actor;           // entity id of the actor ("" unknown)
  std::string status;          // "complete" | "partial" | "control"
  bool background = false;     // pluperfect / earlier claim told as background
  std::string date;            // ISO prefix of the sentence's date, else the document's
  bool date_stated = false;    // from a date in the sentence (not the publication date)
  Span evidence;               // the sentence
};
// Control statements of a document about places it names (types place only).
std::vector<ControlStatement> ControlStatements(const Document& doc, const StoryLexicon& lexicon);

struct LeadershipStatement {
  std::string leader;          // entity id
  std::string leader_text;
  Span evidence;
};
std::vector<LeadershipStatement> LeadershipStatements(const Document& doc, const StoryLexicon& lexicon);

}  // namespace marsad::stories
