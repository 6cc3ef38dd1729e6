// The `homeroom` command line: global options, a table of subcommands, and the one place
// where errors become exit codes.
#pragma once

namespace homeroom::app {

int run_cli(int argc, char** argv);

}  // namespace homeroom::app
