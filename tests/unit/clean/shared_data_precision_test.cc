// Precision floor on text nobody on the team wrote: news sentences from
// ../shared/data (arabic-event-gsr *_gsr.csv "text" column and the
// farasa-wikinews plain text) are packed into pages of eight paragraphs
// under a dummy headline and cleaned. Every one of them is article text, so
// any removal other than the headline is a precision error. Prints the
// figure; fails only below a regression floor. Skips when the data are
// absent.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "marsad/clean/article_cleaner.h"
#include "marsad/clean/chrome_classifier.h"
#include "marsad/clean/fold.h"
#include "unit/clean/test_data.h"

namespace marsad::clean {
namespace {

namespace fs = std::filesystem;

// Minimal RFC 4180 reader: quoted fields may hold commas, quotes ("") and
// newlines.
std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field.push_back(c);
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::vector<std::string> LoadSentences(const std::string& shared) {
  std::vector<std::string> out;
  for (const char* name : {"assault_gsr.csv", "protest_gsr.csv"}) {
    std::string path = shared + "/data/arabic-event-gsr/" + name;
    if (!fs::exists(path)) continue;
    auto rows = ReadCsv(path);
    if (rows.empty()) continue;
    int text_col = -1;
    for (size_t i = 0; i < rows[0].size(); ++i) {
      if (rows[0][i] == "text") text_col = static_cast<int>(i);
    }
    if (text_col < 0) continue;
    for (size_t r = 1; r < rows.size(); ++r) {
      if (static_cast<int>(rows[r].size()) <= text_col) continue;
      std::string t = rows[r][text_col];
      for (char& c : t) {
        if (c == '\n' || c == '\r') c = ' ';
      }
      if (!t.empty()) out.push_back(t);
    }
  }
  std::ifstream wiki(shared + "/data/farasa-wikinews/WikiNewsTruth.txt");
  for (std::string line; std::getline(wiki, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

TEST(SharedDataPrecisionTest, NewsSentencesAreNotRemoved) {
  const std::string shared = MARSAD_SHARED_DIR;
  if (!fs::is_directory(shared + "/data")) GTEST_SKIP() << "no " << shared << "/data";
  auto sentences = LoadSentences(shared);
  if (sentences.empty()) GTEST_SKIP() << "no evaluation sentences found under " << shared;
  auto cleaner = ArticleCleaner::Create(test_data::DataDir());
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().ToString();
  size_t removed = 0;
  for (size_t i = 0; i < sentences.size(); i += 8) {
    // "A test headline" over eight real paragraphs.
    std::string page = "عنوان تجريبي للاختبار\n\n";
    for (size_t j = i; j < std::min(sentences.size(), i + 8); ++j) page += sentences[j] + "\n\n";
    CleanResult r = (*cleaner)->Clean(page);
    for (const RemovedLine& l : r.removed) {
      if (l.reason == "title") continue;
      ++removed;
      ADD_FAILURE() << "removed [" << l.reason << "] " << l.text.substr(0, 120);
      if (removed > 20) break;
    }
  }
  double rate = 100.0 * static_cast<double>(removed) / static_cast<double>(sentences.size());
  std::printf("clean precision check: %zu of %zu news paragraphs removed (%.3f%%)\n", removed,
              sentences.size(), rate);
  EXPECT_LE(rate, 0.1);
}

std::vector<std::string> LoadHeadlines(const std::string& shared) {
  std::vector<std::string> out;
  for (const char* part :
       {"claim/train", "claim/dev", "claim/test", "stance/train", "stance/dev", "stance/test"}) {
    auto rows = ReadCsv(shared + "/data/ans/data/" + part + ".csv");
    if (rows.empty()) continue;
    for (size_t c = 0; c < rows[0].size(); ++c) {
      const std::string& col = rows[0][c];
      if (col != "claim_s" && col != "s1" && col != "s2") continue;
      for (size_t r = 1; r < rows.size(); ++r) {
        if (c < rows[r].size() && !rows[r][c].empty()) out.push_back(rows[r][c]);
      }
    }
  }
  return out;
}

// ANS headlines (short lines without a full stop: the riskiest text for
// chrome rules) judged alone, and as the headline of a page.
TEST(SharedDataPrecisionTest, HeadlinesAreNotChromeAndBecomeTitles) {
  const std::string shared = MARSAD_SHARED_DIR;
  auto headlines = LoadHeadlines(shared);
  if (headlines.empty()) GTEST_SKIP() << "no ANS headlines under " << shared << "/data/ans";
  auto cleaner = ArticleCleaner::Create(test_data::DataDir());
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().ToString();
  auto chrome = ChromeClassifier::Load(test_data::DataDir() + "/chrome.tsv");
  ASSERT_TRUE(chrome.ok());
  // "Local sources said the situation in the city remained calm today after
  // several days of clashes between the two sides."
  const std::string lead =
      "وقالت مصادر محلية إن الوضع في المدينة بقي هادئاً اليوم بعد أيام من الاشتباكات "
      "المتقطعة بين الطرفين.";
  size_t chrome_lines = 0, wrong_title = 0, reported = 0;
  for (const std::string& h : headlines) {
    std::string reason = (*chrome)->Classify(h);
    if (!reason.empty()) {
      ++chrome_lines;
      if (++reported <= 20) ADD_FAILURE() << "headline classified [" << reason << "] " << h;
    }
    CleanResult r = (*cleaner)->Clean(h + "\n\n" + lead);
    // Compared on folded forms: DisplayForm() may drop invisible characters
    // or repair a split lam-alef, which is not a cleaning error.
    if (FoldKey(r.title) != FoldKey(h) || FoldKey(r.body) != FoldKey(lead)) {
      ++wrong_title;
      if (++reported <= 10) std::printf("  title '%s' for headline '%s'\n", r.title.c_str(), h.c_str());
    }
  }
  double n = static_cast<double>(headlines.size());
  std::printf(
      "clean headline check: %zu headlines, %zu classified as chrome (%.3f%%), "
      "%zu pages with a wrong title or body (%.3f%%)\n",
      headlines.size(), chrome_lines, 100.0 * chrome_lines / n, wrong_title, 100.0 * wrong_title / n);
  EXPECT_LE(100.0 * chrome_lines / n, 0.2);
  EXPECT_LE(100.0 * wrong_title / n, 0.5);
}

}  // namespace
}  // namespace marsad::clean
