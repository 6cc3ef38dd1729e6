#include "render/public_paths.h"

#include <cstdint>
#include <map>

namespace homeroom::render {
namespace {

constexpr std::size_t k_max_slug_length = 60;

// FNV-1a: a stable hash, the same on every machine and run (std::hash is not).
std::uint32_t fnv1a(std::string_view text) {
    std::uint32_t hash = 2166136261u;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

std::string short_hash(std::string_view text) {
    static constexpr char k_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::uint32_t hash = fnv1a(text);
    std::string out;
    for (int i = 0; i < 6; ++i) {
        out += k_digits[hash % 36];
        hash /= 36;
    }
    return out;
}

}  // namespace

std::string school_slug(std::string_view school_id) {
    std::string out;
    for (const char c : school_id) {
        if (out.size() >= k_max_slug_length)
            break;
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';  // any other byte, UTF-8 included, separates words
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? std::string("school") : out;
}

std::vector<std::string> unique_school_slugs(const std::vector<std::string>& school_ids) {
    std::vector<std::string> slugs;
    std::map<std::string, int> uses;
    for (const auto& id : school_ids) {
        slugs.push_back(school_slug(id));
        ++uses[slugs.back()];
    }
    for (std::size_t i = 0; i < slugs.size(); ++i)
        if (uses[slugs[i]] > 1)
            slugs[i] += "-" + short_hash(school_ids[i]);
    // Two equal ids, or a hash suffix that happens to equal another school's plain slug.
    std::map<std::string, int> seen;
    for (auto& slug : slugs) {
        const std::string base = slug;
        for (int n = 2; seen.count(slug) > 0; ++n) slug = base + "-" + std::to_string(n);
        seen.emplace(slug, 1);
    }
    return slugs;
}

std::string public_home_path(std::string_view lang) {
    return "public/" + std::string(lang) + "/index.html";
}

std::string public_about_path(std::string_view lang) {
    return "public/" + std::string(lang) + "/about.html";
}

std::string public_school_path(std::string_view lang, std::string_view slug) {
    return "public/" + std::string(lang) + "/schools/" + std::string(slug) + ".html";
}

std::string public_district_path(std::string_view lang, std::string_view file) {
    return "public/" + std::string(lang) + "/" + std::string(file);
}

}  // namespace homeroom::render
