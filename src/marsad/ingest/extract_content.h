// Main-content extraction from an HTML page: finds the article body among
// menus, share bars, related grids, comment forms and footers.
//
// Algorithm (in the spirit of Readability and trafilatura, written here;
// docs/ingest.md has the details and the measured figures):
//   1. Drop what is never content: script/style/template, forms controls,
//      nav/aside/footer, hidden elements, and "unlikely" containers whose
//      class/id says chrome (menu, share, related, comment, sidebar, widget,
//      breadcrumb, tags, newsletter ...) unless it also says content.
//   2. Score text blocks (paragraph-like elements with >= 25 characters):
//      1 + commas + one point per 100 characters (max 3), added to the
//      parent (full), grandparent (1/2) and up to three more ancestors
//      (1/(3*level)). Containers start from a tag prior and a class/id
//      weight (+25 content-like, -25 chrome-like).
//   3. Final score = score * (1 - link density). The best container is
//      taken, moved up when its parent scores higher, and joined by sibling
//      blocks that score near it or are link-poor paragraphs.
//   4. The chosen subtrees are flattened in document order into blocks
//      (paragraphs, headings, list items, quotes, preformatted text); inside
//      them, link-heavy or chrome-classed containers are dropped.
//
// Thread-safety: pure functions of their inputs; reentrant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marsad/ingest/html_dom.h"

namespace marsad::ingest {

enum class BlockKind { kParagraph, kHeading, kListItem, kQuote, kPre, kCell };

struct TextBlock {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;  // whitespace collapsed, non-empty
};

struct ExtractOptions {
  // Keep <h1> elements inside the content (the page title usually sits
  // there and is reported separately as metadata).
  bool keep_h1 = false;
  // Keep <figcaption> text.
  bool keep_captions = false;
};

struct ExtractResult {
  std::vector<TextBlock> blocks;
  int root = -1;          // DOM index of the chosen container (-1: none found)
  double score = 0;       // its final score
  bool fallback = false;  // no scored candidate: the whole <body> was flattened
};

// Extracts the main content of a parsed page.
ExtractResult ExtractMainContent(const HtmlDom& dom, const ExtractOptions& options = {});

// Flattens everything under `root` (default: the whole document) into
// blocks without content selection: for feed items whose HTML is already
// the article. Script/style, hidden and form elements are still dropped.
std::vector<TextBlock> FlattenToBlocks(const HtmlDom& dom, int root = 0);

// Blocks joined with a blank line between them.
std::string JoinBlocks(const std::vector<TextBlock>& blocks);

// Bag-of-tokens overlap of an extracted text with a gold text, tokens being
// maximal runs of non-white-space (Python's str.split(), as in the
// article-extraction-benchmark's evaluation): tp = tokens in both (with
// multiplicity), fp = extracted only, fn = gold only.
struct TokenOverlap {
  size_t tp = 0, fp = 0, fn = 0;
  double Precision() const {
    return tp + fp > 0 ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  }
  double Recall() const { return tp + fn > 0 ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};
TokenOverlap CompareTokens(std::string_view gold, std::string_view extracted);

}  // namespace marsad::ingest
