// `marsad eval ner [FILE]`: entity-level precision / recall / F1 per type of
// the named-entity recognizer on a CoNLL / Wojood file.
#include <algorithm>
#include <chrono>
#include <cstdio>
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
      std::printf("skipped: no ../shared folder with wojood-sample/val.txt (give FILE or set MARSAD_SHARED)\n");
      return 0;
    }
    file = shared + "/data/wojood-sample/val.txt";
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
  double secs = 0;
  for (const auto& s : *sents) {
    std::vector<marsad::Token> toks = marsad::NerTokensFromWords(s.words);
    for (const auto& w : s.words) bytes += w.size() + 1;
    tokens += toks.size();
    auto t0 = std::chrono::steady_clock::now();
    std::vector<marsad::NerSpan> pred = model->Predict(toks, 0, toks.size());
    for (int r = 1; r < o.repeat; ++r) pred = model->Predict(toks, 0, toks.size());
    secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / std::max(1, o.repeat);
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
  std::printf("NER on %s: %zu sentences, %zu tokens\nmodel: %s\n", file.c_str(), sents->size(), tokens,
              model->provenance().c_str());
  std::printf("%s", scorer.Report().c_str());
  std::printf("decoding (features + Viterbi, excluding token building): %.2f MB/s, %.0f tokens/s\n",
              secs > 0 ? bytes / secs / 1e6 : 0.0, secs > 0 ? tokens / secs : 0.0);
  return 0;
}

void Setup(CLI::App& eval, marsad::cli::VerbContext& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = eval.add_subcommand("ner", "Entity P/R/F1 per type of the NER model on a CoNLL (Wojood) file");
  cmd->add_option("file", opts->file, "CoNLL file (default ../shared/data/wojood-sample/val.txt)");
  cmd->add_option("--model", opts->model, "Model file (default models/ner-wojood.model beside data/)");
  cmd->add_option("--repeat", opts->repeat, "Predict each sentence N times (steadier speed figure)");
  cmd->add_flag("--errors", opts->errors, "Also list false positives (FP) and missed entities (FN)");
  cmd->callback([opts, &ctx] { ctx.exit_code = Run(*opts, ctx); });
}
MARSAD_REGISTER_SUBVERB(eval, ner, Setup);

}  // namespace
