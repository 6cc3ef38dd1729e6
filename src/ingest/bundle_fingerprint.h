// A content hash of a bundle: the same files with the same bytes give the same fingerprint,
// which is how a repeated import of an unchanged bundle is recognised and skipped.
#pragma once

#include <filesystem>
#include <string>

namespace homeroom::ingest {

// SHA-256 (hex) over the names and bytes of the bundle's known files, in bundle order.
// Throws IoError when a file cannot be read.
std::string bundle_fingerprint(const std::filesystem::path& dir);

}  // namespace homeroom::ingest
