// School names in the order a reader of the page's language expects (ICU collation: "École" next
// to "Ecole", not after "Z"), for the home page's list and the district table.
#pragma once

#include <memory>
#include <string_view>

namespace homeroom::render {

class NameCollator {
  public:
    // The collation of `language` ("es", "ar"); byte order if ICU cannot make one.
    explicit NameCollator(std::string_view language);
    ~NameCollator();
    NameCollator(const NameCollator&) = delete;
    NameCollator& operator=(const NameCollator&) = delete;

    // Negative, zero or positive, like strcmp.
    int compare(std::string_view a, std::string_view b) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace homeroom::render
