// `marsad train pairs`: trains the claim-pair classifier (src/marsad/compare)
// on the training split of the Arabic News Stance corpus, chooses the
// contradiction threshold on the dev split for a precision target, and writes
// the model file (default models/pairs-ans.model).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>

#include "marsad/common/paths.h"
#include "marsad/compare/pair_classifier.h"
#include "marsad/compare/pair_data.h"
#include "marsad/compare/pair_eval.h"
#include "verb.h"

namespace {

struct Options {
  std::string ans, out = "models/pairs-ans.model";
  int epochs = 15;
  int runs = 5;
  double learning_rate = 0.05;
  double l2 = 1e-3;
  double precision = 0.9;
  unsigned seed = 1;
};

std::string Today() {
  std::time_t t = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
  return buf;
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

int Run(const Options& o, const marsad::cli::VerbContext& ctx) {
  std::string ans = o.ans;
  if (ans.empty()) {
    std::string shared = marsad::SharedDir();
    if (!shared.empty()) ans = shared + "/data/ans";
  }
  std::string train_path = ans + "/data/stance/train.csv", dev_path = ans + "/data/stance/dev.csv";
  if (ans.empty() || !std::filesystem::exists(train_path)) {
    std::printf("train pairs: skipped: ANS stance data not found (%s); pass --ans DIR\n",
                ans.empty() ? "no shared data folder" : train_path.c_str());
    return 0;
  }
  auto lexicon = marsad::LoadPairLexicon(marsad::DataDir(ctx.global.data_dir));
  if (!lexicon.ok()) {
    marsad::cli::Error(lexicon.status().message());
    return 1;
  }
  auto train = marsad::ReadAnsStanceCsv(train_path);
  if (!train.ok()) {
    marsad::cli::Error(train.status().message());
    return 1;
  }
  marsad::PairTrainOptions opts;
  opts.epochs = o.epochs;
  opts.runs = o.runs;
  opts.learning_rate = o.learning_rate;
  opts.l2 = o.l2;
  opts.seed = o.seed;
  opts.trained_on = "ans/data/stance/train.csv";
  opts.command = "marsad train pairs --epochs " + std::to_string(o.epochs) + " --runs " +
                 std::to_string(o.runs) + " --lr " + Fmt(o.learning_rate) + " --l2 " + Fmt(o.l2) +
                 " --precision " + Fmt(o.precision) + " --seed " + std::to_string(o.seed);
  opts.date = Today();
  if (!ctx.global.quiet) opts.log = [](const std::string& line) { std::printf("  %s\n", line.c_str()); };
  std::printf(
      "train pairs: %zu training pairs from %s; lexicon: %zu polarity words, %zu negation cues, %zu places\n",
      train->size(), train_path.c_str(), lexicon->polarity_size(), lexicon->negation_size(),
      lexicon->place_size());
  auto start = std::chrono::steady_clock::now();
  auto model = marsad::PairClassifier::Train(*lexicon, *train, opts);
  if (!model.ok()) {
    marsad::cli::Error(model.status().message());
    return 1;
  }
  // Threshold: the lowest one whose contradiction precision on dev (decision
  // rule of Classify, all three gold classes) reaches the target.
  double threshold = 0.5;
  if (std::filesystem::exists(dev_path)) {
    auto dev = marsad::ReadAnsStanceCsv(dev_path);
    if (!dev.ok()) {
      marsad::cli::Error(dev.status().message());
      return 1;
    }
    std::vector<std::array<double, marsad::kPairLabels>> probs;
    for (const auto& p : *dev) probs.push_back(model->Probabilities(p.a, p.b));
    std::printf("  dev (%zu pairs): contradiction precision / recall by threshold\n", dev->size());
    bool found = false;
    for (int step = 50; step <= 95; step += 5) {
      double t = step / 100.0;
      model->set_contradiction_threshold(t);
      marsad::PairConfusion c;
      for (size_t i = 0; i < dev->size(); ++i) c.Add((*dev)[i].label, model->Decide(probs[i]));
      double p = c.Precision(marsad::PairLabel::kContradiction),
             r = c.Recall(marsad::PairLabel::kContradiction);
      std::printf("    %.2f  P %.3f  R %.3f\n", t, p, r);
      if (!found && p >= o.precision) {
        threshold = t;
        found = true;
      }
    }
    if (!found) std::printf("  precision target %.2f not reached on dev; threshold stays 0.5\n", o.precision);
  } else {
    std::printf("  no dev split (%s): threshold stays 0.5\n", dev_path.c_str());
  }
  model->set_contradiction_threshold(threshold);
  marsad::Status s = model->Save(o.out);
  if (!s.ok()) {
    marsad::cli::Error(s.message());
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %s (%zu weights, contradiction threshold %.2f) in %.1f s\n", o.out.c_str(),
              model->num_features(), threshold, secs);
  return 0;
}

void Setup(CLI::App& train, marsad::cli::VerbContext& ctx) {
  auto* cmd = train.add_subcommand("pairs", "Train the paraphrase/contradiction pair classifier on ANS");
  auto o = std::make_shared<Options>();
  cmd->add_option("--ans", o->ans, "ANS folder (default: <shared>/data/ans)");
  cmd->add_option("--out", o->out, "Model file to write (default: models/pairs-ans.model)");
  cmd->add_option("--epochs", o->epochs, "SGD epochs (default: 15)");
  cmd->add_option("--runs", o->runs, "Models on different shuffles, averaged (default: 5)");
  cmd->add_option("--lr", o->learning_rate, "Learning rate (default: 0.05)");
  cmd->add_option("--l2", o->l2, "L2 decay per update (default: 1e-3)");
  cmd->add_option("--precision", o->precision,
                  "Contradiction precision to reach on dev when choosing the threshold (default: 0.9)");
  cmd->add_option("--seed", o->seed, "Shuffling seed (default: 1)");
  cmd->callback([&ctx, o] { ctx.exit_code = Run(*o, ctx); });
}

MARSAD_REGISTER_SUBVERB(train, pairs, Setup);

}  // namespace
