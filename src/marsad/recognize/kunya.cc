#include "marsad/recognize/kunya.h"

#include "marsad/common/paths.h"
#include "marsad/normalize/arabic_normalizer.h"

namespace marsad {

std::shared_ptr<const KunyaFinder> KunyaFinder::Load(const std::string& data_dir) {
  auto k = std::make_shared<KunyaFinder>();
  std::string text, error;
  if (!ReadFile(data_dir + "/ner/given_names.tsv", &text, &error)) return nullptr;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos || line.compare(tab + 1, 5, "given") != 0) continue;
    k->given_.insert(MatchForm(line.substr(0, tab)));
  }
  return k;
}

void KunyaFinder::Find(const std::vector<Token>& t, std::vector<ExternalSpan>* out) const {
  static const std::string kAbu = MatchForm("\u0623\u0628\u0648");  // أبو "father of"
  static const std::string kAl = "\xD8\xA7\xD9\x84", kYa = "\xD9\x8A";  // ال, ي
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i].norm != kAbu || t[i + 1].sentence != t[i].sentence) continue;
    size_t j = i + 1;
    if (t[j].kind != TokenKind::kArabic || !given_.count(t[j].norm)) continue;
    size_t last = j;
    // Optional nisba: a definite adjective in -ي (العراقي، الأنصاري، الشامي).
    if (j + 1 < t.size() && t[j + 1].sentence == t[i].sentence && t[j + 1].kind == TokenKind::kArabic) {
      const std::string& n = t[j + 1].norm;
      if (n.size() >= 10 && n.compare(0, kAl.size(), kAl) == 0 &&
          n.compare(n.size() - kYa.size(), kYa.size(), kYa) == 0) {
        last = j + 1;
      }
    }
    out->push_back({{t[i].span.start, t[last].span.end}, "person"});
    i = last;
  }
}

}  // namespace marsad
