#include "metrics/suppression.h"

#include <optional>
#include <stdexcept>

#include "metrics/linear_disclosure.h"

namespace homeroom::metrics {
namespace {

class Complementer {
  public:
    Complementer(const CountTable& table, std::vector<bool>& hidden,
                 const SuppressionSettings& settings)
        : m_table(table), m_hidden(hidden), m_settings(settings) {}

    // Rule 2 on every relation until none needs more.
    void enforce_relations() {
        bool changed = true;
        while (changed) {
            changed = false;
            for (const Partition& partition : m_table.partitions)
                while (needs_more_hidden(partition)) {
                    const auto next = next_to_hide(partition);
                    if (!next)
                        break;
                    m_hidden[*next] = true;
                    changed = true;
                }
        }
    }

    // A complement for a hidden cell the audit found determined; false when every relation it is
    // in is already fully hidden.
    bool hide_complement_of(std::size_t cell) {
        std::optional<std::size_t> best;
        for (const Partition& partition : m_table.partitions) {
            if (!contains(partition, cell))
                continue;
            if (const auto part = smallest_published_part(partition);
                part && is_better(*part, best))
                best = part;
        }
        if (!best)  // only totals left: hide the smallest of them
            for (const Partition& partition : m_table.partitions)
                if (contains(partition, cell) && !m_hidden[partition.total] &&
                    is_better(partition.total, best))
                    best = partition.total;
        if (!best)
            return false;
        m_hidden[*best] = true;
        return true;
    }

  private:
    bool needs_more_hidden(const Partition& partition) const {
        int hidden_cells = m_hidden[partition.total] ? 1 : 0;
        std::int64_t hidden_students = 0;
        for (std::size_t part : partition.parts)
            if (m_hidden[part]) {
                ++hidden_cells;
                hidden_students += m_table.counts[part];
            }
        if (hidden_cells == 0)
            return false;
        if (hidden_cells == 1)
            return true;
        return m_settings.hidden_parts_reach_minimum && !m_hidden[partition.total] &&
               hidden_students < m_settings.minimum_group_size;
    }

    std::optional<std::size_t> next_to_hide(const Partition& partition) const {
        if (const auto part = smallest_published_part(partition))
            return part;
        // With every part hidden, hiding the total only helps when it is the one cell still
        // making the relation give something away (a single hidden part equal to the total).
        int hidden_parts = 0;
        for (std::size_t part : partition.parts) hidden_parts += m_hidden[part] ? 1 : 0;
        if (!m_hidden[partition.total] && hidden_parts < 2)
            return partition.total;
        return std::nullopt;
    }

    std::optional<std::size_t> smallest_published_part(const Partition& partition) const {
        std::optional<std::size_t> best;
        for (std::size_t part : partition.parts)
            if (!m_hidden[part] && is_better(part, best))
                best = part;
        return best;
    }

    bool is_better(std::size_t cell, const std::optional<std::size_t>& best) const {
        if (!best)
            return true;
        const auto a = m_table.counts[cell], b = m_table.counts[*best];
        return a < b || (a == b && cell < *best);
    }

    static bool contains(const Partition& partition, std::size_t cell) {
        if (partition.total == cell)
            return true;
        for (std::size_t part : partition.parts)
            if (part == cell)
                return true;
        return false;
    }

    const CountTable& m_table;
    std::vector<bool>& m_hidden;
    const SuppressionSettings& m_settings;
};

}  // namespace

std::string_view to_code(SuppressionReason reason) {
    switch (reason) {
        case SuppressionReason::none:
            return "none";
        case SuppressionReason::small_group:
            return "small_group";
        case SuppressionReason::complementary:
            return "complementary";
        case SuppressionReason::complementary_rate:
            return "complementary_rate";
    }
    return "none";
}

void protect_hidden_cells(const CountTable& table, std::vector<bool>& hidden,
                          const SuppressionSettings& settings) {
    table.check();
    if (hidden.size() != table.counts.size())
        throw std::invalid_argument("protect_hidden_cells: one entry per cell expected");
    Complementer complementer(table, hidden, settings);
    for (;;) {
        complementer.enforce_relations();
        // One complement at a time, then the relations and the audit again: the complement of one
        // determined cell often protects others too, and hiding as little as possible matters.
        bool progressed = false;
        for (std::size_t cell : determined_cells(table, hidden))
            if (complementer.hide_complement_of(cell)) {
                progressed = true;
                break;
            }
        if (!progressed)
            return;
    }
}

std::vector<SuppressionReason> suppress_small_groups(const CountTable& table,
                                                     const SuppressionSettings& settings) {
    std::vector<bool> hidden(table.counts.size());
    for (std::size_t cell = 0; cell < hidden.size(); ++cell)
        hidden[cell] = table.counts[cell] < settings.minimum_group_size;
    const std::vector<bool> primary = hidden;
    protect_hidden_cells(table, hidden, settings);
    std::vector<SuppressionReason> reasons(hidden.size(), SuppressionReason::none);
    for (std::size_t cell = 0; cell < hidden.size(); ++cell)
        if (primary[cell])
            reasons[cell] = SuppressionReason::small_group;
        else if (hidden[cell])
            reasons[cell] = SuppressionReason::complementary;
    return reasons;
}

}  // namespace homeroom::metrics
