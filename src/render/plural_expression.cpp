#include "render/plural_expression.h"

#include <array>
#include <cctype>
#include <charconv>

namespace homeroom::render {

// Recursive descent over C's precedence levels, emitting postfix code as it goes. Only
// parentheses, ?: and ! recurse, and those count against k_max_depth; runs of binary operators
// at one level are loops, so "n+n+n+..." cannot grow the native stack.
class PluralParser {
  public:
    explicit PluralParser(std::string_view text) : m_text(text) {}

    PluralExpressionParse run() {
        PluralExpressionParse result;
        if (m_text.size() > PluralExpression::k_max_length) {
            fail(PluralExpression::k_max_length, "plural expression is too long");
        } else {
            skip_space();
            if (m_pos == m_text.size())
                fail(m_pos, "plural expression is empty");
            else
                conditional();
            skip_space();
            if (!m_failed && m_pos < m_text.size())
                fail(m_pos,
                     "unexpected '" + std::string(1, m_text[m_pos]) + "' in plural expression");
        }
        if (m_failed) {
            result.error = m_error;
            return result;
        }
        result.expression = std::move(m_expression);
        return result;
    }

  private:
    using Op = PluralExpression::Op;

    void conditional() {
        logical_or();
        skip_space();
        if (m_failed || !accept("?"))
            return;
        if (!enter())
            return;
        const std::size_t jump_to_else = emit(Op::jump_if_zero);
        const int depth_before_branch = m_stack;
        conditional();
        if (m_failed)
            return;
        skip_space();
        if (!accept(":")) {
            fail(m_pos, "expected ':' in plural expression");
            return;
        }
        const std::size_t jump_to_end = emit(Op::jump);
        code()[jump_to_else].operand = code().size();
        m_stack = depth_before_branch;  // only one branch runs
        conditional();
        code()[jump_to_end].operand = code().size();
        leave();
    }

    void logical_or() {
        logical_and();
        while (!m_failed && (skip_space(), accept("||"))) {
            logical_and();
            emit(Op::logical_or);
        }
    }

    void logical_and() {
        equality();
        while (!m_failed && (skip_space(), accept("&&"))) {
            equality();
            emit(Op::logical_and);
        }
    }

    void equality() {
        relational();
        while (!m_failed) {
            skip_space();
            Op op;
            if (accept("=="))
                op = Op::equal;
            else if (accept("!="))
                op = Op::not_equal;
            else
                return;
            relational();
            emit(op);
        }
    }

    void relational() {
        additive();
        while (!m_failed) {
            skip_space();
            Op op;
            if (accept("<="))
                op = Op::less_equal;
            else if (accept(">="))
                op = Op::greater_equal;
            else if (accept("<"))
                op = Op::less;
            else if (accept(">"))
                op = Op::greater;
            else
                return;
            additive();
            emit(op);
        }
    }

    void additive() {
        multiplicative();
        while (!m_failed) {
            skip_space();
            Op op;
            if (accept("+"))
                op = Op::add;
            else if (accept("-"))
                op = Op::subtract;
            else
                return;
            multiplicative();
            emit(op);
        }
    }

    void multiplicative() {
        unary();
        while (!m_failed) {
            skip_space();
            Op op;
            if (accept("*"))
                op = Op::multiply;
            else if (accept("/"))
                op = Op::divide;
            else if (accept("%"))
                op = Op::modulo;
            else
                return;
            unary();
            emit(op);
        }
    }

    void unary() {
        skip_space();
        // "!=" is never a prefix, so a lone '!' here is logical not.
        if (accept("!")) {
            if (!enter())
                return;
            unary();
            emit(Op::logical_not);
            leave();
            return;
        }
        primary();
    }

    void primary() {
        skip_space();
        if (m_pos == m_text.size()) {
            fail(m_pos, "plural expression ends too early");
            return;
        }
        const char c = m_text[m_pos];
        if (c == 'n') {
            ++m_pos;
            if (m_pos < m_text.size() && is_identifier_char(m_text[m_pos])) {
                fail(m_pos - 1, "unknown name in plural expression (only 'n' is allowed)");
                return;
            }
            emit(Op::push_n);
            return;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            const std::size_t start = m_pos;
            while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos])))
                ++m_pos;
            std::uint64_t value = 0;
            const auto [end, ec] =
                std::from_chars(m_text.data() + start, m_text.data() + m_pos, value);
            if (ec != std::errc() || end != m_text.data() + m_pos) {
                fail(start, "number too large in plural expression");
                return;
            }
            emit(Op::push_constant, value);
            return;
        }
        if (c == '(') {
            const std::size_t open = m_pos;
            ++m_pos;
            if (!enter())
                return;
            conditional();
            if (m_failed)
                return;
            skip_space();
            if (!accept(")")) {
                fail(m_pos == m_text.size() ? open : m_pos,
                     m_pos == m_text.size() ? "unclosed '(' in plural expression"
                                            : "expected ')' in plural expression");
                return;
            }
            leave();
            return;
        }
        if (is_identifier_char(c)) {
            fail(m_pos, "unknown name in plural expression (only 'n' is allowed)");
            return;
        }
        fail(m_pos, "unexpected '" + std::string(1, c) + "' in plural expression");
    }

    static bool is_identifier_char(char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    }

    void skip_space() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    bool accept(std::string_view token) {
        if (m_text.substr(m_pos, token.size()) != token)
            return false;
        m_pos += token.size();
        return true;
    }

    bool enter() {
        if (++m_depth > PluralExpression::k_max_depth) {
            fail(m_pos, "plural expression is nested too deeply");
            return false;
        }
        return true;
    }
    void leave() { --m_depth; }

    std::size_t emit(Op op, std::uint64_t operand = 0) {
        switch (op) {
            case Op::push_n:
            case Op::push_constant:
                ++m_stack;
                break;
            case Op::logical_not:
            case Op::jump:
                break;
            default:  // binary operators and jump_if_zero consume one operand
                --m_stack;
                break;
        }
        if (m_stack > PluralExpression::k_max_stack && !m_failed)
            fail(m_pos, "plural expression is too complex");
        code().push_back({op, operand});
        return code().size() - 1;
    }

    void fail(std::size_t offset, std::string message) {
        if (m_failed)
            return;
        m_failed = true;
        m_error = {offset, std::move(message)};
    }

    std::vector<PluralExpression::Instruction>& code() { return m_expression.m_code; }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
    int m_stack = 0;
    bool m_failed = false;
    PluralParseError m_error;
    PluralExpression m_expression;
};

PluralExpressionParse PluralExpression::parse(std::string_view text) {
    return PluralParser(text).run();
}

PluralExpression PluralExpression::germanic() {
    PluralExpression e;
    e.m_code = {{Op::push_n}, {Op::push_constant, 1}, {Op::not_equal}};
    return e;
}

std::uint64_t PluralExpression::evaluate(std::uint64_t n) const {
    // The parser proved the stack never exceeds k_max_stack.
    std::array<std::uint64_t, k_max_stack + 1> stack;
    std::size_t top = 0;  // number of values on the stack
    std::size_t pc = 0;
    while (pc < m_code.size()) {
        const Instruction& in = m_code[pc++];
        switch (in.op) {
            case Op::push_n:
                stack[top++] = n;
                continue;
            case Op::push_constant:
                stack[top++] = in.operand;
                continue;
            case Op::logical_not:
                stack[top - 1] = stack[top - 1] == 0 ? 1 : 0;
                continue;
            case Op::jump_if_zero:
                if (stack[--top] == 0)
                    pc = in.operand;
                continue;
            case Op::jump:
                pc = in.operand;
                continue;
            default:
                break;
        }
        const std::uint64_t b = stack[--top];
        std::uint64_t& a = stack[top - 1];
        switch (in.op) {
            case Op::logical_or:
                a = (a != 0 || b != 0) ? 1 : 0;
                break;
            case Op::logical_and:
                a = (a != 0 && b != 0) ? 1 : 0;
                break;
            case Op::equal:
                a = a == b ? 1 : 0;
                break;
            case Op::not_equal:
                a = a != b ? 1 : 0;
                break;
            case Op::less:
                a = a < b ? 1 : 0;
                break;
            case Op::less_equal:
                a = a <= b ? 1 : 0;
                break;
            case Op::greater:
                a = a > b ? 1 : 0;
                break;
            case Op::greater_equal:
                a = a >= b ? 1 : 0;
                break;
            case Op::add:
                a += b;
                break;
            case Op::subtract:
                a -= b;
                break;
            case Op::multiply:
                a *= b;
                break;
            case Op::divide:
                a = b == 0 ? 0 : a / b;
                break;
            case Op::modulo:
                a = b == 0 ? 0 : a % b;
                break;
            default:
                break;
        }
    }
    return top == 1 ? stack[0] : 0;
}

int PluralForms::form_for(std::uint64_t n) const {
    const std::uint64_t form = expression.evaluate(n);
    return form < static_cast<std::uint64_t>(count) ? static_cast<int>(form) : 0;
}

namespace {

// Finds `name` followed by optional spaces and '=' as a whole word ("plural" must not match
// inside "nplurals"); returns the offset just after '=' or npos.
std::size_t find_assignment(std::string_view text, std::string_view name) {
    for (std::size_t at = text.find(name); at != std::string_view::npos;
         at = text.find(name, at + 1)) {
        if (at > 0 &&
            (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_'))
            continue;
        std::size_t p = at + name.size();
        while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
        if (p < text.size() && text[p] == '=')
            return p + 1;
    }
    return std::string_view::npos;
}

}  // namespace

PluralFormsParse PluralForms::parse(std::string_view header_value) {
    PluralFormsParse result;
    const std::size_t count_at = find_assignment(header_value, "nplurals");
    if (count_at == std::string_view::npos) {
        result.error = {0, "Plural-Forms has no 'nplurals='"};
        return result;
    }
    std::size_t p = count_at;
    while (p < header_value.size() && header_value[p] == ' ') ++p;
    int count = 0;
    const char* begin = header_value.data() + p;
    const auto [end, ec] = std::from_chars(begin, header_value.data() + header_value.size(), count);
    if (ec != std::errc() || end == begin || count < 1 || count > k_max_count) {
        result.error = {p,
                        "nplurals must be a whole number from 1 to " + std::to_string(k_max_count)};
        return result;
    }

    const std::size_t expression_at = find_assignment(header_value, "plural");
    if (expression_at == std::string_view::npos) {
        result.error = {0, "Plural-Forms has no 'plural='"};
        return result;
    }
    std::size_t expression_end = header_value.find(';', expression_at);
    if (expression_end == std::string_view::npos)
        expression_end = header_value.size();
    auto parsed =
        PluralExpression::parse(header_value.substr(expression_at, expression_end - expression_at));
    if (!parsed.expression) {
        result.error = parsed.error;
        result.error.offset += expression_at;
        return result;
    }
    result.forms = PluralForms{count, std::move(*parsed.expression)};
    return result;
}

}  // namespace homeroom::render
