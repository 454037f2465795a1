// `marsad train ner`: trains the named-entity recognizer (src/marsad/ner)
// from CoNLL / Wojood files and writes the model file.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "marsad/common/paths.h"
#include "marsad/ner/ner_model.h"
#include "verb.h"

namespace {

struct Options {
  std::string train, dev, out = "models/ner-wojood.model", name;
  int epochs = 16;
  int runs = 5;
  float o_bias = 4;
  bool no_memory = false;
  int log2_buckets = 18;
  unsigned seed = 1;
};

std::string Today() {
  std::time_t t = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
  return buf;
}

// "…/wojood-sample/train.txt" -> "wojood-sample/train.txt": no machine path in the model.
std::string ShortName(const std::string& path) {
  size_t last = path.find_last_of('/');
  if (last == std::string::npos) return path;
  size_t prev = last == 0 ? std::string::npos : path.find_last_of('/', last - 1);
  return prev == std::string::npos ? path : path.substr(prev + 1);
}

int Run(const Options& o, const marsad::cli::VerbContext& ctx) {
  auto train = marsad::ReadNerConll(o.train);
  if (!train.ok()) {
    marsad::cli::Error(train.status().message());
    return 1;
  }
  std::vector<marsad::NerSentence> dev_sents;
  if (!o.dev.empty()) {
    auto dev = marsad::ReadNerConll(o.dev);
    if (!dev.ok()) {
      marsad::cli::Error(dev.status().message());
      return 1;
    }
    dev_sents = std::move(dev).value();
  }
  std::string data = marsad::DataDir(ctx.global.data_dir);
  marsad::NerTrainOptions opts;
  opts.epochs = o.epochs;
  opts.runs = o.runs;
  opts.o_bias = o.o_bias;
  opts.log2_buckets = o.log2_buckets;
  opts.seed = o.seed;
  opts.trained_on = o.name.empty() ? ShortName(o.train) : o.name;
  char o_bias_text[32];
  std::snprintf(o_bias_text, sizeof o_bias_text, "%g", o.o_bias);
  opts.command = "marsad train ner --train " + opts.trained_on + " --epochs " + std::to_string(o.epochs) +
                 (o.log2_buckets != 18 ? " --buckets " + std::to_string(o.log2_buckets) : "") +
                 (o.seed != 1 ? " --seed " + std::to_string(o.seed) : "") +
                 (o.no_memory ? " --no-memory" : "") + " --runs " + std::to_string(o.runs) + " --o-bias " +
                 std::string(o_bias_text);
  opts.date = Today();
  std::string error;
  std::string given;
  if (!marsad::ReadFile(data + "/ner/triggers.tsv", &opts.triggers_tsv, &error) ||
      !marsad::ReadFile(data + "/ner/gazetteer.tsv", &opts.gazetteer_tsv, &error) ||
      !marsad::ReadFile(data + "/ner/given_names.tsv", &given, &error)) {
    marsad::cli::Error(error);
    return 1;
  }
  if (!opts.gazetteer_tsv.empty() && opts.gazetteer_tsv.back() != '\n') opts.gazetteer_tsv += '\n';
  opts.gazetteer_tsv += given;
  opts.memory = !o.no_memory;
  bool quiet = ctx.global.quiet;
  opts.log = [quiet](const std::string& line) {
    if (!quiet) std::fprintf(stderr, "%s\n", line.c_str());
  };
  auto t0 = std::chrono::steady_clock::now();
  marsad::NerModel model;
  marsad::Status s = marsad::TrainNer(opts, *train, dev_sents.empty() ? nullptr : &dev_sents, &model);
  if (!s.ok()) {
    marsad::cli::Error(s.message());
    return 1;
  }
  s = model.Save(o.out);
  if (!s.ok()) {
    marsad::cli::Error(s.message());
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("wrote %s (%s) in %.1f s\n", o.out.c_str(), model.provenance().c_str(), secs);
  return 0;
}

void Setup(CLI::App& train, marsad::cli::VerbContext& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = train.add_subcommand("ner", "Train the named-entity recognizer from CoNLL (Wojood) files");
  cmd->add_option("--train", opts->train, "Training file: one token per line, nested IOB2 tags")->required();
  cmd->add_option("--dev", opts->dev, "Development file: F1 printed after each epoch (selects nothing)");
  cmd->add_option("--epochs", opts->epochs, "Training epochs")->capture_default_str();
  cmd->add_option("--buckets", opts->log2_buckets, "log2 of hashed feature rows")->capture_default_str();
  cmd->add_option("--seed", opts->seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--runs", opts->runs, "Perceptrons trained on different shuffles, averaged")
      ->capture_default_str();
  cmd->add_option("--o-bias", opts->o_bias, "Subtracted from the O score when predicting (recall knob)")
      ->capture_default_str();
  cmd->add_flag("--no-memory", opts->no_memory, "Do not learn a lexicon of the training data's names");
  cmd->add_option("--name", opts->name, "Name of the training data recorded in the model header");
  cmd->add_option("--out", opts->out, "Model file to write")->capture_default_str();
  cmd->callback([opts, &ctx] { ctx.exit_code = Run(*opts, ctx); });
}
MARSAD_REGISTER_SUBVERB(train, ner, Setup);

}  // namespace
