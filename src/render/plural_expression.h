// The C expression of a gettext `Plural-Forms` header ("nplurals=6; plural=n==0 ? 0 : ...;"),
// parsed once and evaluated for every count. Catalogs come from translators, so the text is
// untrusted: parsing is bounded in depth and length, and evaluation cannot fail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace homeroom::render {

struct PluralParseError {
    std::size_t offset = 0;  // 0-based byte offset into the parsed text
    std::string message;
};
struct PluralExpressionParse;
struct PluralFormsParse;

class PluralExpression {
  public:
    // Refuses expressions longer than this many bytes: real ones are under 200.
    static constexpr std::size_t k_max_length = 2000;
    // Refuses nesting (parentheses, ?:, !) deeper than this, so hostile input cannot exhaust the
    // parser's stack.
    static constexpr int k_max_depth = 40;
    // Refuses expressions whose evaluation would need a deeper operand stack.
    static constexpr int k_max_stack = 64;

    // The expression alone: "n != 1", "(n%10==1 && n%100!=11) ? 0 : 1".
    static PluralExpressionParse parse(std::string_view text);

    // The English rule, used when a catalog has no Plural-Forms header.
    static PluralExpression germanic();

    // Like gettext, arithmetic is on unsigned 64-bit integers (wrapping), comparisons yield 0 or
    // 1, and x / 0 and x % 0 are 0 rather than a crash. Thread-safe.
    std::uint64_t evaluate(std::uint64_t n) const;

  private:
    enum class Op : std::uint8_t {
        push_n,
        push_constant,
        logical_not,
        logical_or,
        logical_and,
        equal,
        not_equal,
        less,
        less_equal,
        greater,
        greater_equal,
        add,
        subtract,
        multiply,
        divide,
        modulo,
        jump_if_zero,  // pops the condition; jumps to `operand` when it is 0
        jump,          // to `operand`
    };
    struct Instruction {
        Op op;
        std::uint64_t operand = 0;
    };
    friend class PluralParser;

    PluralExpression() = default;
    std::vector<Instruction> m_code;  // postfix, with jumps for ?:
};

struct PluralExpressionParse {
    std::optional<PluralExpression> expression;  // set on success
    PluralParseError error;                      // meaningful when expression is empty
};

// The parsed `Plural-Forms` header value: "nplurals=2; plural=(n != 1);".
struct PluralForms {
    int count = 2;  // nplurals
    PluralExpression expression = PluralExpression::germanic();

    // Which msgstr[] index to use for `n`; an expression result outside [0, count) gives 0, as
    // gettext does.
    int form_for(std::uint64_t n) const;

    static constexpr int k_max_count = 20;
    // Offsets in the error are relative to `header_value`.
    static PluralFormsParse parse(std::string_view header_value);
};

struct PluralFormsParse {
    std::optional<PluralForms> forms;  // set on success
    PluralParseError error;
};

}  // namespace homeroom::render
