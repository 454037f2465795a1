// marsad bench ingest : builds a WARC.gz of the requested size from the
// team's HTML fixtures (tests/fixtures/web, one gzip member per record as
// Common Crawl writes them; every page's text varied so that content hashes
// differ), then streams it through the `marsad ingest` path (reader +
// pipeline + store) into a fresh store, or through the reader alone with
// --reader-only. Prints MB/s per core (compressed MB over CPU seconds) and
// the peak resident memory (getrusage ru_maxrss). A measurement, not a test.
//
//   marsad bench ingest --size-mb 5                 # seconds
//   marsad bench ingest --size-mb 1024 --reader-only
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analyze_common.h"
#include "marsad/common/paths.h"
#include "marsad/ingest/reader.h"
#include "marsad/store/store.h"
#include "verb.h"

namespace marsad::cli {
namespace {

namespace fs = std::filesystem;

struct BenchIngestArgs {
  double size_mb = 5;
  std::string fixtures;  // default: <source>/tests/fixtures/web
  std::string out;       // default: a temporary file, removed afterwards
  bool keep = false;
  bool reader_only = false;
};

double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;  // kilobytes on Linux
}

std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 3, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
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

// Varies a page: a serial number in the first paragraph and the canonical
// URL, so that every record has a different body hash.
std::string VaryPage(const std::string& html, uint64_t serial) {
  std::string out = html;
  // "(update N)" after the first Arabic comma following the headline, i.e.
  // inside the article's first paragraph.
  // ASCII digits, so the insertion is valid in UTF-8 and windows-1256 pages.
  const size_t from = out.find("</h1>") == std::string::npos ? 0 : out.find("</h1>");
  // The first comma at least 60 bytes into a run of text (a paragraph of
  // the article, not a caption or byline).
  size_t at = std::string::npos;
  for (const char* comma : {"\xD8\x8C ", "\xA1 "}) {  // U+060C in UTF-8, in windows-1256
    for (size_t c = out.find(comma, from); c != std::string::npos; c = out.find(comma, c + 1)) {
      const size_t tag = out.rfind('>', c);
      if (tag != std::string::npos && c - tag >= 60) {
        at = c + std::string_view(comma).size();
        break;
      }
    }
    if (at != std::string::npos) break;
  }
  if (at != std::string::npos) out.insert(at, "(" + std::to_string(serial) + ") ");
  const size_t canon = out.find("rel=\"canonical\" href=\"");
  if (canon != std::string::npos) {
    const size_t q = out.find('"', canon + 22);
    if (q != std::string::npos) out.insert(q, "?v=" + std::to_string(serial));
  }
  return out;
}

bool BuildWarc(const std::vector<std::string>& pages, const std::string& path, double size_mb,
               uint64_t* records, std::string* error) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    *error = path + ": cannot create";
    return false;
  }
  const uint64_t target = static_cast<uint64_t>(size_mb * 1e6);
  uint64_t written = 0;
  *records = 0;
  const std::string info = "software: marsad bench ingest\r\nformat: WARC File Format 1.0\r\n";
  std::string rec =
      "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: 2020-03-07T00:00:00Z\r\nContent-Type: "
      "application/warc-fields\r\nContent-Length: " +
      std::to_string(info.size()) + "\r\n\r\n" + info + "\r\n\r\n";
  std::string gz = Gzip(rec);
  written += std::fwrite(gz.data(), 1, gz.size(), f);
  while (written < target) {
    const uint64_t serial = *records;
    const std::string html = VaryPage(pages[serial % pages.size()], serial);
    const std::string http =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + std::to_string(html.size()) +
        "\r\n\r\n" + html;
    rec =
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2020-03-07T00:00:00Z\r\nWARC-Target-URI: "
        "https://bench.invalid/" +
        std::to_string(serial) + "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
        std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    gz = Gzip(rec);
    if (std::fwrite(gz.data(), 1, gz.size(), f) != gz.size()) {
      std::fclose(f);
      *error = path + ": write failed (disk full?)";
      return false;
    }
    written += gz.size();
    ++*records;
  }
  std::fclose(f);
  return true;
}

int Run(VerbContext& ctx, const BenchIngestArgs& args) {
  std::string dir = args.fixtures;
  if (dir.empty())
    dir = fs::path(DataDir(ctx.global.data_dir)).parent_path().string() + "/tests/fixtures/web";
  std::vector<std::string> pages;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".html") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::string text, error;
    if (ReadFile(p.string(), &text, &error)) pages.push_back(std::move(text));
  }
  if (pages.empty()) {
    Error("bench ingest: no *.html fixtures in " + dir + " (pass --fixtures)");
    return 2;
  }
  const bool temp = args.out.empty();
  const std::string warc =
      temp
          ? (fs::temp_directory_path() / ("marsad-bench-" + std::to_string(::getpid()) + ".warc.gz")).string()
          : args.out;
  auto t0 = std::chrono::steady_clock::now();
  uint64_t records = 0;
  std::string error;
  if (!BuildWarc(pages, warc, args.size_mb, &records, &error)) {
    Error(error);
    return 2;
  }
  const double gen_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double file_mb = static_cast<double>(fs::file_size(warc, ec)) / 1e6;
  std::printf("built %s: %.1f MB, %llu response records from %zu fixture pages in %.1f s\n", warc.c_str(),
              file_mb, static_cast<unsigned long long>(records), pages.size(), gen_s);
  std::fflush(stdout);

  const double cpu0 = CpuSeconds();
  t0 = std::chrono::steady_clock::now();
  int64_t read = 0, stored = 0, duplicates = 0, errors = 0;
  std::map<std::string, int64_t> reasons;
  std::string db;
  if (args.reader_only) {
    ingest::ReadOptions ro;
    auto stats = ingest::ReadInputs(
        {warc}, ro, [&](Document&&) { ++read; }, [&](const ingest::InputError& e) { ++reasons[e.code]; });
    errors = static_cast<int64_t>(stats.errors);
  } else {
    db = (fs::temp_directory_path() / ("marsad-bench-" + std::to_string(::getpid()) + ".db")).string();
    auto s = Store::Open(db);
    if (!s.ok()) {
      Error(db + ": " + s.status().message());
      return 2;
    }
    std::unique_ptr<Store> store = std::move(*s);
    std::vector<Document> pending;
    auto commit = [&] {
      std::vector<const Document*> ptrs;
      for (const auto& d : pending) ptrs.push_back(&d);
      auto r = store->PutBatch(ptrs);
      if (r.ok()) {
        for (const auto& pr : *r) (pr.inserted ? stored : duplicates) += 1;
      } else {
        errors += static_cast<int64_t>(pending.size());
      }
      pending.clear();
    };
    BatchOptions bo;
    bo.paths = {warc};
    bo.label = "bench ingest";
    bo.max_file_mb = 32;
    BatchSummary summary;
    if (!RunBatch(
            ctx, bo,
            [&](Document& d) {
              pending.push_back(std::move(d));
              if (pending.size() >= 256) commit();
            },
            [&](const std::string&, const std::string& code, const std::string&) { ++reasons[code]; },
            &summary, &error)) {
      Error(error);
      return 2;
    }
    commit();
    read = summary.read;
    errors += summary.input_errors + summary.failed;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = CpuSeconds() - cpu0;
  std::printf("%s: read %lld, stored %lld, duplicates %lld, errors %lld",
              args.reader_only ? "reader only" : "ingest", static_cast<long long>(read),
              static_cast<long long>(stored), static_cast<long long>(duplicates),
              static_cast<long long>(errors));
  for (const auto& [code, n] : reasons) std::printf(" [%s: %lld]", code.c_str(), static_cast<long long>(n));
  std::printf(
      "\n  wall %.1f s, cpu %.1f s: %.2f MB/s of WARC.gz per core (%.2f MB/s wall), %.0f records/s per "
      "core\n",
      wall, cpu, cpu > 0 ? file_mb / cpu : 0, wall > 0 ? file_mb / wall : 0,
      cpu > 0 ? static_cast<double>(records) / cpu : 0);
  std::printf("  peak RSS %.1f MB (getrusage ru_maxrss)\n", static_cast<double>(PeakRssKb()) / 1024.0);
  if (!db.empty()) {
    fs::remove(db, ec);
    fs::remove(db + "-wal", ec);
    fs::remove(db + "-shm", ec);
  }
  if (temp && !args.keep) fs::remove(warc, ec);
  return 0;
}

void Setup(CLI::App& bench, VerbContext& ctx) {
  auto args = std::make_shared<BenchIngestArgs>();
  auto* cmd =
      bench.add_subcommand("ingest",
                           "Build a WARC.gz from the HTML fixtures and stream it through ingest\n"
                           "(MB/s per core, peak RSS). Small: --size-mb 5; issue target: --size-mb 1024.");
  cmd->add_option("--size-mb", args->size_mb, "Size of the generated WARC.gz in MB")->capture_default_str();
  cmd->add_option("--fixtures", args->fixtures, "Folder of *.html pages (default: tests/fixtures/web)");
  cmd->add_option("--out", args->out, "Write the WARC.gz here and keep it (default: a temporary file)");
  cmd->add_flag("--keep", args->keep, "Keep the temporary WARC.gz");
  cmd->add_flag("--reader-only", args->reader_only, "Only the readers (no pipeline, no store)");
  cmd->callback([&ctx, args] { ctx.exit_code = Run(ctx, *args); });
}

MARSAD_REGISTER_SUBVERB(bench, ingest, Setup);

}  // namespace
}  // namespace marsad::cli
