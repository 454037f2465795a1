// marsad train events [--gsr DIR] [--out FILE] [--folds K] [--target-precision P] ...
//
// Trains the sentence gate of the events stage (events/event_classifier.h):
// one logistic regression per gated type (ASSAULT, PROTEST) over the features
// the EventExtractor computes for a sentence, on the TRAINING part of the
// PLOVER Arabic gold sentences only (../shared/data/arabic-event-gsr; the
// fixed split of events/gsr.h: FNV-1a(id) % 10 < 7). `ambiguous` rows are
// left out; `yes` is positive, `easy no` / `difficult no` negative. Each
// sentence goes through the engine's stages after cleaning (normalize,
// tokenize, entities unless --no-entities) and the attribution finder, as in
// `marsad eval events`.
//
// Threshold: K-fold cross-validation on the training part gives every
// training sentence an out-of-fold score; a sentence is predicted positive
// when the rules find a counted event of the type (not negated, completed or
// ongoing) AND its score reaches the threshold. The threshold kept is the one
// with the best F1 among those whose cross-validated precision reaches
// --target-precision (else the one with the best F0.5, precision-weighted). The final model
// is trained on the whole training part and written with its provenance.
// The held-out part is never read here; `marsad eval events` reports on it.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "marsad/attribute/attribution_finder.h"
#include "marsad/common/paths.h"
#include "marsad/events/event_classifier.h"
#include "marsad/events/event_extractor.h"
#include "marsad/events/gsr.h"
#include "marsad/document/layers.h"
#include "marsad/engine/engine.h"
#include "marsad/attribute/attribution_stage.h"
#include "marsad/pipeline/stage.h"
#include "gsr_sentence_analyzer.h"
#include "verb.h"

namespace {

namespace fs = std::filesystem;

struct Options {
  std::string gsr;
  std::string out;
  int folds = 5;
  double target_precision = 0.85;
  bool candidates_only = false;
  bool verbose = false;
  bool entities = true;
  bool no_entities = false;  // --no-entities
  double difficult_weight = 1;  // loss weight of "difficult no" sentences
  std::vector<std::string> drop;  // feature families (prefixes) left out
  marsad::EventClassifier::TrainOptions train{.runs = 5};
};

using marsad::cli::SentenceAnalyzer;

bool CountsAs(const marsad::Event& e, const std::string& type) {
  if (e.negated) return false;
  if (e.status != "completed" && e.status != "ongoing") return false;
  return e.type == type || (type == "ASSAULT" && e.type == "KILL");
}

struct Item {
  std::vector<std::string> features;
  bool candidate = false;  // the rules find a counted event of the type
  bool gold = false;
  double weight = 1;
};

struct Pick {
  double threshold = 0.5, p = 0, r = 0, f1 = 0;
};

Pick ChooseThreshold(const std::vector<Item>& items, const std::vector<double>& score, double target) {
  int positives = 0;
  for (const auto& it : items) positives += it.gold;
  std::vector<double> cuts;
  for (size_t k = 0; k < items.size(); ++k) {
    if (items[k].candidate) cuts.push_back(score[k]);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  Pick best_ok, best_f05;
  double best_f05_value = -1;
  bool have_ok = false;
  for (double t : cuts) {
    int tp = 0, fp = 0;
    for (size_t k = 0; k < items.size(); ++k) {
      if (!items[k].candidate || score[k] < t) continue;
      (items[k].gold ? tp : fp)++;
    }
    if (tp == 0) continue;
    Pick pk;
    pk.threshold = t;
    pk.p = static_cast<double>(tp) / (tp + fp);
    pk.r = positives ? static_cast<double>(tp) / positives : 0;
    pk.f1 = pk.p + pk.r > 0 ? 2 * pk.p * pk.r / (pk.p + pk.r) : 0;
    // Ties on F1 go to the lower threshold (more recall at equal quality).
    if (pk.p >= target && (!have_ok || pk.f1 > best_ok.f1)) {
      best_ok = pk;
      have_ok = true;
    }
    // Precision-weighted F (beta = 0.5) when the target is out of reach.
    const double f05 = 1.25 * pk.p * pk.r / (0.25 * pk.p + pk.r);
    if (f05 > best_f05_value) {
      best_f05_value = f05;
      best_f05 = pk;
    }
  }
  return have_ok ? best_ok : best_f05;
}

int Run(const std::string& data_dir_opt, Options o) {
  const std::string data_dir = marsad::DataDir(data_dir_opt);
  auto af = marsad::AttributionFinder::Load(data_dir);
  if (!af.ok()) {
    marsad::cli::Error(af.status().ToString());
    return 1;
  }
  auto ex = marsad::EventExtractor::Load(data_dir);
  if (!ex.ok()) {
    marsad::cli::Error(ex.status().ToString());
    return 1;
  }
  auto analyzer = SentenceAnalyzer::Create(data_dir, o.entities, *af);
  if (!analyzer.ok()) {
    marsad::cli::Error(analyzer.status().ToString());
    return 1;
  }
  if (o.gsr.empty()) {
    std::string shared = marsad::SharedDir();
    if (!shared.empty()) o.gsr = shared + "/data/arabic-event-gsr";
  }
  if (o.gsr.empty() || !fs::is_directory(o.gsr)) {
    marsad::cli::Error("arabic-event-gsr not found (give --gsr DIR; ../shared/data absent?)");
    return 1;
  }
  if (o.out.empty()) o.out = (fs::path(data_dir) / ".." / "models" / "events-gsr.model").lexically_normal().string();
  if (o.folds < 2) o.folds = 2;

  std::map<std::string, marsad::EventClassifier::TypeModel> models;
  std::string summary;
  for (const auto& [name, type] : std::vector<std::pair<std::string, std::string>>{{"assault", "ASSAULT"},
                                                                                    {"protest", "PROTEST"}}) {
    auto rows = marsad::ReadGsr(o.gsr, name);
    if (!rows.ok()) {
      marsad::cli::Error(rows.status().ToString());
      return 1;
    }
    std::vector<Item> items;
    std::vector<std::string> ids;
    int with_hit = 0, positives = 0, pos_candidates = 0;
    for (const auto& row : *rows) {
      if (!row.train || row.label == "ambiguous") continue;
      marsad::Document d;
      (*analyzer)->Analyze(row.text, &d);
      std::vector<marsad::SentenceFeatures> feats;
      marsad::EventInput in;
      in.body = d.body;
      in.tokens = &d.tokens;
      if (d.layers.count(marsad::layers::kEntities)) in.entities = &d.entities;
      in.attributions = &d.attributions;
      in.gate = false;
      in.features_out = &feats;
      auto events = (*ex)->Extract(in);
      Item it;
      it.gold = row.label == "yes";
      if (row.label == "difficult no") it.weight = o.difficult_weight;
      positives += it.gold;
      for (const auto& e : events) it.candidate |= CountsAs(e, type);
      pos_candidates += it.gold && it.candidate;
      if (feats.empty()) continue;  // no trigger word: the gate never sees it
      ++with_hit;
      for (auto& sf : feats) {
        for (auto& f : sf.features) {
          bool dropped = false;
          for (const auto& d : o.drop) dropped |= f.compare(0, d.size(), d) == 0;
          if (!dropped) it.features.push_back(std::move(f));
        }
      }
      if (o.candidates_only && !it.candidate) continue;
      items.push_back(std::move(it));
      ids.push_back(row.id);
    }
    // Out-of-fold scores.
    std::vector<double> oof(items.size(), 0);
    for (int fold = 0; fold < o.folds; ++fold) {
      std::vector<marsad::EventClassifier::Example> train;
      for (size_t k = 0; k < items.size(); ++k) {
        if (static_cast<int>((marsad::Fnv1a64(ids[k]) >> 8) % o.folds) != fold) {
          train.push_back({items[k].features, items[k].gold, items[k].weight});
        }
      }
      auto m = marsad::EventClassifier::Train(train, o.train);
      for (size_t k = 0; k < items.size(); ++k) {
        if (static_cast<int>((marsad::Fnv1a64(ids[k]) >> 8) % o.folds) == fold) {
          oof[k] = marsad::EventClassifier::ScoreWith(m, items[k].features);
        }
      }
    }
    // Positives without a hit count as misses: add them as non-candidates.
    int in_items = 0;
    for (const auto& it : items) in_items += it.gold;
    for (int k = in_items; k < positives; ++k) {
      items.push_back(Item{{}, false, true});
      oof.push_back(0);
    }
    if (o.verbose) {
      for (double t : {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
        int tp = 0, fp = 0;
        for (size_t k = 0; k < items.size(); ++k) {
          if (items[k].candidate && oof[k] >= t) (items[k].gold ? tp : fp)++;
        }
        std::printf("  cv t=%.1f tp=%d fp=%d P=%.3f R=%.3f\n", t, tp, fp, tp + fp ? double(tp) / (tp + fp) : 0.0,
                    double(tp) / positives);
      }
    }
    Pick pick = ChooseThreshold(items, oof, o.target_precision);
    std::vector<marsad::EventClassifier::Example> all;
    for (const auto& it : items) {
      if (!it.features.empty()) all.push_back({it.features, it.gold, it.weight});
    }
    auto model = marsad::EventClassifier::Train(all, o.train);
    model.threshold = pick.threshold;
    models[type] = model;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "%s: %d training sentences with a trigger (%d positive, %d found by the rules); "
                  "%d-fold CV at threshold %.3f: P=%.3f R=%.3f F1=%.3f; %zu weights",
                  type.c_str(), with_hit, positives, pos_candidates, o.folds, pick.threshold, pick.p, pick.r, pick.f1,
                  model.weights.size());
    std::printf("%s\n", buf);
    summary += std::string(summary.empty() ? "" : "; ") + buf;
  }
  char opts[256];
  std::snprintf(opts, sizeof opts, "--runs %d --folds %d --target-precision %.2f --epochs %d --lr %g --l2 %g --min-count %d%s",
                o.train.runs, o.folds, o.target_precision, o.train.epochs, o.train.learning_rate, o.train.l2, o.train.min_count,
                o.candidates_only ? " --candidates-only" : "");
  std::string drop_opt;
  if (!o.entities) drop_opt += " --no-entities";
  if (o.difficult_weight != 1) drop_opt += " --difficult-weight " + std::to_string(o.difficult_weight);
  for (const auto& d : o.drop) drop_opt += " --drop " + d;
  std::string provenance = std::string("trained on arabic-event-gsr (MIT) assault_gsr.csv + protest_gsr.csv, ") +
                           "training part only (FNV-1a(id) % 10 < 7, ambiguous excluded), each sentence through the engine's " +
                           (o.entities ? "normalize, tokenize and entity stages" : "normalize and tokenize stages") +
                           " and the attribution finder, by `marsad train events " +
                           opts + drop_opt + "`; " + summary;
  marsad::EventClassifier clf(std::move(models), provenance);
  std::ofstream os(o.out, std::ios::binary);
  os << clf.Serialize();
  if (!os) {
    marsad::cli::Error("cannot write " + o.out);
    return 1;
  }
  std::printf("wrote %s\n", o.out.c_str());
  return 0;
}

void Setup(CLI::App& train, marsad::cli::VerbContext& ctx) {
  auto* cmd = train.add_subcommand("events", "Train the events sentence gate on the PLOVER gold sentences (training part)");
  auto o = std::make_shared<Options>();
  cmd->add_option("--gsr", o->gsr, "Folder with *_gsr.csv (default: <shared>/data/arabic-event-gsr)");
  cmd->add_option("--out", o->out, "Model file to write (default: <data>/../models/events-gsr.model)");
  cmd->add_option("--folds", o->folds, "Cross-validation folds for the threshold")->capture_default_str();
  cmd->add_option("--target-precision", o->target_precision, "Cross-validated precision the threshold must reach")
      ->capture_default_str();
  cmd->add_option("--epochs", o->train.epochs, "SGD epochs")->capture_default_str();
  cmd->add_option("--lr", o->train.learning_rate, "Initial learning rate")->capture_default_str();
  cmd->add_option("--l2", o->train.l2, "L2 regularization")->capture_default_str();
  cmd->add_option("--min-count", o->train.min_count, "Drop features seen in fewer sentences")->capture_default_str();
  cmd->add_option("--runs", o->train.runs, "Models trained on different shuffles, averaged")->capture_default_str();
  cmd->add_option("--positive-weight", o->train.positive_weight, "Loss weight of positive sentences")
      ->capture_default_str();
  cmd->add_flag("--candidates-only", o->candidates_only,
                "Train only on sentences where the rules find a counted event");
  cmd->add_option("--difficult-weight", o->difficult_weight, "Loss weight of `difficult no` sentences")
      ->capture_default_str();
  cmd->add_option("--drop", o->drop, "Feature families to leave out, by prefix (b: s: c: pre: ev: ...)");
  cmd->add_flag("--no-entities", o->no_entities, "Leave out the entity layer (must match how the model is used)");
  cmd->add_flag("-v,--verbose", o->verbose, "Print cross-validated precision and recall at several thresholds");
  cmd->callback([&ctx, o] {
    o->entities = !o->no_entities;
    ctx.exit_code = Run(ctx.global.data_dir, *o);
  });
}
MARSAD_REGISTER_SUBVERB(train, events, Setup);

}  // namespace
