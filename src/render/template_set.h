// The Mustache templates of templates/ (HTML pages, partials, e-mail and SMS), loaded and
// compiled once (compiled_template.h), rendered over mstch's data model. Every template may use
// every other as a partial. Wording lives in catalogs: a template writes {{#_}}English text{{/_}}
// and gets the translation of the page's language, HTML-escaped.
#pragma once

#include <mstch/mstch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "render/compiled_template.h"
#include "render/localizer.h"
#include "render/untrusted_text.h"  // escape_html, for callers that build markup by hand

namespace homeroom::render {

class TemplateSet {
  public:
    // Loads every *.mustache below `dir` (names relative, without the extension, '/'-separated).
    // Throws NoInputError when the folder is missing, IoError when a file cannot be read.
    // A template that does not compile is reported in `errors` ("NAME.mustache:LINE: message")
    // and left out; without `errors`, DataError lists every one ("DIR/NAME.mustache:LINE: ...").
    explicit TemplateSet(const std::filesystem::path& dir,
                         std::vector<std::string>* errors = nullptr);

    bool has(const std::string& name) const { return m_templates.count(name) > 0; }
    const std::string& source(const std::string& name) const;
    const std::map<std::string, std::string>& all() const { return m_templates; }

    // Renders `name` with `context`; adds the "_" translation lambda for `localizer`.
    std::string render(const std::string& name, mstch::map context,
                       const Localizer& localizer) const;

  private:
    std::string expand_partials(const std::string& text, int depth) const;
    std::map<std::string, std::string> m_templates;
    std::map<std::string, CompiledTemplate> m_compiled;  // partials inlined, parsed once
};

}  // namespace homeroom::render
