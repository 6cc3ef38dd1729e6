// Reads a OneRoster 1.1 CSV export (bulk) into the same core records as the native bundle
// (docs/oneroster.md has the mapping of every column read).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostics.h"
#include "core/record_sink.h"
#include "ingest/native_bundle.h"

namespace homeroom::ingest {

// The OneRoster files read, in the order they are read (manifest.csv first).
const std::vector<std::string>& oneroster_bundle_files();

// True when `dir` holds a `manifest.csv`: the mark of a OneRoster export (its version is
// checked when the export is read).
bool has_oneroster_manifest(const std::filesystem::path& dir);

// Validates the export, handing each valid record to `sink` once every file has been read
// (a student's birth date and entry date come from later files). The caller must discard
// what the sink received if `diags` has errors afterwards. Contacts linked through
// `agentSourcedIds` get no educational rights and no channel consent: OneRoster does not carry
// them and they are never inferred. Throws IoError when a file cannot be read; NoInputError
// when `dir` is not a folder.
BundleCounts read_oneroster_bundle(const std::filesystem::path& dir, Date as_of, RecordSink& sink,
                                   Diagnostics& diags, const ImportProgress& progress = {});

}  // namespace homeroom::ingest
