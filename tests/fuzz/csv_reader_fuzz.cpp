// Feeds arbitrary bytes to CsvReader and checks what every caller relies on: it ends, every
// field is valid UTF-8 with a sane position, and records come in line order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "ingest/csv_reader.h"
#include "ingest/text_encoding.h"

namespace {

void require(bool condition) {
    if (!condition)
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace homeroom;
    using namespace homeroom::ingest;

    Diagnostics diags;
    CsvReader reader(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv", diags);
    std::vector<CsvField> fields;
    int previous_line = 0;
    while (reader.next(fields)) {
        require(!fields.empty());
        require(reader.record_line() > previous_line);
        previous_line = reader.record_line();
        int line = reader.record_line();
        int column = 0;
        for (const CsvField& field : fields) {
            require(find_invalid_utf8(field.text) == std::string_view::npos);
            require(field.line > line || (field.line == line && field.column > column));
            line = field.line;
            column = field.column;
        }
        // Every byte lands in one field or one separator, so fields cannot outgrow the input.
        require(fields.size() <= size + 1);
    }
    require(fields.empty());
    require(!reader.next(fields));
    for (const Diagnostic& d : diags.items()) {
        require(d.file == "fuzz.csv");
        require(d.line >= 0 && d.column >= 0);
        require(!d.message.empty());
    }
    return 0;
}
