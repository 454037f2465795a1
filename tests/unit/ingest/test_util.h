// Helpers shared by the ingest tests: encode UTF-8 text into other charsets
// with ICU (so the tests never embed hand-made code tables), and a temporary
// directory that is removed afterwards.
#pragma once

#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace marsad::ingest::testing {

// UTF-8 -> `charset` bytes. Characters the charset lacks become its
// substitution byte; tests only use text the charset can represent.
inline std::string Encode(std::string_view utf8_text, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  int32_t needed = ucnv_convert(charset, "UTF-8", nullptr, 0, utf8_text.data(),
                                static_cast<int32_t>(utf8_text.size()), &err);
  std::string out(static_cast<size_t>(needed) + 8, '\0');
  err = U_ZERO_ERROR;
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8_text.data(), static_cast<int32_t>(utf8_text.size()), &err);
  if (U_FAILURE(err)) return "";
  out.resize(static_cast<size_t>(n));
  return out;
}

// `charset` bytes -> UTF-8 (used to build the expected text of a lossy
// round trip).
inline std::string DecodeWith(std::string_view bytes, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  int32_t needed = ucnv_convert("UTF-8", charset, nullptr, 0, bytes.data(),
                                static_cast<int32_t>(bytes.size()), &err);
  std::string out(static_cast<size_t>(needed) + 8, '\0');
  err = U_ZERO_ERROR;
  int32_t n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()),
                           bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) return "";
  out.resize(static_cast<size_t>(n));
  return out;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "marsad_ingest_XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    // Restore permissions so removal works after chmod tests.
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    for (auto it = std::filesystem::recursive_directory_iterator(
             path_, std::filesystem::directory_options::skip_permission_denied, ec);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      std::error_code ec2;
      if (!it->is_symlink(ec2)) {
        std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec2);
      }
    }
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(std::string_view name) const { return path_ + "/" + std::string(name); }
  std::string Write(std::string_view name, std::string_view bytes) const {
    std::string p = File(name);
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }

 private:
  std::string path_;
};

}  // namespace marsad::ingest::testing
