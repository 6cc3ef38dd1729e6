// A Mustache template parsed once and rendered many times over mstch's data model (mstch::node).
//
// Why not mstch::render: it parses the template (and every partial it is given) on every call,
// which made parsing the largest cost of a 50,000-page site build. This renders the same
// templates, with the same data, from a tree built once.
//
// Supported: {{name}} and dotted names (escaped), {{#section}} / {{^inverted}} over lists, maps
// and truthy values, {{! comments}}, standalone-line stripping, and {{#_}}English text{{/_}}:
// the translation of the text in the page's language, HTML-escaped, whose {{placeholders}} are
// filled from the context. Not supported, on purpose: {{{unescaped}}} and {{&unescaped}} (data is
// always escaped), set delimiters, and lambdas other than "_". Partials are inlined by TemplateSet
// before compiling.
#pragma once

#include <mstch/mstch.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/localizer.h"

namespace homeroom::render {

class CompiledTemplate {
  public:
    // Throws std::invalid_argument("NAME:LINE: message") for a malformed template.
    CompiledTemplate(std::string_view source, const std::string& name);
    ~CompiledTemplate();
    CompiledTemplate(CompiledTemplate&&) noexcept;
    CompiledTemplate& operator=(CompiledTemplate&&) noexcept;

    std::string render(const mstch::node& context, const Localizer& localizer) const;

    struct Op;

  private:
    std::vector<Op> m_ops;
};

}  // namespace homeroom::render
