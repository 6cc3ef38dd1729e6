// The settings file (`--config FILE`) as a district administrator writes it: a misspelt section or
// key, or a broken header, is refused with its line and the name that was probably meant, before
// any command runs with default settings in its place.
#include <gtest/gtest.h>

#include "run_command.h"

namespace homeroom {
namespace {

using testing::run_homeroom;
using testing::TempDir;
using testing::write_file;

const std::string k_jobs = HOMEROOM_SOURCE_DIR "/jobs";

TEST(SettingsCli, UnknownSectionsAndKeysAreRefusedWithTheirLineAndTheLikelyName) {
    TempDir dir;
    const std::string ini = (dir / "h.ini").string();
    write_file(ini,
               "; district settings\n"
               "[emial]\n"
               "transport = smtp\n"
               "[site]\n"
               "secert = abc\n"
               "base_ulr = https://homeroom.example.org\n"
               "colour = blue\n"
               "[store\n"
               "db = h.db\n");
    const auto r = run_homeroom({"--config", ini, "--db", (dir / "h.db").string(), "snapshots"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_EQ(r.err, ini + ":2:2: error: unknown section [emial] (did you mean [email]?)\n" + ini +
                         ":5:1: error: unknown setting \"secert\" in [site] (did you mean "
                         "\"secret\"?)\n" +
                         ini +
                         ":6:1: error: unknown setting \"base_ulr\" in [site] (did you mean "
                         "\"base_url\"?)\n" +
                         ini +
                         ":7:1: error: unknown setting \"colour\" in [site] (known: base_url, "
                         "district_name, locales, out, secret, templates, time_zone)\n" +
                         ini + ":8:1: error: a section header ends with ]\n" +
                         "homeroom: the settings in " + ini + " were refused: 5 errors\n");
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(std::filesystem::exists(dir / "h.db"));
}

TEST(SettingsCli, TheExampleSettingsFileIsAccepted) {
    const auto r = run_homeroom({"--config", HOMEROOM_SOURCE_DIR "/docs/homeroom.example.ini",
                                 "jobs", "check", "--jobs", k_jobs});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
}

TEST(SettingsCli, EveryKeyTheProgramReadsIsAccepted) {
    // Keys read by the program but left out of the example, commented out there, or only
    // documented elsewhere.
    TempDir dir;
    write_file(dir / "h.ini",
               "[site]\nsecret = s\ntemplates = templates\nlocales = locales\nout = output/site\n"
               "time_zone = America/Detroit\n[jobs]\ndir = jobs\n[smtp]\nca_file = ca.pem\n"
               "verify_certificate = true\n[sms]\nhelp_text = Call us.\n"
               "[dkim]\nselector = hr2026\ndomain = example.org\nkey = dkim.pem\n"
               "algorithm = rsa-sha256\n");
    const auto r =
        run_homeroom({"--config", (dir / "h.ini").string(), "jobs", "check", "--jobs", k_jobs});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace homeroom
