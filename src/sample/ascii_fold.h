// Turns a name into the plain-ASCII form people use in e-mail addresses: "José Ángel" ->
// "joseangel", "O'Brien" -> "obrien", "Nguyễn" -> "nguyen", "Smith-Jones" -> "smith-jones".
// Letters of other scripts are dropped (the caller picks a fallback when nothing is left).
#pragma once

#include <string>
#include <string_view>

namespace homeroom::sample {

std::string ascii_fold_lower(std::string_view utf8);

}  // namespace homeroom::sample
