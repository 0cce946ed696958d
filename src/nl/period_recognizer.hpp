#pragma once
// Recognises a period as written: one calendar point ("28 ноября 2025", "в июне 2025"), a range
// ("с 1 по 5 ноября включительно", "с 10:00 до 15:00 28 ноября", "1-5 ноября"), an open end
// ("до 5 ноября", "после 10:00") or a relative period ("вчера", "за последние 7 дней", "на
// прошлой неделе"). Nothing is resolved against the clock here (period_resolver.hpp does it).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "nl/date_recognizer.hpp"
#include "nl/token.hpp"
#include "plan/plan.hpp"

namespace videobot::nl {

/// Which edge of a period a moment names: «на начало ноября», «на конец ноября».
enum class MomentEdge : std::uint8_t { kNone, kStart, kEnd };

/// A period as written.
struct PeriodExpr {
  std::optional<plan::Relative> relative;
  int count = 0;                        ///< N of last_n_days / last_n_hours
  int days_ago = 0;                     ///< "позавчера": the day two days before today
  std::optional<DateExpr> from;         ///< start point (its whole unit starts the period)
  std::optional<DateExpr> to;           ///< end point (inclusive of its unit unless to_exclusive)
  bool from_after = false;              ///< "после X": starts after the unit of X
  bool to_exclusive = false;            ///< "до X": ends where X starts
  bool single = false;                  ///< one point: the whole of its unit
  bool time_only = false;               ///< only times of day: needs a day from elsewhere
  bool as_of = false;                   ///< "на 28 ноября", "к 1 декабря": a moment (a state plan)
  bool by = false;                      ///< the moment was said with "к" ("к 1 декабря")
  MomentEdge edge = MomentEdge::kNone;  ///< "на начало ноября" / "на конец ноября"
  std::size_t length = 0;               ///< tokens covered
};

/// A period starting at tokens[pos] (a leading "в", "за", "на" … included), or nullopt.
std::optional<PeriodExpr> RecognizePeriod(std::span<const Token> tokens, std::size_t pos);

}  // namespace videobot::nl
