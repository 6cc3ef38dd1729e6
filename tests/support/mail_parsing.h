// Reading a message back the way a mail client would: headers unfolded, RFC 2047 words
// decoded (blanks between adjacent encoded words dropped, as the RFC says — Poco's
// decodeWord keeps them), MIME parts decoded by Poco::Net::MailMessage.
#pragma once

#include <Poco/Base64Decoder.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include <cctype>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace homeroom::testing {

struct MailPart {
    std::string content_type, transfer_encoding, content;  // content decoded
};

struct ParsedMail {
    // Header names lower-cased; values unfolded (CRLF + blank → blank), not decoded.
    std::multimap<std::string, std::string> raw_headers;
    std::string content_type;
    std::vector<MailPart> parts;  // a single-part message gives one part

    std::string raw(const std::string& name) const {
        const auto it = raw_headers.find(name);
        return it == raw_headers.end() ? std::string() : it->second;
    }
    std::size_t count(const std::string& name) const { return raw_headers.count(name); }
};

inline std::string decode_q(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_') {
            out += ' ';
        } else if (text[i] == '=' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

inline std::string decode_b(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::string out;
    Poco::StreamCopier::copyToString(decoder, out);
    return out;
}

// RFC 2047 for UTF-8 words; anything else is left as it is.
inline std::string decode_header(const std::string& value) {
    std::string out, pending_blank;
    bool previous_encoded = false;
    std::size_t i = 0;
    while (i < value.size()) {
        if (value[i] == ' ' || value[i] == '\t') {
            pending_blank += value[i++];
            continue;
        }
        std::size_t end = value.find_first_of(" \t", i);
        if (end == std::string::npos)
            end = value.size();
        const std::string token = value.substr(i, end - i);
        i = end;
        const bool encoded = token.size() > 12 && token.rfind("=?", 0) == 0 &&
                             token.compare(token.size() - 2, 2, "?=") == 0;
        if (!(encoded && previous_encoded))
            out += pending_blank;  // blanks between two encoded words are not text
        pending_blank.clear();
        if (encoded) {
            const auto q1 = token.find('?', 2), q2 = token.find('?', q1 + 1);
            const std::string encoding = token.substr(q1 + 1, q2 - q1 - 1);
            const std::string text = token.substr(q2 + 1, token.size() - q2 - 3);
            out += (encoding == "B" || encoding == "b") ? decode_b(text) : decode_q(text);
        } else {
            out += token;
        }
        previous_encoded = encoded;
    }
    return out;
}

class CollectingPartHandler : public Poco::Net::PartHandler {
  public:
    explicit CollectingPartHandler(std::vector<MailPart>& parts) : m_parts(parts) {}
    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
        MailPart p;
        p.content_type = header.get("Content-Type", "");
        p.transfer_encoding = header.get("Content-Transfer-Encoding", "");
        Poco::StreamCopier::copyToString(stream, p.content);
        m_parts.push_back(std::move(p));
    }

  private:
    std::vector<MailPart>& m_parts;
};

inline ParsedMail parse_mail(const std::string& bytes) {
    ParsedMail mail;
    const auto header_end = bytes.find("\r\n\r\n");
    const std::string head = bytes.substr(0, header_end);
    std::string current;
    auto flush = [&] {
        if (current.empty())
            return;
        const auto colon = current.find(':');
        std::string name = current.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = current.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        mail.raw_headers.emplace(name, value);
        current.clear();
    };
    std::size_t start = 0;
    while (start <= head.size()) {
        auto end = head.find("\r\n", start);
        if (end == std::string::npos)
            end = head.size();
        const std::string line = head.substr(start, end - start);
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t'))
            current += line;  // unfold: CRLF goes, the blank stays
        else {
            flush();
            current = line;
        }
        start = end + 2;
    }
    flush();

    std::istringstream in(bytes);
    Poco::Net::MailMessage message;
    CollectingPartHandler handler(mail.parts);
    message.read(in, handler);
    mail.content_type = message.getContentType();
    if (mail.parts.empty()) {
        MailPart p;
        p.content_type = message.getContentType();
        p.transfer_encoding = message.get("Content-Transfer-Encoding", "");
        p.content = message.getContent();
        mail.parts.push_back(std::move(p));
    }
    return mail;
}

}  // namespace homeroom::testing
