// Kunyas: "أبو حسن العراقي" (Abu + a given name + an optional nisba) is how
// armed-group figures are usually named in this domain, and the statistical
// model misses many of them. A kunya is proposed only when the word after
// أبو is a known given name (data/ner/given_names.tsv), so "أبو ظبي" or
// "أبو كمال" are never taken; knowledge-base names still win over these
// spans in the recognizer.
//
// Thread-safety: immutable after Load(); Find() is const.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "marsad/document/document.h"
#include "marsad/recognize/recognizer.h"

namespace marsad {

class KunyaFinder {
 public:
  // Reads <data_dir>/ner/given_names.tsv; null if it cannot be read.
  static std::shared_ptr<const KunyaFinder> Load(const std::string& data_dir);
  // Adds person spans for the kunyas in `tokens` (byte spans into the text
  // the tokens came from).
  void Find(const std::vector<Token>& tokens, std::vector<ExternalSpan>* out) const;

 private:
  std::set<std::string> given_;  // matching forms
};

}  // namespace marsad
