// Scoring pair classifications against gold labels: a confusion matrix with
// per-class precision / recall / F1, accuracy and macro-F1 over a chosen set
// of classes. Used by `marsad eval pairs` and `marsad train pairs` (threshold
// selection on the dev split).
//
//   PairConfusion c;
//   c.Add(gold, predicted);
//   double f = c.MacroF1({PairLabel::kParaphrase, PairLabel::kContradiction});
//
// Thread-safety: plain value type; not synchronized.
#pragma once

#include <cstdint>
#include <vector>

#include "marsad/compare/pair_classifier.h"

namespace marsad {

class PairConfusion {
 public:
  void Add(PairLabel gold, PairLabel predicted) { ++m_[static_cast<int>(gold)][static_cast<int>(predicted)]; }
  int64_t Count(PairLabel gold, PairLabel predicted) const {
    return m_[static_cast<int>(gold)][static_cast<int>(predicted)];
  }
  int64_t Gold(PairLabel k) const;       // pairs with gold label k
  int64_t Predicted(PairLabel k) const;  // pairs predicted k
  int64_t Total() const;
  // 0 when the denominator is 0.
  double Precision(PairLabel k) const;
  double Recall(PairLabel k) const;
  double F1(PairLabel k) const;
  double Accuracy() const;
  // Mean F1 over `classes`.
  double MacroF1(const std::vector<PairLabel>& classes) const;

 private:
  int64_t m_[kPairLabels][kPairLabels] = {};
};

}  // namespace marsad
