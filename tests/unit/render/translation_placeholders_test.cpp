#include "render/translation_placeholders.h"

#include <gtest/gtest.h>

namespace homeroom::render {
namespace {

TEST(TranslationProblem, SamePlaceholdersInAnyOrderAreFine) {
    EXPECT_EQ(translation_problem("Grade {{grade}}", "", "Grado {{ grade }}"), std::nullopt);
    EXPECT_EQ(translation_problem("{{list}} and {{name}}", "", "{{name}} y {{list}}"),
              std::nullopt);
    EXPECT_EQ(translation_problem("%d absence", "%d absences", "%d ausencias"), std::nullopt);
}

TEST(TranslationProblem, RenamedMissingOrExtraTagsAreRefused) {
    EXPECT_EQ(translation_problem("Grade {{grade}}", "", "Grado {{grado}}"),
              "\"Grade {{grade}}\": the translation has {{grado}}, which the English text does "
              "not have");
    EXPECT_EQ(translation_problem("Grade {{grade}}", "", "Grado"),
              "\"Grade {{grade}}\": the translation leaves out {{grade}}");
    EXPECT_EQ(translation_problem("Flag: {{flag}}", "", "{{#flag}}x{{/flag}}"),
              "\"Flag: {{flag}}\": the translation may hold only the English text's "
              "{{placeholders}}, not {{#flag}}");
    EXPECT_EQ(translation_problem("Flag: {{flag}}", "", "{{#flag}}"),
              "\"Flag: {{flag}}\": the translation is not a valid template: {{#flag}} is never "
              "closed");
    EXPECT_EQ(translation_problem("Flag: {{flag}}", "", "{{{flag}}}"),
              "\"Flag: {{flag}}\": the translation is not a valid template: unescaped output "
              "({{{...}}} or {{&...}}) is not allowed: data is always escaped");
}

}  // namespace
}  // namespace homeroom::render
