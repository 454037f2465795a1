// Locating the knowledge base (data/) and other project resources; reading
// and writing whole files.
#pragma once

#include <string>

namespace marsad {

// The data directory: `override` if non-empty, else $MARSAD_DATA, else the
// directory configured at build time (the source tree's data/).
std::string DataDir(const std::string& override_dir = "");

// $MARSAD_SHARED if set, else "../shared" relative to the current directory
// (the layout where public evaluation sets sit beside the checkout). Returns
// "" if the folder does not exist.
std::string SharedDir();

// Reads a whole file; returns false and sets *error (one line) on failure.
bool ReadFile(const std::string& path, std::string* out, std::string* error);

// Writes `bytes` to path.tmp, then renames it over `path`: readers see the
// old file or the new one, never a half-written one. Returns false and sets
// *error (one line) on failure.
bool WriteFileAtomically(const std::string& path, const std::string& bytes, std::string* error);

}  // namespace marsad
