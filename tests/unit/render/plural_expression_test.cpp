#include "render/plural_expression.h"

#include <gtest/gtest.h>

#include <string>

namespace homeroom::render {
namespace {

constexpr std::string_view k_arabic =
    "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5";

PluralExpression parsed(std::string_view text) {
    auto result = PluralExpression::parse(text);
    EXPECT_TRUE(result.expression.has_value()) << text << ": " << result.error.message;
    return std::move(*result.expression);
}

PluralParseError error_of(std::string_view text) {
    auto result = PluralExpression::parse(text);
    EXPECT_FALSE(result.expression.has_value()) << text;
    return result.error;
}

TEST(PluralExpression, EvaluatesTheArabicRuleForEachOfItsSixForms) {
    const PluralExpression arabic = parsed(k_arabic);
    const std::pair<std::uint64_t, std::uint64_t> expected[] = {
        {0, 0},   {1, 1},   {2, 2},   {3, 3},   {10, 3},  {11, 4},   {99, 4},
        {100, 5}, {101, 5}, {102, 5}, {103, 3}, {111, 4}, {1000, 5}, {1002, 5}};
    for (const auto& [n, form] : expected) EXPECT_EQ(arabic.evaluate(n), form) << "n = " << n;
}

TEST(PluralExpression, EvaluatesCommonRulesOfOtherLanguages) {
    const PluralExpression germanic = parsed("(n != 1)");
    EXPECT_EQ(germanic.evaluate(0), 1u);
    EXPECT_EQ(germanic.evaluate(1), 0u);
    EXPECT_EQ(germanic.evaluate(2), 1u);

    const PluralExpression french = parsed("(n > 1)");
    EXPECT_EQ(french.evaluate(0), 0u);
    EXPECT_EQ(french.evaluate(1), 0u);
    EXPECT_EQ(french.evaluate(2), 1u);

    const PluralExpression russian = parsed(
        "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)");
    EXPECT_EQ(russian.evaluate(1), 0u);
    EXPECT_EQ(russian.evaluate(21), 0u);
    EXPECT_EQ(russian.evaluate(11), 2u);
    EXPECT_EQ(russian.evaluate(3), 1u);
    EXPECT_EQ(russian.evaluate(13), 2u);
    EXPECT_EQ(russian.evaluate(25), 2u);

    const PluralExpression chinese = parsed("0");
    EXPECT_EQ(chinese.evaluate(7), 0u);
}

TEST(PluralExpression, FollowsCPrecedenceAndAssociativity) {
    EXPECT_EQ(parsed("2 + 3 * 4").evaluate(0), 14u);
    EXPECT_EQ(parsed("(2 + 3) * 4").evaluate(0), 20u);
    EXPECT_EQ(parsed("20 - 5 - 3").evaluate(0), 12u);
    EXPECT_EQ(parsed("100 / 10 / 5").evaluate(0), 2u);
    EXPECT_EQ(parsed("n % 7 % 4").evaluate(13), 2u);
    EXPECT_EQ(parsed("1 || 0 && 0").evaluate(0), 1u);
    EXPECT_EQ(parsed("1 < 2 == 1").evaluate(0), 1u);
    EXPECT_EQ(parsed("n > 2 ? n < 5 ? 1 : 2 : 0").evaluate(3), 1u);
    EXPECT_EQ(parsed("n > 2 ? n < 5 ? 1 : 2 : 0").evaluate(9), 2u);
    EXPECT_EQ(parsed("n > 2 ? n < 5 ? 1 : 2 : 0").evaluate(1), 0u);
    EXPECT_EQ(parsed("!n").evaluate(0), 1u);
    EXPECT_EQ(parsed("!(n == 1)").evaluate(1), 0u);
    EXPECT_EQ(parsed("n != 1").evaluate(5), 1u);
    EXPECT_EQ(parsed("n>=2&&n<=4").evaluate(4), 1u);
}

TEST(PluralExpression, DividesByZeroWithoutCrashing) {
    EXPECT_EQ(parsed("n / 0").evaluate(5), 0u);
    EXPECT_EQ(parsed("n % 0").evaluate(5), 0u);
    EXPECT_EQ(parsed("n % (n - n)").evaluate(5), 0u);
    EXPECT_EQ(parsed("1 / (n - 3)").evaluate(3), 0u);
}

TEST(PluralExpression, WrapsLikeUnsignedArithmetic) {
    EXPECT_EQ(parsed("0 - 1").evaluate(0), UINT64_MAX);
    EXPECT_EQ(parsed("n * n * n * n * n").evaluate(1u << 20), 0u);  // 2^100 wraps to 0
    EXPECT_EQ(parsed("18446744073709551615 + 2").evaluate(0), 1u);
}

TEST(PluralExpression, ReportsWhereItFails) {
    EXPECT_EQ(error_of("").message, "plural expression is empty");
    EXPECT_EQ(error_of("n ==").offset, 4u);
    EXPECT_EQ(error_of("n ==").message, "plural expression ends too early");
    const auto unknown = error_of("n == x");
    EXPECT_EQ(unknown.offset, 5u);
    EXPECT_EQ(unknown.message, "unknown name in plural expression (only 'n' is allowed)");
    EXPECT_EQ(error_of("nn").message, "unknown name in plural expression (only 'n' is allowed)");
    EXPECT_EQ(error_of("n ? 1").message, "expected ':' in plural expression");
    const auto unclosed = error_of("1 + (n");
    EXPECT_EQ(unclosed.offset, 4u);
    EXPECT_EQ(unclosed.message, "unclosed '(' in plural expression");
    EXPECT_EQ(error_of("(n 1)").message, "expected ')' in plural expression");
    const auto extra = error_of("n 1");
    EXPECT_EQ(extra.offset, 2u);
    EXPECT_EQ(extra.message, "unexpected '1' in plural expression");
    EXPECT_EQ(error_of("n = 1").message, "unexpected '=' in plural expression");
    EXPECT_EQ(error_of("n & 1").message, "unexpected '&' in plural expression");
    EXPECT_EQ(error_of("99999999999999999999999").message, "number too large in plural expression");
    EXPECT_EQ(error_of("-1").message, "unexpected '-' in plural expression");
}

TEST(PluralExpression, RefusesHostileNestingWithoutExhaustingTheStack) {
    const std::string parens = std::string(100000, '(') + "n" + std::string(100000, ')');
    EXPECT_EQ(error_of(parens).message, "plural expression is too long");

    const std::string deep = std::string(500, '(') + "n" + std::string(500, ')');
    EXPECT_EQ(error_of(deep).message, "plural expression is nested too deeply");
    const std::string nested = std::string(50, '(') + "n" + std::string(50, ')');
    EXPECT_EQ(error_of(nested).message, "plural expression is nested too deeply");
    EXPECT_EQ(error_of(std::string(60, '!') + "n").message,
              "plural expression is nested too deeply");

    std::string chain;
    for (int i = 0; i < 60; ++i)
        chain += "n==" + std::to_string(i) + " ? " + std::to_string(i) + " : ";
    chain += "0";
    EXPECT_EQ(error_of(chain).message, "plural expression is nested too deeply");

    const std::string shallow = std::string(30, '(') + "n" + std::string(30, ')');
    EXPECT_EQ(parsed(shallow).evaluate(4), 4u);
}

TEST(PluralExpression, RefusesExpressionsNeedingADeepOperandStack) {
    // Right-nested sums keep every left operand waiting: 1+(1+(1+...)).
    std::string right_nested;
    for (int i = 0; i < 39; ++i) right_nested += "1+(";
    right_nested += "n" + std::string(39, ')');
    EXPECT_EQ(parsed(right_nested).evaluate(1), 40u);

    // Each level of parentheses can leave one operand waiting per precedence level.
    std::string wide;
    for (int i = 0; i < 12; ++i) wide += "1||1&&1==1<1+1*(";
    wide += "n" + std::string(12, ')');
    EXPECT_EQ(error_of(wide).message, "plural expression is too complex");

    // Long flat chains are loops, not recursion, and keep the stack at two.
    std::string flat = "n";
    for (int i = 0; i < 400; ++i) flat += "+n";
    EXPECT_EQ(parsed(flat).evaluate(2), 802u);
}

TEST(PluralForms, ParsesTheHeaderValue) {
    const auto spanish = PluralForms::parse("nplurals=2; plural=(n != 1);");
    ASSERT_TRUE(spanish.forms);
    EXPECT_EQ(spanish.forms->count, 2);
    EXPECT_EQ(spanish.forms->form_for(1), 0);
    EXPECT_EQ(spanish.forms->form_for(5), 1);

    const auto arabic = PluralForms::parse("nplurals=6; plural=" + std::string(k_arabic) + ";");
    ASSERT_TRUE(arabic.forms);
    EXPECT_EQ(arabic.forms->count, 6);
    EXPECT_EQ(arabic.forms->form_for(11), 4);

    const auto spaced = PluralForms::parse("  nplurals = 3 ;plural = n%3 ");
    ASSERT_TRUE(spaced.forms);
    EXPECT_EQ(spaced.forms->form_for(5), 2);
}

TEST(PluralForms, UsesTheFirstFormWhenTheExpressionGoesOutOfRange) {
    const auto forms = PluralForms::parse("nplurals=2; plural=n;");
    ASSERT_TRUE(forms.forms);
    EXPECT_EQ(forms.forms->form_for(1), 1);
    EXPECT_EQ(forms.forms->form_for(7), 0);
}

TEST(PluralForms, ReportsMalformedHeaders) {
    EXPECT_EQ(PluralForms::parse("plural=n != 1;").error.message,
              "Plural-Forms has no 'nplurals='");
    EXPECT_EQ(PluralForms::parse("nplurals=2;").error.message, "Plural-Forms has no 'plural='");
    const auto zero = PluralForms::parse("nplurals=0; plural=0;");
    EXPECT_EQ(zero.error.message, "nplurals must be a whole number from 1 to 20");
    EXPECT_EQ(zero.error.offset, 9u);
    EXPECT_FALSE(PluralForms::parse("nplurals=x; plural=0;").forms);
    EXPECT_FALSE(PluralForms::parse("nplurals=999; plural=0;").forms);
    const auto bad = PluralForms::parse("nplurals=2; plural=(n != 1;");
    EXPECT_EQ(bad.error.message, "unclosed '(' in plural expression");
    EXPECT_EQ(bad.error.offset, 19u);
}

}  // namespace
}  // namespace homeroom::render
