#include "site/partner_export.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace homeroom::site {
namespace {

TEST(ExportFolderName, KeepsSafeIdsAndHashesAnythingElse) {
    EXPECT_EQ(export_folder_name("P-CYC"), "P-CYC");
    EXPECT_EQ(export_folder_name("eastside_youth-club2"), "eastside_youth-club2");
    for (const char* tricky : {"../evil", "a/b", "a:b", ".", "..", "a.b", "/etc/passwd"}) {
        const std::string name = export_folder_name(tricky);
        EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789_-"),
                  std::string::npos)
            << tricky << " -> " << name;
        EXPECT_FALSE(name.empty());
        EXPECT_NE(name.front(), '-') << name;
    }
    // Ids that map to the same characters still get different folders.
    EXPECT_NE(export_folder_name("a/b"), export_folder_name("a:b"));
    EXPECT_NE(export_folder_name("a/b"), export_folder_name("a_b"));
    EXPECT_EQ(export_folder_name("../evil"), "_2e_2e_2fevil-e3b85cb0");
    EXPECT_FALSE(export_folder_name("").empty());
}

// docs/partners.md promises that two ids never share a folder: "a.b" once became
// "a_b-108bf50c", which is itself a safe id kept as it is.
TEST(ExportFolderName, NoTwoIdsShareAFolder) {
    EXPECT_NE(export_folder_name("a.b"), export_folder_name("a_b-108bf50c"));
    EXPECT_NE(export_folder_name("a_b-108bf50c"), "a_b-108bf50c");
    EXPECT_NE(export_folder_name("a.b"), export_folder_name("a_2eb"));
    EXPECT_NE(export_folder_name("a.b"), export_folder_name("a_b"));
    EXPECT_NE(export_folder_name("a_b"), export_folder_name("a__b"));
}

TEST(ResolvePartner, ByIdOrUnambiguousName) {
    const std::vector<Partner> partners = {
        {"P1", "City Youth Club", "", ""}, {"P2", "Bridges", "", ""}, {"P3", "bridges", "", ""}};
    EXPECT_EQ(resolve_partner(partners, "P1"), "P1");
    EXPECT_EQ(resolve_partner(partners, "city youth CLUB"), "P1");
    EXPECT_THROW(resolve_partner(partners, "Bridges"), UsageError);
    EXPECT_THROW(resolve_partner(partners, "Nobody"), NoInputError);
}

}  // namespace
}  // namespace homeroom::site
