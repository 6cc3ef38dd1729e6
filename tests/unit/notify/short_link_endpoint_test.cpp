// GET /s/<code>: a redirect to the page the code names, or a 404 that does not repeat the code.
#include "notify/short_link_endpoint.h"

#include <gtest/gtest.h>

#include "core/diagnostics.h"
#include "render/catalog_localizer.h"
#include "store/short_link_repository.h"
#include "temp_dir.h"

namespace homeroom::notify {
namespace {

const store::TimePoint k_now{std::chrono::sys_days{std::chrono::June / 12 / 2026}};

std::string header(const HttpResponse& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
        if (n == name)
            return v;
    return {};
}

// The shipped catalogs (en, es, ar).
const render::LocalizerSet& shipped_languages() {
    static const auto set = [] {
        Diagnostics diagnostics;
        return render::CatalogLocalizerSet::load(
            std::filesystem::path(HOMEROOM_TEST_DATA) / ".." / ".." / "locales", diagnostics);
    }();
    return *set;
}

struct Fixture {
    testing::TempDir dir;
    store::Database db{dir / "h.db"};
    ShortLinkEndpoint endpoint{db, "https://homeroom.example.org/", shipped_languages()};
    RouteTable routes;
    Fixture() {
        endpoint.add_routes(routes);
        store::ShortLinkRepository(db).remember("abcdefgh23", "private/students/tok/es.html",
                                                k_now);
    }
};

TEST(ShortLinkEndpoint, AKnownCodeRedirectsToItsPageWithoutCachingOrReferrer) {
    Fixture f;
    const auto r = f.routes.dispatch({"GET", "/s/abcdefgh23", {}, {}});
    EXPECT_EQ(r.status, 302);
    EXPECT_EQ(header(r, "Location"), "https://homeroom.example.org/private/students/tok/es.html");
    EXPECT_EQ(header(r, "Cache-Control"), "no-store");
    EXPECT_EQ(header(r, "Referrer-Policy"), "no-referrer");
}

TEST(ShortLinkEndpoint, UnknownOrMalformedCodesAre404WithoutTheCode) {
    Fixture f;
    for (const std::string code : {"abcdefgh24", "abcdefgh2", "ABCDEFGH23", "<script>x</script>",
                                   "abcdefgh23/x", "abcdefgh23%00", "..%2f..%2fetc"}) {
        const auto r = f.routes.dispatch({"GET", "/s/" + code, {}, {}});
        EXPECT_EQ(r.status, 404) << code;
        EXPECT_EQ(header(r, "Location"), "") << code;
        EXPECT_EQ(r.body.find(code), std::string::npos) << code;
        EXPECT_EQ(r.body.find("<script>x"), std::string::npos);
    }
    EXPECT_EQ(f.routes.dispatch({"POST", "/s/abcdefgh23", {}, {}}).status, 405);
}

TEST(ShortLinkEndpoint, AFamilyLinkAnswersAPageToChooseFromWithEscapedNames) {
    Fixture f;
    const std::string hostile = "<script>alert(1)</script>\"&'";
    store::ShortLinkRepository(f.db).remember(
        "familyaaaa",
        store::encode_short_link_choices(
            {{"Maya", "private/students/t1/t1ok.ar.html"},
             {hostile, "private/students/t2/t2ok.ar.html"},
             {"\xD8\xB9\xD9\x85\xD8\xB1", "private/students/t3/t3ok.ar.html"}}),
        k_now);
    const auto r = f.routes.dispatch({"GET", "/s/familyaaaa", {}, {}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(header(r, "Location"), "");
    EXPECT_EQ(header(r, "Cache-Control"), "no-store");
    EXPECT_EQ(header(r, "Referrer-Policy"), "no-referrer");
    EXPECT_EQ(header(r, "X-Robots-Tag"), "noindex");
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
    // The pages are Arabic, so is the page that lists them.
    const std::string title =
        shipped_languages().get("ar").text("Choose a child's progress report");
    EXPECT_NE(title, "Choose a child's progress report");
    EXPECT_NE(r.body.find("<h1>" + title + "</h1>"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos) << r.body;
    for (const char* t : {"t1", "t2", "t3"})
        EXPECT_NE(r.body.find("<a href=\"https://homeroom.example.org/private/students/" +
                              std::string(t) + "/" + t + "ok.ar.html\" dir=\"auto\">"),
                  std::string::npos)
            << r.body;
    EXPECT_NE(r.body.find(">Maya</a>"), std::string::npos);
    EXPECT_NE(r.body.find(">\xD8\xB9\xD9\x85\xD8\xB1</a>"), std::string::npos);
    EXPECT_EQ(r.body.find("<script>"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find(hostile), std::string::npos);
    EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << r.body;
}

TEST(ShortLinkEndpoint, AFamilyPageSpeaksThePagesLanguageOrEnglish) {
    const std::vector<store::ShortLinkChoice> spanish = {
        {"Ana", "private/students/t1/t1ok.es.html"}};
    const auto es = family_link_page(spanish, "https://h.example", shipped_languages());
    EXPECT_NE(es.body.find("<html lang=\"es\">"), std::string::npos) << es.body;
    // A link sent before student pages moved into two-character folders, too.
    const auto old = family_link_page({{"Ana", "private/students/t1/es.html"}}, "https://h.example",
                                      shipped_languages());
    EXPECT_NE(old.body.find("<html lang=\"es\">"), std::string::npos) << old.body;
    EXPECT_NE(es.body.find("<h1>Elija el informe de progreso de uno de sus hijos</h1>"),
              std::string::npos)
        << es.body;
    // A language without a catalog (or a target that is not a page): English.
    for (const char* target : {"private/students/t1/t1ok.xx.html", "private/students/t1"}) {
        const auto en =
            family_link_page({{"Ana", target}}, "https://h.example", shipped_languages());
        EXPECT_NE(en.body.find("<html lang=\"en\"><head>"), std::string::npos) << en.body;
        EXPECT_NE(en.body.find("<h1>Choose a child&#39;s progress report</h1>"), std::string::npos)
            << en.body;
    }
}

TEST(ShortLinkEndpoint, AMalformedListOfChoicesIs404) {
    Fixture f;
    store::ShortLinkRepository(f.db).remember("familybbbb", "choose:no-tab-here", k_now);
    EXPECT_EQ(f.routes.dispatch({"GET", "/s/familybbbb", {}, {}}).status, 404);
}

}  // namespace
}  // namespace homeroom::notify
