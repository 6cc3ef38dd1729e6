#include "render/template_set.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/errors.h"

namespace homeroom::render {
namespace fs = std::filesystem;

TemplateSet::TemplateSet(const fs::path& dir, std::vector<std::string>* errors) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw NoInputError("cannot read templates " + dir.string() + ": no such folder");
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mustache")
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        if (!in)
            throw IoError("cannot read template " + entry.path().string());
        std::stringstream ss;
        ss << in.rdbuf();
        auto name = fs::relative(entry.path(), dir).replace_extension().generic_string();
        m_templates.emplace(std::move(name), ss.str());
    }
    // mstch parses every partial it is given on every render; pages inline theirs once here,
    // so a render parses one template.
    std::vector<std::string> found;
    for (auto& [name, text] : m_templates) {
        try {
            m_compiled.emplace(name,
                               CompiledTemplate(expand_partials(text, 0), name + ".mustache"));
        } catch (const std::invalid_argument& e) {
            found.push_back(e.what());
        }
    }
    if (errors) {
        errors->insert(errors->end(), found.begin(), found.end());
    } else if (!found.empty()) {
        // A template is the district's input like a catalog: exit 65 with its line, not 70.
        std::string message;
        for (const auto& e : found) message += (dir / "").string() + e + "\n";
        throw DataError(message + "homeroom: the templates in " + dir.string() + " were refused: " +
                        std::to_string(found.size()) + (found.size() == 1 ? " error" : " errors"));
    }
}

std::string TemplateSet::expand_partials(const std::string& text, int depth) const {
    if (depth > 16)
        throw std::invalid_argument("templates include each other too deeply");
    std::string out;
    std::size_t from = 0;
    while (true) {
        const auto open = text.find("{{>", from);
        if (open == std::string::npos)
            break;
        const auto close = text.find("}}", open);
        if (close == std::string::npos)
            break;
        std::string name = text.substr(open + 3, close - open - 3);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        out.append(text, from, open - from);
        const auto it = m_templates.find(name);
        std::string inlined =
            it == m_templates.end() ? std::string() : expand_partials(it->second, depth + 1);
        from = close + 2;
        // A tag alone on its line stands for the partial's lines (as Mustache's standalone rule).
        if (!inlined.empty() && inlined.back() == '\n' && from < text.size() && text[from] == '\n')
            inlined.pop_back();
        out += inlined;
    }
    out.append(text, from, std::string::npos);
    return out;
}

const std::string& TemplateSet::source(const std::string& name) const {
    const auto it = m_templates.find(name);
    if (it == m_templates.end())
        throw std::invalid_argument("no template named " + name);
    return it->second;
}

std::string TemplateSet::render(const std::string& name, mstch::map context,
                                const Localizer& localizer) const {
    const auto it = m_compiled.find(name);
    if (it == m_compiled.end())
        throw std::invalid_argument("no template named " + name);
    return it->second.render(mstch::node(std::move(context)), localizer);
}

}  // namespace homeroom::render
