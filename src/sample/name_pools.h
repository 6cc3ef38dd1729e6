// The names the sample district is made of: people's names by heritage (with accents,
// apostrophes, hyphens and a few in their own script), school namesakes and streets.
#pragma once

#include <span>
#include <string_view>

namespace homeroom::sample {

struct LanguageShare {
    std::string_view code;  // ISO 639-1
    double weight;
};

// A given name written in its own script, with the Latin spelling the family also uses.
struct NativeName {
    std::string_view native, latin;
};

struct HeritageNames {
    std::string_view key;   // for tests and debugging
    std::string_view race;  // race_ethnicity code of most families of this heritage
    double share;           // relative share of the district's families
    std::span<const LanguageShare> home_languages;
    std::span<const std::string_view> female, male, family;
    std::span<const NativeName> native_female, native_male;
};

// Every heritage the district draws families from; shares need not sum to one.
std::span<const HeritageNames> heritages();
// The heritage of "European-American" families, also used for staff names' majority.
const HeritageNames& european_heritage();

std::span<const std::string_view> school_namesakes();
// Complete names of well-known-sounding high schools, used before namesakes.
std::span<const std::string_view> high_school_names();
std::span<const std::string_view> street_names();

}  // namespace homeroom::sample
