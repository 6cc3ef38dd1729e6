// Reading back what the render writers produced: XML parsed with Poco's DOM (a parse error fails
// the test), elements by tag, numeric attributes. For the render tests only.
#pragma once

#include <Poco/DOM/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>

#include <charconv>
#include <optional>
#include <string>
#include <vector>

namespace homeroom::testing {

using XmlDocument = Poco::AutoPtr<Poco::XML::Document>;

// Throws Poco::XML::SAXParseException when `text` is not well-formed.
inline XmlDocument parse_xml(const std::string& text) {
    Poco::XML::DOMParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
    return parser.parseString(text);
}

inline std::vector<Poco::XML::Element*> elements_named(const XmlDocument& document,
                                                       const std::string& tag) {
    std::vector<Poco::XML::Element*> out;
    Poco::AutoPtr<Poco::XML::NodeList> nodes = document->getElementsByTagName(tag);
    for (unsigned long i = 0; i < nodes->length(); ++i)
        out.push_back(static_cast<Poco::XML::Element*>(nodes->item(i)));
    return out;
}

inline std::optional<double> number_attribute(const Poco::XML::Element& element,
                                              const std::string& name) {
    if (!element.hasAttribute(name))
        return std::nullopt;
    const std::string text = element.getAttribute(name);
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

// A presentation attribute as it applies to the element: its own, else its nearest group's.
inline std::string painted_attribute(const Poco::XML::Element& element, const std::string& name) {
    for (const Poco::XML::Node* node = &element; node != nullptr; node = node->parentNode())
        if (node->nodeType() == Poco::XML::Node::ELEMENT_NODE) {
            const auto* e = static_cast<const Poco::XML::Element*>(node);
            if (e->hasAttribute(name))
                return e->getAttribute(name);
        }
    return "";
}

// All numbers in a "points" attribute ("1,2 3,4").
inline std::vector<double> point_list(const std::string& text) {
    std::vector<double> out;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    while (p < end) {
        if (*p == ',' || *p == ' ') {
            ++p;
            continue;
        }
        double value = 0;
        const auto result = std::from_chars(p, end, value);
        if (result.ec != std::errc())
            break;
        out.push_back(value);
        p = result.ptr;
    }
    return out;
}

}  // namespace homeroom::testing
