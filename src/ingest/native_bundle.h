// Reads and validates a native CSV bundle (docs/data-format.md) into core records.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/diagnostics.h"
#include "core/record_sink.h"
#include "core/records.h"

namespace homeroom::ingest {

// The bundle's files in the order they are read (references point only to earlier files).
const std::vector<std::string>& native_bundle_files();

struct BundleCounts {
    std::vector<std::pair<std::string, std::size_t>> rows_per_file;  // rows accepted
    std::size_t total_rows() const;
};

// Called as rows are read: (file, rows so far, file finished).
using ImportProgress = std::function<void(const std::string&, std::size_t, bool)>;

// Validates every file against the documented rules, handing each valid record to `sink` as
// it goes. The caller must discard what the sink received if `diags` has errors afterwards.
// Throws IoError when a file cannot be read; NoInputError when `dir` is not a folder.
BundleCounts read_native_bundle(const std::filesystem::path& dir, Date as_of, RecordSink& sink,
                                Diagnostics& diags, const ImportProgress& progress = {});

// What a OneRoster export defined (docs/oneroster.md), for the native files placed beside it.
struct KnownRecords {
    std::vector<std::string> schools, staff;
    std::vector<Student> students;  // id, school_id, birth, entry and exit dates are used
    std::vector<Contact> contacts;  // id, email and mobile are used
    std::vector<std::pair<std::string, std::string>> links;  // (student_id, contact_id)
};

// The native files read beside a OneRoster export, in the order they are read: the ones that
// carry what OneRoster does not (channel consent, attendance, discipline, assessments,
// calendars, rights and restrictions, partners). Their ids are the export's sourcedIds; a row of
// contacts.csv completes a contact of the export (its channel and consent) and is handed on as
// the whole contact.
const std::vector<std::string>& native_gap_files();

// Reads those of `native_gap_files()` that are in `dir` (a missing one is no problem) by the
// rules of docs/data-format.md, their references checked against `known`. A row of
// student_contacts.csv may name a pair `known` links already (it then gives that link's rights).
BundleCounts read_native_gap_files(const std::filesystem::path& dir, Date as_of,
                                   const KnownRecords& known, RecordSink& sink, Diagnostics& diags,
                                   const ImportProgress& progress = {});

}  // namespace homeroom::ingest
