// Confusion-matrix arithmetic; see pair_eval.h.
#include "marsad/compare/pair_eval.h"

namespace marsad {

int64_t PairConfusion::Gold(PairLabel k) const {
  int64_t n = 0;
  for (int p = 0; p < kPairLabels; ++p) n += m_[static_cast<int>(k)][p];
  return n;
}

int64_t PairConfusion::Predicted(PairLabel k) const {
  int64_t n = 0;
  for (int g = 0; g < kPairLabels; ++g) n += m_[g][static_cast<int>(k)];
  return n;
}

int64_t PairConfusion::Total() const {
  int64_t n = 0;
  for (int g = 0; g < kPairLabels; ++g)
    for (int p = 0; p < kPairLabels; ++p) n += m_[g][p];
  return n;
}

double PairConfusion::Precision(PairLabel k) const {
  int64_t d = Predicted(k);
  return d ? static_cast<double>(Count(k, k)) / d : 0.0;
}

double PairConfusion::Recall(PairLabel k) const {
  int64_t d = Gold(k);
  return d ? static_cast<double>(Count(k, k)) / d : 0.0;
}

double PairConfusion::F1(PairLabel k) const {
  double p = Precision(k), r = Recall(k);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double PairConfusion::Accuracy() const {
  int64_t t = Total(), c = 0;
  for (int k = 0; k < kPairLabels; ++k) c += m_[k][k];
  return t ? static_cast<double>(c) / t : 0.0;
}

double PairConfusion::MacroF1(const std::vector<PairLabel>& classes) const {
  if (classes.empty()) return 0;
  double s = 0;
  for (PairLabel k : classes) s += F1(k);
  return s / classes.size();
}

}  // namespace marsad
