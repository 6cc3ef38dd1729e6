#include "render/template_set.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/errors.h"

namespace homeroom::render {
namespace fs = std::filesystem;

TemplateSet::TemplateSet(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw NoInputError("cannot read templates " + dir.string() + ": no such folder");
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        if (!in) throw IoError("cannot read template " + entry.path().string());
        std::stringstream ss;
        ss << in.rdbuf();
        auto name = fs::relative(entry.path(), dir).replace_extension().generic_string();
        m_templates.emplace(std::move(name), ss.str());
    }
}

const std::string& TemplateSet::source(const std::string& name) const {
    const auto it = m_templates.find(name);
    if (it == m_templates.end()) throw std::invalid_argument("no template named " + name);
    return it->second;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string TemplateSet::render(const std::string& name, mstch::map context,
                                const Localizer& localizer) const {
    // mstch renders what a lambda returns as template text, unescaped: escape the translation
    // so a catalog cannot inject markup (its {{placeholders}} still work).
    context["_"] = mstch::lambda{[&localizer](const std::string& msgid) -> mstch::node {
        return escape_html(localizer.text(msgid));
    }};
    return mstch::render(source(name), context, m_templates);
}

}  // namespace homeroom::render
