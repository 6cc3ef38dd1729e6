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
// When names and one link per child alone are over the budget, or fit only once every piece of
// news is gone, the children share one family link instead ("Maya: 2 absences. Omar: ….
// Details: <base_url>/s/<code>"), shortened the same way, if that keeps some news; its page in
// `homeroom serve` lists each child's page (short_link_endpoint.h).
// Pure apart from the catalogs: same inputs, same text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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
    bool over_budget = false;  // even names and a link alone need more segments than allowed
    // Names and one link per child did not fit: the text ends with one family link, whose page
    // lists the children's pages (store::ShortLinkChoice; links then holds that one link).
    bool family_link = false;
};

struct SmsTextRequest {
    std::string language;                    // the addressed contact's preferred language
    std::vector<const ChildWeek*> children;  // never empty
    int max_segments = 2;
    const SmsShortLinks* short_links = nullptr;  // nullptr: full page URLs
    // With short_links and a contact id: the family link's code (site::family_link_code of
    // contact id and week) when names and one link per child cannot fit the budget.
    std::string contact_id = {};
    std::string week = {};  // "YYYY-MM-DD", the week's Monday
};

// nullopt when no child has news and settings.send_nothing_new is off.
std::optional<SmsText> build_sms_text(const SmsTextRequest& request, const DigestSettings& settings,
                                      const render::LocalizerSet& localizers);

// The pieces, exposed for tests.
std::vector<std::string> sms_news_items(const ChildWeek& child, const render::Localizer& l);
// Joins the parts as the language words them and fits them to `max_segments`. When even names
// and one link per child are over the budget and `family_url` is given (and there are several
// children), the text names each child with their news shortened the same way and ends with
// `family_url` alone (family_link); it is over budget only if that does not fit either.
SmsText fit_sms_text(std::vector<SmsChildPart> parts, int max_segments, const render::Localizer& l,
                     std::string_view family_url = {});

}  // namespace homeroom::notify
