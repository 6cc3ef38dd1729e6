// The weekly digest as one short text message, from the same ChildWeek data as the email:
//
//   "Maya: 2 absences; new mark C in Algebra I. Details: https://homeroom.example.org/s/x7k2mq4abz"
//
// One part per child (in the digest's order), each ending with the link to the child's private
// page in the contact's language — a short link "<base_url>/s/<code>" when the request asks
// for one (site::short_link_code; `homeroom serve` redirects it), else the page's full URL;
// wording from the catalogs. The text is fitted to a budget of
// segments (sms_encoding.h) by shortening the news, never a link or a name: a child without
// news keeps only name and link, then the last items of the child with the most news go (a "…"
// says something was left out), then the longest remaining item is cut, down to name and link.
// Pure apart from the catalogs: same inputs, same text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "notify/child_week.h"
#include "notify/digest.h"
#include "notify/sms_encoding.h"
#include "render/localizer.h"
#include "store/short_link_repository.h"

namespace homeroom::notify {

struct SmsChildPart {
    std::string name;                // the child's first name
    std::vector<std::string> items;  // "2 absences", "new mark C in Algebra I", ...
    std::string url;                 // the private page
};

// Short links instead of full page URLs: "<base_url>/s/<code>".
struct SmsShortLinks {
    std::string base_url;  // without a trailing slash; the page URLs start with it + "/"
    std::string secret;    // the site secret
};

struct SmsText {
    std::string language;
    // The short links the text carries (code, target relative to base_url), to be recorded
    // before the text is queued (store/short_link_repository.h).
    std::vector<store::ShortLink> links;
    std::string text;  // as it will be sent (prepare_sms_text applied)
    SmsMeasure measure;
    bool has_news = false;
    bool shortened = false;    // news was left out to keep to the budget
    bool over_budget = false;  // even names and links alone need more segments than allowed
};

struct SmsTextRequest {
    std::string language;                    // the addressed contact's preferred language
    std::vector<const ChildWeek*> children;  // never empty
    int max_segments = 2;
    const SmsShortLinks* short_links = nullptr;  // nullptr: full page URLs
};

// nullopt when no child has news and settings.send_nothing_new is off.
std::optional<SmsText> build_sms_text(const SmsTextRequest& request, const DigestSettings& settings,
                                      const render::LocalizerSet& localizers);

// The pieces, exposed for tests.
std::vector<std::string> sms_news_items(const ChildWeek& child, const render::Localizer& l);
// Joins the parts as the language words them and fits them to `max_segments`.
SmsText fit_sms_text(std::vector<SmsChildPart> parts, int max_segments, const render::Localizer& l);

}  // namespace homeroom::notify
