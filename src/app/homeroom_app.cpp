#include "app/homeroom_app.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/OptionException.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "app/command.h"
#include "app/exit_codes.h"
#include "app/settings_file.h"
#include "core/errors.h"

namespace homeroom::app {
namespace {

constexpr const char* k_default_db = "output/homeroom.db";

// Prints the one line a user needs and returns the matching exit code. Called from a catch.
int report_current_exception() {
    try {
        throw;
    } catch (const UsageError& e) {
        std::cerr << e.what() << "\n";
        return k_exit_usage;
    } catch (const Poco::Util::OptionException& e) {
        std::cerr << "homeroom: " << e.displayText() << " (see homeroom --help)\n";
        return k_exit_usage;
    } catch (const DataError& e) {
        std::cerr << e.what() << "\n";
        return k_exit_data;
    } catch (const NoInputError& e) {
        std::cerr << "homeroom: " << e.what() << "\n";
        return k_exit_no_input;
    } catch (const UnavailableError& e) {
        std::cerr << "homeroom: " << e.what() << "\n";
        return k_exit_unavailable;
    } catch (const IoError& e) {
        std::cerr << "homeroom: " << e.what() << "\n";
        return k_exit_io;
    } catch (const LockedError& e) {
        std::cerr << "homeroom: " << e.what() << "\n";
        return k_exit_locked;
    } catch (const Poco::Exception& e) {
        std::cerr << "homeroom: internal error: " << e.displayText() << "\n";
        return k_exit_software;
    } catch (const std::exception& e) {
        std::cerr << "homeroom: internal error: " << e.what() << "\n";
        return k_exit_software;
    }
}

class HomeroomApp : public Poco::Util::Application {
  public:
    explicit HomeroomApp(std::vector<std::string> command_args)
        : m_command_args(std::move(command_args)) {
        setUnixOptions(true);
    }

  protected:
    void defineOptions(Poco::Util::OptionSet& options) override {
        options.addOption(
            Poco::Util::Option("help", "h", "show commands and global options")
                .callback(Poco::Util::OptionCallback<HomeroomApp>(this, &HomeroomApp::on_help)));
        options.addOption(
            Poco::Util::Option("version", "", "print the version and exit")
                .callback(Poco::Util::OptionCallback<HomeroomApp>(this, &HomeroomApp::on_version)));
        options.addOption(
            Poco::Util::Option("config", "c", "read settings from an INI file")
                .argument("FILE")
                .repeatable(false)
                .callback(Poco::Util::OptionCallback<HomeroomApp>(this, &HomeroomApp::on_config)));
        options.addOption(
            Poco::Util::Option("db", "",
                               "the SQLite database (default " + std::string(k_default_db) + ")")
                .argument("FILE")
                .repeatable(false)
                .binding("store.db"));
    }

    int main(const std::vector<std::string>&) override {
        if (m_done)
            return m_exit;
        if (m_command_args.empty()) {
            print_help(std::cout);
            return k_exit_ok;
        }
        const std::string name = m_command_args.front();
        std::vector<std::string> args(m_command_args.begin() + 1, m_command_args.end());
        if (name == "help") {
            if (args.empty()) {
                print_help(std::cout);
                return k_exit_ok;
            }
            return dispatch(args.front(), {"--help"});
        }
        return dispatch(name, args);
    }

  private:
    int dispatch(const std::string& name, const std::vector<std::string>& args) {
        for (const auto& command : command_table()) {
            if (command.name != name)
                continue;
            CommandContext context{config(),
                                   config().getString("store.db", k_default_db),
                                   std::cout,
                                   std::cerr,
                                   isatty(STDERR_FILENO) == 1,
                                   m_config_file};
            // Poco's run() would swallow exceptions as exit 70: map them here.
            try {
                return command.run(context, args);
            } catch (...) {
                return report_current_exception();
            }
        }
        std::cerr << "homeroom: unknown command \"" << name << "\" (see homeroom help)\n";
        return k_exit_usage;
    }

    void on_help(const std::string&, const std::string&) {
        print_help(std::cout);
        finish(k_exit_ok);
    }

    void on_version(const std::string&, const std::string&) {
        std::cout << "homeroom 0.1.0\n";
        finish(k_exit_ok);
    }

    void on_config(const std::string&, const std::string& path) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            throw NoInputError("cannot read config " + path + ": no such file");
        // Before Poco reads it: a misspelt key would otherwise leave its default in force.
        check_settings_file(path);
        m_config_file = path;
        try {
            config().add(new Poco::Util::IniFileConfiguration(path), PRIO_APPLICATION);
        } catch (const Poco::Exception& e) {
            throw UsageError("cannot read config " + path + ": " + e.displayText());
        }
    }

    void finish(int code) {
        m_done = true;
        m_exit = code;
        stopOptionsProcessing();
    }

    void print_help(std::ostream& out) {
        out << "homeroom: student records to progress reports, report cards and parent digests\n\n"
               "usage: homeroom [--config FILE] [--db FILE] COMMAND [OPTIONS] [ARGS]\n\n"
               "commands:\n";
        for (const auto& command : command_table()) {
            std::string name(command.name);
            name.resize(14, ' ');
            out << "  " << name << command.summary << "\n";
        }
        out << "  help CMD      show the options of one command\n\n"
               "global options:\n"
               "  -c, --config FILE  read settings from an INI file\n"
               "      --db FILE      the SQLite database (default "
            << k_default_db
            << ")\n"
               "  -h, --help         show this help\n"
               "      --version      print the version\n\n"
               "exit codes: 0 ok, 64 usage, 65 data refused, 66 no input, 69 service unavailable,\n"
               "            70 internal error, 74 I/O error, 75 a job of that name is already "
               "running\n";
    }

    std::vector<std::string> m_command_args;
    std::filesystem::path m_config_file;
    bool m_done = false;
    int m_exit = k_exit_ok;
};

// Global options come before the command; everything from the command on is its own.
std::pair<std::vector<std::string>, std::vector<std::string>> split_arguments(int argc,
                                                                              char** argv) {
    std::vector<std::string> global{argc > 0 ? argv[0] : "homeroom"};
    std::vector<std::string> command;
    int i = 1;
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.empty() || arg[0] != '-')
            break;
        global.push_back(arg);
        const bool takes_value = arg == "--config" || arg == "-c" || arg == "--db";
        if (takes_value && i + 1 < argc)
            global.push_back(argv[++i]);
    }
    for (; i < argc; ++i) command.emplace_back(argv[i]);
    return {global, command};
}

}  // namespace

int run_cli(int argc, char** argv) {
    auto [global, command] = split_arguments(argc, argv);
    try {
        HomeroomApp app(command);
        app.init(global);
        return app.run();
    } catch (...) {
        return report_current_exception();
    }
}

}  // namespace homeroom::app
