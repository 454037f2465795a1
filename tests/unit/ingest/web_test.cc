// HTML pages, RSS/Atom feeds and WARC archives through the ingest readers.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "marsad/ingest/extract_content.h"
#include "marsad/ingest/feed_reader.h"
#include "marsad/ingest/html_outlets.h"
#include "marsad/ingest/html_page.h"
#include "marsad/ingest/reader.h"
#include "marsad/ingest/warc_reader.h"
#include "unit/ingest/test_util.h"

namespace marsad::ingest {
namespace {

namespace fs = std::filesystem;
using testing::Encode;
using testing::TempDir;

const std::string kSource = MARSAD_SOURCE_DIR;
const std::string kFixtures = kSource + "/tests/fixtures/web";
const std::string kOutlets = kSource + "/data/outlets.tsv";

struct Collected {
  std::vector<Document> docs;
  std::vector<InputError> errors;
  ReadStats stats;
};

ReadOptions Options() {
  ReadOptions o;
  o.outlets_path = kOutlets;
  return o;
}

Collected Read(const std::vector<std::string>& paths, ReadOptions o = Options()) {
  Collected c;
  c.stats = ReadInputs(
      paths, o, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const InputError& e) { c.errors.push_back(e); });
  return c;
}

Collected ReadMem(std::string_view bytes, const std::string& source) {
  Collected c;
  c.stats = ReadBytes(
      bytes, source, Options(), [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const InputError& e) { c.errors.push_back(e); });
  return c;
}

bool HasDiagnostic(const Document& d, const std::string& code) {
  return std::any_of(d.diagnostics.begin(), d.diagnostics.end(),
                     [&](const Diagnostic& x) { return x.code == code; });
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string GzipMember(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string MakeRecord(const std::string& type, const std::string& uri, const std::string& block,
                       const std::string& content_type = "application/http; msgtype=response",
                       long long declared_length = -1) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Date: 2019-04-05T10:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:0000>\r\nContent-Type: " + content_type + "\r\n";
  r += "Content-Length: " +
       std::to_string(declared_length >= 0 ? declared_length : static_cast<long long>(block.size())) +
       "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string HttpOk(const std::string& html, const std::string& extra_headers = "",
                   const std::string& content_type = "text/html; charset=UTF-8") {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\n" + extra_headers + "\r\n" + html;
}

// A short page: the article paragraphs plus chrome.
std::string Page(const std::string& title, const std::vector<std::string>& paragraphs,
                 const std::string& head_extra = "") {
  std::string html = "<html><head><title>" + title + "</title>" + head_extra +
                     "</head><body><nav><a href=\"/\">الرئيسية</a> <a href=\"/news\">أخبار</a></nav>"
                     "<div class=\"post-content\"><h1>" +
                     title + "</h1>";
  for (const auto& p : paragraphs) html += "<p>" + p + "</p>";
  html +=
      "</div><div class=\"share-bar\"><a href=\"https://facebook.com\">شارك</a></div>"
      "<footer>جميع الحقوق محفوظة</footer></body></html>";
  return html;
}

// Sentences written for these tests (glosses in English).
// "The battles continued on the outskirts of the city until the evening, local sources said."
const std::string kP1 = "استمرت المعارك على أطراف المدينة حتى ساعات المساء، بحسب ما أفادت مصادر محلية.";
// "The health directorate said three civilians were wounded by shelling on the market."
const std::string kP2 = "وقالت مديرية الصحة إن ثلاثة مدنيين أصيبوا جراء قصف استهدف السوق الشعبي وسط البلدة.";

// ---- Team fixtures ---------------------------------------------------------

struct Expected {
  std::map<std::string, std::string> fields;
  std::string body;
};

Expected ParseExpected(const std::string& text) {
  Expected e;
  const size_t sep = text.find("\n---\n");
  std::istringstream head(text.substr(0, sep));
  std::string line;
  while (std::getline(head, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t colon = line.find(": ");
    if (colon != std::string::npos) e.fields[line.substr(0, colon)] = line.substr(colon + 2);
  }
  if (sep != std::string::npos) e.body = text.substr(sep + 5);
  return e;
}

TEST(WebFixturesTest, MetadataExactAndBodyF1) {
  if (!fs::is_directory(kFixtures)) GTEST_SKIP() << "fixtures not found: " << kFixtures;
  int pages = 0, cp1256 = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures)) {
    if (entry.path().extension() != ".html") continue;
    const std::string html_path = entry.path().string();
    std::string expected_path = html_path.substr(0, html_path.size() - 5) + ".expected";
    ASSERT_TRUE(fs::exists(expected_path)) << expected_path;
    const Expected exp = ParseExpected(Slurp(expected_path));
    SCOPED_TRACE(html_path);
    auto c = Read({html_path});
    ASSERT_EQ(c.errors.size(), 0u) << c.errors[0].message;
    ASSERT_EQ(c.docs.size(), 1u);
    const Document& d = c.docs[0];
    EXPECT_EQ(d.input.format, "html");
    EXPECT_EQ(d.input.title, exp.fields.at("title"));
    EXPECT_EQ(d.input.published, exp.fields.at("date"));
    EXPECT_EQ(d.input.outlet, exp.fields.at("outlet"));
    EXPECT_EQ(d.input.author, exp.fields.at("author"));
    EXPECT_EQ(d.input.encoding, exp.fields.at("encoding"));
    if (exp.fields.count("url")) EXPECT_EQ(d.input.url, exp.fields.at("url"));
    const TokenOverlap o = CompareTokens(exp.body, d.raw);
    EXPECT_GE(o.F1(), 0.97) << "P " << o.Precision() << " R " << o.Recall() << "\n" << d.raw;
    ++pages;
    cp1256 += exp.fields.at("encoding") == "windows-1256";
    if (exp.fields.at("encoding") == "windows-1256") EXPECT_TRUE(HasDiagnostic(d, "converted-encoding"));
  }
  EXPECT_GE(pages, 8);
  EXPECT_GE(cp1256, 2);
}

// ---- HTML metadata ---------------------------------------------------------

TEST(HtmlPageTest, JsonLdArrayGraphAndAuthors) {
  const std::string ld =
      R"(<script type="application/ld+json">[{"@type":"WebSite","name":"x"},)"
      R"({"@graph":[{"@type":"Organization","name":"o"},{"@type":["Article","NewsArticle"],"headline":"H1",)"
      R"("datePublished":"2018-01-02T03:04:05Z","author":[{"@type":"Person","name":"A One"},"B Two"],)"
      R"("publisher":{"@type":"Organization","name":"Pub"}}]}]</script>)";
  auto page = ReadHtmlPage(Page("عنوان", {kP1, kP2}, ld), {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "H1");
  EXPECT_EQ(page->published, "2018-01-02T03:04:05Z");
  EXPECT_EQ(page->published_source, "json-ld");
  EXPECT_EQ(page->author, "A One, B Two");
  EXPECT_EQ(page->site_name, "Pub");
}

TEST(HtmlPageTest, BrokenJsonLdFallsBackToMeta) {
  const std::string head =
      R"(<script type="application/ld+json">{"@type":"NewsArticle", broken</script>)"
      R"(<meta property="article:published_time" content="2019-05-06"><meta name="author" content="https://x.com/me">)"
      R"(<meta property="og:title" content="OG"><link rel="canonical" href="https://www.sana.sy/?p=1">)";
  auto page = ReadHtmlPage(Page("عنوان", {kP1, kP2}, head), {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "OG");
  EXPECT_EQ(page->published, "2019-05-06");
  EXPECT_EQ(page->author, "");  // a URL is not a name
  EXPECT_EQ(page->url, "https://www.sana.sy/?p=1");
}

TEST(HtmlPageTest, TitleSuffixAndCrawlDateFallback) {
  HtmlPageOptions o;
  o.fallback_date = "2019-04-05T10:00:00Z";
  o.url = "https://www.hawarnews.com/ar/1";
  o.outlets_path = kOutlets;
  // "the news | agency", no <h1>.
  const std::string html =
      "<html><head><title>الخبر | وكالة</title><meta property=\"og:site_name\" content=\"وكالة\">"
      "</head><body><div><p>" +
      kP1 + "</p><p>" + kP2 + "</p></div></body></html>";
  auto page = ReadHtmlPage(html, o);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "الخبر");  // "the news" without " | agency"
  EXPECT_EQ(page->published, "2019-04-05T10:00:00Z");
  EXPECT_EQ(page->published_source, "fallback");
  EXPECT_EQ(page->outlet, "hawar-news");
  ASSERT_FALSE(page->notes.empty());
  EXPECT_EQ(page->notes[0].code, "published-from-crawl-date");
}

TEST(HtmlPageTest, CharsetFromMetaHttpHeaderAndBom) {
  const std::string html = Page(
      "عنوان", {kP1, kP2}, R"(<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">)");
  const std::string bytes = Encode(html, "windows-1256");
  ASSERT_FALSE(bytes.empty());
  auto page = ReadHtmlPage(bytes, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->encoding, "windows-1256");
  EXPECT_NE(page->body.find(kP1), std::string::npos);
  // ISO-8859-6 declared by the HTTP header only.
  const std::string plain = Page("عنوان", {kP1, kP2});
  const std::string iso = Encode(plain, "ISO-8859-6");
  HtmlPageOptions o;
  o.charset_hint = "iso-8859-6";
  auto p2 = ReadHtmlPage(iso, o);
  ASSERT_TRUE(p2.ok());
  EXPECT_EQ(p2->encoding, "ISO-8859-6");
  EXPECT_NE(p2->body.find(kP2), std::string::npos);
  // A UTF-8 BOM wins over a wrong <meta charset>.
  auto p3 = ReadHtmlPage("\xEF\xBB\xBF" + Page("t", {kP1}, R"(<meta charset="windows-1256">)"), {});
  ASSERT_TRUE(p3.ok());
  EXPECT_EQ(p3->encoding, "UTF-8");
  EXPECT_EQ(DeclaredCharset(R"(<html><head><meta charset='ISO-8859-6'>)"), "iso-8859-6");
  EXPECT_EQ(CharsetFromContentType("text/html; Charset=\"Windows-1256\""), "windows-1256");
}

TEST(HtmlPageTest, TimeElementAndRelAuthor) {
  const std::string html =
      "<html><body><div class=\"article\"><h1>t</h1><a rel=\"author\" href=\"/a\">سامي</a>"
      "<time datetime=\"2017-11-09T08:00:00+03:00\">9 نوفمبر</time><p>" +
      kP1 + "</p><p>" + kP2 + "</p></div></body></html>";
  auto page = ReadHtmlPage(html, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->published, "2017-11-09T08:00:00+03:00");
  EXPECT_EQ(page->author, "سامي");  // Sami
}

TEST(HtmlPageTest, OutletFromDomainRegistry) {
  const OutletDomains t =
      OutletDomains::FromTsv("# c\nbbc\tx\tx\tbbc.com/arabic|bbc.co.uk/arabic\nother\tx\tx\tbbc.com\n");
  EXPECT_EQ(t.Lookup("https://www.bbc.com/arabic/middleeast-1"), "bbc");
  EXPECT_EQ(t.Lookup("https://www.bbc.com/news/world"), "other");
  EXPECT_EQ(t.Lookup("http://ar.bbc.com:8080/x"), "other");
  EXPECT_EQ(t.Lookup("https://notbbc.com/arabic"), "");
  EXPECT_EQ(t.Lookup(""), "");
  EXPECT_EQ(UrlHost("HTTPS://User@WWW.Example.COM:80/path"), "example.com");
}

// ---- Extraction edge cases -----------------------------------------------

TEST(ExtractTest, PageWithNoBodyIsAnError) {
  TempDir dir;
  const std::string p =
      dir.Write("empty.html", "<!doctype html><html><head><title>x</title></head><body></body></html>");
  auto c = Read({p});
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code, "no-article-text");
  const std::string q = dir.Write(
      "script.html", "<html><body><script>var a = 'نص طويل جدا جدا جدا جدا جدا';</script></body></html>");
  EXPECT_EQ(Read({q}).errors.at(0).code, "no-article-text");
}

TEST(ExtractTest, PageThatIsAllLinksHasNoArticle) {
  std::string html = "<html><body><ul class=\"list\">";
  for (int i = 0; i < 40; ++i) {
    html += "<li><a href=\"/n/" + std::to_string(i) + "\">" + kP1 + "</a></li>";
  }
  html += "</ul></body></html>";
  auto page = ReadHtmlPage(html, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->body, "");
  // Short links only (no paragraph-like block at all): no fallback either.
  std::string index = "<html><body>";
  for (int i = 0; i < 30; ++i)
    index += "<a href=\"/c/" + std::to_string(i) + "\">قسم " + std::to_string(i) + "</a> ";  // "section N"
  index += "</body></html>";
  auto idx = ReadHtmlPage(index, {});
  ASSERT_TRUE(idx.ok());
  EXPECT_EQ(idx->body, "");
  auto c = ReadMem(html, "links.html");
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code, "no-article-text");
}

TEST(ExtractTest, KeepsOrderOfHeadingsListsQuotesAndDropsChromeInside) {
  const std::string html =
      "<html><body><div class=\"entry-content\"><p>" + kP1 +
      "</p><h2>عنوان فرعي</h2>"                                                    // "subtitle"
      "<div class=\"related-inline\"><a href=\"/x\">اقرأ أيضاً: خبر آخر</a></div>"  // "read also: another
                                                                                   // story"
      "<ul><li>البند الأول من الاتفاق</li><li>البند الثاني من الاتفاق</li></ul>"   // "first/second clause of
                                                                                   // the agreement"
      "<blockquote>" +
      kP2 + "</blockquote><div class=\"share-buttons\"><a href=\"#\">تويتر</a></div></div></body></html>";
  const HtmlDom dom = HtmlDom::Parse(html);
  const ExtractResult r = ExtractMainContent(dom);
  ASSERT_EQ(r.blocks.size(), 5u) << JoinBlocks(r.blocks);
  EXPECT_EQ(r.blocks[0].text, kP1);
  EXPECT_EQ(r.blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(r.blocks[2].kind, BlockKind::kListItem);
  EXPECT_EQ(r.blocks[3].text, "البند الثاني من الاتفاق");
  EXPECT_EQ(r.blocks[4].kind, BlockKind::kQuote);
}

TEST(ExtractTest, DeepNestingDoesNotRecurse) {
  std::string html;
  for (int i = 0; i < 3000; ++i) html += "<div>";
  html += kP1;
  auto page = ReadHtmlPage(html, {});
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->body.find("استمرت"), std::string::npos);
}

TEST(ExtractTest, TokenOverlapLikeTheBenchmark) {
  const TokenOverlap o = CompareTokens("a b b c", "b c c d");
  EXPECT_EQ(o.tp, 2u);
  EXPECT_EQ(o.fp, 2u);
  EXPECT_EQ(o.fn, 2u);
  EXPECT_DOUBLE_EQ(o.F1(), 0.5);
  EXPECT_EQ(CompareTokens("", "").F1(), 0.0);
}

// ---- Feeds -------------------------------------------------------------------

TEST(FeedTest, RssFixture) {
  if (!fs::exists(kFixtures + "/feed_rss.xml")) GTEST_SKIP() << "fixtures not found";
  auto c = Read({kFixtures + "/feed_rss.xml"});
  ASSERT_EQ(c.errors.size(), 0u);
  ASSERT_EQ(c.docs.size(), 2u);
  const Document& a = c.docs[0];
  EXPECT_EQ(a.source, kFixtures + "/feed_rss.xml#1");
  EXPECT_EQ(a.input.format, "rss");
  EXPECT_EQ(a.input.url, "https://www.enabbaladi.net/archives/380001");
  EXPECT_EQ(a.input.author, "ليلى حداد");  // Layla Haddad
  EXPECT_EQ(a.input.published, "Sun, 15 Mar 2020 09:30:00 +0000");
  EXPECT_EQ(a.input.outlet, "enab-baladi");
  EXPECT_NE(a.raw.find("\n\n"), std::string::npos);  // two paragraphs
  EXPECT_EQ(a.raw.find("..."), std::string::npos);   // full content, not the description
  EXPECT_FALSE(HasDiagnostic(a, "feed-summary-only"));
  const Document& b = c.docs[1];
  EXPECT_TRUE(HasDiagnostic(b, "feed-summary-only"));
  EXPECT_NE(b.raw.find("باب الهوى"), std::string::npos);  // Bab al-Hawa
}

TEST(FeedTest, AtomFixture) {
  if (!fs::exists(kFixtures + "/feed_atom.xml")) GTEST_SKIP() << "fixtures not found";
  auto c = Read({kFixtures + "/feed_atom.xml"});
  ASSERT_EQ(c.errors.size(), 0u);
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].input.format, "atom");
  EXPECT_EQ(c.docs[0].input.published, "2017-07-11T07:30:00+03:00");
  EXPECT_EQ(c.docs[0].input.outlet, "shafaq-news");
  EXPECT_EQ(c.docs[0].input.author, "حيدر الكعبي");
  EXPECT_NE(c.docs[0].raw.find("\n\n"), std::string::npos);
  EXPECT_EQ(c.docs[1].input.published, "2017-07-12T10:00:00+03:00");  // updated, no published
  EXPECT_NE(c.docs[1].raw.find("نينوى"), std::string::npos);          // Nineveh
  EXPECT_TRUE(HasDiagnostic(c.docs[2], "feed-summary-only"));
}

TEST(FeedTest, BrokenXmlIsOneError) {
  auto c = ReadMem("<?xml version=\"1.0\"?><rss><channel><item><title>x</title></channel></rss>", "bad.xml");
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code, "bad-xml");
  std::string code;
  EXPECT_FALSE(ParseFeed("<feed><entry>", &code).ok());
  EXPECT_EQ(code, "bad-xml");
  EXPECT_FALSE(ParseFeed("<?xml version=\"1.0\"?><html/>", &code).ok());
  EXPECT_EQ(code, "not-a-feed");
}

TEST(FeedTest, ExternalEntitiesAreNeverRead) {
  TempDir dir;
  const std::string secret = dir.Write("secret.txt", "SECRET-CONTENT");
  const std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://" + secret +
      "\"><!ENTITY y \"INTERNAL\">]><rss><channel><item><title>t</title><description>a &x; &y; b "
      "نص الخبر</description></item></channel></rss>";
  auto feed = ParseFeed(xml);
  if (feed.ok()) {
    for (const auto& item : feed->items) {
      EXPECT_EQ(item.body.find("SECRET"), std::string::npos);
      EXPECT_EQ(item.body.find("INTERNAL"), std::string::npos);
    }
  }
}

TEST(FeedTest, DetectionFromContent) {
  EXPECT_TRUE(LooksLikeFeed("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"));
  EXPECT_TRUE(LooksLikeFeed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
  EXPECT_TRUE(LooksLikeFeed("<?xml version=\"1.0\"?><rdf:RDF>"));
  EXPECT_FALSE(LooksLikeFeed("<!DOCTYPE html><html>"));
  EXPECT_FALSE(LooksLikeFeed("<?xml version=\"1.0\"?><html>"));
}

// ---- WARC ----------------------------------------------------------------------

std::string SampleWarc(bool gzip_per_record) {
  const std::vector<std::string> records = {
      MakeRecord("warcinfo", "", "software: test\r\n", "application/warc-fields"),
      MakeRecord("request", "https://www.enabbaladi.net/a/1", "GET /a/1 HTTP/1.1\r\n\r\n",
                 "application/http; msgtype=request"),
      MakeRecord("response", "https://www.enabbaladi.net/a/1", HttpOk(Page("خبر أول", {kP1, kP2}))),
      MakeRecord("response", "https://www.enabbaladi.net/missing",
                 "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>x</p>"),
      MakeRecord("response", "https://www.enabbaladi.net/logo.png", HttpOk("\x89PNG", "", "image/png")),
      MakeRecord("resource", "https://www.sana.sy/?p=2", Page("خبر ثان", {kP2, kP1}),
                 "text/html; charset=utf-8"),
  };
  std::string out;
  for (const auto& r : records) out += gzip_per_record ? GzipMember(r) : r;
  return out;
}

void ExpectSampleRead(const Collected& c) {
  ASSERT_EQ(c.errors.size(), 0u) << c.errors[0].message;
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].input.format, "warc");
  EXPECT_EQ(c.docs[0].input.url, "https://www.enabbaladi.net/a/1");
  EXPECT_EQ(c.docs[0].input.outlet, "enab-baladi");
  EXPECT_EQ(c.docs[0].input.title, "خبر أول");                   // "first news"
  EXPECT_EQ(c.docs[0].input.published, "2019-04-05T10:00:00Z");  // crawl date as fallback
  EXPECT_TRUE(HasDiagnostic(c.docs[0], "published-from-crawl-date"));
  EXPECT_EQ(c.docs[0].raw, kP1 + "\n\n" + kP2);
  EXPECT_EQ(c.docs[1].input.outlet, "sana");
  EXPECT_EQ(c.stats.skipped, 2u);  // the 404 and the image
}

TEST(WarcTest, PlainAndGzipPerRecordAndWholeFileGzip) {
  TempDir dir;
  const std::string plain = dir.Write("a.warc", SampleWarc(false));
  ExpectSampleRead(Read({plain}));
  const std::string gz = dir.Write("b.warc.gz", SampleWarc(true));
  ExpectSampleRead(Read({gz}));
  const std::string whole = dir.Write("c.warc.gz", GzipMember(SampleWarc(false)));
  ExpectSampleRead(Read({whole}));
  // Detected from content whatever the name; also from memory.
  const std::string odd = dir.Write("d.bin", SampleWarc(true));
  ExpectSampleRead(Read({odd}));
  ExpectSampleRead(ReadMem(SampleWarc(true), "mem"));
  auto c = Read({gz});
  EXPECT_EQ(c.docs[0].source.rfind(gz + "@", 0), 0u);
}

TEST(WarcTest, ChunkedAndGzipContentEncoding) {
  const std::string html = Page("خبر", {kP1, kP2});
  const std::string gz_body = GzipMember(html);
  std::string chunked;
  for (size_t i = 0; i < gz_body.size(); i += 100) {
    const std::string part = gz_body.substr(i, 100);
    char hex[16];
    std::snprintf(hex, sizeof hex, "%zx", part.size());
    chunked += std::string(hex) + "\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::string block =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
      "Transfer-Encoding: chunked\r\n\r\n" +
      chunked;
  HttpResponse r;
  std::string error;
  ASSERT_TRUE(ParseHttpResponse(block, 1 << 20, &r, &error)) << error;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, html);
  auto c = ReadMem(MakeRecord("response", "https://x.org/1", block), "w.warc");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, kP1 + "\n\n" + kP2);
}

TEST(WarcTest, LyingContentLengthIsOneErrorAndReadingResumes) {
  const std::string good1 = MakeRecord("response", "https://x.org/1", HttpOk(Page("أ", {kP1})));
  const std::string block = HttpOk(Page("ب", {kP2}));
  const std::string liar_long =
      MakeRecord("response", "https://x.org/2", block, "application/http; msgtype=response",
                 static_cast<long long>(block.size()) + 500);
  const std::string liar_short =
      MakeRecord("response", "https://x.org/3", block, "application/http; msgtype=response",
                 static_cast<long long>(block.size()) - 40);
  const std::string good2 = MakeRecord("response", "https://x.org/4", HttpOk(Page("ج", {kP2, kP1})));
  for (bool gz : {false, true}) {
    SCOPED_TRACE(gz ? "gzip" : "plain");
    std::string warc;
    for (const std::string* r : {&good1, &liar_long, &good2, &liar_short, &good1})
      warc += gz ? GzipMember(*r) : *r;
    TempDir dir;
    const std::string path = dir.Write(gz ? "x.warc.gz" : "x.warc", warc);
    auto c = Read({path});
    ASSERT_EQ(c.errors.size(), 2u);
    for (const auto& e : c.errors) {
      EXPECT_EQ(e.code, "bad-warc-record");
      EXPECT_EQ(e.source, path);
      EXPECT_NE(e.message.find("record at offset"), std::string::npos) << e.message;
      EXPECT_NE(e.message.find("Content-Length"), std::string::npos) << e.message;
    }
    const size_t second = gz ? GzipMember(good1).size() : good1.size();
    EXPECT_NE(c.errors[0].message.find("offset " + std::to_string(second) + ":"), std::string::npos)
        << c.errors[0].message;
    ASSERT_EQ(c.docs.size(), 3u);
    EXPECT_EQ(c.docs[0].input.url, "https://x.org/1");
    EXPECT_EQ(c.docs[1].input.url, "https://x.org/4");
    EXPECT_EQ(c.docs[2].input.url, "https://x.org/1");
  }
}

TEST(WarcTest, TruncatedGzipKeepsEarlierRecords) {
  const std::string r1 = GzipMember(MakeRecord("response", "https://x.org/1", HttpOk(Page("أ", {kP1}))));
  const std::string r2 = GzipMember(MakeRecord("response", "https://x.org/2", HttpOk(Page("ب", {kP2}))));
  TempDir dir;
  const std::string path = dir.Write("t.warc.gz", r1 + r2.substr(0, r2.size() / 2));
  auto c = Read({path});
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code, "bad-warc-record");
  EXPECT_NE(c.errors[0].message.find("truncated"), std::string::npos) << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find(std::to_string(r1.size())), std::string::npos) << c.errors[0].message;
}

TEST(WarcTest, CorruptMemberIsSkipped) {
  const std::string r1 = GzipMember(MakeRecord("response", "https://x.org/1", HttpOk(Page("أ", {kP1}))));
  std::string r2 = GzipMember(MakeRecord("response", "https://x.org/2", HttpOk(Page("ب", {kP2}))));
  const std::string r3 = GzipMember(MakeRecord("response", "https://x.org/3", HttpOk(Page("ج", {kP1, kP2}))));
  for (size_t i = 20; i < r2.size() - 20; ++i) r2[i] = static_cast<char>(r2[i] ^ 0x5A);
  auto c = ReadMem(r1 + r2 + r3, "c.warc.gz");
  ASSERT_GE(c.errors.size(), 1u);
  std::vector<std::string> urls;
  for (const auto& d : c.docs) urls.push_back(d.input.url);
  EXPECT_EQ(urls, (std::vector<std::string>{"https://x.org/1", "https://x.org/3"}));
}

TEST(WarcTest, BadHeaderAndMissingLength) {
  const std::string good = MakeRecord("response", "https://x.org/1", HttpOk(Page("أ", {kP1})));
  const std::string no_len = "WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n";
  auto c = ReadMem(good + "garbage line\r\n" + good + no_len + good, "h.warc");
  EXPECT_EQ(c.docs.size(), 3u);
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_NE(c.errors[0].message.find("not a WARC record header"), std::string::npos);
  EXPECT_NE(c.errors[1].message.find("Content-Length"), std::string::npos);
}

TEST(WarcTest, FilesLargerThanTheSniffedHeadAreReadWhole) {
  // Regression: the bytes after the first 64 KiB read for sniffing were lost.
  TempDir dir;
  std::string warc, text;
  for (int i = 0; i < 200; ++i) {
    warc += GzipMember(MakeRecord("response", "https://x.org/" + std::to_string(i),
                                  HttpOk(Page("خبر", {kP1 + " " + std::to_string(i), kP2}))));
  }
  while (text.size() < 200 * 1024) text += kP1 + "\n";
  const std::string w = dir.Write("big.warc.gz", warc);
  const std::string t = dir.Write("big.txt", text);
  ASSERT_GT(warc.size(), 65536u);
  auto c = Read({w, t});
  EXPECT_EQ(c.errors.size(), 0u) << (c.errors.empty() ? "" : c.errors[0].message);
  ASSERT_EQ(c.docs.size(), 201u);
  EXPECT_EQ(c.docs.back().raw.size(), text.size());
}

TEST(WarcTest, StreamsWithBoundedWindow) {
  // Many records through a tiny reader: nothing is held beyond one record.
  std::string warc;
  for (int i = 0; i < 300; ++i) {
    warc += GzipMember(
        MakeRecord("response", "https://x.org/" + std::to_string(i),
                   HttpOk(Page("خبر " + std::to_string(i), {kP1 + " " + std::to_string(i), kP2}))));
  }
  WarcReader reader(MemoryReadFn(warc), {});
  WarcRecord rec;
  std::string error;
  int n = 0;
  while (reader.Next(&rec, &error) == WarcReader::Result::kRecord) ++n;
  EXPECT_EQ(n, 300);
  EXPECT_TRUE(reader.gzip());
  EXPECT_EQ(reader.bytes_consumed(), warc.size());
}

}  // namespace
}  // namespace marsad::ingest
