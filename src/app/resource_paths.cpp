#include "app/resource_paths.h"

#include <vector>

#include "core/errors.h"

namespace homeroom::app {
namespace fs = std::filesystem;

fs::path find_resource_dir(const std::string& configured, const std::string& name,
                           const std::string& marker) {
    std::error_code ec;
    if (!configured.empty()) {
        if (!fs::is_directory(configured, ec))
            throw NoInputError("cannot read " + name + " folder " + configured +
                               ": no such folder");
        return configured;
    }
    std::vector<fs::path> candidates{fs::current_path(ec) / name};
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        candidates.push_back(exe.parent_path().parent_path() / name);
        candidates.push_back(exe.parent_path().parent_path().parent_path() / name);
    }
    candidates.push_back(fs::path("/usr/share/homeroom") / name);
    std::string searched;
    for (const auto& c : candidates) {
        if (fs::exists(c / marker, ec))
            return c;
        searched += (searched.empty() ? "" : ", ") + c.string();
    }
    throw NoInputError("cannot find the " + name + " folder (searched " + searched +
                       "); set [site] " + name + " in the config");
}

}  // namespace homeroom::app
