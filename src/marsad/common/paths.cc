#include "marsad/common/paths.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#ifndef MARSAD_DEFAULT_DATA_DIR
#define MARSAD_DEFAULT_DATA_DIR "data"
#endif

namespace marsad {

std::string DataDir(const std::string& override_dir) {
  if (!override_dir.empty()) return override_dir;
  if (const char* env = std::getenv("MARSAD_DATA"); env != nullptr && *env) return env;
  return MARSAD_DEFAULT_DATA_DIR;
}

std::string SharedDir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("MARSAD_SHARED"); env != nullptr && *env) {
    return fs::is_directory(env, ec) ? std::string(env) : std::string();
  }
  for (const char* candidate : {"../shared", "../../shared", "../../../shared"}) {
    if (fs::is_directory(candidate, ec)) return candidate;
  }
  return "";
}

bool ReadFile(const std::string& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return true;
}

bool WriteFileAtomically(const std::string& path, const std::string& bytes, std::string* error) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) {
      *error = path + ": cannot write";
      return false;
    }
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) {
      *error = path + ": write failed";
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = path + ": cannot rename temporary file";
    return false;
  }
  return true;
}

}  // namespace marsad
