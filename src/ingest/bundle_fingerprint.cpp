#include "ingest/bundle_fingerprint.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/errors.h"
#include "ingest/native_bundle.h"

namespace homeroom::ingest {

std::string bundle_fingerprint(const std::filesystem::path& dir) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    std::vector<char> buffer(1 << 20);
    for (const auto& name : native_bundle_files()) {
        const auto path = dir / name;
        std::error_code ec;
        if (!std::filesystem::exists(path, ec))
            continue;
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw IoError("cannot read " + path.string() + ": " + std::strerror(errno));
        // The name and a separator keep "a.csv + b.csv" from colliding with other splits.
        sha.update(name);
        sha.update('\0');
        while (in) {
            in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            sha.update(buffer.data(), static_cast<unsigned>(in.gcount()));
        }
        if (in.bad())
            throw IoError("cannot read " + path.string() + ": read error");
        sha.update('\0');
    }
    return Poco::DigestEngine::digestToHex(sha.digest());
}

}  // namespace homeroom::ingest
