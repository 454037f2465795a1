// marsad eval extract [DIR]: main-content extraction against the
// article-extraction-benchmark (html/<id>.html.gz + ground-truth.json).
//
// Metric, as the benchmark's own evaluate.py computes it: each body is a bag
// of whitespace-separated tokens (str.split()); per page tp/fp/fn are the
// multiset intersection and differences; precision is averaged over pages
// with tp+fp > 0, recall over pages with tp+fn > 0, and F1 is the harmonic
// mean of the two averages. The micro-averaged figures are printed too.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "marsad/common/paths.h"
#include "marsad/ingest/extract_content.h"
#include "marsad/ingest/html_page.h"
#include "marsad/ingest/warc_reader.h"
#include "verb.h"

namespace marsad::cli {
namespace {

namespace fs = std::filesystem;

struct PageResult {
  std::string id;
  std::string url;
  ingest::TokenOverlap overlap;
  std::string extracted;
  std::string gold;
};

// Tokens of `a` missing from `b` (first few, for --verbose).
std::string Sample(const std::string& a, const std::string& b, size_t max_tokens) {
  std::vector<std::string> ta, tb;
  auto split = [](const std::string& s, std::vector<std::string>* out) {
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      size_t j = i;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
      if (j > i) out->push_back(s.substr(i, j - i));
      i = j;
    }
  };
  split(a, &ta);
  split(b, &tb);
  std::vector<std::string> sorted_b = tb;
  std::sort(sorted_b.begin(), sorted_b.end());
  std::string out;
  size_t n = 0;
  for (const auto& t : ta) {
    if (std::binary_search(sorted_b.begin(), sorted_b.end(), t)) continue;
    out += (out.empty() ? "" : " ") + t;
    if (++n >= max_tokens) break;
  }
  return out;
}

int Run(std::string dir, bool verbose, int worst, const std::string& only, bool dump) {
  if (dir.empty()) {
    const std::string shared = SharedDir();
    if (!shared.empty()) dir = shared + "/data/article-extraction-benchmark";
  }
  const std::string gt_path = dir + "/ground-truth.json";
  std::string text, error;
  if (dir.empty() || !ReadFile(gt_path, &text, &error)) {
    Error("article-extraction-benchmark not found (" +
          (dir.empty() ? std::string("../shared absent") : gt_path) + "); pass its folder");
    return 2;
  }
  auto gt = nlohmann::json::parse(text, nullptr, false);
  if (!gt.is_object()) {
    Error(gt_path + ": not a JSON object");
    return 2;
  }
  std::vector<PageResult> results;
  size_t missing = 0;
  for (auto it = gt.begin(); it != gt.end(); ++it) {
    if (!only.empty() && it.key().find(only) == std::string::npos) continue;
    PageResult r;
    r.id = it.key();
    r.gold = it->value("articleBody", "");
    r.url = it->value("url", "");
    std::string gz;
    if (!ReadFile(dir + "/html/" + r.id + ".html.gz", &gz, &error)) {
      ++missing;
      continue;
    }
    std::string html = gz;
    if (ingest::IsGzip(gz)) {
      std::string why;
      if (!ingest::Gunzip(gz, size_t{256} << 20, &html, &why)) {
        std::fprintf(stderr, "marsad: %s: %s\n", r.id.c_str(), why.c_str());
        ++missing;
        continue;
      }
    }
    ingest::HtmlPageOptions po;
    po.url = r.url;
    auto page = ingest::ReadHtmlPage(html, po);
    if (page.ok()) r.extracted = page->body;
    r.overlap = ingest::CompareTokens(r.gold, r.extracted);
    if (dump) std::printf("=== %s\n%s\n", r.id.c_str(), r.extracted.c_str());
    results.push_back(std::move(r));
  }
  double p_sum = 0, r_sum = 0;
  size_t p_n = 0, r_n = 0, tp = 0, fp = 0, fn = 0;
  for (const auto& r : results) {
    const auto& o = r.overlap;
    if (o.tp + o.fp > 0) {
      p_sum += o.Precision();
      ++p_n;
    }
    if (o.tp + o.fn > 0) {
      r_sum += o.Recall();
      ++r_n;
    }
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
  }
  const double p = p_n ? p_sum / static_cast<double>(p_n) : 0,
               rc = r_n ? r_sum / static_cast<double>(r_n) : 0;
  const double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
  const double mp = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  const double mr = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
  std::printf("article-extraction-benchmark: %zu pages (%zu unreadable)\n", results.size(), missing);
  std::printf(
      "  precision %.3f  recall %.3f  F1 %.3f   (per-page averages, as the benchmark's evaluate.py)\n", p, rc,
      f1);
  std::printf("  micro: precision %.3f  recall %.3f  F1 %.3f\n", mp, mr,
              mp + mr > 0 ? 2 * mp * mr / (mp + mr) : 0);
  if (verbose || worst > 0) {
    std::vector<const PageResult*> order;
    for (const auto& r : results) order.push_back(&r);
    std::sort(order.begin(), order.end(),
              [](const PageResult* a, const PageResult* b) { return a->overlap.F1() < b->overlap.F1(); });
    const size_t n = std::min<size_t>(order.size(), worst > 0 ? static_cast<size_t>(worst) : 10);
    std::printf("worst pages:\n");
    for (size_t i = 0; i < n; ++i) {
      const PageResult& r = *order[i];
      std::printf("  F1 %.3f P %.3f R %.3f  %s  %s\n", r.overlap.F1(), r.overlap.Precision(),
                  r.overlap.Recall(), r.id.substr(0, 12).c_str(), r.url.c_str());
      std::printf("     missed: %s\n", Sample(r.gold, r.extracted, 25).c_str());
      std::printf("     extra:  %s\n", Sample(r.extracted, r.gold, 25).c_str());
    }
  }
  return 0;
}

void Setup(CLI::App& eval, VerbContext& ctx) {
  auto* cmd = eval.add_subcommand(
      "extract", "Main-content extraction vs the article-extraction-benchmark (token P/R/F1 of the body)");
  auto dir = std::make_shared<std::string>();
  auto verbose = std::make_shared<bool>(false);
  auto worst = std::make_shared<int>(0);
  auto only = std::make_shared<std::string>();
  auto dump = std::make_shared<bool>(false);
  cmd->add_option("dir", *dir, "Benchmark folder (default: <shared>/data/article-extraction-benchmark)");
  cmd->add_flag("--verbose,-v", *verbose, "Print the 10 worst pages with missed and extra tokens");
  cmd->add_option("--worst", *worst, "Print the N worst pages");
  cmd->add_option("--page", *only, "Only pages whose id contains this");
  cmd->add_flag("--dump", *dump, "Print the extracted text of every page");
  cmd->callback(
      [&ctx, dir, verbose, worst, only, dump] { ctx.exit_code = Run(*dir, *verbose, *worst, *only, *dump); });
}

MARSAD_REGISTER_SUBVERB(eval, extract, Setup);

}  // namespace
}  // namespace marsad::cli
