#include "notify/recipient_set.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "notify/recipient_address.h"

namespace homeroom::notify {
namespace {

const std::string& address_of(const Contact& c, Channel channel) {
    return channel == Channel::email ? c.email : c.mobile;
}

bool opted_out_of(const Contact& c, Channel channel) {
    return channel == Channel::email ? c.email_opted_out : c.sms_opted_out;
}

struct Mailbox {
    bool opted_out = false;                     // anyone using it opted out
    std::set<std::string> restricted_students;  // anyone using it is under no_contact
    std::vector<ConsentGrant> grants;
};

}  // namespace

bool Recipient::addressed_to_student() const {
    return !grants.empty() &&
           std::all_of(grants.begin(), grants.end(), [](const ConsentGrant& g) { return g.self; });
}

int RecipientSet::refused_total() const {
    int total = 0;
    for (int n : refusals) total += n;
    return total;
}

RecipientSet build_recipient_set(const std::vector<Student>& students,
                                 const std::vector<Contact>& contacts,
                                 const std::vector<StudentContact>& links, Channel channel,
                                 Date send_date, Date week_start) {
    RecipientSet out;
    out.channel = channel;
    out.send_date = send_date;
    const StudentContact* current = nullptr;  // the link being decided
    auto count = [&](RefusalReason r) {
        ++out.refusals[static_cast<std::size_t>(r)];
        out.refused_links.push_back({current->student_id, current->contact_id, r});
    };

    std::unordered_map<std::string_view, const Student*> student_by_id;
    for (const auto& s : students) student_by_id.emplace(s.id, &s);
    std::unordered_map<std::string_view, const Contact*> contact_by_id;
    for (const auto& c : contacts) contact_by_id.emplace(c.id, &c);

    // Mailboxes are keyed by every address present, usable or not, so that a restriction or
    // an opt-out of anyone at that address is seen.
    std::map<std::string, Mailbox> mailboxes;
    for (const auto& c : contacts) {
        const auto& address = address_of(c, channel);
        if (trim_address(address).empty())
            continue;
        auto& box = mailboxes[mailbox_key(channel, address)];
        box.opted_out = box.opted_out || opted_out_of(c, channel);
    }
    for (const auto& l : links) {
        const auto c = contact_by_id.find(l.contact_id);
        if (!l.no_contact || c == contact_by_id.end())
            continue;
        const auto& address = address_of(*c->second, channel);
        if (!trim_address(address).empty())
            mailboxes[mailbox_key(channel, address)].restricted_students.insert(l.student_id);
    }

    for (const auto& l : links) {
        const auto s = student_by_id.find(l.student_id);
        const auto c = contact_by_id.find(l.contact_id);
        if (s == student_by_id.end() || c == contact_by_id.end()) {
            ++out.unknown_links;
            continue;
        }
        ++out.links_considered;
        current = &l;
        if (s->second->exit_date && *s->second->exit_date < week_start) {
            count(RefusalReason::left_school);
            continue;
        }
        auto decision = decide_consent(*s->second, *c->second, l, channel, send_date);
        if (!decision.allowed) {
            count(*decision.refusal);
            continue;
        }
        auto& box = mailboxes[mailbox_key(channel, address_of(*c->second, channel))];
        if (box.restricted_students.count(l.student_id)) {
            count(RefusalReason::no_contact_restriction);
            continue;
        }
        if (box.opted_out) {
            count(RefusalReason::opted_out);
            continue;
        }
        ++out.links_allowed;
        box.grants.push_back(
            {l.student_id, l.contact_id, std::move(decision.allowed_by), is_self_link(l)});
    }

    for (auto& [key, box] : mailboxes) {
        if (box.grants.empty())
            continue;
        std::sort(box.grants.begin(), box.grants.end(), [](const auto& a, const auto& b) {
            return std::tie(a.student_id, a.contact_id) < std::tie(b.student_id, b.contact_id);
        });
        Recipient r;
        std::set<std::string> contact_ids, student_ids;
        for (const auto& g : box.grants) {
            contact_ids.insert(g.contact_id);
            student_ids.insert(g.student_id);
        }
        r.contact_ids.assign(contact_ids.begin(), contact_ids.end());
        r.student_ids.assign(student_ids.begin(), student_ids.end());
        r.contact_id = r.contact_ids.front();
        r.address = wire_address(channel, address_of(*contact_by_id.at(r.contact_id), channel));
        r.grants = std::move(box.grants);
        out.recipients.push_back(std::move(r));
    }
    return out;
}

std::string format_allowed_by(const Recipient& recipient) {
    std::string out;
    for (const auto& g : recipient.grants) {
        if (!out.empty())
            out += "; ";
        out += g.student_id + " via " + g.contact_id + ":";
        for (std::size_t i = 0; i < g.allowed_by.size(); ++i) {
            out += i == 0 ? " " : ",";
            out += g.allowed_by[i];
        }
    }
    return out;
}

}  // namespace homeroom::notify
