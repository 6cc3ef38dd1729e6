#include "app/dkim_settings.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/ascii_text.h"
#include "core/diagnostics.h"
#include "core/errors.h"
#include "core/ini_sections.h"

namespace homeroom::app {
namespace {

// Where a [dkim] setting is in the settings file, for messages like a compiler's:
// "h.ini:14:7: error: dkim.key: ...". Without a file (or the key in it): "config: dkim.key: ...".
class Positions {
  public:
    explicit Positions(const std::filesystem::path& config_file) : m_file(config_file.string()) {
        if (config_file.empty())
            return;
        std::ifstream in(config_file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        Diagnostics ignored;  // the file was checked before (settings_file.h)
        for (auto& s : read_ini_sections(text.str(), m_file, ignored))
            if (s.name == "dkim")
                m_section = std::move(s);
    }
    // The value of `key`, else the [dkim] header.
    std::string at(const std::string& key, Severity severity = Severity::error) const {
        Diagnostic d{m_file, 0, 0, severity, ""};
        if (const auto it = m_section.entries.find(key); it != m_section.entries.end()) {
            d.line = it->second.line;
            d.column = it->second.value_column;
        } else if (m_section.line > 0) {
            d.line = m_section.line;
            d.column = m_section.name_column;
        }
        if (d.line == 0)
            return severity == Severity::error ? "config: " : "homeroom: warning: ";
        return d.to_string();
    }

  private:
    std::string m_file;
    IniSection m_section;
};

struct KeyFile {
    std::string pem;
    unsigned mode = 0;  // permission bits
};

// Up to 1 MiB of the key file; NoInputError when it cannot be opened or read.
KeyFile read_key_file(const std::string& path, const std::string& where) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw NoInputError(where + "dkim.key: cannot read " + path + ": " + std::strerror(errno));
    KeyFile file;
    struct stat st {};
    if (::fstat(fd, &st) == 0)
        file.mode = static_cast<unsigned>(st.st_mode & 07777);
    auto& pem = file.pem;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0 && pem.size() < (1u << 20))
        pem.append(buf, static_cast<std::size_t>(n));
    const int read_errno = errno;
    ::close(fd);
    if (n < 0)
        throw NoInputError(where + "dkim.key: cannot read " + path + ": " +
                           std::strerror(read_errno));
    return file;
}

}  // namespace

std::optional<notify::DkimSigner> load_dkim_settings(const Poco::Util::AbstractConfiguration& c,
                                                     const notify::MailAddress& from,
                                                     const std::filesystem::path& config_file,
                                                     std::ostream& warnings) {
    const std::string selector = c.getString("dkim.selector", "");
    const std::string domain = c.getString("dkim.domain", "");
    const std::string key = c.getString("dkim.key", "");
    const std::string algorithm_code = c.getString("dkim.algorithm", "");
    if (selector.empty() && domain.empty() && key.empty() && algorithm_code.empty())
        return std::nullopt;
    const Positions positions(config_file);
    std::string missing;
    for (const auto& [name, value] :
         {std::pair{"selector", &selector}, {"domain", &domain}, {"key", &key}})
        if (value->empty())
            missing += (missing.empty() ? "dkim." : ", dkim.") + std::string(name);
    if (!missing.empty())
        throw UsageError(positions.at("") +
                         "[dkim] signs only with selector, domain and key all set (" + missing +
                         " missing)");
    std::optional<notify::DkimAlgorithm> algorithm;
    if (!algorithm_code.empty()) {
        algorithm = notify::parse_dkim_algorithm(algorithm_code);
        if (!algorithm)
            throw UsageError(positions.at("algorithm") +
                             "dkim.algorithm must be rsa-sha256 or ed25519-sha256, not \"" +
                             algorithm_code + "\"");
    }
    // DMARC passes on DKIM only when d= is the From domain or a parent of it.
    const std::string from_domain = ascii_lower(from.address.substr(from.address.find('@') + 1));
    const std::string d = ascii_lower(domain);
    if (from_domain != d &&
        !(from_domain.size() > d.size() &&
          from_domain.compare(from_domain.size() - d.size(), d.size(), d) == 0 &&
          from_domain[from_domain.size() - d.size() - 1] == '.'))
        throw UsageError(positions.at("domain") + "dkim.domain \"" + domain +
                         "\" must be email.from's domain \"" + from_domain +
                         "\" or a parent of it (DMARC aligns them)");

    const KeyFile file = read_key_file(key, positions.at("key"));
    try {
        notify::DkimSigner signer(selector, domain, file.pem, algorithm);
        if ((file.mode & 077) != 0) {
            char mode[16];
            std::snprintf(mode, sizeof mode, "%04o", file.mode);
            // Whoever reads the key can sign mail as the district.
            warnings << positions.at("key", Severity::warning) << "dkim.key " << key
                     << " can be read by other users (mode " << mode << "): chmod 600 it\n";
        }
        return signer;
    } catch (const std::invalid_argument& e) {
        const std::string why = e.what();
        if (why.rfind("dkim.selector", 0) == 0)
            throw UsageError(positions.at("selector") + why);
        if (why.rfind("dkim.domain", 0) == 0)
            throw UsageError(positions.at("domain") + why);
        if (why.rfind("dkim.algorithm", 0) == 0)
            throw UsageError(positions.at("algorithm") + why);
        throw UsageError(positions.at("key") + "dkim.key " + key + ": " + why);
    }
}

}  // namespace homeroom::app
