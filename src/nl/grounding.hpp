#pragma once
// The literal values of a question — creator ids, video ids, numbers, periods — read with the
// rule parser's own recognisers, so that a plan from another source (the language model) can be
// checked against them (plan::CheckGrounded). Reading literals needs no understanding of the
// question: it works for questions the rules decline.

#include <string_view>

#include "common/result.hpp"
#include "plan/literals.hpp"
#include "plan/resolve.hpp"

namespace videobot::nl {

/// The literals of `question`, as the rule parser reads them:
/// - ids: 32-hex creator ids and dashed UUID video ids (lower-case); an id of a wrong shape is
///   `unreadable`;
/// - numbers: standalone numbers («топ-5», «какие 3 креатора»), comparison values («больше
///   10 000» is 10000, «10 тыс.» 10000, «1,5 млн» 1500000, «от 100 до 500» both), and the hours
///   of a publication window («за первые 3 часа» is 3, «первые сутки» 24); a number written as
///   a word comparison («хотя бы одну жалобу» is >= 1) is `implied`;
/// - periods: every date, month, year, range, time range and relative period, resolved exactly
///   as the parser resolves them (a year-less date by `context`; «с 10:00 до 15:00» joined to
///   its day); the numbers inside them (days, years, N of «последние N дней») are part of the
///   period, not `numbers`. A period that does not resolve (31 ноября, a time without a day)
///   is `unreadable`;
/// - moments: a date or a time said as a moment («на 28 ноября», «по состоянию на 10:00
///   28.11.2025», «на начало ноября»), resolved as the parser resolves them.
/// Fails with kQuestionNotUnderstood (blank or not UTF-8) or kQuestionTooLong, with a Russian
/// message.
Result<plan::Literals> ExtractQuestionLiterals(std::string_view question, const plan::TimeContext& context);

}  // namespace videobot::nl
