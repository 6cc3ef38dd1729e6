#include "render/compiled_template.h"

#include "core/ascii_text.h"

#include <array>
#include <charconv>
#include <stdexcept>

#include "render/untrusted_text.h"

namespace homeroom::render {

struct CompiledTemplate::Op {
    enum Kind { text, variable, section, inverted, translate } kind = text;
    std::string value;              // literal text, the name, or the translation's msgid
    std::vector<std::string> path;  // the name split at dots ("." is the current context)
    std::vector<Op> children;
};

namespace {

using Op = CompiledTemplate::Op;

struct Tag {
    char sigil;              // 0 for a variable, or one of # ^ / ! > & {
    std::string name;        // trimmed
    std::size_t begin, end;  // [begin, end) of the tag in the source
};

std::vector<std::string> split_path(const std::string& name) {
    if (name == ".")
        return {"."};
    std::vector<std::string> out;
    std::size_t from = 0;
    while (true) {
        const auto dot = name.find('.', from);
        out.push_back(name.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
        if (dot == std::string::npos)
            break;
        from = dot + 1;
    }
    return out;
}

class Parser {
  public:
    Parser(std::string_view src, const std::string& name) : m_src(src), m_name(name) {}

    std::vector<Op> parse() {
        std::vector<Op> ops;
        std::size_t pos = 0;
        parse_until(ops, pos, "");
        return ops;
    }

  private:
    [[noreturn]] void fail(std::size_t at, const std::string& message) const {
        int line = 1;
        for (std::size_t i = 0; i < at && i < m_src.size(); ++i) line += m_src[i] == '\n';
        throw std::invalid_argument(m_name + ":" + std::to_string(line) + ": " + message);
    }

    // Returns true and the tag at or after `pos`.
    bool next_tag(std::size_t pos, Tag& tag) const {
        const auto open = m_src.find("{{", pos);
        if (open == std::string_view::npos)
            return false;
        const auto close = m_src.find("}}", open + 2);
        if (close == std::string_view::npos)
            fail(open, "unclosed tag");
        std::string_view inner = m_src.substr(open + 2, close - open - 2);
        tag.begin = open;
        tag.end = close + 2;
        tag.sigil = 0;
        if (!inner.empty() &&
            std::string_view("#^/!>&{=").find(inner[0]) != std::string_view::npos) {
            tag.sigil = inner[0];
            inner.remove_prefix(1);
        }
        if (tag.sigil == '{' || tag.sigil == '&')
            fail(open,
                 "unescaped output ({{{...}}} or {{&...}}) is not allowed: data is always escaped");
        if (tag.sigil == '=')
            fail(open, "changing delimiters is not supported");
        if (tag.sigil == '>')
            fail(open, "partial was not inlined: no template of that name");
        tag.name = std::string(trim_blanks(inner));
        return true;
    }

    // A section/comment tag alone on its line takes the whole line with it.
    void standalone(const Tag& tag, std::size_t& text_end, std::size_t& resume) const {
        std::size_t line_start = tag.begin;
        while (line_start > 0 && (m_src[line_start - 1] == ' ' || m_src[line_start - 1] == '\t'))
            --line_start;
        if (line_start > 0 && m_src[line_start - 1] != '\n')
            return;
        std::size_t after = tag.end;
        while (after < m_src.size() && (m_src[after] == ' ' || m_src[after] == '\t')) ++after;
        if (after < m_src.size() && m_src[after] == '\r')
            ++after;
        if (after < m_src.size() && m_src[after] != '\n')
            return;
        text_end = line_start;
        resume = after < m_src.size() ? after + 1 : after;
    }

    void parse_until(std::vector<Op>& ops, std::size_t& pos, const std::string& closing) {
        Tag tag;
        while (next_tag(pos, tag)) {
            std::size_t text_end = tag.begin, resume = tag.end;
            if (tag.sigil == '#' || tag.sigil == '^' || tag.sigil == '/' || tag.sigil == '!')
                standalone(tag, text_end, resume);
            if (text_end > pos)
                ops.push_back(Op{Op::text, std::string(m_src.substr(pos, text_end - pos)), {}, {}});
            pos = resume;
            switch (tag.sigil) {
                case '!':
                    break;
                case 0:
                    ops.push_back(Op{Op::variable, tag.name, split_path(tag.name), {}});
                    break;
                case '#':
                case '^': {
                    if (tag.name == "_" && tag.sigil == '#') {
                        // The body is the message id: the source text up to {{/_}}.
                        const auto end = m_src.find("{{/_}}", pos);
                        if (end == std::string_view::npos)
                            fail(tag.begin, "unclosed {{#_}}");
                        ops.push_back(
                            Op{Op::translate, std::string(m_src.substr(pos, end - pos)), {}, {}});
                        pos = end + 6;
                        break;
                    }
                    Op op{tag.sigil == '#' ? Op::section : Op::inverted,
                          tag.name,
                          split_path(tag.name),
                          {}};
                    parse_until(op.children, pos, tag.name);
                    ops.push_back(std::move(op));
                    break;
                }
                case '/':
                    if (tag.name != closing)
                        fail(tag.begin, "{{/" + tag.name + "}} closes " +
                                            (closing.empty() ? "nothing" : "{{#" + closing + "}}"));
                    return;
            }
        }
        if (!closing.empty())
            fail(m_src.size(), "{{#" + closing + "}} is never closed");
        if (pos < m_src.size())
            ops.push_back(Op{Op::text, std::string(m_src.substr(pos)), {}, {}});
        pos = m_src.size();
    }

    std::string_view m_src;
    const std::string& m_name;
};

struct IsEmpty : boost::static_visitor<bool> {
    bool operator()(std::nullptr_t) const { return true; }
    bool operator()(const std::string& s) const { return s.empty(); }
    bool operator()(int v) const { return v == 0; }
    bool operator()(double v) const { return v == 0; }
    bool operator()(bool v) const { return !v; }
    bool operator()(const mstch::array& a) const { return a.empty(); }
    template <typename T>
    bool operator()(const T&) const {
        return false;
    }
};

struct ToText : boost::static_visitor<std::string> {
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(int v) const { return std::to_string(v); }
    std::string operator()(double v) const {
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        return std::string(buf, r.ptr);
    }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    template <typename T>
    std::string operator()(const T&) const {
        return {};
    }
};

class Renderer {
  public:
    Renderer(const Localizer& l, std::string& out) : m_l(l), m_out(out) {}

    void run(const std::vector<Op>& ops, std::vector<const mstch::node*>& stack) {
        for (const Op& op : ops) {
            switch (op.kind) {
                case Op::text:
                    m_out += op.value;
                    break;
                case Op::variable:
                    if (const auto* n = lookup(op.path, stack)) {
                        if (const auto* text = boost::get<std::string>(n))
                            append_escaped(*text);  // most values: no copy
                        else
                            append_escaped(boost::apply_visitor(ToText(), *n));
                    }
                    break;
                case Op::section: {
                    const auto* n = lookup(op.path, stack);
                    if (!n || boost::apply_visitor(IsEmpty(), *n))
                        break;
                    if (const auto* list = boost::get<mstch::array>(n)) {
                        for (const auto& item : *list) {
                            stack.push_back(&item);
                            run(op.children, stack);
                            stack.pop_back();
                        }
                    } else {
                        stack.push_back(n);
                        run(op.children, stack);
                        stack.pop_back();
                    }
                    break;
                }
                case Op::inverted: {
                    const auto* n = lookup(op.path, stack);
                    if (!n || boost::apply_visitor(IsEmpty(), *n))
                        run(op.children, stack);
                    break;
                }
                case Op::translate:
                    translate(op.value, stack);
                    break;
            }
        }
    }

  private:
    static const mstch::node* find_in(const mstch::node& n, const std::string& key) {
        const auto* map = boost::get<mstch::map>(&n);
        if (!map)
            return nullptr;
        const auto it = map->find(key);
        return it == map->end() ? nullptr : &it->second;
    }

    const mstch::node* lookup(const std::vector<std::string>& path,
                              const std::vector<const mstch::node*>& stack) const {
        if (path.front() == ".")
            return stack.back();
        const mstch::node* n = nullptr;
        for (auto it = stack.rbegin(); it != stack.rend() && !n; ++it)
            n = find_in(**it, path.front());
        for (std::size_t i = 1; n && i < path.size(); ++i) n = find_in(*n, path[i]);
        return n;
    }

    // Escapes markup, and drops the explicit bidi embeddings, overrides and isolates
    // (U+202A..U+202E, U+2066..U+2069): in a name they would reorder the text around it on the
    // page ("Trojan Source" spoofing). Marks (U+200E/F) stay: Arabic text uses them.
    void append_escaped(std::string_view s) {
        // The bytes that may need work: the five markup characters and the lead byte of the
        // bidi controls. Everything else, almost every byte of a page, is copied in runs.
        static constexpr auto k_special = [] {
            std::array<bool, 256> t{};
            for (const unsigned char c : {'&', '<', '>', '"', '\'', '\xE2'}) t[c] = true;
            return t;
        }();
        std::size_t run = 0;  // start of the text not yet copied
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (!k_special[static_cast<unsigned char>(s[i])])
                continue;
            const char c = s[i];
            std::string_view replacement;
            std::size_t skip = 1;
            switch (c) {
                case '&':
                    replacement = "&amp;";
                    break;
                case '<':
                    replacement = "&lt;";
                    break;
                case '>':
                    replacement = "&gt;";
                    break;
                case '"':
                    replacement = "&quot;";
                    break;
                case '\'':
                    replacement = "&#39;";
                    break;
                case '\xE2':
                    if (i + 2 < s.size()) {
                        const auto b1 = static_cast<unsigned char>(s[i + 1]);
                        const auto b2 = static_cast<unsigned char>(s[i + 2]);
                        if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) ||
                            (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
                            skip = 3;  // dropped: replacement stays empty
                            break;
                        }
                    }
                    continue;
                default:
                    continue;
            }
            m_out.append(s.data() + run, i - run);
            m_out += replacement;
            i += skip - 1;
            run = i + 1;
        }
        m_out.append(s.data() + run, s.size() - run);
    }

    // The translation is escaped as text; its {{placeholders}} are then filled from the context.
    void translate(const std::string& msgid, std::vector<const mstch::node*>& stack) {
        const std::string translated = escape_html(m_l.text(msgid));
        if (translated.find("{{") == std::string::npos) {
            m_out += translated;
            return;
        }
        Parser parser(translated, "translation of \"" + msgid + "\"");
        run(parser.parse(), stack);
    }

    const Localizer& m_l;
    std::string& m_out;
};

}  // namespace

CompiledTemplate::CompiledTemplate(std::string_view source, const std::string& name)
    : m_ops(Parser(source, name).parse()) {}
CompiledTemplate::~CompiledTemplate() = default;
CompiledTemplate::CompiledTemplate(CompiledTemplate&&) noexcept = default;
CompiledTemplate& CompiledTemplate::operator=(CompiledTemplate&&) noexcept = default;

std::string CompiledTemplate::render(const mstch::node& context, const Localizer& localizer) const {
    std::string out;
    out.reserve(16384);
    std::vector<const mstch::node*> stack{&context};
    Renderer(localizer, out).run(m_ops, stack);
    return out;
}

}  // namespace homeroom::render
