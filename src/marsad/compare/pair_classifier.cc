// PairClassifier: training, decision rule and the model file. See
// pair_classifier.h for the contract and docs/compare.md for the figures.
#include "marsad/compare/pair_classifier.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>

#include "marsad/common/paths.h"
#include "marsad/normalize/arabic_normalizer.h"

namespace marsad {
namespace {

constexpr const char* kLabelNames[kPairLabels] = {"paraphrase", "contradiction", "other"};
// Caps that keep a corrupt or hostile model file from allocating without
// bound (the shipped model is far below them).
constexpr size_t kMaxLines = 2'000'000;
// How many learned features are quoted as reasons.
constexpr int kLearnedReasons = 3;

std::array<double, kPairLabels> Softmax(const std::array<double, kPairLabels>& s) {
  double m = *std::max_element(s.begin(), s.end());
  std::array<double, kPairLabels> p{};
  double z = 0;
  for (int k = 0; k < kPairLabels; ++k) z += (p[k] = std::exp(s[k] - m));
  for (double& x : p) x /= z;
  return p;
}

std::string Format2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string FormatDouble(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(*out);
}

bool ParseSize(std::string_view s, size_t* out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// Reads lines one at a time from a byte buffer.
class LineReader {
 public:
  explicit LineReader(std::string_view bytes) : bytes_(bytes) {}
  bool Next(std::string_view* line) {
    if (pos_ >= bytes_.size()) return false;
    size_t nl = bytes_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = bytes_.size();
    *line = bytes_.substr(pos_, nl - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = nl + 1;
    ++number_;
    return true;
  }
  int number() const { return number_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
  int number_ = 0;
};

// "name N" -> N.
bool ParseSection(std::string_view line, std::string_view name, size_t* count) {
  if (line.size() <= name.size() + 1 || line.substr(0, name.size()) != name || line[name.size()] != ' ')
    return false;
  return ParseSize(line.substr(name.size() + 1), count) && *count <= kMaxLines;
}

std::string Describe(const std::string& feature) {
  if (feature.rfind("a:", 0) == 0) return "first has " + feature.substr(2);
  if (feature.rfind("b:", 0) == 0) return "second has " + feature.substr(2);
  return feature;
}

}  // namespace

const char* PairLabelName(PairLabel label) {
  int i = static_cast<int>(label);
  return i >= 0 && i < kPairLabels ? kLabelNames[i] : "other";
}

bool ParsePairLabel(std::string_view name, PairLabel* out) {
  if (name == "paraphrase" || name == "agree") {
    *out = PairLabel::kParaphrase;
  } else if (name == "contradiction" || name == "disagree") {
    *out = PairLabel::kContradiction;
  } else if (name == "other" || name == "unrelated") {
    *out = PairLabel::kOther;
  } else {
    return false;
  }
  return true;
}

std::array<double, kPairLabels> PairClassifier::Scores(const PairFeatureSet& f) const {
  std::array<double, kPairLabels> s{};
  for (const auto& [name, value] : f.features) {
    auto it = weights_.find(name);
    if (it == weights_.end()) continue;
    for (int k = 0; k < kPairLabels; ++k) s[k] += value * it->second[k];
  }
  return s;
}

std::array<double, kPairLabels> PairClassifier::Probabilities(std::string_view a, std::string_view b) const {
  return Softmax(Scores(ExtractPairFeatures(a, b, lexicon_)));
}

std::array<double, kPairLabels> PairClassifier::SymmetricProbabilities(std::string_view a,
                                                                       std::string_view b) const {
  auto p = Probabilities(a, b), q = Probabilities(b, a);
  for (int k = 0; k < kPairLabels; ++k) p[k] = (p[k] + q[k]) / 2;
  return p;
}

PairLabel PairClassifier::Decide(const std::array<double, kPairLabels>& p) const {
  int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
  if (best == static_cast<int>(PairLabel::kContradiction) && p[best] < threshold_) {
    // Not sure enough to assert a contradiction: assert nothing.
    return PairLabel::kOther;
  }
  return static_cast<PairLabel>(best);
}

PairVerdict PairClassifier::Classify(std::string_view a, std::string_view b) const {
  PairVerdict v;
  PairFeatureSet f = ExtractPairFeatures(a, b, lexicon_);
  auto p = Softmax(Scores(f));
  PairLabel label = Decide(p);
  int l = static_cast<int>(label);
  v.label = PairLabelName(label);
  v.score = p[l];
  v.probabilities = p;
  int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
  if (best != l) {
    v.reasons.push_back("contradiction below the threshold (" + Format2(p[best]) + " < " +
                        Format2(threshold_) + "): no relation asserted");
  }
  if (label != PairLabel::kOther) v.reasons.insert(v.reasons.end(), f.reasons.begin(), f.reasons.end());
  // The learned word features that pushed most toward the label against the
  // runner-up label.
  int runner = -1;
  for (int k = 0; k < kPairLabels; ++k)
    if (k != l && (runner < 0 || p[k] > p[runner])) runner = k;
  std::vector<std::pair<double, std::string>> learned;
  for (const auto& [name, value] : f.features) {
    if (name.size() < 3 || name[1] != ':') continue;
    if (lexicon_.IsFunctionWord(name.substr(2))) continue;  // weighed, but no evidence to show
    auto it = weights_.find(name);
    if (it == weights_.end()) continue;
    double c = value * (it->second[l] - it->second[runner]);
    if (c > 0.3) learned.emplace_back(c, name);
  }
  std::sort(learned.begin(), learned.end(), [](auto& x, auto& y) { return x.first > y.first; });
  for (size_t i = 0; i < learned.size() && i < kLearnedReasons; ++i)
    v.reasons.push_back("learned: " + Describe(learned[i].second) + " (+" + Format2(learned[i].first) + ")");
  return v;
}

StatusOr<PairClassifier> PairClassifier::Train(const PairLexicon& lexicon,
                                               const std::vector<LabeledPair>& train,
                                               const PairTrainOptions& options) {
  if (train.empty()) return InvalidArgument("no training pairs");
  if (options.epochs <= 0 || !(options.learning_rate > 0))
    return InvalidArgument("epochs and learning rate must be > 0");
  PairClassifier model;
  model.lexicon_ = lexicon;
  model.threshold_ = options.contradiction_threshold;

  // Features to indices once.
  std::unordered_map<std::string, int> index;
  std::vector<std::string> names;
  struct Example {
    std::vector<std::pair<int, float>> x;
    int y;
  };
  std::vector<Example> data;
  data.reserve(train.size());
  for (const LabeledPair& pair : train) {
    Example e;
    e.y = static_cast<int>(pair.label);
    for (auto& [name, value] : ExtractPairFeatures(pair.a, pair.b, lexicon).features) {
      auto [it, inserted] = index.emplace(name, static_cast<int>(names.size()));
      if (inserted) names.push_back(name);
      e.x.emplace_back(it->second, value);
    }
    data.push_back(std::move(e));
  }
  // Plain SGD on the multinomial log loss with per-update L2 decay; a fixed
  // Fisher-Yates shuffle keeps runs reproducible across standard libraries.
  // `runs` models on different shuffles are averaged (less variance).
  std::vector<std::array<double, kPairLabels>> w;
  std::vector<std::array<double, kPairLabels>> total(names.size(), std::array<double, kPairLabels>{});
  const int runs = std::max(1, options.runs);
  for (int run = 0; run < runs; ++run) {
    w.assign(names.size(), std::array<double, kPairLabels>{});
    std::vector<std::array<double, kPairLabels>> sum(options.average ? names.size() : 0,
                                                     std::array<double, kPairLabels>{});
    std::mt19937 rng(options.seed + 7919u * run);
    std::vector<size_t> order(data.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
      double loss = 0;
      for (size_t i : order) {
        const Example& e = data[i];
        std::array<double, kPairLabels> s{};
        for (auto [j, v] : e.x)
          for (int k = 0; k < kPairLabels; ++k) s[k] += w[j][k] * v;
        auto p = Softmax(s);
        loss -= std::log(std::max(p[e.y], 1e-12));
        for (int k = 0; k < kPairLabels; ++k) {
          double g = p[k] - (k == e.y ? 1.0 : 0.0);
          for (auto [j, v] : e.x) w[j][k] -= options.learning_rate * (g * v + options.l2 * w[j][k]);
        }
      }
      if (options.average) {
        for (size_t j = 0; j < w.size(); ++j)
          for (int k = 0; k < kPairLabels; ++k) sum[j][k] += w[j][k];
      }
      if (options.log && epoch + 1 == options.epochs) {
        options.log("run " + std::to_string(run + 1) + " epoch " + std::to_string(epoch + 1) +
                    ": mean log loss " + FormatDouble(loss / data.size()));
      }
    }
    for (size_t j = 0; j < w.size(); ++j)
      for (int k = 0; k < kPairLabels; ++k)
        total[j][k] += (options.average ? sum[j][k] / options.epochs : w[j][k]) / runs;
  }
  w = std::move(total);
  for (size_t j = 0; j < names.size(); ++j) {
    bool keep = false;
    for (double x : w[j]) keep |= std::fabs(x) >= options.prune;
    if (!keep) continue;
    std::array<float, kPairLabels> row{};
    for (int k = 0; k < kPairLabels; ++k) row[k] = static_cast<float>(w[j][k]);
    model.weights_.emplace(names[j], row);
  }
  model.provenance_ =
      "trained on " + (options.trained_on.empty() ? std::string("(unnamed)") : options.trained_on) +
      (options.command.empty() ? "" : " by `" + options.command + "`") +
      (options.date.empty() ? "" : ", " + options.date) + ", pairs=" + std::to_string(train.size()) +
      ", epochs=" + std::to_string(options.epochs) + ", runs=" + std::to_string(options.runs);
  return model;
}

std::string PairClassifier::Serialize() const {
  std::string out;
  out += std::string(kPairMagic) + " format=" + std::to_string(kPairFormatVersion) +
         " normalization=" + std::to_string(kNormalizationVersion) +
         " features=" + std::to_string(kPairFeatureVersion) + "\n";
  std::string prov = provenance_;
  std::replace(prov.begin(), prov.end(), '\n', ' ');
  out += "provenance: " + prov + "\n";
  char hex[32];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(PairKeyFingerprint()));
  out += std::string("stemmer: ") + hex + "\n";
  out += "labels: paraphrase contradiction other\n";
  out += "threshold: " + FormatDouble(threshold_) + "\n";
  auto section = [&out](const std::string& name, const std::vector<std::string>& lines) {
    out += name + " " + std::to_string(lines.size()) + "\n";
    for (const std::string& l : lines) out += l + "\n";
  };
  section("polarity", lexicon_.polarity_lines());
  section("negation", lexicon_.negation_lines());
  section("function", lexicon_.function_lines());
  section("places", lexicon_.place_lines());
  std::vector<std::string> rows;
  rows.reserve(weights_.size());
  for (const auto& [name, w] : weights_) {
    if (name.find_first_of("\t\n\r") != std::string::npos) continue;
    std::string row = name;
    for (float x : w) row += "\t" + FormatDouble(x);
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end());
  section("weights", rows);
  out += "end\n";
  return out;
}

StatusOr<PairClassifier> PairClassifier::Parse(std::string_view bytes) {
  LineReader r(bytes);
  std::string_view line;
  auto corrupt = [&r](const std::string& what) {
    return DataError("pair model line " + std::to_string(r.number()) + ": " + what);
  };
  if (!r.Next(&line) || line.substr(0, kPairMagic.size()) != kPairMagic) {
    return FailedPrecondition("not a marsad pair model (no " + std::string(kPairMagic) + " header)");
  }
  std::string expected = std::string(kPairMagic) + " format=" + std::to_string(kPairFormatVersion) +
                         " normalization=" + std::to_string(kNormalizationVersion) +
                         " features=" + std::to_string(kPairFeatureVersion);
  if (line != expected) {
    return FailedPrecondition("pair model header '" + std::string(line.substr(0, 80)) + "' does not match '" +
                              expected + "': retrain with `marsad train pairs`");
  }
  PairClassifier model;
  size_t n = 0;
  while (r.Next(&line)) {
    if (line.rfind("provenance: ", 0) == 0) {
      model.provenance_ = std::string(line.substr(12));
    } else if (line.rfind("stemmer: ", 0) == 0) {
      char hex[32];
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(PairKeyFingerprint()));
      model.stemmer_matches_ = line.substr(9) == hex;
    } else if (line.rfind("labels: ", 0) == 0) {
      if (line != "labels: paraphrase contradiction other") return corrupt("unexpected labels");
    } else if (line.rfind("threshold: ", 0) == 0) {
      if (!ParseDouble(line.substr(11), &model.threshold_) || model.threshold_ < 0 || model.threshold_ > 1)
        return corrupt("bad threshold");
    } else if (ParseSection(line, "polarity", &n)) {
      std::string tsv;
      for (size_t i = 0; i < n; ++i) {
        if (!r.Next(&line)) return corrupt("truncated polarity lexicon");
        tsv.append(line).push_back('\n');
      }
      MARSAD_RETURN_IF_ERROR(model.lexicon_.AddPolarityTsv(tsv, "pair model polarity lexicon"));
    } else if (ParseSection(line, "negation", &n)) {
      std::string tsv;
      for (size_t i = 0; i < n; ++i) {
        if (!r.Next(&line)) return corrupt("truncated negation lexicon");
        tsv.append(line).push_back('\n');
      }
      MARSAD_RETURN_IF_ERROR(model.lexicon_.AddNegationTsv(tsv, "pair model negation lexicon"));
    } else if (ParseSection(line, "function", &n)) {
      std::string tsv;
      for (size_t i = 0; i < n; ++i) {
        if (!r.Next(&line)) return corrupt("truncated function-word list");
        tsv.append(line).push_back('\n');
      }
      MARSAD_RETURN_IF_ERROR(model.lexicon_.AddFunctionWordsTsv(tsv, "pair model function words"));
    } else if (ParseSection(line, "places", &n)) {
      for (size_t i = 0; i < n; ++i) {
        if (!r.Next(&line)) return corrupt("truncated place list");
        model.lexicon_.AddPlaceKey(std::string(line));
      }
    } else if (ParseSection(line, "weights", &n)) {
      model.weights_.reserve(std::min<size_t>(n, 1 << 20));
      for (size_t i = 0; i < n; ++i) {
        if (!r.Next(&line)) return corrupt("truncated weights");
        std::array<float, kPairLabels> w{};
        size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0) return corrupt("expected name<TAB>weights");
        std::string name(line.substr(0, tab));
        std::string_view rest = line.substr(tab + 1);
        for (int k = 0; k < kPairLabels; ++k) {
          size_t next = rest.find('\t');
          std::string_view field = rest.substr(0, next);
          double x;
          if (!ParseDouble(field, &x) || std::fabs(x) > 1e6) return corrupt("bad weight");
          w[k] = static_cast<float>(x);
          if (k + 1 < kPairLabels) {
            if (next == std::string_view::npos) return corrupt("expected 3 weights");
            rest = rest.substr(next + 1);
          } else if (next != std::string_view::npos) {
            return corrupt("expected 3 weights");
          }
        }
        model.weights_[name] = w;
      }
    } else if (line == "end") {
      if (model.weights_.empty()) return corrupt("no weights");
      return model;
    } else if (!line.empty()) {
      return corrupt("unexpected line");
    }
  }
  return DataError("pair model truncated (no 'end' line)");
}

Status PairClassifier::Save(const std::string& path) const {
  std::string error;
  if (!WriteFileAtomically(path, Serialize(), &error)) return IoError(error);
  return Status::Ok();
}

StatusOr<PairClassifier> PairClassifier::Load(const std::string& path) {
  std::string bytes, error;
  if (!ReadFile(path, &bytes, &error)) return IoError(error);
  auto m = Parse(bytes);
  if (!m.ok()) return Status(m.status().code(), path + ": " + m.status().message());
  return m;
}

}  // namespace marsad
