#include "marsad/events/event_classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <sstream>
#include <unordered_set>

#include "marsad/common/paths.h"
#include "marsad/normalize/arabic_normalizer.h"

namespace marsad {
namespace {

constexpr const char* kRetrain =
    "; retrain with `marsad train events --out models/events-gsr.model` (docs/events.md)";

double Sigmoid(double z) {
  if (z > 30) return 1;
  if (z < -30) return 0;
  return 1 / (1 + std::exp(-z));
}

// "key=value" inside a header line.
std::string KeyValue(std::string_view line, std::string_view key) {
  std::string pat = std::string(key) + "=";
  size_t p = line.find(pat);
  if (p == std::string_view::npos) return "";
  size_t e = line.find(' ', p);
  return std::string(line.substr(p + pat.size(), e == std::string_view::npos ? std::string_view::npos
                                                                                : e - p - pat.size()));
}

}  // namespace

double EventClassifier::ScoreWith(const TypeModel& m, const std::vector<std::string>& features) {
  double z = m.bias;
  // Features are few (tens to a few hundred): a sorted copy removes repeats.
  std::vector<std::string_view> uniq(features.begin(), features.end());
  std::sort(uniq.begin(), uniq.end());
  uniq.erase(std::unique(uniq.begin(), uniq.end()), uniq.end());
  for (std::string_view f : uniq) {
    auto it = m.weights.find(std::string(f));
    if (it != m.weights.end()) z += it->second;
  }
  return Sigmoid(z);
}

double EventClassifier::Score(std::string_view type, const std::vector<std::string>& features) const {
  auto it = types_.find(std::string(type));
  if (it == types_.end()) return 1;
  return ScoreWith(it->second, features);
}

double EventClassifier::Threshold(std::string_view type) const {
  auto it = types_.find(std::string(type));
  return it == types_.end() ? 0 : it->second.threshold;
}

std::string EventClassifier::Serialize() const {
  std::ostringstream os;
  os << kMagic << " format=" << kFormatVersion << " normalization=" << kNormalizationVersion
     << " features=" << kFeatureVersion << "\n";
  std::string prov = provenance_;
  std::replace(prov.begin(), prov.end(), '\n', ' ');
  os << "provenance: " << prov << "\n";
  char buf[64];
  for (const auto& [type, m] : types_) {
    std::vector<std::pair<std::string, double>> w;
    for (const auto& [f, v] : m.weights) {
      if (std::fabs(v) >= 1e-5) w.push_back({f, v});
    }
    std::sort(w.begin(), w.end());
    std::snprintf(buf, sizeof buf, "%.6g", m.bias);
    os << "type " << type << " bias " << buf;
    std::snprintf(buf, sizeof buf, "%.6g", m.threshold);
    os << " threshold " << buf << " weights " << w.size() << "\n";
    for (const auto& [f, v] : w) {
      std::snprintf(buf, sizeof buf, "%.5g", v);
      os << f << "\t" << buf << "\n";
    }
  }
  return os.str();
}

StatusOr<std::shared_ptr<const EventClassifier>> EventClassifier::Load(const std::string& path) {
  std::string text, err;
  if (!ReadFile(path, &text, &err)) return IoError(err);
  return Parse(text, path);
}

StatusOr<std::shared_ptr<const EventClassifier>> EventClassifier::Parse(std::string_view text,
                                                                        const std::string& origin) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view l = text.substr(start, nl - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    start = nl + 1;
  }
  if (lines.empty() || lines[0].substr(0, std::string_view(kMagic).size()) != kMagic) {
    return FailedPrecondition(origin + ": not an events model (magic " + kMagic + " missing)" + kRetrain);
  }
  auto expect = [&](const char* key, int want) -> Status {
    std::string v = KeyValue(lines[0], key);
    if (v.empty() || std::atoi(v.c_str()) != want) {
      return FailedPrecondition(origin + ": " + key + " version '" + v + "', this build needs " +
                                std::to_string(want) + kRetrain);
    }
    return Status::Ok();
  };
  MARSAD_RETURN_IF_ERROR(expect("format", kFormatVersion));
  MARSAD_RETURN_IF_ERROR(expect("normalization", kNormalizationVersion));
  MARSAD_RETURN_IF_ERROR(expect("features", kFeatureVersion));
  std::string provenance;
  std::map<std::string, TypeModel> types;
  size_t i = 1;
  while (i < lines.size()) {
    std::string_view l = lines[i++];
    if (l.empty()) continue;
    if (l.substr(0, 12) == "provenance: ") {
      provenance = std::string(l.substr(12));
      continue;
    }
    if (l.substr(0, 5) != "type ") return DataError(origin + ": unexpected line " + std::to_string(i));
    std::istringstream is{std::string(l)};
    std::string kw, type, kb, kt, kw2;
    TypeModel m;
    long n = -1;
    is >> kw >> type >> kb >> m.bias >> kt >> m.threshold >> kw2 >> n;
    if (!is || kb != "bias" || kt != "threshold" || kw2 != "weights" || n < 0 ||
        static_cast<size_t>(n) > lines.size() - i) {
      return DataError(origin + ": malformed type line " + std::to_string(i));
    }
    for (long k = 0; k < n; ++k) {
      std::string_view fl = lines[i++];
      size_t tab = fl.rfind('\t');
      if (tab == std::string_view::npos || tab == 0) {
        return DataError(origin + ": malformed weight line " + std::to_string(i));
      }
      char* end = nullptr;
      std::string num(fl.substr(tab + 1));
      double v = std::strtod(num.c_str(), &end);
      if (end == num.c_str()) return DataError(origin + ": malformed weight line " + std::to_string(i));
      m.weights.emplace(std::string(fl.substr(0, tab)), v);
    }
    types[type] = std::move(m);
  }
  if (types.empty()) return DataError(origin + ": no type in events model");
  return std::make_shared<const EventClassifier>(std::move(types), std::move(provenance));
}

EventClassifier::TypeModel EventClassifier::Train(const std::vector<Example>& examples, const TrainOptions& options) {
  if (options.runs > 1) {
    TypeModel avg;
    for (int r = 0; r < options.runs; ++r) {
      TrainOptions one = options;
      one.runs = 1;
      one.seed = options.seed + static_cast<uint64_t>(r) * 7919;
      TypeModel m = Train(examples, one);
      avg.bias += m.bias / options.runs;
      for (const auto& [f, v] : m.weights) avg.weights[f] += v / options.runs;
    }
    return avg;
  }
  TypeModel m;
  // Feature counts over examples (each feature once per example).
  std::unordered_map<std::string, int> df;
  std::vector<std::vector<std::string>> uniq(examples.size());
  for (size_t e = 0; e < examples.size(); ++e) {
    uniq[e] = examples[e].features;
    std::sort(uniq[e].begin(), uniq[e].end());
    uniq[e].erase(std::unique(uniq[e].begin(), uniq[e].end()), uniq[e].end());
    for (const auto& f : uniq[e]) ++df[f];
  }
  std::unordered_map<std::string, int> index;
  for (const auto& [f, c] : df) {
    if (c >= options.min_count) index.emplace(f, static_cast<int>(index.size()));
  }
  std::vector<std::vector<int>> rows(examples.size());
  for (size_t e = 0; e < examples.size(); ++e) {
    for (const auto& f : uniq[e]) {
      auto it = index.find(f);
      if (it != index.end()) rows[e].push_back(it->second);
    }
  }
  std::vector<double> w(index.size(), 0.0);
  double bias = 0;
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  int64_t step = 0;
  // Lazy L2: each weight decays by the product of factors since it was last
  // touched; `scale_log` keeps the running log of that product.
  std::vector<double> last_scale(index.size(), 0.0);
  double scale_log = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t e : order) {
      const double lr = options.learning_rate / (1 + 0.01 * static_cast<double>(step++) / 100.0);
      scale_log += std::log1p(-std::min(0.5, lr * options.l2));
      double z = bias;
      for (int f : rows[e]) {
        w[f] *= std::exp(scale_log - last_scale[f]);
        last_scale[f] = scale_log;
        z += w[f];
      }
      const double y = examples[e].positive ? 1 : 0;
      const double g = (Sigmoid(z) - y) * examples[e].weight * (examples[e].positive ? options.positive_weight : 1.0);
      bias -= lr * g;
      for (int f : rows[e]) w[f] -= lr * g;
    }
  }
  m.bias = bias;
  for (const auto& [f, k] : index) {
    double v = w[k] * std::exp(scale_log - last_scale[k]);
    if (std::fabs(v) >= 1e-5) m.weights.emplace(f, v);
  }
  return m;
}

}  // namespace marsad
