#include "site/file_publisher.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "temp_dir.h"

namespace homeroom::site {
namespace {

std::size_t regular_files(const std::filesystem::path& dir) {
    std::size_t files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        files += e.is_regular_file();
    return files;
}

TEST(FilePublisher, WritesFilesInNewFoldersAndSkipsUnchangedBytes) {
    testing::TempDir dir;
    FilePublisher publisher(dir.path());
    publisher.publish("public/en/index.html", "<p>hello</p>");
    EXPECT_EQ(testing::read_file(dir / "public/en/index.html"), "<p>hello</p>");
    const auto before = std::filesystem::last_write_time(dir / "public/en/index.html");
    publisher.publish("public/en/index.html", "<p>hello</p>");
    EXPECT_EQ(std::filesystem::last_write_time(dir / "public/en/index.html"), before);
    publisher.publish("public/en/index.html", "<p>changed</p>");
    EXPECT_EQ(testing::read_file(dir / "public/en/index.html"), "<p>changed</p>");
    EXPECT_EQ(publisher.written(), 2u);
    EXPECT_EQ(publisher.unchanged(), 1u);
    EXPECT_EQ(regular_files(dir.path()), 1u);  // no temporary files are left behind
}

TEST(FilePublisher, ReplacesAFileOfAnEarlierRunAtOnceWhileItIsBeingRead) {
    testing::TempDir dir;
    // What a crashed earlier run may have left: a page cut short.
    std::filesystem::create_directories(dir / "private/students/ab");
    testing::write_file(dir / "private/students/ab/page.html", "<p>cut sh");
    std::ifstream reader(dir / "private/students/ab/page.html");
    FilePublisher publisher(dir.path());  // a new run: the folder is not its own
    publisher.publish("private/students/ab/page.html", "<p>the whole page</p>");
    EXPECT_EQ(testing::read_file(dir / "private/students/ab/page.html"), "<p>the whole page</p>");
    // Someone reading the old file meanwhile reads it whole (a rename, not a rewrite in place).
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(reader), {}), "<p>cut sh");
    EXPECT_EQ(publisher.written(), 1u);
    EXPECT_EQ(regular_files(dir.path()), 1u);
}

TEST(FilePublisher, RemovesThePagesItDidNotPublishAndTheFoldersLeftEmpty) {
    testing::TempDir dir;
    namespace fs = std::filesystem;
    for (const char* folder :
         {"private/students/ab", "private/students/olderlayouttoken", "private/students/cd"})
        fs::create_directories(dir / folder);
    testing::write_file(dir / "private/students/ab/gone.en.html", "a student who left");
    testing::write_file(dir / "private/students/ab/gone.en.html.tmp12", "a crashed run's");
    testing::write_file(dir / "private/students/olderlayouttoken/en.html", "an old layout");
    testing::write_file(dir / "private/students/cd/notes.txt", "someone else's");
    FilePublisher publisher(dir.path());
    publisher.publish("private/students/ab/kept.en.html", "a current page");
    publisher.publish("private/students/ab/kept.en.html", "a current page");  // unchanged
    EXPECT_EQ(publisher.remove_unpublished("private", {".html"}), 3u);
    EXPECT_EQ(testing::read_file(dir / "private/students/ab/kept.en.html"), "a current page");
    EXPECT_FALSE(fs::exists(dir / "private/students/ab/gone.en.html"));
    EXPECT_FALSE(fs::exists(dir / "private/students/ab/gone.en.html.tmp12"));
    EXPECT_FALSE(fs::exists(dir / "private/students/olderlayouttoken"));
    EXPECT_TRUE(fs::exists(dir / "private/students/cd/notes.txt"));
    EXPECT_EQ(publisher.remove_unpublished("private", {".html"}), 0u);
    EXPECT_EQ(publisher.remove_unpublished("public", {".html"}), 0u);  // not there: nothing
    // Publishing again afterwards makes the folders it needs again.
    publisher.publish("private/students/ef/new.en.html", "x");
    EXPECT_TRUE(fs::exists(dir / "private/students/ef/new.en.html"));
}

TEST(FilePublisher, RefusesPathsThatLeaveTheSite) {
    testing::TempDir dir;
    FilePublisher publisher(dir / "site");
    for (const char* bad : {"../x.html", "/etc/passwd", "a//b", "a/./b", "a/../../b", ""})
        EXPECT_THROW(publisher.publish(bad, "x"), std::invalid_argument) << bad;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.html"));
}

TEST(Slug, KeepsLowercaseLettersAndDigitsOnly) {
    EXPECT_EQ(slug("S-101"), "s-101");
    EXPECT_EQ(slug("../../etc"), "etc");
    EXPECT_EQ(slug("Cass Tech #1"), "cass-tech-1");
    EXPECT_EQ(slug("<script>"), "script");
    EXPECT_EQ(slug("///"), "x");
}

}  // namespace
}  // namespace homeroom::site
