// The sample generator's own pseudo-random numbers: xoshiro256** seeded through splitmix64,
// with integer, real and choice helpers built from plain integer and IEEE arithmetic only.
// The standard distributions (std::uniform_int_distribution, std::shuffle, ...) are avoided on
// purpose: their algorithms differ between standard libraries, and "same seed, same bytes" must
// hold everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <utility>

namespace homeroom::sample {

constexpr std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

class Random {
  public:
    explicit Random(std::uint64_t seed) {
        for (auto& word : m_state) word = splitmix64(seed);
    }

    // An independent stream for one purpose ("school 3, student 17, attendance"), so that what
    // one part of the district draws never shifts what another part draws.
    static Random stream(std::uint64_t seed, std::initializer_list<std::uint64_t> keys) {
        std::uint64_t state = seed;
        std::uint64_t mixed = splitmix64(state);
        for (const std::uint64_t key : keys) {
            state = mixed ^ (key * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL);
            mixed = splitmix64(state);
        }
        return Random(mixed);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, n); n > 0. Rejection keeps it unbiased.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold)
                return r % n;
        }
    }

    // Uniform in [lo, hi], inclusive; lo <= hi.
    int between(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    std::size_t index(std::size_t size) { return static_cast<std::size_t>(below(size)); }

    // Uniform in [0, 1) with 53 random bits.
    double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double real(double lo, double hi) { return lo + (hi - lo) * real(); }

    bool chance(double p) { return real() < p; }

    // Approximately standard normal (Irwin-Hall sum of four uniforms, rescaled): bounded to
    // about ±3.5, which suits grades and scores, and needs no libm functions whose last bits
    // could differ between platforms.
    double normal() {
        const double sum = real() + real() + real() + real();
        return (sum - 2.0) * 1.7320508075688772;
    }

    template <typename T>
    const T& pick(std::span<const T> items) {
        return items[index(items.size())];
    }

    // An index drawn with the given (non-negative, not all zero) weights.
    std::size_t weighted(std::span<const double> weights) {
        double total = 0;
        for (const double w : weights) total += w;
        double r = real() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i])
                return i;
            r -= weights[i];
        }
        return weights.size() - 1;
    }

    // Fisher-Yates, with our own index draws.
    template <typename It>
    void shuffle(It first, It last) {
        const auto n = static_cast<std::size_t>(last - first);
        for (std::size_t i = n; i > 1; --i) {
            const std::size_t j = index(i);
            using std::swap;
            swap(first[static_cast<std::ptrdiff_t>(i - 1)], first[static_cast<std::ptrdiff_t>(j)]);
        }
    }

  private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) {
        return (x << k) | (x >> (64 - k));
    }

    std::uint64_t m_state[4];
};

}  // namespace homeroom::sample
