#include "marsad/ingest/warc_reader.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <deque>

namespace marsad::ingest {
namespace {

constexpr size_t kRawChunk = 256 * 1024;
constexpr size_t kDecodedChunk = 256 * 1024;
constexpr size_t kMaxHeaderBytes = 64 * 1024;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// Parses "Name: value" lines (CRLF or LF) into lower-case names.
void ParseHeaderLines(std::string_view text, std::vector<std::pair<std::string, std::string>>* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !out->empty()) {  // folded continuation
      out->back().second += " " + std::string(Trim(line));
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    out->emplace_back(Lower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  }
}

std::string HeaderValue(const std::vector<std::pair<std::string, std::string>>& headers,
                        std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return "";
}

bool ParseSize(std::string_view s, uint64_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 18) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

ReadFn FdReadFn(int fd) {
  return [fd](char* buf, size_t n) -> ssize_t {
    for (;;) {
      ssize_t r = ::read(fd, buf, n);
      if (r < 0 && errno == EINTR) continue;
      return r;
    }
  };
}

ReadFn MemoryReadFn(std::string_view bytes) {
  auto pos = std::make_shared<size_t>(0);
  return [bytes, pos](char* buf, size_t n) -> ssize_t {
    const size_t k = std::min(n, bytes.size() - *pos);
    std::memcpy(buf, bytes.data() + *pos, k);
    *pos += k;
    return static_cast<ssize_t>(k);
  };
}

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B;
}

class WarcReader::Impl {
 public:
  Impl(ReadFn read, WarcOptions options) : read_(std::move(read)), options_(options) {
    raw_.resize(kRawChunk);
    std::memset(&zs_, 0, sizeof zs_);
  }
  ~Impl() {
    if (z_init_) inflateEnd(&zs_);
  }

  enum class Fill { kOk, kEnd, kCorrupt };

  // ---- raw input -------------------------------------------------------
  // Makes at least `k` raw bytes available at raw_pos_ (fewer at EOF).
  size_t PeekRaw(size_t k) {
    if (raw_len_ - raw_pos_ >= k) return raw_len_ - raw_pos_;
    if (raw_pos_ > 0) {
      std::memmove(raw_.data(), raw_.data() + raw_pos_, raw_len_ - raw_pos_);
      raw_base_ += raw_pos_;
      raw_len_ -= raw_pos_;
      raw_pos_ = 0;
    }
    while (!raw_eof_ && raw_len_ < k) {
      ssize_t n = read_(raw_.data() + raw_len_, raw_.size() - raw_len_);
      if (n <= 0) {
        raw_eof_ = true;
        read_failed_ = n < 0;
        break;
      }
      raw_len_ += static_cast<size_t>(n);
    }
    return raw_len_ - raw_pos_;
  }
  uint64_t RawOffset() const { return raw_base_ + raw_pos_; }

  void Start() {
    started_ = true;
    PeekRaw(2);
    gzip_ = IsGzip(std::string_view(raw_.data() + raw_pos_, raw_len_ - raw_pos_));
    if (gzip_) {
      if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
        gzip_broken_ = true;
        return;
      }
      z_init_ = true;
      members_.push_back({0, RawOffset()});
    }
  }

  // Skips raw input to the next gzip member header (1F 8B 08) after the
  // current position. Returns false at EOF.
  bool SeekNextMember() {
    for (;;) {
      const size_t avail = PeekRaw(3);
      if (avail < 3) {
        raw_pos_ = raw_len_;
        return false;
      }
      const auto* p = reinterpret_cast<const unsigned char*>(raw_.data() + raw_pos_);
      if (p[0] == 0x1F && p[1] == 0x8B && p[2] == 0x08) return true;
      ++raw_pos_;
    }
  }

  // Appends decoded bytes to buf_. On kCorrupt, *message says why and the
  // raw stream has been moved to the next member (if any).
  Fill FillMore(std::string* message) {
    if (!started_) Start();
    if (!gzip_) {
      if (PeekRaw(1) == 0) return read_failed_ ? FailRead(message) : Fill::kEnd;
      const size_t n = raw_len_ - raw_pos_;
      buf_.append(raw_.data() + raw_pos_, n);
      raw_pos_ += n;
      decoded_ += n;
      return Fill::kOk;
    }
    if (gzip_broken_) return Fill::kEnd;
    const size_t before = buf_.size();
    while (buf_.size() == before) {
      if (member_done_) {
        // Between members: zero padding is tolerated; anything else that is
        // not a gzip header is corrupt.
        while (PeekRaw(1) > 0 && raw_[raw_pos_] == '\0') ++raw_pos_;
        if (PeekRaw(2) == 0) return read_failed_ ? FailRead(message) : Fill::kEnd;
        if (!IsGzip(std::string_view(raw_.data() + raw_pos_, raw_len_ - raw_pos_))) {
          const uint64_t at = RawOffset();
          const bool found = SeekNextMember();
          *message =
              "data that is not gzip at offset " + std::to_string(at) +
              (found ? "; resuming at the next gzip member (offset " + std::to_string(RawOffset()) + ")"
                     : "; nothing readable follows");
          if (found) StartMember();
          return Fill::kCorrupt;
        }
        StartMember();
      }
      if (PeekRaw(1) == 0 && !raw_eof_) continue;
      zs_.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
      zs_.avail_in = static_cast<uInt>(raw_len_ - raw_pos_);
      const size_t old = buf_.size();
      buf_.resize(old + kDecodedChunk);
      zs_.next_out = reinterpret_cast<Bytef*>(buf_.data() + old);
      zs_.avail_out = static_cast<uInt>(kDecodedChunk);
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      const size_t produced = kDecodedChunk - zs_.avail_out;
      buf_.resize(old + produced);
      decoded_ += produced;
      raw_pos_ = raw_len_ - zs_.avail_in;
      if (rc == Z_STREAM_END) {
        member_done_ = true;
        continue;
      }
      if (rc == Z_OK) continue;
      if (rc == Z_BUF_ERROR && zs_.avail_in == 0 && !raw_eof_) continue;
      // Truncated (EOF inside a member) or corrupt data.
      const uint64_t member = members_.empty() ? 0 : members_.back().second;
      if (rc == Z_BUF_ERROR && raw_eof_) {
        *message = "truncated gzip member starting at offset " + std::to_string(member);
        raw_pos_ = raw_len_;
        gzip_broken_ = true;
        return Fill::kCorrupt;
      }
      const bool found = SeekNextMember();
      *message = "corrupt gzip data in the member starting at offset " + std::to_string(member) +
                 (zs_.msg != nullptr ? std::string(" (") + zs_.msg + ")" : std::string()) +
                 (found ? "; resuming at the next gzip member (offset " + std::to_string(RawOffset()) + ")"
                        : "; nothing readable follows");
      if (found)
        StartMember();
      else
        gzip_broken_ = true;
      return Fill::kCorrupt;
    }
    return Fill::kOk;
  }

  Fill FailRead(std::string* message) {
    *message = std::string("read error: ") + std::strerror(errno);
    return Fill::kCorrupt;
  }

  void StartMember() {
    inflateReset(&zs_);
    member_done_ = false;
    members_.push_back({decoded_, RawOffset()});
    while (members_.size() > 2 && members_[1].first <= Abs(pos_)) members_.pop_front();
  }

  // ---- decoded window ----------------------------------------------------
  uint64_t Abs(size_t window_pos) const { return base_ + window_pos; }

  // Ensures `k` decoded bytes at pos_ (fewer at end). Returns kCorrupt if
  // the stream broke while filling.
  Fill Ensure(size_t k, std::string* message) {
    while (buf_.size() - pos_ < k) {
      Fill f = FillMore(message);
      if (f != Fill::kOk) return f;
    }
    return Fill::kOk;
  }

  void Consume(size_t n) {
    pos_ += n;
    if (pos_ > (size_t{1} << 20) && pos_ * 2 > buf_.size()) {
      buf_.erase(0, pos_);
      base_ += pos_;
      pos_ = 0;
    }
  }

  void DropWindow() { Consume(buf_.size() - pos_); }

  uint64_t RecordOffset(uint64_t abs) const {
    if (!gzip_) return abs;
    uint64_t off = 0;
    for (const auto& [dec, raw] : members_) {
      if (dec <= abs) off = raw;
    }
    return off;
  }

  // Position (window index) of the next "WARC/1." at a line start at or
  // after `from`, reading more as needed; npos at end. Bytes before the
  // match are consumed.
  size_t FindNextRecord(size_t from, std::string* stream_error) {
    size_t scan = from;
    for (;;) {
      size_t p = buf_.find("WARC/1.", scan);
      while (p != std::string::npos && p > pos_ && buf_[p - 1] != '\n') p = buf_.find("WARC/1.", p + 1);
      if (p != std::string::npos) {
        Consume(p - pos_);
        return pos_;
      }
      // Keep a tail that may hold the start of a split marker.
      const size_t keep = std::min<size_t>(8, buf_.size() - pos_);
      Consume(buf_.size() - pos_ - keep);
      scan = pos_;
      std::string msg;
      Fill f = FillMore(&msg);
      if (f == Fill::kEnd) {
        DropWindow();
        return std::string::npos;
      }
      if (f == Fill::kCorrupt && stream_error->empty()) *stream_error = msg;
    }
  }

  Result Next(WarcRecord* rec, std::string* error) {
    *rec = WarcRecord();
    std::string msg;
    // Skip blank lines between records.
    for (;;) {
      Fill f = Ensure(1, &msg);
      if (f == Fill::kCorrupt) {
        *error = msg;
        DropWindow();
        return Result::kError;
      }
      if (buf_.size() == pos_) return Result::kEnd;
      const char c = buf_[pos_];
      if (c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\0') {
        Consume(1);
        continue;
      }
      break;
    }
    const uint64_t start_abs = Abs(pos_);
    const uint64_t offset = RecordOffset(start_abs);
    rec->offset = offset;
    auto fail = [&](const std::string& why, size_t resync_from) {
      *error = "record at offset " + std::to_string(offset) + ": " + why;
      std::string stream_error;
      FindNextRecord(resync_from, &stream_error);
      if (!stream_error.empty()) *error += "; " + stream_error;
      return Result::kError;
    };
    if (Ensure(7, &msg) == Fill::kCorrupt) {
      *error = "record at offset " + std::to_string(offset) + ": " + msg;
      DropWindow();
      return Result::kError;
    }
    if (buf_.compare(pos_, 7, "WARC/1.") != 0) {
      return fail("not a WARC record header (expected \"WARC/1.x\")", pos_ + 1);
    }
    // Header block, up to the first empty line.
    size_t header_end = std::string::npos, body_start = 0;
    for (;;) {
      const size_t crlf = buf_.find("\r\n\r\n", pos_);
      const size_t lf = buf_.find("\n\n", pos_);
      if (crlf != std::string::npos && (lf == std::string::npos || crlf < lf)) {
        header_end = crlf;
        body_start = crlf + 4;
      } else if (lf != std::string::npos) {
        header_end = lf;
        body_start = lf + 2;
      }
      if (header_end != std::string::npos && header_end - pos_ <= kMaxHeaderBytes) break;
      if (buf_.size() - pos_ > kMaxHeaderBytes) return fail("header block longer than 64 KiB", pos_ + 1);
      const size_t have = buf_.size() - pos_;
      Fill f = Ensure(have + 1, &msg);
      if (f == Fill::kCorrupt) return fail(msg, pos_ + 1);
      if (f == Fill::kEnd) return fail("truncated header block at the end of the input", pos_ + 1);
      header_end = std::string::npos;
    }
    const std::string_view header(buf_.data() + pos_, header_end - pos_);
    const size_t first_nl = header.find('\n');
    rec->version = std::string(Trim(header.substr(0, first_nl)));
    ParseHeaderLines(first_nl == std::string_view::npos ? std::string_view() : header.substr(first_nl + 1),
                     &rec->headers);
    uint64_t length = 0;
    if (!ParseSize(HeaderValue(rec->headers, "content-length"), &length)) {
      return fail("missing or invalid Content-Length", pos_ + 1);
    }
    rec->type = Lower(HeaderValue(rec->headers, "warc-type"));
    rec->target_uri = HeaderValue(rec->headers, "warc-target-uri");
    if (rec->target_uri.size() >= 2 && rec->target_uri.front() == '<' && rec->target_uri.back() == '>') {
      rec->target_uri = rec->target_uri.substr(1, rec->target_uri.size() - 2);
    }
    rec->date = HeaderValue(rec->headers, "warc-date");
    rec->content_type = HeaderValue(rec->headers, "content-type");
    const size_t header_len = body_start - pos_;

    if (length > options_.max_record_bytes) {
      // Stream past the block without holding it.
      Consume(header_len);
      uint64_t left = length;
      while (left > 0) {
        if (buf_.size() == pos_) {
          Fill f = FillMore(&msg);
          if (f != Fill::kOk) {
            *error = "record at offset " + std::to_string(offset) + ": " +
                     (f == Fill::kCorrupt ? msg
                                          : "truncated: Content-Length " + std::to_string(length) +
                                                " runs past the end of the input");
            DropWindow();
            return Result::kError;
          }
        }
        const size_t k = static_cast<size_t>(std::min<uint64_t>(left, buf_.size() - pos_));
        Consume(k);
        left -= k;
      }
      Ensure(4, &msg);
      size_t t = 0;
      while (t < 4 && pos_ + t < buf_.size() && (buf_[pos_ + t] == '\r' || buf_[pos_ + t] == '\n')) ++t;
      Consume(t);
      rec->skipped_large = true;
      return Result::kRecord;
    }
    const size_t need = header_len + static_cast<size_t>(length) + 4;
    Fill f = Ensure(need, &msg);
    const size_t block_at = body_start;
    const size_t trailer_at = body_start + static_cast<size_t>(length);
    if (f == Fill::kCorrupt) return fail(msg, block_at);
    bool trailer_ok = false;
    if (trailer_at + 4 <= buf_.size()) {
      trailer_ok = buf_.compare(trailer_at, 4, "\r\n\r\n") == 0;
    } else if (trailer_at <= buf_.size()) {
      // At the very end of the input a shorter terminator is tolerated.
      std::string_view rest(buf_.data() + trailer_at, buf_.size() - trailer_at);
      trailer_ok = rest.find_first_not_of("\r\n") == std::string_view::npos;
    }
    if (!trailer_ok && trailer_at + 2 <= buf_.size() && buf_.compare(trailer_at, 2, "\n\n") == 0)
      trailer_ok = true;
    if (!trailer_ok) {
      const bool past_end = trailer_at > buf_.size();
      return fail(
          past_end ? "truncated: Content-Length " + std::to_string(length) + " runs past the end of the input"
                   : "Content-Length " + std::to_string(length) +
                         " does not match the block (no CRLF CRLF after it)",
          block_at);
    }
    rec->block.assign(buf_.data() + block_at, static_cast<size_t>(length));
    Consume(std::min(buf_.size(), trailer_at + 4) - pos_);
    return Result::kRecord;
  }

  bool gzip() const { return gzip_; }
  uint64_t consumed() const { return RawOffset(); }
  uint64_t decoded() const { return decoded_; }

 private:
  ReadFn read_;
  WarcOptions options_;
  std::string raw_;
  size_t raw_pos_ = 0, raw_len_ = 0;
  uint64_t raw_base_ = 0;
  bool raw_eof_ = false, read_failed_ = false;
  bool started_ = false, gzip_ = false, gzip_broken_ = false, member_done_ = false, z_init_ = false;
  z_stream zs_;
  uint64_t decoded_ = 0;
  std::deque<std::pair<uint64_t, uint64_t>> members_;  // (decoded offset, raw offset) of member starts
  std::string buf_;
  size_t pos_ = 0;
  uint64_t base_ = 0;
};

WarcReader::WarcReader(ReadFn read, WarcOptions options)
    : impl_(std::make_unique<Impl>(std::move(read), options)) {}
WarcReader::~WarcReader() = default;
WarcReader::Result WarcReader::Next(WarcRecord* rec, std::string* error) { return impl_->Next(rec, error); }
bool WarcReader::gzip() const { return impl_->gzip(); }
uint64_t WarcReader::bytes_consumed() const { return impl_->consumed(); }
uint64_t WarcReader::bytes_decoded() const { return impl_->decoded(); }

bool Gunzip(std::string_view in, size_t max_out, std::string* out, std::string* error, bool zlib_or_raw) {
  out->clear();
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  // 16+: gzip only; 32+: gzip or zlib auto-detected. Raw deflate is tried
  // when the zlib header check fails.
  const int wbits = zlib_or_raw ? 32 + MAX_WBITS : 16 + MAX_WBITS;
  if (inflateInit2(&zs, wbits) != Z_OK) {
    *error = "cannot initialise zlib";
    return false;
  }
  size_t pos = 0;
  bool ok = false;
  char chunk[64 * 1024];
  for (;;) {
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + pos));
    zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size() - pos, 1u << 30));
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = sizeof chunk - zs.avail_out;
    pos = static_cast<size_t>(zs.next_in - reinterpret_cast<const Bytef*>(in.data()));
    if (out->size() + produced > max_out) {
      *error = "decompressed size exceeds " + std::to_string(max_out) + " bytes";
      break;
    }
    out->append(chunk, produced);
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow.
      while (pos < in.size() && in[pos] == '\0') ++pos;
      if (pos < in.size() && IsGzip(in.substr(pos))) {
        inflateReset(&zs);
        continue;
      }
      ok = true;
      break;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && produced > 0) continue;
    if (rc == Z_DATA_ERROR && zlib_or_raw && out->empty() && pos == 0) {
      // Not zlib: retry as raw deflate.
      inflateEnd(&zs);
      std::memset(&zs, 0, sizeof zs);
      if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) break;
      zlib_or_raw = false;
      continue;
    }
    *error = rc == Z_BUF_ERROR
                 ? "truncated compressed data"
                 : std::string("corrupt compressed data") + (zs.msg ? std::string(" (") + zs.msg + ")" : "");
    break;
  }
  inflateEnd(&zs);
  return ok;
}

std::string GunzipPrefix(std::string_view gz, size_t max_out) {
  std::string out(max_out, '\0');
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return "";
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(gz.size(), 1u << 30));
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(max_out);
  inflate(&zs, Z_SYNC_FLUSH);
  out.resize(max_out - zs.avail_out);
  inflateEnd(&zs);
  return out;
}

bool ParseHttpResponse(std::string_view block, size_t max_body, HttpResponse* out, std::string* error) {
  *out = HttpResponse();
  if (block.substr(0, 5) != "HTTP/") {
    *error = "not an HTTP response (no status line)";
    return false;
  }
  size_t end = block.find("\r\n\r\n");
  size_t body_at = end == std::string_view::npos ? std::string_view::npos : end + 4;
  const size_t lf = block.find("\n\n");
  if (lf != std::string_view::npos && (end == std::string_view::npos || lf < end)) {
    end = lf;
    body_at = lf + 2;
  }
  if (end == std::string_view::npos) {
    end = block.size();
    body_at = block.size();
  }
  const std::string_view head = block.substr(0, end);
  const size_t nl = head.find('\n');
  const std::string_view status_line = Trim(head.substr(0, nl));
  const size_t sp = status_line.find(' ');
  uint64_t status = 0;
  if (sp == std::string_view::npos || !ParseSize(status_line.substr(sp + 1, 3), &status)) {
    *error = "malformed HTTP status line";
    return false;
  }
  out->status = static_cast<int>(status);
  ParseHeaderLines(nl == std::string_view::npos ? std::string_view() : head.substr(nl + 1), &out->headers);
  const std::string ct = Lower(HeaderValue(out->headers, "content-type"));
  out->content_type = std::string(Trim(ct.substr(0, ct.find(';'))));
  const size_t cs = ct.find("charset=");
  if (cs != std::string::npos) {
    std::string v(Trim(ct.substr(cs + 8)));
    v = v.substr(0, v.find_first_of("; "));
    v.erase(std::remove(v.begin(), v.end(), '"'), v.end());
    out->charset = v;
  }
  std::string_view body = block.substr(std::min(body_at, block.size()));
  std::string dechunked;
  if (Lower(HeaderValue(out->headers, "transfer-encoding")).find("chunked") != std::string::npos) {
    size_t p = 0;
    bool ok = false;
    while (p < body.size()) {
      const size_t eol = body.find('\n', p);
      if (eol == std::string_view::npos) break;
      std::string_view size_line = Trim(body.substr(p, eol - p));
      size_line = size_line.substr(0, size_line.find(';'));
      uint64_t n = 0;
      bool hex_ok = !size_line.empty() && size_line.size() <= 15;
      for (char c : size_line) {
        const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                      : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                      : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                                  : -1;
        if (d < 0) {
          hex_ok = false;
          break;
        }
        n = n * 16 + static_cast<uint64_t>(d);
      }
      if (!hex_ok) break;
      p = eol + 1;
      if (n == 0) {
        ok = true;
        break;
      }
      if (n > body.size() - p) {
        dechunked.append(body.substr(p));  // truncated last chunk: keep what is there
        break;
      }
      dechunked.append(body.substr(p, static_cast<size_t>(n)));
      if (dechunked.size() > max_body) break;
      p += static_cast<size_t>(n);
      if (body.substr(p, 2) == "\r\n")
        p += 2;
      else if (body.substr(p, 1) == "\n")
        p += 1;
    }
    // Some crawlers store the body de-chunked but keep the header.
    if (ok || !dechunked.empty()) body = dechunked;
  }
  const std::string encoding = Lower(HeaderValue(out->headers, "content-encoding"));
  if (!encoding.empty() && encoding != "identity") {
    if (encoding.find("gzip") != std::string::npos || encoding.find("deflate") != std::string::npos) {
      if (!(encoding.find("gzip") != std::string::npos && !IsGzip(body))) {
        std::string inflated;
        if (!Gunzip(body, max_body, &inflated, error, /*zlib_or_raw=*/!IsGzip(body))) {
          *error = "Content-Encoding " + encoding + ": " + *error;
          return false;
        }
        out->body = std::move(inflated);
        return true;
      }
      // Declared gzip but stored decoded (common in WARCs): take as is.
    } else {
      *error = "unsupported Content-Encoding: " + encoding;
      return false;
    }
  }
  if (body.size() > max_body) {
    *error = "HTTP body larger than " + std::to_string(max_body) + " bytes";
    return false;
  }
  out->body.assign(body);
  return true;
}

}  // namespace marsad::ingest
