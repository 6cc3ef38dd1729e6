// homeroom serve [--listen HOST:PORT]
//
// The tool's small web endpoint: /unsubscribe, /dlr and /mo for the SMS gateway
// (notify/sms_endpoint.h), and the short links of the texts, /s/<code>
// (notify/short_link_endpoint.h). Runs until SIGINT or SIGTERM.
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/command.h"
#include "app/command_line.h"
#include "app/email_settings.h"
#include "app/exit_codes.h"
#include "app/resource_paths.h"
#include "app/site_localizers.h"
#include "app/sms_settings.h"
#include "core/errors.h"
#include "notify/http_routes.h"
#include "notify/http_server.h"
#include "notify/kannel_channel.h"
#include "notify/short_link_endpoint.h"
#include "notify/sms_endpoint.h"
#include "notify/unsubscribe_endpoint.h"
#include "render/template_set.h"
#include "store/database.h"

namespace homeroom::app {

int run_serve(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("serve", "",
                   "Answer the unsubscribe links of the digests (GET shows a confirmation page, "
                   "POST records the opt-out, RFC 8058 one-click), SMS delivery reports (/dlr) and "
                   "inbound texts (/mo: STOP, START, HELP) and the texts' short links (/s/CODE: "
                   "a redirect to the private page) until stopped with Ctrl-C or "
                   "SIGTERM. Listens on loopback unless told otherwise: put it behind the "
                   "district's web server at [site] base_url.");
    cl.value("listen", "HOST:PORT",
             std::string("address to listen on (default [serve] listen, else ") + k_default_listen +
                 "; port 0: any free port)");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    if (!cl.positional().empty())
        throw UsageError("homeroom serve: unexpected argument \"" + cl.positional().front() + "\"");
    const std::string listen =
        cl.get("listen", ctx.config.getString("serve.listen", k_default_listen));

    store::Database db(ctx.db_path);
    const std::string secret = site_secret(ctx.config, db);
    const render::TemplateSet templates(find_resource_dir(
        ctx.config.getString("site.templates", ""), "templates", "student.mustache"));
    const SiteLocalizers localizers = load_site_localizers(
        ctx,
        find_resource_dir(ctx.config.getString("site.locales", ""), "locales", "messages.pot"));

    // The server's threads inherit this mask, so the signals reach only the sigwait below.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    notify::UnsubscribeEndpoint unsubscribe(
        db, secret, templates, *localizers.set,
        ctx.config.getString("site.district_name", "Sample Public Schools"));
    unsubscribe.on_opt_out = [&ctx](const std::string& what) {
        ctx.err << "homeroom serve: opt-out recorded: " << what << std::endl;
    };
    // The SMS routes keep their own connection to the database.
    const SmsSettings sms = read_sms_settings(ctx.config);
    store::Database sms_db(ctx.db_path);
    // Delivery reports prove themselves with the token notify signed with the site secret;
    // inbound texts with [kannel] mo_secret and their source address.
    notify::SmsEndpoint sms_endpoint(
        sms_db, *localizers.set,
        ctx.config.getString("site.district_name", "Sample Public Schools"), sms.help_text,
        notify::SmsGatewayAccess{secret, sms.mo_secret, sms.mo_allow_from});
    if (sms.mo_secret.empty())
        ctx.err << "homeroom serve: [kannel] mo_secret is not set: /mo refuses every inbound "
                   "text (STOP, START, HELP)"
                << std::endl;
    sms_endpoint.on_event = [&ctx](const std::string& what) {
        ctx.err << "homeroom serve: " << what << std::endl;
    };
    sms_endpoint.send_reply = [&sms](const std::string& to, const std::string& text) {
        if (sms.transport == "kannel")
            return notify::send_single_sms(sms.kannel, to, text);
        // The file transport: answers are appended to <outbox_dir>/replies.txt.
        std::error_code ec;
        std::filesystem::create_directories(sms.outbox_dir, ec);
        std::ofstream out(sms.outbox_dir / "replies.txt", std::ios::app | std::ios::binary);
        out << to << "\t" << text << "\n";
        out.flush();
        return notify::DeliveryOutcome{
            out ? notify::DeliveryResult::sent : notify::DeliveryResult::temporary_failure,
            "replies.txt"};
    };
    // The short links keep their own connection too; the redirect goes to [site] base_url, the
    // same default as notify's.
    store::Database links_db(ctx.db_path);
    std::string base_url = ctx.config.getString("site.base_url", "");
    if (base_url.empty())
        base_url = "http://localhost:8025";
    notify::ShortLinkEndpoint short_links(links_db, base_url, *localizers.set);
    notify::RouteTable routes;
    routes.on_error = [&ctx](const std::string& what) {
        ctx.err << "homeroom serve: error: " << what << std::endl;
    };
    unsubscribe.add_routes(routes);
    sms_endpoint.add_routes(routes);
    short_links.add_routes(routes);

    notify::HttpServer server(routes, listen);
    ctx.out << "homeroom serve: listening on http://" << server.host() << ":" << server.port()
            << " (database " << db.path().string() << "); stop with Ctrl-C" << std::endl;

    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
    ctx.out << "homeroom serve: stopped (" << (signal == SIGTERM ? "SIGTERM" : "SIGINT") << ")"
            << std::endl;
    return k_exit_ok;
}

}  // namespace homeroom::app
