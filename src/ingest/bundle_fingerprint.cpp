#include "ingest/bundle_fingerprint.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <vector>

#include "ingest/native_bundle.h"
#include "ingest/oneroster_bundle.h"
#include "ingest/regular_file.h"

namespace homeroom::ingest {

std::string bundle_fingerprint(const std::filesystem::path& dir) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    std::vector<char> buffer(1 << 20);
    // Every file either reader takes (a missing one adds nothing, so a native bundle's
    // fingerprint is what it always was).
    std::vector<std::string> names = native_bundle_files();
    for (const auto& name : oneroster_bundle_files())
        if (std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    for (const auto& name : names) {
        const auto path = dir / name;
        const FileCheck check = check_bundle_file(path);
        if (check.state == FileState::missing)
            continue;
        // The name and a separator keep "a.csv + b.csv" from colliding with other splits.
        sha.update(name);
        sha.update('\0');
        if (check.state == FileState::not_regular) {
            // Never opened (a FIFO would block, /dev/zero never ends); the import refuses it,
            // and the fingerprint differs from any bundle where the file is missing or regular.
            sha.update("\x01not a regular file");
            continue;
        }
        ReadOnlyFile file(path);
        for (;;) {
            const std::size_t got = file.read(buffer.data(), buffer.size());
            if (got == 0)
                break;
            sha.update(buffer.data(), static_cast<unsigned>(got));
        }
        sha.update('\0');
    }
    return Poco::DigestEngine::digestToHex(sha.digest());
}

}  // namespace homeroom::ingest
