// `marsad eval pairs [DIR]`: measures the claim-pair classifier
// (src/marsad/compare) on the held-out splits of the Arabic News Stance
// corpus (ANS, ../shared/data/ans: data/stance/{dev,test}.csv; the model is
// trained on train.csv only). Prints, per split:
//   * paraphrase vs contradiction (gold agree / disagree, the better of the
//     two labels): per-class P/R/F1, accuracy, macro-F1 (the figure);
//   * the 3-way figures (argmax of paraphrase / contradiction / other);
//   * the product decision (Classify: contradiction only above the model's
//     threshold) with the precision of each asserted label;
//   * contradiction precision / recall by threshold.
// Skips cleanly when the folder is absent. `--pair A B` classifies one pair
// with the model and prints the verdict with its reasons.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "marsad/common/paths.h"
#include "marsad/compare/pair_classifier.h"
#include "marsad/compare/pair_data.h"
#include "marsad/compare/pair_eval.h"
#include "verb.h"

namespace {

using marsad::PairLabel;

struct Options {
  std::string dir, model, split = "dev,test";
  bool symmetric = false;
  int examples = 0;
  std::vector<std::string> pair;  // --pair A B: classify one pair and stop
};

void PrintClasses(const marsad::PairConfusion& c, const std::vector<PairLabel>& classes) {
  for (PairLabel k : classes) {
    std::printf("    %-14s P %.3f  R %.3f  F1 %.3f  (gold %lld, predicted %lld)\n", marsad::PairLabelName(k),
                c.Precision(k), c.Recall(k), c.F1(k), static_cast<long long>(c.Gold(k)),
                static_cast<long long>(c.Predicted(k)));
  }
}

int EvalSplit(const marsad::PairClassifier& model, const std::string& path, const std::string& split,
              const Options& o) {
  auto pairs = marsad::ReadAnsStanceCsv(path);
  if (!pairs.ok()) {
    marsad::cli::Error(pairs.status().message());
    return 1;
  }
  const std::vector<PairLabel> two = {PairLabel::kParaphrase, PairLabel::kContradiction};
  const std::vector<PairLabel> three = {PairLabel::kParaphrase, PairLabel::kContradiction, PairLabel::kOther};
  marsad::PairConfusion c2, c3, product;
  std::vector<std::array<double, marsad::kPairLabels>> probs;
  int shown = 0;
  for (const auto& p : *pairs) {
    auto pr = o.symmetric ? model.SymmetricProbabilities(p.a, p.b) : model.Probabilities(p.a, p.b);
    probs.push_back(pr);
    int best3 = static_cast<int>(std::max_element(pr.begin(), pr.end()) - pr.begin());
    c3.Add(p.label, static_cast<PairLabel>(best3));
    product.Add(p.label, model.Decide(pr));
    if (p.label == PairLabel::kOther) continue;
    PairLabel best2 = pr[1] > pr[0] ? PairLabel::kContradiction : PairLabel::kParaphrase;
    c2.Add(p.label, best2);
    if (best2 != p.label && shown < o.examples) {
      ++shown;
      std::printf("  error: gold %s, p(contradiction) %.2f\n    a: %s\n    b: %s\n",
                  marsad::PairLabelName(p.label), pr[1], p.a.c_str(), p.b.c_str());
    }
  }
  std::printf("\n%s split: %zu pairs (%lld paraphrase, %lld contradiction, %lld other)%s\n", split.c_str(),
              pairs->size(), static_cast<long long>(c3.Gold(PairLabel::kParaphrase)),
              static_cast<long long>(c3.Gold(PairLabel::kContradiction)),
              static_cast<long long>(c3.Gold(PairLabel::kOther)),
              o.symmetric ? " [both orders averaged]" : "");
  std::printf("  paraphrase vs contradiction (%lld pairs, the more probable of the two):\n",
              static_cast<long long>(c2.Total()));
  PrintClasses(c2, two);
  std::printf("    accuracy %.3f  macro-F1 %.3f\n", c2.Accuracy(), c2.MacroF1(two));
  std::printf("  3-way (argmax):\n");
  PrintClasses(c3, three);
  std::printf("    accuracy %.3f  macro-F1 %.3f\n", c3.Accuracy(), c3.MacroF1(three));
  std::printf("  product decision (contradiction only at p >= %.2f, else no relation asserted):\n",
              model.contradiction_threshold());
  PrintClasses(product, three);
  std::printf("  contradiction precision / recall by threshold (3-way decision):\n");
  marsad::PairClassifier copy = model;
  for (int step = 50; step <= 95; step += 5) {
    copy.set_contradiction_threshold(step / 100.0);
    marsad::PairConfusion c;
    for (size_t i = 0; i < pairs->size(); ++i) c.Add((*pairs)[i].label, copy.Decide(probs[i]));
    std::printf("    %.2f  P %.3f  R %.3f\n", step / 100.0, c.Precision(PairLabel::kContradiction),
                c.Recall(PairLabel::kContradiction));
  }
  return 0;
}

int Run(const Options& o, const marsad::cli::VerbContext& ctx) {
  std::string dir = o.dir;
  if (dir.empty()) {
    std::string shared = marsad::SharedDir();
    if (!shared.empty()) dir = shared + "/data/ans";
  }
  std::string stance = dir + "/data/stance";
  if (o.pair.empty() && (dir.empty() || !std::filesystem::exists(stance))) {
    std::printf("eval pairs: skipped: ANS stance data not found (%s); give DIR\n",
                dir.empty() ? "no shared data folder" : stance.c_str());
    return 0;
  }
  std::string model_path =
      o.model.empty() ? marsad::DataDir(ctx.global.data_dir) + "/../models/pairs-ans.model" : o.model;
  auto model = marsad::PairClassifier::Load(model_path);
  if (!model.ok()) {
    marsad::cli::Error(model.status().message());
    return 1;
  }
  if (o.pair.size() == 2) {
    marsad::PairVerdict v = model->Classify(o.pair[0], o.pair[1]);
    std::printf("%s %.3f (paraphrase %.3f, contradiction %.3f, other %.3f)\n", v.label.c_str(), v.score,
                v.probabilities[0], v.probabilities[1], v.probabilities[2]);
    for (const std::string& r : v.reasons) std::printf("  %s\n", r.c_str());
    return 0;
  }
  std::printf("eval pairs: ANS stance corpus (%s)\n  model: %s\n  %s\n", stance.c_str(), model_path.c_str(),
              model->provenance().c_str());
  if (!model->stemmer_matches()) std::printf("  warning: word keys changed since training; retrain\n");
  int rc = 0;
  size_t start = 0;
  while (start <= o.split.size()) {
    size_t comma = o.split.find(',', start);
    if (comma == std::string::npos) comma = o.split.size();
    std::string split = o.split.substr(start, comma - start);
    start = comma + 1;
    if (split.empty()) continue;
    if (split == "train") std::printf("  note: the model was trained on train: figures are not held-out\n");
    std::string path = stance + "/" + split + ".csv";
    if (!std::filesystem::exists(path)) {
      std::printf("\n%s split: skipped (%s absent)\n", split.c_str(), path.c_str());
      continue;
    }
    rc |= EvalSplit(*model, path, split, o);
  }
  return rc;
}

void Setup(CLI::App& eval, marsad::cli::VerbContext& ctx) {
  auto* cmd = eval.add_subcommand("pairs", "Paraphrase vs contradiction on ANS headline pairs");
  auto o = std::make_shared<Options>();
  cmd->add_option("DIR", o->dir, "ANS folder (default: <shared>/data/ans)");
  cmd->add_option("--model", o->model, "Model file (default: models/pairs-ans.model beside data/)");
  cmd->add_option("--split", o->split, "Comma-separated splits to score (default: dev,test)");
  cmd->add_flag("--symmetric", o->symmetric,
                "Average both orders (s1->s2, s2->s1) instead of the ordered pair");
  cmd->add_option("--examples", o->examples, "Print up to N misclassified pairs per split (default: 0)");
  cmd->add_option("--pair", o->pair, "Classify one pair A B (A = reference claim) and print the verdict")
      ->expected(2);
  cmd->callback([&ctx, o] { ctx.exit_code = Run(*o, ctx); });
}

MARSAD_REGISTER_SUBVERB(eval, pairs, Setup);

}  // namespace
