// Options of one subcommand, parsed with Poco's OptionProcessor (Unix style: --name VALUE,
// --name=VALUE, -n VALUE) and explained by `homeroom CMD --help`.
#pragma once

#include <Poco/Util/OptionSet.h>

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/date.h"

namespace homeroom::app {

class CommandLine {
  public:
    CommandLine(std::string command, std::string arguments, std::string description);

    CommandLine& flag(const std::string& name, const std::string& description);
    CommandLine& value(const std::string& name, const std::string& argument,
                       const std::string& description, bool required = false);

    // False when --help was asked for (help has been printed). Throws UsageError.
    bool parse(const std::vector<std::string>& args, std::ostream& out);
    void print_help(std::ostream& out) const;

    bool has(const std::string& name) const { return m_values.count(name) > 0; }
    std::string get(const std::string& name, const std::string& fallback = "") const;
    // Typed getters; a malformed value is a UsageError naming the option.
    long long get_int(const std::string& name, long long fallback, long long min,
                      long long max) const;
    std::optional<Date> get_date(const std::string& name) const;
    const std::vector<std::string>& positional() const { return m_positional; }

  private:
    std::string m_command, m_arguments, m_description;
    Poco::Util::OptionSet m_options;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positional;
};

}  // namespace homeroom::app
