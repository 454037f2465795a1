// `marsad entity NAME`: looks an entity up in the knowledge base by any of
// its names or aliases (any spelling: clitics, diacritics, hamza forms) or by
// its id, and prints its names, type, aliases, Wikidata id, coordinates and
// relations in both directions.
// `marsad entity --in FILE` runs entity recognition on a UTF-8 text file and
// lists the entities found with their mentions.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "marsad/common/paths.h"
#include "marsad/recognize/recognizer.h"
#include "marsad/tokenize/tokenizer.h"
#include "verb.h"

namespace {

using marsad::KbEntity;
using marsad::KnowledgeBase;

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::vector<const KbEntity*> Resolve(const marsad::EntityRecognizer& rec, const std::string& name) {
  const KnowledgeBase& kb = rec.kb();
  if (const KbEntity* e = kb.Find(name)) return {e};
  std::vector<const KbEntity*> out = kb.LookupName(name);
  if (!out.empty()) return out;
  // Through the matcher: tolerates clitics, split spellings, misspellings.
  std::vector<marsad::Token> toks = marsad::Tokenize(name);
  for (const auto& m : rec.matcher().Match(toks)) {
    for (int32_t c : m.candidates) out.push_back(&kb.entities()[c]);
    break;
  }
  if (out.empty()) out = kb.LookupWords(name);  // a surname, one word of a long name
  return out;
}

nlohmann::json EntityJson(const KnowledgeBase& kb, const KbEntity& e) {
  nlohmann::json j;
  j["id"] = e.id;
  j["type"] = e.type;
  if (!e.kind.empty()) j["kind"] = e.kind;
  j["name_ar"] = e.name_ar;
  j["name_en"] = e.name_en;
  j["aliases_ar"] = e.aliases_ar;
  j["aliases_en"] = e.aliases_en;
  j["wikidata"] = e.wikidata;
  if (!e.country.empty()) j["country"] = e.country;
  if (!e.parent_id.empty()) j["parent_id"] = e.parent_id;
  if (e.lat) {
    j["lat"] = *e.lat;
    j["lon"] = *e.lon;
  }
  j["source"] = e.source;
  j["origin"] = e.origin;
  nlohmann::json rels = nlohmann::json::array();
  for (const auto* r : kb.RelationsOf(e.id)) {
    const KbEntity* other = kb.Find(r->subject == e.id ? r->object : r->subject);
    rels.push_back({{"subject", r->subject},
                    {"relation", r->relation},
                    {"object", r->object},
                    {"from", r->from},
                    {"to", r->to},
                    {"other_name_ar", other ? other->name_ar : ""},
                    {"other_name_en", other ? other->name_en : ""},
                    {"source", r->source}});
  }
  j["relations"] = rels;
  return j;
}

void PrintText(const KnowledgeBase& kb, const KbEntity& e) {
  std::printf("%s  [%s%s%s]\n", e.id.c_str(), e.type.c_str(), e.kind.empty() ? "" : "/",
              e.kind.c_str());
  std::printf("  name_ar:    %s\n  name_en:    %s\n", e.name_ar.c_str(), e.name_en.c_str());
  if (!e.aliases_ar.empty()) std::printf("  aliases_ar: %s\n", Join(e.aliases_ar, " | ").c_str());
  if (!e.aliases_en.empty()) std::printf("  aliases_en: %s\n", Join(e.aliases_en, " | ").c_str());
  if (!e.wikidata.empty()) std::printf("  wikidata:   %s\n", e.wikidata.c_str());
  if (!e.country.empty()) std::printf("  country:    %s\n", e.country.c_str());
  if (!e.parent_id.empty()) std::printf("  parent:     %s\n", e.parent_id.c_str());
  if (e.lat) std::printf("  coords:     %.4f, %.4f\n", *e.lat, *e.lon);
  if (!e.source.empty()) std::printf("  source:     %s\n", e.source.c_str());
  auto rels = kb.RelationsOf(e.id);
  if (!rels.empty()) std::printf("  relations:\n");
  for (const auto* r : rels) {
    const bool out = r->subject == e.id;
    const KbEntity* other = kb.Find(out ? r->object : r->subject);
    std::string when;
    if (!r->from.empty() || !r->to.empty()) when = "  (" + r->from + " .. " + r->to + ")";
    std::printf("    %s %s %s%s%s\n", out ? "->" : "<-", r->relation.c_str(),
                (out ? r->object : r->subject).c_str(),
                other ? ("  " + other->name_ar + " / " + other->name_en).c_str() : "",
                when.c_str());
  }
}

int RunLookup(const std::string& data_dir, const std::string& name, const std::string& format) {
  auto rec = marsad::EntityRecognizer::Create(marsad::DataDir(data_dir));
  if (!rec.ok()) {
    marsad::cli::Error(rec.status().ToString());
    return 2;
  }
  std::vector<const KbEntity*> found = Resolve(**rec, name);
  if (found.empty()) {
    if (format == "json") std::printf("[]\n");
    else marsad::cli::Error("no entity named '" + name + "'");
    return 1;
  }
  if (format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto* e : found) arr.push_back(EntityJson((*rec)->kb(), *e));
    std::printf("%s\n", arr.dump(2).c_str());
  } else {
    for (size_t i = 0; i < found.size(); ++i) {
      if (i) std::printf("\n");
      PrintText((*rec)->kb(), *found[i]);
    }
  }
  return 0;
}

int RunFile(const std::string& data_dir, const std::string& path, const std::string& format) {
  auto rec = marsad::EntityRecognizer::Create(marsad::DataDir(data_dir));
  if (!rec.ok()) {
    marsad::cli::Error(rec.status().ToString());
    return 2;
  }
  std::string text, err;
  if (!marsad::ReadFile(path, &text, &err)) {
    marsad::cli::Error(err);
    return 2;
  }
  std::vector<marsad::Token> toks = marsad::Tokenize(text);
  std::vector<marsad::Entity> ents = (*rec)->Recognize(text, toks);
  if (format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : ents) {
      nlohmann::json j = {{"id", e.id},     {"type", e.type},         {"name_ar", e.name_ar},
                          {"name_en", e.name_en}, {"wikidata", e.wikidata}, {"salience", e.salience}};
      if (e.lat) j["lat"] = *e.lat, j["lon"] = *e.lon;
      nlohmann::json ms = nlohmann::json::array();
      for (const auto& m : e.mentions) {
        ms.push_back({{"text", m.text}, {"start", m.span.start}, {"end", m.span.end}});
      }
      j["mentions"] = ms;
      arr.push_back(j);
    }
    std::printf("%s\n", arr.dump(2).c_str());
    return 0;
  }
  for (const auto& e : ents) {
    std::set<std::string> forms;
    for (const auto& m : e.mentions) forms.insert(m.text);
    std::printf("%-34s %-12s %2zu  %s  [%s]\n", e.id.c_str(), e.type.c_str(), e.mentions.size(),
                e.name_ar.c_str(), Join({forms.begin(), forms.end()}, " | ").c_str());
  }
  return 0;
}

void Setup(CLI::App& app, marsad::cli::VerbContext& ctx) {
  auto* cmd = app.add_subcommand(
      "entity", "Look an entity up in the knowledge base (by any alias), or list entities in a file");
  static std::string name, format = "text", in_file;
  cmd->add_option("name", name, "Name, alias or id (Arabic or English)");
  cmd->add_option("--format", format, "text | json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--in", in_file, "Recognize entities in this UTF-8 text file instead");
  cmd->callback([&ctx] {
    if (!in_file.empty()) {
      ctx.exit_code = RunFile(ctx.global.data_dir, in_file, format);
    } else if (name.empty()) {
      marsad::cli::Error("entity: give a NAME or --in FILE");
      ctx.exit_code = 2;
    } else {
      ctx.exit_code = RunLookup(ctx.global.data_dir, name, format);
    }
  });
}
MARSAD_REGISTER_VERB(entity, 40, Setup);

}  // namespace
