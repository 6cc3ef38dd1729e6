// homeroom disclosures --student ID | --partner ID [--json]
#include <cstdio>

#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "core/errors.h"
#include "core/untrusted_text.h"
#include "store/disclosure_log.h"

namespace homeroom::app {
namespace {

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string json_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_string(items[i]);
    return out + "]";
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

int run_disclosures(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("disclosures", "",
                   "List the record of disclosures to community partners (FERPA 34 CFR 99.32), "
                   "newest first: what was shared about one student, for a parent's request to "
                   "inspect it, or everything shared with one partner.");
    cl.value("student", "ID", "the disclosures about this student (student_id)")
        .value("partner", "ID", "the disclosures to this partner (partner_id, or its name)")
        .flag("json", "print a JSON array instead of text");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    if (!cl.positional().empty())
        throw UsageError("homeroom disclosures: unexpected argument \"" + cl.positional().front() +
                         "\"");
    if (cl.has("student") == cl.has("partner"))
        throw UsageError("homeroom disclosures: give --student ID or --partner ID");
    store::Database db(ctx.db_path, store::Database::Open::existing);
    const store::DisclosureLog log(db);
    const bool by_student = cl.has("student");
    const std::string key = by_student ? cl.get("student") : cl.get("partner");
    const auto entries = by_student ? log.for_student(key) : log.for_partner(key);

    if (cl.has("json")) {
        ctx.out << "[";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& e = entries[i];
            ctx.out << (i ? ",\n " : "\n ") << "{\"disclosure\":" << e.id
                    << ",\"recorded_at\":" << json_string(e.recorded_at)
                    << ",\"partner_id\":" << json_string(e.partner_id)
                    << ",\"partner_name\":" << json_string(e.partner_name)
                    << ",\"agreement_id\":" << json_string(e.agreement_id)
                    << ",\"purpose\":" << json_string(e.purpose)
                    << ",\"as_of\":" << json_string(e.as_of.to_string())
                    << ",\"fields\":" << json_list(e.fields) << ",\"files\":" << json_list(e.files)
                    << ",\"students\":" << e.student_count;
            if (by_student)
                ctx.out << ",\"consent_by\":" << json_string(e.consent_by) << ",\"consent_date\":"
                        << (e.consent_date ? json_string(e.consent_date->to_string()) : "null");
            ctx.out << "}";
        }
        ctx.out << (entries.empty() ? "]\n" : "\n]\n");
        return k_exit_ok;
    }

    if (entries.empty()) {
        ctx.out << "no disclosures recorded " << (by_student ? "about student " : "to partner ")
                << key << "\n";
        return k_exit_ok;
    }
    ctx.out << entries.size() << " disclosure" << (entries.size() == 1 ? "" : "s")
            << (by_student ? " about student " : " to partner ") << key << ", newest first\n";
    for (const auto& e : entries) {
        ctx.out << "\n#" << e.id << "  " << e.recorded_at << "  to " << e.partner_id << " ("
                << terminal_text(e.partner_name) << ")\n"
                << "  agreement: " << e.agreement_id << " - " << terminal_text(e.purpose) << "\n"
                << "  data as of: " << e.as_of.to_string() << "\n"
                << "  fields: " << join(e.fields) << "\n";
        if (by_student)
            ctx.out << "  consent: " << e.consent_by
                    << (e.consent_date ? " on " + e.consent_date->to_string() : "") << "\n";
        else
            ctx.out << "  students: " << e.student_count << "\n";
        ctx.out << "  files: " << join(e.files) << "\n";
    }
    return k_exit_ok;
}

}  // namespace homeroom::app
