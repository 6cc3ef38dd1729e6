#include "app/command_line.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include <charconv>

#include "core/errors.h"

namespace homeroom::app {

CommandLine::CommandLine(std::string command, std::string arguments, std::string description)
    : m_command(std::move(command)),
      m_arguments(std::move(arguments)),
      m_description(std::move(description)) {
    flag("help", "show this help and exit");
}

CommandLine& CommandLine::flag(const std::string& name, const std::string& description) {
    m_options.addOption(Poco::Util::Option(name, "", description, false).repeatable(false));
    return *this;
}

CommandLine& CommandLine::value(const std::string& name, const std::string& argument,
                                const std::string& description, bool required) {
    m_options.addOption(
        Poco::Util::Option(name, "", description, required).argument(argument).repeatable(false));
    return *this;
}

bool CommandLine::parse(const std::vector<std::string>& args, std::ostream& out) {
    Poco::Util::OptionProcessor processor(m_options);
    processor.setUnixStyle(true);
    try {
        bool only_positional = false;
        for (const auto& arg : args) {
            if (only_positional) {
                m_positional.push_back(arg);
                continue;
            }
            if (arg == "--") {
                only_positional = true;
                continue;
            }
            if (arg == "--help" || arg == "-h") {
                print_help(out);
                return false;
            }
            std::string name, value;
            bool is_option = false;
            try {
                is_option = processor.process(arg, name, value);
            } catch (const Poco::Util::UnknownOptionException&) {
                throw UsageError("homeroom " + m_command + ": unknown option " + arg +
                                 " (see homeroom " + m_command + " --help)");
            }
            if (is_option) {
                if (!name.empty())
                    m_values[name] = value;
            } else {
                if (arg.size() > 1 && arg[0] == '-')
                    throw UsageError("homeroom " + m_command + ": unknown option " + arg +
                                     " (see homeroom " + m_command + " --help)");
                m_positional.push_back(arg);
            }
        }
        processor.checkRequired();
    } catch (const Poco::Util::OptionException& e) {
        throw UsageError("homeroom " + m_command + ": " + e.displayText() + " (see homeroom " +
                         m_command + " --help)");
    }
    return true;
}

void CommandLine::print_help(std::ostream& out) const {
    Poco::Util::HelpFormatter formatter(m_options);
    formatter.setUnixStyle(true);
    formatter.setCommand("homeroom " + m_command);
    formatter.setUsage("[OPTIONS] " + m_arguments);
    formatter.setHeader(m_description);
    formatter.setWidth(100);
    formatter.format(out);
}

std::string CommandLine::get(const std::string& name, const std::string& fallback) const {
    const auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

long long CommandLine::get_int(const std::string& name, long long fallback, long long min,
                               long long max) const {
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    long long v = 0;
    const auto& s = it->second;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < min || v > max)
        throw UsageError("homeroom " + m_command + ": --" + name + " must be a whole number from " +
                         std::to_string(min) + " to " + std::to_string(max) + ", not \"" + s +
                         "\"");
    return v;
}

std::optional<Date> CommandLine::get_date(const std::string& name) const {
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    auto d = Date::parse(it->second);
    if (!d)
        throw UsageError("homeroom " + m_command + ": --" + name +
                         " must be a real date in the form YYYY-MM-DD, not \"" + it->second + "\"");
    return d;
}

}  // namespace homeroom::app
