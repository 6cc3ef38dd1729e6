#include "ingest/zip_export.h"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <stdlib.h>

#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "core/errors.h"

namespace homeroom::ingest {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}

struct Entry {
    const Poco::Zip::ZipLocalFileHeader* header;
    std::string name;  // without the archive's one folder
};

}  // namespace

bool is_zip_export(const fs::path& path) {
    std::error_code ec;
    return lower(path.extension().string()) == ".zip" && !fs::is_directory(path, ec);
}

ZipExport::ZipExport(const fs::path& zip) {
    const std::string what = zip.string();
    std::ifstream in(zip, std::ios::binary);
    if (!in)
        throw NoInputError("cannot read export " + what + ": no such file");
    char magic[2] = {};
    in.read(magic, 2);
    if (in.gcount() != 2 || magic[0] != 'P' || magic[1] != 'K')
        throw DataError(what + ": error: not a .zip archive (it does not start with PK)");
    in.seekg(0);
    std::string tmpl = (fs::temp_directory_path() / "homeroom-zip-XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data()))
        throw IoError("cannot create a temporary folder for " + what);
    m_dir = buf.data();
    try {
        std::unique_ptr<Poco::Zip::ZipArchive> archive;
        try {
            archive = std::make_unique<Poco::Zip::ZipArchive>(in);
        } catch (const Poco::Exception& e) {
            throw DataError(what + ": error: not a readable .zip archive (" + e.displayText() +
                            ")");
        }
        // The CSV entries; an archive of one folder (zipped with its folder) is that folder.
        std::vector<Entry> entries;
        std::set<std::string> folders;
        for (auto it = archive->headerBegin(); it != archive->headerEnd(); ++it) {
            const auto& h = it->second;
            const std::string& name = h.getFileName();
            if (h.isDirectory() || name.rfind("__MACOSX/", 0) == 0 ||
                lower(fs::path(name).extension().string()) != ".csv")
                continue;
            const auto slash = name.rfind('/');
            folders.insert(slash == std::string::npos ? std::string() : name.substr(0, slash));
            entries.push_back({&h, slash == std::string::npos ? name : name.substr(slash + 1)});
        }
        if (folders.size() > 1 ||
            (folders.size() == 1 && folders.begin()->find('/') != std::string::npos)) {
            std::string list;
            for (const auto& f : folders) list += (list.empty() ? "\"" : ", \"") + f + "/\"";
            throw DataError(what +
                            ": error: the CSV files must be at the top of the archive or "
                            "in one folder; found them in " +
                            list);
        }
        if (entries.empty())
            throw DataError(what + ": error: the archive holds no .csv file");
        std::set<std::string> seen;
        unsigned long long total = 0;
        for (const auto& e : entries) {
            const std::string& full = e.header->getFileName();
            if (e.name.empty() || e.name == "." || e.name == ".." ||
                full.find('\\') != std::string::npos)
                throw DataError(what + ": error: entry \"" + full + "\" is not a file name");
            if (!seen.insert(lower(e.name)).second)
                throw DataError(what + ": error: two entries named \"" + e.name + "\"");
            if (e.header->isEncrypted())
                throw DataError(what + ": error: entry \"" + full +
                                "\" is encrypted; export the files without a password");
            if (!e.header->hasSupportedCompressionMethod())
                throw DataError(what + ": error: entry \"" + full +
                                "\" uses a compression method other than stored or deflate");
            const fs::path out_path = m_dir / e.name;
            std::ofstream out(out_path, std::ios::binary);
            if (!out)
                throw IoError("cannot write " + out_path.string());
            try {
                Poco::Zip::ZipInputStream zin(in, *e.header);
                char chunk[65536];
                while (zin) {
                    zin.read(chunk, sizeof chunk);
                    const auto n = static_cast<unsigned long long>(zin.gcount());
                    total += n;
                    if (total > k_max_bytes)
                        throw DataError(what + ": error: the CSV entries hold more than " +
                                        std::to_string(k_max_bytes >> 30) +
                                        " GiB uncompressed; unzip it and import the folder");
                    out.write(chunk, static_cast<std::streamsize>(n));
                }
                if (zin.bad())
                    throw DataError(what + ": error: entry \"" + full + "\" is damaged");
            } catch (const Poco::Exception& ex) {
                throw DataError(what + ": error: entry \"" + full + "\" is damaged (" +
                                ex.displayText() + ")");
            }
            in.clear();
            out.close();
            if (!out)
                throw IoError("cannot write " + out_path.string());
        }
    } catch (...) {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
        throw;
    }
}

ZipExport::~ZipExport() {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

}  // namespace homeroom::ingest
