// What `homeroom check` says about translations: for each language, the messages the templates
// and code use that its catalog lacks, leaves empty or marks fuzzy (all shown in English), and
// the catalog entries nothing uses any more. Pure: the caller collects what is used.
#pragma once

#include <compare>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "render/catalog.h"

namespace homeroom::render {

struct MessageKey {
    std::string context;  // msgctxt; empty for none
    std::string msgid;
    friend auto operator<=>(const MessageKey&, const MessageKey&) = default;
};

struct LanguageReport {
    std::string language;
    std::vector<MessageKey> missing;       // used, but not in the catalog at all
    std::vector<MessageKey> untranslated;  // in the catalog with an empty msgstr (or plural form)
    std::vector<MessageKey> fuzzy;         // marked fuzzy: a guess nobody has reviewed yet
    std::vector<MessageKey> unused;        // in the catalog, used by nothing

    // Complete when every used message has a reviewed translation; unused entries are harmless.
    bool complete() const { return missing.empty() && untranslated.empty() && fuzzy.empty(); }
};

// One report per language of `catalogs`, in the order of Catalogs::languages(), each list sorted.
// English is the source language: its empty msgstr simply means "the source text as written", so
// it is never reported untranslated.
std::vector<LanguageReport> check_translations(const std::set<MessageKey>& used,
                                               const Catalogs& catalogs);

// Every message of a catalog or of the template locales/messages.pot (which the extraction script
// builds from the templates and the C++ sources): what the code used when it was last extracted.
std::set<MessageKey> message_keys(const Catalog& catalog);

// One {{#_}}...{{/_}} section of a Mustache template.
struct TemplateMessage {
    std::string msgid;  // the section's text as template_msgid() normalizes it
    int line = 0;       // where the section opens (1-based)
};

// Every translatable section of a template, in order. A section that is not closed, is nested in
// another one or is empty is reported into `diagnostics` as file:line:column.
std::vector<TemplateMessage> find_template_messages(std::string_view text,
                                                    const std::string& file_name,
                                                    Diagnostics& diagnostics);

// The message id of a section's raw text: runs of whitespace (template line breaks and
// indentation) become one space and the ends are trimmed. The `_` lambda that renders the
// section must look its text up through this same function; scripts/extract-messages.py applies
// the same rule.
std::string template_msgid(std::string_view raw);

}  // namespace homeroom::render
