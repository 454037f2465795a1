// marsad stories : assign newly stored documents to stories (incremental)
// and list the stories of the store (text, JSON or CSV); --story ID prints
// one story object; --profiles prints per-outlet framing profiles.
#include <cstdio>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "marsad/stories/stories.h"
#include "marsad/store/store.h"
#include "verb.h"

namespace marsad::cli {
namespace {

struct StoriesArgs {
  std::string format = "text";
  int limit = 50;
  int offset = 0;
  std::string granularity = "story";
  bool rebuild = false;
  bool no_update = false;
  std::string story;
  bool profiles = false;
};

std::string Csv(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out + "\"";
}

int Run(VerbContext& ctx, const StoriesArgs& args) {
  StoreOptions so;
  so.read_only = args.no_update;
  auto store = Store::Open(ctx.global.db, so);
  if (!store.ok()) {
    Error(ctx.global.db + ": " + store.status().message());
    return 2;
  }
  stories::StoriesOptions opts;
  opts.granularity = args.granularity;
  opts.data_dir = ctx.global.data_dir;
  if (!args.no_update) {
    Status s = args.rebuild ? stories::RebuildStories(**store, opts) : stories::UpdateStories(**store, opts);
    if (!s.ok()) {
      Error(s.message());
      return 2;
    }
  }
  const auto dump = [](const nlohmann::json& j) {
    std::cout << j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  };
  if (args.profiles) {
    auto p = stories::FramingProfiles(**store, opts);
    if (!p.ok()) {
      Error(p.status().message());
      return 2;
    }
    dump(*p);
    return 0;
  }
  if (!args.story.empty()) {
    auto j = stories::StoryJson(**store, args.story);
    if (!j.ok()) {
      Error(j.status().message());
      return j.status().code() == StatusCode::kNotFound ? 1 : 2;
    }
    dump(*j);
    return 0;
  }
  auto list = stories::ListStories(**store, args.limit, args.offset);
  if (!list.ok()) {
    Error(list.status().message());
    return 2;
  }
  if (args.format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& s : *list) {
      arr.push_back({{"id", s.id}, {"title", s.title}, {"first_date", s.first_date}, {"last_date", s.last_date},
                     {"documents", s.documents}, {"outlets", s.outlets}, {"events", s.events},
                     {"contradictions", s.contradictions}});
    }
    dump(arr);
  } else if (args.format == "csv") {
    std::cout << "id,title,first_date,last_date,documents,outlets,events,contradictions\n";
    for (const auto& s : *list) {
      std::cout << Csv(s.id) << ',' << Csv(s.title) << ',' << Csv(s.first_date) << ',' << Csv(s.last_date) << ','
                << s.documents << ',' << s.outlets << ',' << s.events << ',' << s.contradictions << "\n";
    }
  } else {
    for (const auto& s : *list) {
      std::printf("%-10s %s..%s  %3d docs %2d outlets %3d events %2d contradictions  %s\n", s.id.c_str(),
                  s.first_date.empty() ? "?" : s.first_date.c_str(), s.last_date.empty() ? "?" : s.last_date.c_str(),
                  s.documents, s.outlets, s.events, s.contradictions, s.title.c_str());
    }
    if (list->empty()) std::printf("no stories\n");
  }
  return 0;
}

void Setup(CLI::App& app, VerbContext& ctx) {
  auto args = std::make_shared<StoriesArgs>();
  auto* cmd = app.add_subcommand(
      "stories",
      "Group stored articles into stories across outlets (wire copies, clustering), then list them.\n"
      "New documents are assigned incrementally on each run (docs/stories.md).");
  cmd->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("--limit", args->limit, "Stories to list")->capture_default_str();
  cmd->add_option("--offset", args->offset, "Stories to skip")->capture_default_str();
  cmd->add_option("--granularity", args->granularity, "story (default) or event")
      ->check(CLI::IsMember({"story", "event"}))
      ->capture_default_str();
  cmd->add_flag("--rebuild", args->rebuild, "Drop all story assignments and assign every document again");
  cmd->add_flag("--no-update", args->no_update, "Only read (open the store read-only)");
  cmd->add_option("--story", args->story, "Print one story object as JSON");
  cmd->add_flag("--profiles", args->profiles, "Print per-outlet framing profiles over the store as JSON");
  cmd->callback([&ctx, args] { ctx.exit_code = Run(ctx, *args); });
}

MARSAD_REGISTER_VERB(stories, 35, Setup);

}  // namespace
}  // namespace marsad::cli
