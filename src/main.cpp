#include "app/homeroom_app.h"

int main(int argc, char** argv) { return homeroom::app::run_cli(argc, argv); }
