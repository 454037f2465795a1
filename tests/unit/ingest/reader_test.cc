#include "marsad/ingest/reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "unit/ingest/test_util.h"
#include "marsad/ingest/encoding.h"

namespace marsad::ingest {
namespace {

namespace fs = std::filesystem;
using testing::Encode;
using testing::TempDir;

// "Local sources said the clashes continued until the evening." (written
// for these tests)
constexpr std::string_view kArticle = "قالت مصادر محلية إن الاشتباكات استمرت حتى المساء.\n";
// "The fighters withdrew from the town." (second test article)
constexpr std::string_view kArticle2 = "انسحب المقاتلون من البلدة.\n";

struct Collected {
  std::vector<Document> docs;
  std::vector<InputError> errors;
  ReadStats stats;

  const InputError* ErrorFor(std::string_view source_suffix) const {
    for (const auto& e : errors) {
      if (e.source.size() >= source_suffix.size() &&
          e.source.compare(e.source.size() - source_suffix.size(), source_suffix.size(),
                           source_suffix) == 0) {
        return &e;
      }
    }
    return nullptr;
  }
  bool HasDiagnostic(size_t doc, std::string_view code) const {
    for (const auto& d : docs.at(doc).diagnostics) {
      if (d.code == code) return true;
    }
    return false;
  }
};

Collected Read(const std::vector<std::string>& paths, const ReadOptions& options = {}) {
  Collected c;
  c.stats = ReadInputs(
      paths, options, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const InputError& e) { c.errors.push_back(e); });
  return c;
}

void ExpectOneError(const Collected& c, std::string_view code, std::string_view source) {
  ASSERT_EQ(c.errors.size(), 1u) << (c.errors.empty() ? "" : c.errors[0].message);
  EXPECT_EQ(c.errors[0].code, code) << c.errors[0].message;
  EXPECT_EQ(c.errors[0].source, source);
  // The message is one line and names the source.
  EXPECT_EQ(c.errors[0].message.rfind(std::string(source), 0), 0u) << c.errors[0].message;
  EXPECT_EQ(c.errors[0].message.find('\n'), std::string::npos);
  EXPECT_TRUE(c.docs.empty());
}

TEST(ReadInputsTest, PlainTextFile) {
  TempDir dir;
  const std::string p = dir.Write("a.txt", kArticle);
  auto c = Read({p});
  ASSERT_TRUE(c.errors.empty());
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& d = c.docs[0];
  EXPECT_EQ(d.source, p);
  EXPECT_EQ(d.raw, kArticle);
  EXPECT_EQ(d.input.format, "text");
  EXPECT_EQ(d.input.encoding, "UTF-8");
  EXPECT_EQ(d.layers, std::set<std::string>{"raw"});
  EXPECT_TRUE(d.diagnostics.empty());
  EXPECT_EQ(c.stats.documents, 1u);
}

TEST(ReadInputsTest, EmptyFile) {
  TempDir dir;
  const std::string p = dir.Write("empty.txt", "");
  ExpectOneError(Read({p}), "empty", p);
}

TEST(ReadInputsTest, WhitespaceOnlyFile) {
  TempDir dir;
  // Spaces, CRLF, tabs, a no-break space and a right-to-left mark.
  const std::string p = dir.Write("ws.txt", "  \r\n\t\n\xC2\xA0\xE2\x80\x8F\n");
  auto c = Read({p});
  ExpectOneError(c, "empty", p);
  EXPECT_NE(c.errors[0].message.find("whitespace"), std::string::npos);
}

TEST(ReadInputsTest, BinaryFile) {
  TempDir dir;
  std::string png = "\x89PNG\r\n\x1a\n";
  std::mt19937 rng(3);
  for (int i = 0; i < 4096; ++i) png.push_back(static_cast<char>(rng() & 0xFF));
  // Named .txt on purpose: content decides.
  const std::string p = dir.Write("image.txt", png);
  ExpectOneError(Read({p}), "binary", p);
}

TEST(ReadInputsTest, InvalidUtf8IsRepairedWithDiagnostic) {
  TempDir dir;
  const std::string p = dir.Write("bad.txt", std::string(kArticle) + "\xC3\x28 tail\n");
  auto c = Read({p});
  ASSERT_TRUE(c.errors.empty());
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_TRUE(c.HasDiagnostic(0, "invalid-utf8-replaced"));
  EXPECT_NE(c.docs[0].raw.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(c.docs[0].input.encoding, "UTF-8");
}

TEST(ReadInputsTest, UndecodableBytesAreRejected) {
  TempDir dir;
  // Latin-1 French without a declared charset: neither UTF-8 nor Arabic.
  const std::string p = dir.Write("latin1.txt", Encode("élève à l'école où ça déçoit", "ISO-8859-1"));
  ExpectOneError(Read({p}), "unknown-encoding", p);
  // Declared, it is read.
  ReadOptions o;
  o.charset_hint = "ISO-8859-1";
  auto c = Read({p}, o);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, "élève à l'école où ça déçoit");
}

TEST(ReadInputsTest, TooLargeFileIsRejectedBeforeReading) {
  TempDir dir;
  const std::string p = dir.File("huge.txt");
  {
    // A sparse 50 MB file: costs no disk and no time to create.
    int fd = ::open(p.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, off_t{50} << 20), 0);
    ::close(fd);
  }
  auto c = Read({p});
  ExpectOneError(c, "too-large", p);
  const std::string& m = c.errors[0].message;
  EXPECT_NE(m.find("52428800"), std::string::npos) << m;  // the size
  EXPECT_NE(m.find("33554432"), std::string::npos) << m;  // the limit
}

TEST(ReadInputsTest, BoilerplateOnlyFileIsReadHere) {
  TempDir dir;
  // Share buttons and a copyright line only ("Share", "All rights
  // reserved"): cleaning, not ingest, decides there is no article.
  const std::string text = "شارك\nفيسبوك تويتر واتساب\n© جميع الحقوق محفوظة 2017\n";
  const std::string p = dir.Write("chrome.txt", text);
  auto c = Read({p});
  ASSERT_TRUE(c.errors.empty());
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, text);
}

TEST(ReadInputsTest, MissingPath) {
  TempDir dir;
  const std::string p = dir.File("nope.txt");
  auto c = Read({p, dir.Write("ok.txt", kArticle)});
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code, "not-found");
  EXPECT_EQ(c.errors[0].source, p);
  EXPECT_EQ(c.docs.size(), 1u);  // the rest goes on
}

TEST(ReadInputsTest, UnreadableFile) {
  TempDir dir;
  const std::string p = dir.Write("secret.txt", kArticle);
  ASSERT_EQ(::chmod(p.c_str(), 0), 0);
  const int probe = ::open(p.c_str(), O_RDONLY);
  if (probe >= 0) {
    ::close(probe);
    GTEST_SKIP() << "running with privileges that ignore file permissions (root?): "
                    "a chmod 000 file is still readable, nothing to assert";
  }
  ExpectOneError(Read({p}), "unreadable", p);
}

TEST(ReadInputsTest, UnreadableDirectory) {
  TempDir dir;
  dir.Write("locked/a.txt", kArticle);
  dir.Write("open/b.txt", kArticle2);
  ASSERT_EQ(::chmod(dir.File("locked").c_str(), 0), 0);
  if (::access(dir.File("locked/a.txt").c_str(), R_OK) == 0) {
    GTEST_SKIP() << "running with privileges that ignore file permissions (root?): "
                    "a chmod 000 directory is still readable, nothing to assert";
  }
  auto c = Read({dir.path()});
  ASSERT_EQ(c.docs.size(), 1u);  // the rest goes on
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code, "unreadable");
  EXPECT_EQ(c.errors[0].source, dir.File("locked"));
}

TEST(ReadInputsTest, TextThatMerelyStartsLikeAMagicNumberIsText) {
  TempDir dir;
  const std::string p = dir.Write("id3.txt", "ID3 tags describe MP3 files.\n");
  EXPECT_EQ(Read({p}).docs.size(), 1u);
}

TEST(ReadInputsTest, FileSymlinkLoop) {
  TempDir dir;
  const std::string a = dir.File("a.txt"), b = dir.File("b.txt");
  fs::create_symlink(b, a);
  fs::create_symlink(a, b);
  dir.Write("good.txt", kArticle);
  // Explicitly named, and met while walking the directory.
  auto c = Read({a});
  ExpectOneError(c, "symlink-loop", a);
  auto w = Read({dir.path()});
  EXPECT_EQ(w.docs.size(), 1u);
  ASSERT_EQ(w.errors.size(), 2u);
  for (const auto& e : w.errors) EXPECT_EQ(e.code, "symlink-loop") << e.message;
}

TEST(ReadInputsTest, DirectorySymlinkToParentIsNotFollowedForever) {
  TempDir dir;
  dir.Write("top/a.txt", kArticle);
  dir.Write("top/sub/b.txt", kArticle2);
  fs::create_symlink("..", dir.File("top/sub/up"));
  auto c = Read({dir.File("top")});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].source, dir.File("top/a.txt"));
  EXPECT_EQ(c.docs[1].source, dir.File("top/sub/b.txt"));
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code, "symlink-loop");
  EXPECT_EQ(c.errors[0].source, dir.File("top/sub/up"));
}

TEST(ReadInputsTest, DirectoryWalkOrderFilterAndHidden) {
  TempDir dir;
  dir.Write("b.txt", kArticle2);
  dir.Write("a.txt", kArticle);
  dir.Write("c/z", kArticle);          // no extension: taken
  dir.Write("c/y.text", kArticle2);
  dir.Write(".hidden.txt", kArticle);  // hidden: skipped
  dir.Write(".git/x.txt", kArticle);   // hidden dir: skipped
  dir.Write("notes.md", kArticle);     // other extension: skipped
  dir.Write("image.png", "\x89PNG\r\n\x1a\n");
  dir.Write("page.html", "<html><body><p>" + std::string(kArticle) + "</p></body></html>");
  dir.Write("dump.warc", "WARC/1.0\r\n");  // truncated header block
  auto c = Read({dir.path()});
  std::vector<std::string> sources;
  for (const auto& d : c.docs) sources.push_back(d.source);
  EXPECT_EQ(sources, (std::vector<std::string>{dir.File("a.txt"), dir.File("b.txt"),
                                                dir.File("c/y.text"), dir.File("c/z"),
                                                dir.File("page.html")}));
  EXPECT_EQ(c.docs.back().input.format, "html");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].source, dir.File("dump.warc"));
  EXPECT_EQ(c.errors[0].code, "bad-warc-record");
  EXPECT_EQ(c.stats.skipped, 4u);  // .hidden.txt, .git, notes.md, image.png
  // Deterministic: a second read gives the same order.
  auto again = Read({dir.path()});
  ASSERT_EQ(again.docs.size(), c.docs.size());
  for (size_t i = 0; i < c.docs.size(); ++i) EXPECT_EQ(again.docs[i].source, c.docs[i].source);
}

TEST(ReadInputsTest, NonRecursive) {
  TempDir dir;
  dir.Write("a.txt", kArticle);
  dir.Write("sub/b.txt", kArticle);
  ReadOptions o;
  o.recursive = false;
  auto c = Read({dir.path()}, o);
  EXPECT_EQ(c.docs.size(), 1u);
}

TEST(ReadInputsTest, ExplicitFileIsReadWhateverItsExtension) {
  TempDir dir;
  const std::string p = dir.Write("article.md", kArticle);
  auto c = Read({p});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, kArticle);
}

TEST(ReadInputsTest, MarkupDetectedFromContent) {
  TempDir dir;
  // "text" (nass): an HTML page named .txt is read as HTML.
  const std::string p = dir.Write("page.txt", "\n  <!DOCTYPE html><html><body>نص</body></html>");
  auto html = Read({p});
  ASSERT_EQ(html.docs.size(), 1u);
  EXPECT_EQ(html.docs[0].input.format, "html");
  EXPECT_EQ(html.docs[0].raw, "نص");
  // A gzip header with nothing after it: truncated.
  const std::string gz = dir.Write("x.txt", std::string("\x1F\x8B\x08\x00\x00\x00", 6));
  ExpectOneError(Read({gz}), "bad-gzip", gz);
  // "<<" quotes open ordinary prose.
  const std::string prose = dir.Write("q.txt", "<<اقتباس>> بداية الخبر\n");  // "quote" start of news
  EXPECT_EQ(Read({prose}).docs.size(), 1u);
}

TEST(ReadInputsTest, DuplicatesAreReadOnce) {
  TempDir dir;
  const std::string p = dir.Write("a.txt", kArticle);
  fs::create_symlink(p, dir.File("link.txt"));
  auto c = Read({p, dir.path()});
  EXPECT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.stats.duplicates, 2u);  // the same file again, and via the link
}

TEST(ReadInputsTest, JsonlWithOneBadLine) {
  TempDir dir;
  const std::string jsonl =
      R"({"text":"خبر أول","title":"عنوان","url":"https://example.org/1","published":"2017-11-19","outlet":"o1"})"
      "\n\n"
      R"({"text": "broken)"
      "\n"
      R"({"title":"no text here"})"
      "\n"
      R"({"text":"خبر ثالث"})"
      "\n";  // "first news item", "title", "third news item"
  const std::string p = dir.Write("feed.jsonl", jsonl);
  auto c = Read({p});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].source, p + ":1");
  EXPECT_EQ(c.docs[0].raw, "خبر أول");
  EXPECT_EQ(c.docs[0].input.format, "jsonl");
  EXPECT_EQ(c.docs[0].input.title, "عنوان");
  EXPECT_EQ(c.docs[0].input.url, "https://example.org/1");
  EXPECT_EQ(c.docs[0].input.published, "2017-11-19");
  EXPECT_EQ(c.docs[0].input.outlet, "o1");
  EXPECT_EQ(c.docs[1].source, p + ":5");
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].source, p + ":3");
  EXPECT_EQ(c.errors[0].code, "bad-json");
  EXPECT_EQ(c.errors[0].message.rfind(p + ":3: ", 0), 0u) << c.errors[0].message;
  EXPECT_EQ(c.errors[1].source, p + ":4");
  EXPECT_EQ(c.errors[1].code, "missing-text");
}

TEST(ReadInputsTest, JsonlIsDetectedFromContentAndStreamed) {
  TempDir dir;
  // A .txt holding JSONL; lines well under the limit, file well over it.
  std::string jsonl;
  for (int i = 0; i < 50; ++i) jsonl += R"({"text":"مقال رقم )" + std::to_string(i) + "\"}\r\n";  // "article number i"
  jsonl += "{\"text\":\"" + std::string(3000, 'x') + "\"}\n";  // one line over the limit
  jsonl += R"({"text":"last"})";                                // no final newline
  const std::string p = dir.Write("dump.txt", jsonl);
  ReadOptions o;
  o.max_file_bytes = 1000;
  auto c = Read({p}, o);
  ASSERT_EQ(c.docs.size(), 51u);
  EXPECT_EQ(c.docs[0].source, p + ":1");
  EXPECT_EQ(c.docs[0].raw, "مقال رقم 0");
  EXPECT_EQ(c.docs[50].source, p + ":52");
  EXPECT_EQ(c.docs[50].raw, "last");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].source, p + ":51");
  EXPECT_EQ(c.errors[0].code, "too-large");
}

TEST(ReadInputsTest, JsonlWithInvalidUtf8Line) {
  TempDir dir;
  const std::string p =
      // "news" <damaged byte> "urgent"
      dir.Write("f.jsonl", std::string(R"({"text":"ok"})") + "\n{\"text\":\"خبر\xC3\x28 عاجل\"}\n");
  auto c = Read({p});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_TRUE(c.HasDiagnostic(1, "invalid-utf8-replaced"));
  // A lone bad byte in a line with no other non-ASCII text is ambiguous
  // (damaged UTF-8 or a single-byte code page): rejected, not guessed.
  const std::string q = dir.Write("g.jsonl", "{\"text\":\"a\xC3\x28 b\"}\n");
  auto d = Read({q});
  EXPECT_TRUE(d.docs.empty());
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].source, q + ":1");
  EXPECT_EQ(d.errors[0].code, "unknown-encoding");
}

TEST(ReadInputsTest, PrettyJsonObjectAndArray) {
  TempDir dir;
  const std::string obj = dir.Write("one.json", "{\n  \"text\": \"نص\",\n  \"title\": \"t\"\n}\n");  // "text"
  const std::string arr =
      dir.Write("many.json", "[\n {\"text\": \"a\"},\n {\"nope\": 1},\n {\"text\": \"c\"}\n]\n");
  auto c = Read({obj, arr});
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].source, obj);
  EXPECT_EQ(c.docs[0].input.title, "t");
  EXPECT_EQ(c.docs[1].source, arr + "#1");
  EXPECT_EQ(c.docs[2].source, arr + "#3");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].source, arr + "#2");
  EXPECT_EQ(c.errors[0].code, "missing-text");
}

TEST(ReadInputsTest, TextStartingWithBraceIsText) {
  TempDir dir;
  const std::string text = "{تحديث} قصف على المدينة\n";  // "{update} shelling on the city"
  const std::string p = dir.Write("t.txt", text);
  auto c = Read({p});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, text);
  EXPECT_EQ(c.docs[0].input.format, "text");
}

TEST(ReadInputsTest, Windows1256File) {
  TempDir dir;
  const std::string p = dir.Write("cp.txt", Encode(kArticle, "windows-1256"));
  auto c = Read({p});
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].message;
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, kArticle);
  EXPECT_EQ(c.docs[0].input.encoding, "windows-1256");
  EXPECT_TRUE(c.HasDiagnostic(0, "converted-encoding"));
}

TEST(ReadInputsTest, Utf16Files) {
  TempDir dir;
  const std::string le = dir.Write("le.txt", "\xFF\xFE" + Encode(kArticle, "UTF-16LE"));
  const std::string be = dir.Write("be.txt", "\xFE\xFF" + Encode(kArticle, "UTF-16BE"));
  const std::string le_nobom = dir.Write("le2.txt", Encode(kArticle, "UTF-16LE"));
  const std::string be_nobom = dir.Write("be2.txt", Encode(kArticle, "UTF-16BE"));
  // JSONL in UTF-16: decoded first, then split into records.
  const std::string jl = dir.Write(
      "j.jsonl", "\xFF\xFE" + Encode(R"({"text":"أ"})" "\n" R"({"text":"ب"})" "\n", "UTF-16LE"));
  auto c = Read({le, be, le_nobom, be_nobom, jl});
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].message;
  ASSERT_EQ(c.docs.size(), 6u);
  const char* expected[] = {"UTF-16LE", "UTF-16BE", "UTF-16LE", "UTF-16BE"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(c.docs[i].raw, kArticle) << c.docs[i].source;
    EXPECT_EQ(c.docs[i].input.encoding, expected[i]);
    EXPECT_TRUE(c.HasDiagnostic(i, "converted-encoding"));
  }
  EXPECT_EQ(c.docs[4].source, jl + ":1");
  EXPECT_EQ(c.docs[4].raw, "أ");  // alef with hamza
  EXPECT_EQ(c.docs[5].raw, "ب");  // beh
}

TEST(ReadInputsTest, CrlfLineEndings) {
  TempDir dir;
  const std::string p = dir.Write("crlf.txt", "سطر أول\r\nسطر ثان\r\nthird\rline\n");  // "first line", "second line"
  auto c = Read({p});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, "سطر أول\nسطر ثان\nthird\nline\n");
  EXPECT_TRUE(c.HasDiagnostic(0, "line-endings-normalized"));
  ReadOptions keep;
  keep.normalize_newlines = false;
  auto k = Read({p}, keep);
  ASSERT_EQ(k.docs.size(), 1u);
  EXPECT_EQ(k.docs[0].raw, "سطر أول\r\nسطر ثان\r\nthird\rline\n");
}

TEST(ReadInputsTest, StrayControlCharactersAreRemoved) {
  TempDir dir;
  const std::string p = dir.Write("ctl.txt", "abc\x01 def\x1A");
  auto c = Read({p});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, "abc def");
  EXPECT_TRUE(c.HasDiagnostic(0, "control-chars-removed"));
}

TEST(ReadInputsTest, NotARegularFile) {
  auto c = Read({"/dev/null"});
  ExpectOneError(c, "not-regular-file", "/dev/null");
}

// Runs ReadInputs({"-"}) with fd 0 redirected to a file holding `bytes`.
Collected ReadStdinBytes(const TempDir& dir, std::string_view bytes) {
  const std::string p = dir.Write("stdin.bin", bytes);
  const int saved = ::dup(STDIN_FILENO);
  const int fd = ::open(p.c_str(), O_RDONLY);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  Collected c = Read({"-"});
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  return c;
}

TEST(ReadInputsTest, StdinPlainText) {
  TempDir dir;
  auto c = ReadStdinBytes(dir, kArticle);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].source, "<stdin>");
  EXPECT_EQ(c.docs[0].input.format, "stdin");
  EXPECT_EQ(c.docs[0].raw, kArticle);
}

TEST(ReadInputsTest, StdinJsonl) {
  TempDir dir;
  auto c = ReadStdinBytes(dir, "{\"text\":\"a\"}\n{\"text\":\"b\",\"outlet\":\"x\"}\n");
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].source, "<stdin>:1");
  EXPECT_EQ(c.docs[1].source, "<stdin>:2");
  EXPECT_EQ(c.docs[1].input.format, "jsonl");
  EXPECT_EQ(c.docs[1].input.outlet, "x");
}

TEST(ReadInputsTest, StdinEmpty) {
  TempDir dir;
  ExpectOneError(ReadStdinBytes(dir, ""), "empty", "<stdin>");
}

TEST(ReadBytesTest, InMemoryInput) {
  std::vector<Document> docs;
  std::vector<InputError> errors;
  auto stats = ReadBytes(
      Encode(kArticle, "windows-1256"), "upload", {}, [&](Document&& d) { docs.push_back(std::move(d)); },
      [&](const InputError& e) { errors.push_back(e); });
  EXPECT_EQ(stats.documents, 1u);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].raw, kArticle);
  EXPECT_TRUE(errors.empty());
}

TEST(SniffFormatTest, Basics) {
  EXPECT_EQ(SniffFormat("\xEF\xBB\xBF \n{\"text\":1}"), InputFormat::kJsonLines);
  EXPECT_EQ(SniffFormat("[{}]"), InputFormat::kJsonArray);
  EXPECT_EQ(SniffFormat("<?xml version='1.0'?>"), InputFormat::kMarkup);
  EXPECT_EQ(SniffFormat("<rss>"), InputFormat::kMarkup);
  EXPECT_EQ(SniffFormat("< 5 km"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("WARC/1.1\r\n"), InputFormat::kWarc);
  EXPECT_EQ(SniffFormat("\x1F\x8B\x08"), InputFormat::kGzip);
  EXPECT_EQ(SniffFormat(""), InputFormat::kText);
  EXPECT_EQ(SniffFormat("نص"), InputFormat::kText);  // "text"
}

// The founding seed articles: all read, as UTF-8 plain text, in name order.
TEST(ReadInputsTest, SeedArticles) {
  const fs::path seeds = fs::path(MARSAD_SHARED_DIR) / "seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "shared seeds not found at " << seeds;
  auto c = Read({seeds.string()});
  EXPECT_TRUE(c.errors.empty()) << c.errors[0].message;
  ASSERT_GE(c.docs.size(), 5u);
  EXPECT_TRUE(std::is_sorted(c.docs.begin(), c.docs.end(),
                             [](const Document& a, const Document& b) { return a.source < b.source; }));
  for (const auto& d : c.docs) {
    EXPECT_EQ(d.input.encoding, "UTF-8") << d.source;
    EXPECT_EQ(d.input.format, "text") << d.source;
    EXPECT_FALSE(d.raw.empty());
  }
}

}  // namespace
}  // namespace marsad::ingest
