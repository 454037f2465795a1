// `marsad search QUERY`: Arabic-aware full-text search over the store.
//
//   marsad search البوكمال
//   marsad search '"دير الزور" OR الميادين' --limit 5 --format json
//   marsad search --reindex            # rebuild the index after an upgrade
//
// Query syntax: store/search_query.h. Exit codes: 0 results printed (even
// none), 1 store missing or unreadable, 2 malformed query.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "marsad/common/paths.h"
#include "marsad/store/store.h"
#include "verb.h"

namespace {

using marsad::SearchHit;

struct SearchArgs {
  std::string query;
  int limit = 20;
  int offset = 0;
  std::string outlet;
  std::string from;
  std::string to;
  std::string format = "text";
  bool reindex = false;
};

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

nlohmann::json HitJson(const SearchHit& h) {
  return {{"id", h.doc_id},         {"title", h.title},
          {"outlet_id", h.outlet_id}, {"outlet", h.outlet_name},
          {"published", h.published}, {"precision", h.published_precision},
          {"source", h.source},     {"url", h.url},
          {"score", h.score},       {"snippet", h.snippet}};
}

std::string Dump(const nlohmann::json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void PrintText(const std::vector<SearchHit>& hits, int offset) {
  for (size_t i = 0; i < hits.size(); ++i) {
    const SearchHit& h = hits[i];
    std::string title = h.title.empty() ? "(untitled)" : h.title;
    std::printf("%zu. %s\n", offset + i + 1, title.c_str());
    std::string meta = h.outlet_name.empty() ? "unknown outlet" : h.outlet_name;
    meta += " · " + (h.published.empty() ? std::string("undated") : h.published);
    meta += " · #" + std::to_string(h.doc_id);
    if (!h.url.empty()) {
      meta += " · " + h.url;
    } else if (!h.source.empty()) {
      meta += " · " + h.source;
    }
    std::printf("   %s\n", meta.c_str());
    std::string snippet = h.snippet;
    for (char& c : snippet) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    std::printf("   %s\n\n", snippet.c_str());
  }
}

int Run(const SearchArgs& args, const marsad::cli::VerbContext& ctx) {
  using marsad::cli::Error;
  const std::string& db = ctx.global.db;
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) {
    Error("no store at " + db + "; run `marsad ingest` first");
    return 1;
  }
  if (args.query.empty() && !args.reindex) {
    Error("search needs a QUERY (see `marsad search --help`)");
    return 2;
  }
  if (args.format != "text" && args.format != "json" && args.format != "jsonl" &&
      args.format != "csv") {
    Error("unknown --format " + args.format + " (text, json, jsonl, csv)");
    return 2;
  }
  marsad::StoreOptions options;
  options.read_only = !args.reindex;
  auto store = marsad::Store::Open(db, options);
  if (!store.ok()) {
    Error(store.status().message());
    return 1;
  }
  if (args.reindex) {
    if (auto s = (*store)->Reindex(); !s.ok()) {
      Error(s.message());
      return 1;
    }
    if (!ctx.global.quiet) std::fprintf(stderr, "marsad: search index of %s rebuilt\n", db.c_str());
    if (args.query.empty()) return 0;
  }
  marsad::SearchOptions so;
  so.limit = args.limit;
  so.offset = args.offset;
  so.outlet = args.outlet;
  so.published_from = args.from;
  so.published_to = args.to;
  const bool tty = args.format == "text" && isatty(STDOUT_FILENO);
  so.highlight_open = tty ? "\033[1;4m" : "[";
  so.highlight_close = tty ? "\033[0m" : "]";
  // Optional knowledge: without the file every word of the query is required.
  auto stopwords = marsad::QueryStopwords::Load(marsad::DataDir(ctx.global.data_dir) + "/search/stopwords.tsv");
  if (stopwords.ok()) so.stopwords = &*stopwords;
  auto hits = (*store)->Search(args.query, so);
  if (!hits.ok()) {
    Error(hits.status().message());
    return hits.status().code() == marsad::StatusCode::kInvalidArgument ? 2 : 1;
  }
  if (args.format == "text") {
    PrintText(*hits, args.offset);
    if (!ctx.global.quiet) {
      std::fprintf(stderr, "%zu result%s for %s\n", hits->size(), hits->size() == 1 ? "" : "s",
                   args.query.c_str());
    }
  } else if (args.format == "json") {
    nlohmann::json out = {{"query", args.query}, {"hits", nlohmann::json::array()}};
    for (const SearchHit& h : *hits) out["hits"].push_back(HitJson(h));
    std::printf("%s\n", Dump(out, 2).c_str());
  } else if (args.format == "jsonl") {
    for (const SearchHit& h : *hits) std::printf("%s\n", Dump(HitJson(h)).c_str());
  } else {
    std::printf("id,score,published,outlet_id,outlet,title,url,source,snippet\n");
    for (const SearchHit& h : *hits) {
      std::printf("%lld,%.6g,%s,%s,%s,%s,%s,%s,%s\n", static_cast<long long>(h.doc_id), h.score,
                  CsvField(h.published).c_str(), CsvField(h.outlet_id).c_str(),
                  CsvField(h.outlet_name).c_str(), CsvField(h.title).c_str(),
                  CsvField(h.url).c_str(), CsvField(h.source).c_str(), CsvField(h.snippet).c_str());
    }
  }
  return 0;
}

void Setup(CLI::App& app, marsad::cli::VerbContext& ctx) {
  auto args = std::make_shared<SearchArgs>();
  auto* cmd = app.add_subcommand(
      "search",
      "Full-text search of stored articles, Arabic-aware: البوكمال also finds بالبوكمال and "
      "diacritized spellings. Syntax: words (all must occur), \"a phrase\", a OR b, a NOT b, "
      "(groups), prefix*");
  cmd->add_option("query", args->query, "Search query");
  cmd->add_option("-n,--limit", args->limit, "Maximum results (default 20)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--offset", args->offset, "Skip this many results (paging)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--outlet", args->outlet, "Only articles of this outlet id");
  cmd->add_option("--from", args->from, "Published on or after this ISO date (2017-11-01)");
  cmd->add_option("--to", args->to, "Published on or before this ISO date prefix (2017-11)");
  cmd->add_option("--format", args->format, "text (default), json, jsonl or csv")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv"}));
  cmd->add_flag("--reindex", args->reindex,
                "Rebuild the search index (after a marsad upgrade changed normalization)");
  cmd->callback([args, &ctx] { ctx.exit_code = Run(*args, ctx); });
}

MARSAD_REGISTER_VERB(search, 30, Setup);

}  // namespace
