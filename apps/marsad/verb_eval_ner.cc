// `marsad eval ner [FILE]`: entity-level precision / recall / F1 per type of
// the named-entity recognizer on a CoNLL / Wojood file.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>

#include "marsad/common/paths.h"
#include "marsad/ner/ner_model.h"
#include "verb.h"

namespace {

struct Options {
  std::string file, model;
  bool errors = false;
  int repeat = 1;
};

std::string DefaultModelPath(const marsad::cli::VerbContext& ctx) {
  return marsad::DataDir(ctx.global.data_dir) + "/../models/ner-wojood.model";
}

int Run(const Options& o, const marsad::cli::VerbContext& ctx) {
  std::string file = o.file;
  if (file.empty()) {
    std::string shared = marsad::SharedDir();
    if (shared.empty()) {
      std::printf(
          "skipped: no ../shared folder with wojood-sample/val.txt (give FILE or set MARSAD_SHARED)\n");
      return 0;
    }
    file = shared + "/data/wojood-sample/val.txt";
    if (!std::filesystem::exists(file)) {
      std::printf("skipped: %s is absent (give FILE)\n", file.c_str());
      return 0;
    }
  }
  auto sents = marsad::ReadNerConll(file);
  if (!sents.ok()) {
    marsad::cli::Error(sents.status().message());
    return 1;
  }
  std::string model_path = o.model.empty() ? DefaultModelPath(ctx) : o.model;
  auto model = marsad::NerModel::Load(model_path);
  if (!model.ok()) {
    marsad::cli::Error(model.status().message());
    return 1;
  }
  if (!model->stemmer_matches()) {
    std::fprintf(stderr, "marsad: warning: LightStem changed since the NER model was trained; retrain it\n");
  }
  marsad::NerScorer scorer;
  size_t tokens = 0, bytes = 0;
  std::vector<std::vector<marsad::Token>> all_tokens;
  for (const auto& s : *sents) {
    std::vector<marsad::Token> toks = marsad::NerTokensFromWords(s.words);
    for (const auto& w : s.words) bytes += w.size() + 1;
    tokens += toks.size();
    std::vector<marsad::NerSpan> pred = model->Predict(toks, 0, toks.size());
    all_tokens.push_back(std::move(toks));
    std::vector<marsad::NerSpan> gold = marsad::SpansFromBio(s.tags);
    scorer.Add(gold, pred);
    if (o.errors) {
      auto text = [&](const marsad::NerSpan& sp) {
        std::string t;
        for (size_t k = sp.first; k < sp.last; ++k) t += (k > sp.first ? " " : "") + s.words[k];
        return t;
      };
      for (const auto& p : pred) {
        bool ok = false;
        for (const auto& g : gold) ok = ok || g == p;
        if (!ok) std::printf("FP %s\t%s\n", p.type.c_str(), text(p).c_str());
      }
      for (const auto& g : gold) {
        bool ok = false;
        for (const auto& p : pred) ok = ok || g == p;
        if (!ok) std::printf("FN %s\t%s\n", g.type.c_str(), text(g).c_str());
      }
    }
  }
  // Speed: whole passes over the file (after the scoring pass warmed up).
  size_t found = 0;
  // CPU time of this thread, so the figure is per core even on a busy machine.
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  double t0 = cpu_now();
  for (int r = 0; r < std::max(1, o.repeat); ++r) {
    for (const auto& toks : all_tokens) found += model->Predict(toks, 0, toks.size()).size();
  }
  double secs = (cpu_now() - t0) / std::max(1, o.repeat);
  std::printf("NER on %s: %zu sentences, %zu tokens\nmodel: %s\n", file.c_str(), sents->size(), tokens,
              model->provenance().c_str());
  std::printf("%s", scorer.Report().c_str());
  std::printf(
      "speed per core (features + Viterbi, tokens given, thread CPU time, %d pass%s): %.2f MB/s, %.0f "
      "tokens/s\n",
      std::max(1, o.repeat), o.repeat > 1 ? "es" : "", secs > 0 ? bytes / secs / 1e6 : 0.0,
      secs > 0 ? tokens / secs : 0.0);
  if (found == 0 && tokens > 0) std::printf("note: no entity predicted\n");
  return 0;
}

void Setup(CLI::App& eval, marsad::cli::VerbContext& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = eval.add_subcommand("ner", "Entity P/R/F1 per type of the NER model on a CoNLL (Wojood) file");
  cmd->add_option("file", opts->file, "CoNLL file (default ../shared/data/wojood-sample/val.txt)");
  cmd->add_option("--model", opts->model, "Model file (default models/ner-wojood.model beside data/)");
  cmd->add_option("--repeat", opts->repeat, "Time N passes over the file (steadier speed figure)");
  cmd->add_flag("--errors", opts->errors, "Also list false positives (FP) and missed entities (FN)");
  cmd->callback([opts, &ctx] { ctx.exit_code = Run(*opts, ctx); });
}
MARSAD_REGISTER_SUBVERB(eval, ner, Setup);

}  // namespace
