// The weekly digest: one message per mailbox per ISO week, covering all of the mailbox's consented
// children, in the addressed contact's language (English when the site does not ship it). The
// wording lives in templates/email/digest.{html,txt}.mustache and the catalogs; this file builds
// their data and the localized subject.
//
// Pure apart from the templates, which are loaded once by the caller: the same request gives the
// same bytes, so a preview (--dry-run) shows exactly what would be sent.
#pragma once

#include <mstch/mstch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "notify/child_week.h"
#include "render/localizer.h"
#include "render/template_set.h"

namespace homeroom::notify {

struct DigestRequest {
    Date week;                               // any day of the ISO week
    std::string recipient_name;              // the addressed contact, "Ana Pérez"
    std::string language;                    // the addressed contact's preferred language
    std::vector<const ChildWeek*> children;  // never empty; shown by first name, then id
    std::string district_name;
    std::string unsubscribe_url;  // for the footer; may be empty
    // An eligible student's own mailbox: the footer says why the student receives it, not
    // "a parent or guardian".
    bool addressed_to_student = false;
};

struct DigestSettings {
    // [email] send_nothing_new: also send a digest when no child has news this week.
    bool send_nothing_new = false;
};

struct Digest {
    std::string language;  // the language it is written in
    bool right_to_left = false;
    bool has_news = false;
    std::string subject;
    std::string text_body;  // UTF-8, LF line ends
    std::string html_body;
};

// nullopt when no child has news and settings.send_nothing_new is off.
std::optional<Digest> build_digest(const DigestRequest& request, const DigestSettings& settings,
                                   const render::LocalizerSet& localizers,
                                   const render::TemplateSet& templates);

// The pieces, exposed for tests.
// "Weekly update: Maya and Omar — week of June 8, 2026".
std::string digest_subject(const DigestRequest& request, const render::Localizer& l);
// "Maya", "Maya and Omar", "Maya, Omar and Lina", in the language's words.
std::string join_names(const std::vector<std::string>& names, const render::Localizer& l);
// The children in the order the digest shows them.
std::vector<const ChildWeek*> ordered_children(const DigestRequest& request);
mstch::map digest_context(const DigestRequest& request, const render::Localizer& l);
// Undoes the template engine's HTML escaping (& < > " ') for the plain-text part.
std::string unescape_html(std::string_view text);

inline constexpr const char* k_digest_html_template = "email/digest.html";
inline constexpr const char* k_digest_text_template = "email/digest.txt";

}  // namespace homeroom::notify
