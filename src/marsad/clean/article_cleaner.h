// ArticleCleaner: separates a news article from the page chrome scraped with
// it, and reads the page's metadata (title, outlet, wire credits, dateline).
//
//   auto cleaner = ArticleCleaner::Create(DataDir());
//   if (!cleaner.ok()) return cleaner.status();
//   CleanResult r = (*cleaner)->Clean(raw_text, {.title = html_title});
//   // r.body: article paragraphs joined by "\n\n"; r.removed: every dropped
//   // line with its reason code (docs/cleaning.md lists the codes).
//
// The algorithm works line by line:
//  1. each line is classified alone by ChromeClassifier (data/chrome.tsv);
//  2. dateline lines are recognized by DatelineParser near the top and the
//     bottom of the page (a date inside the article text is never taken);
//  3. the title is the first unclassified line (or the `title` hint); a
//     short line ending in ".." or ":" just above another headline-like line
//     is a kicker (supertitle) and is removed with reason "kicker"; site-name
//     suffixes ("<title> – إرم نيوز", "| <outlet>") are stripped using the
//     outlet registry; copies of the title are removed as "duplicate-title";
//  4. context rules: a caption line repeated without its "camera icon"
//     prefix; after the last long article paragraph, short lines between two
//     widgets (donation blocks) and short lines after a related-links header;
//  5. the publishing outlet comes only from metadata hints or page chrome
//     (site-name line, contact e-mail domain, title suffix, copyright,
//     donation appeal, source footer), never from an outlet named inside an
//     article sentence; wire credits come from credit lines, source footers
//     and the bracketed credit of the lead ("دمشق (سانا) -", "(أ ف ب)").
// Precision first: a line of 16+ words with no chrome pattern is always
// kept, and every pattern is bounded by a word count.
//
// Thread-safety: immutable after Create(); Clean() is const and may run on
// many threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/clean/chrome_classifier.h"
#include "marsad/clean/dateline_parser.h"
#include "marsad/clean/media_registry.h"
#include "marsad/common/status.h"
#include "marsad/document/document.h"

namespace marsad::clean {

// Metadata handed in by the reader; all optional.
struct CleanHints {
  std::string title;      // <title>, og:title, JSONL "title"
  std::string url;        // page URL
  std::string outlet;     // outlet id or name
  std::string published;  // as given, e.g. "2017-11-19T21:11:00Z"
};

struct CleanResult {
  std::string body;                  // paragraphs joined by "\n\n"
  std::string title;                 // "" if none was found
  std::vector<RemovedLine> removed;  // in page order
  std::optional<OutletRef> outlet;
  std::string outlet_evidence;     // e.g. "site-name: kayhan.ir"
  std::vector<std::string> wires;  // wire ids, first credit first
  std::optional<PublishedDate> published;
  // code, message (stage name is added by the stage adapter).
  std::vector<std::pair<std::string, std::string>> diagnostics;
};

struct CleanerOptions {
  int article_line_words = 16;  // an unclassified line this long is article text
  int max_title_words = 30;
  int context_line_words = 15;  // longest line a context rule may remove
};

class ArticleCleaner {
 public:
  // Loads data_dir/{outlets,wires,chrome,months,weekdays}.tsv.
  static StatusOr<std::shared_ptr<const ArticleCleaner>> Create(const std::string& data_dir,
                                                                CleanerOptions options = {});

  ArticleCleaner(std::shared_ptr<const MediaRegistry> outlets, std::shared_ptr<const MediaRegistry> wires,
                 std::shared_ptr<const ChromeClassifier> chrome,
                 std::shared_ptr<const DatelineParser> datelines, CleanerOptions options = {});

  CleanResult Clean(std::string_view raw, const CleanHints& hints = {}) const;

  // "<title> – <outlet>" -> "<title>"; sets *outlet to the outlet named by
  // the stripped part (null if nothing was stripped).
  std::string StripSiteName(std::string_view title, const MediaEntry** outlet) const;

  const MediaRegistry& outlets() const { return *outlets_; }
  const MediaRegistry& wires() const { return *wires_; }

 private:
  std::shared_ptr<const MediaRegistry> outlets_;
  std::shared_ptr<const MediaRegistry> wires_;
  std::shared_ptr<const ChromeClassifier> chrome_;
  std::shared_ptr<const DatelineParser> datelines_;
  CleanerOptions options_;
};

}  // namespace marsad::clean
