// Stage "clean.article.v1": separates the article from page chrome and fills
// the document metadata.
//
//   requires: raw            provides: body, metadata
//
// Reads doc.raw and the reader's hints in doc.input (title, url, outlet,
// published); writes doc.body (DisplayForm, paragraphs separated by "\n\n";
// the title is not part of the body), doc.removed (every dropped line with a
// reason code, see docs/cleaning.md), doc.title, doc.outlet, doc.wires and
// doc.published. Content problems become diagnostics with stage
// "clean.article.v1": "no-article-text" (all boilerplate; body is empty;
// severity warning), and at severity info "no-title", "invalid-utf8",
// "title-hint-ignored", "unknown-outlet", "outlet-evidence-conflict".
//
// Thread-safety: the stage is immutable; Process() may run concurrently.
#pragma once

#include <string>

#include "marsad/clean/article_cleaner.h"
#include "marsad/common/status.h"
#include "marsad/pipeline/stage.h"

namespace marsad {

inline constexpr const char* kCleanStageName = "clean.article.v1";

// Loads the registries from `data_dir` (outlets.tsv, wires.tsv, chrome.tsv,
// months.tsv, weekdays.tsv) once; errors name the file and line.
StatusOr<StagePtr> MakeCleanStage(const std::string& data_dir);

// The same stage around an existing cleaner (tests, tools).
StagePtr MakeCleanStage(std::shared_ptr<const clean::ArticleCleaner> cleaner);

}  // namespace marsad
