// Catalogs and templates as translators and developers break them: a .po file that does not
// parse, a translation whose placeholders or tags differ from the English text, a template that
// does not compile. `check` and `build` refuse each with FILE:LINE (exit 65), and a build never
// removes a language's pages because its catalog failed.
#include <gtest/gtest.h>

#include <set>

#include "run_command.h"

namespace homeroom {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_homeroom;
using testing::TempDir;
using testing::write_file;

// A district imported, its own copies of locales/ and templates/, and settings pointing at them.
class TranslationCli : public ::testing::Test {
  protected:
    void SetUp() override {
        fs::copy(HOMEROOM_SOURCE_DIR "/locales", m_dir / "locales", fs::copy_options::recursive);
        fs::copy(HOMEROOM_SOURCE_DIR "/templates", m_dir / "templates",
                 fs::copy_options::recursive);
        write_file(m_dir / "h.ini",
                   "[site]\nsecret = test-secret\nlocales = " + (m_dir / "locales").string() +
                       "\ntemplates = " + (m_dir / "templates").string() + "\n");
        const auto r = run_homeroom(
            {"--db", db(), "import", HOMEROOM_TEST_DATA "/bundle-small", "--as-of", "2026-01-16"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    std::string db() const { return (m_dir / "h.db").string(); }
    fs::path es_po() const { return m_dir / "locales" / "es.po"; }

    testing::CommandResult homeroom(const std::vector<std::string>& command) const {
        std::vector<std::string> args = {"--config", (m_dir / "h.ini").string(), "--db", db()};
        args.insert(args.end(), command.begin(), command.end());
        return run_homeroom(args, m_dir.path().string());
    }
    testing::CommandResult build() const {
        return homeroom({"build", "--out", (m_dir / "site").string()});
    }
    std::set<std::string> site_files() const {
        std::set<std::string> out;
        for (const auto& e : fs::recursive_directory_iterator(m_dir / "site"))
            if (e.is_regular_file())
                out.insert(fs::relative(e.path(), m_dir / "site").string());
        return out;
    }

    // Replaces the one occurrence of `from` in `file`; returns its 1-based line number.
    static int replace_in(const fs::path& file, const std::string& from, const std::string& to) {
        std::string text = read_file(file);
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from;
        text.replace(at, from.size(), to);
        write_file(file, text);
        return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
    }

    TempDir m_dir;
};

TEST_F(TranslationCli, AMalformedCatalogFailsCheckAndTheBuildAndRemovesNoPage) {
    ASSERT_EQ(build().exit_code, 0);
    const auto before = site_files();
    ASSERT_GT(std::count_if(before.begin(), before.end(),
                            [](const std::string& f) { return f.find(".es.") != f.npos; }),
              0);
    const int line = replace_in(es_po(), "msgstr \"Asistencia\"\n", "msgstr \"Asistencia\n");
    const std::string expected =
        es_po().string() + ":" + std::to_string(line) + ":8: error: string has no closing quote\n";

    auto r = build();
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
    EXPECT_EQ(site_files(), before);

    r = homeroom({"check"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
}

TEST_F(TranslationCli, ARenamedPlaceholderFailsCheckAndTheBuild) {
    const int line =
        replace_in(es_po(), "msgstr \"Grado {{grade}}\"", "msgstr \"Grado {{grado}}\"");
    const std::string expected = es_po().string() + ":" + std::to_string(line - 1) +
                                 ":1: error: \"Grade {{grade}}\": the translation has {{grado}}, "
                                 "which the English text does not have\n";
    auto r = homeroom({"check"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
    r = build();
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
}

TEST_F(TranslationCli, TagsInATranslationFailCheckAndTheBuild) {
    for (const std::string tag : {"{{#flag}}", "{{{flag}}}"}) {
        const std::string from = "msgstr \"Nueva alerta temprana: {{flag}}\"";
        const std::string original = read_file(es_po());
        const int line = replace_in(es_po(), from, "msgstr \"Nueva alerta temprana: " + tag + "\"");
        const std::string where = es_po().string() + ":" + std::to_string(line - 1) +
                                  ":1: error: \"New early-warning indicator: {{flag}}\": ";
        auto r = homeroom({"check"});
        EXPECT_EQ(r.exit_code, 65) << tag;
        EXPECT_NE(r.err.find(where), std::string::npos) << tag << "\n" << r.err;
        r = build();
        EXPECT_EQ(r.exit_code, 65) << tag << "\n" << r.err;
        EXPECT_NE(r.err.find(where), std::string::npos) << tag << "\n" << r.err;
        write_file(es_po(), original);
    }
}

TEST_F(TranslationCli, ABrokenTemplateFailsTheBuildWithItsLine) {
    const auto student = m_dir / "templates" / "student.mustache";
    write_file(student, "{{{name}}}" + read_file(student));
    const auto r = build();
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("student.mustache:1: unescaped output ({{{...}}} or {{&...}}) is not "
                         "allowed: data is always escaped\n"),
              std::string::npos)
        << r.err;
}

}  // namespace
}  // namespace homeroom
