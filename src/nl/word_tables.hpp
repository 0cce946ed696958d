#pragma once
// The word lists of the recognisers and of the plan builder, one table per purpose: a new wording
// of a number, a date, a period, a comparison or a publication window is a new row here. What a
// word means to the rules (its Concept) is the vocabulary of lexicon_tables.cpp; what each
// concept implies is concept_traits.hpp. Forms are written normalised: lower case, ё as е.

#include <string_view>
#include <utility>

#include "plan/plan.hpp"

namespace videobot::nl {

// ---- Numbers (number_recognizer.cpp) ----

enum class NumberWordKind : std::uint8_t {
  kValue,       ///< ноль … девятьсот
  kMultiplier,  ///< тысяча, миллион, миллиард and their abbreviations
  kOneAndHalf,  ///< полтора: one and a half of the multiplier after it
  kHalfOf,      ///< полтысячи, полмиллиона: a fixed half
};

struct NumberWord {
  std::string_view text;
  std::int64_t value;
  NumberWordKind kind;
};

/// Every number word form with its value.
inline constexpr NumberWord kNumberWords[] = {
    {"ноль", 0, NumberWordKind::kValue},
    {"нуля", 0, NumberWordKind::kValue},
    {"нулю", 0, NumberWordKind::kValue},
    {"нулем", 0, NumberWordKind::kValue},
    {"один", 1, NumberWordKind::kValue},
    {"одна", 1, NumberWordKind::kValue},
    {"одно", 1, NumberWordKind::kValue},
    {"одного", 1, NumberWordKind::kValue},
    {"одной", 1, NumberWordKind::kValue},
    {"одному", 1, NumberWordKind::kValue},
    {"одним", 1, NumberWordKind::kValue},
    {"одном", 1, NumberWordKind::kValue},
    {"одну", 1, NumberWordKind::kValue},
    {"два", 2, NumberWordKind::kValue},
    {"две", 2, NumberWordKind::kValue},
    {"двух", 2, NumberWordKind::kValue},
    {"двум", 2, NumberWordKind::kValue},
    {"двумя", 2, NumberWordKind::kValue},
    {"двое", 2, NumberWordKind::kValue},
    {"три", 3, NumberWordKind::kValue},
    {"трех", 3, NumberWordKind::kValue},
    {"трем", 3, NumberWordKind::kValue},
    {"тремя", 3, NumberWordKind::kValue},
    {"трое", 3, NumberWordKind::kValue},
    {"четыре", 4, NumberWordKind::kValue},
    {"четырех", 4, NumberWordKind::kValue},
    {"четырем", 4, NumberWordKind::kValue},
    {"четырьмя", 4, NumberWordKind::kValue},
    {"четверо", 4, NumberWordKind::kValue},
    {"пять", 5, NumberWordKind::kValue},
    {"пяти", 5, NumberWordKind::kValue},
    {"пятью", 5, NumberWordKind::kValue},
    {"пятеро", 5, NumberWordKind::kValue},
    {"шесть", 6, NumberWordKind::kValue},
    {"шести", 6, NumberWordKind::kValue},
    {"шестеро", 6, NumberWordKind::kValue},
    {"семь", 7, NumberWordKind::kValue},
    {"семи", 7, NumberWordKind::kValue},
    {"семеро", 7, NumberWordKind::kValue},
    {"восемь", 8, NumberWordKind::kValue},
    {"восьми", 8, NumberWordKind::kValue},
    {"девять", 9, NumberWordKind::kValue},
    {"девяти", 9, NumberWordKind::kValue},
    {"десять", 10, NumberWordKind::kValue},
    {"десяти", 10, NumberWordKind::kValue},
    {"одиннадцать", 11, NumberWordKind::kValue},
    {"одиннадцати", 11, NumberWordKind::kValue},
    {"двенадцать", 12, NumberWordKind::kValue},
    {"двенадцати", 12, NumberWordKind::kValue},
    {"тринадцать", 13, NumberWordKind::kValue},
    {"тринадцати", 13, NumberWordKind::kValue},
    {"четырнадцать", 14, NumberWordKind::kValue},
    {"четырнадцати", 14, NumberWordKind::kValue},
    {"пятнадцать", 15, NumberWordKind::kValue},
    {"пятнадцати", 15, NumberWordKind::kValue},
    {"шестнадцать", 16, NumberWordKind::kValue},
    {"шестнадцати", 16, NumberWordKind::kValue},
    {"семнадцать", 17, NumberWordKind::kValue},
    {"семнадцати", 17, NumberWordKind::kValue},
    {"восемнадцать", 18, NumberWordKind::kValue},
    {"восемнадцати", 18, NumberWordKind::kValue},
    {"девятнадцать", 19, NumberWordKind::kValue},
    {"девятнадцати", 19, NumberWordKind::kValue},
    {"двадцать", 20, NumberWordKind::kValue},
    {"двадцати", 20, NumberWordKind::kValue},
    {"тридцать", 30, NumberWordKind::kValue},
    {"тридцати", 30, NumberWordKind::kValue},
    {"сорок", 40, NumberWordKind::kValue},
    {"сорока", 40, NumberWordKind::kValue},
    {"пятьдесят", 50, NumberWordKind::kValue},
    {"пятидесяти", 50, NumberWordKind::kValue},
    {"шестьдесят", 60, NumberWordKind::kValue},
    {"шестидесяти", 60, NumberWordKind::kValue},
    {"семьдесят", 70, NumberWordKind::kValue},
    {"семидесяти", 70, NumberWordKind::kValue},
    {"восемьдесят", 80, NumberWordKind::kValue},
    {"восьмидесяти", 80, NumberWordKind::kValue},
    {"девяносто", 90, NumberWordKind::kValue},
    {"девяноста", 90, NumberWordKind::kValue},
    {"сто", 100, NumberWordKind::kValue},
    {"ста", 100, NumberWordKind::kValue},
    {"двести", 200, NumberWordKind::kValue},
    {"двухсот", 200, NumberWordKind::kValue},
    {"триста", 300, NumberWordKind::kValue},
    {"трехсот", 300, NumberWordKind::kValue},
    {"четыреста", 400, NumberWordKind::kValue},
    {"четырехсот", 400, NumberWordKind::kValue},
    {"пятьсот", 500, NumberWordKind::kValue},
    {"пятисот", 500, NumberWordKind::kValue},
    {"шестьсот", 600, NumberWordKind::kValue},
    {"шестисот", 600, NumberWordKind::kValue},
    {"семьсот", 700, NumberWordKind::kValue},
    {"семисот", 700, NumberWordKind::kValue},
    {"восемьсот", 800, NumberWordKind::kValue},
    {"восьмисот", 800, NumberWordKind::kValue},
    {"девятьсот", 900, NumberWordKind::kValue},
    {"девятисот", 900, NumberWordKind::kValue},
    {"тысяча", 1'000, NumberWordKind::kMultiplier},
    {"тысячи", 1'000, NumberWordKind::kMultiplier},
    {"тысяч", 1'000, NumberWordKind::kMultiplier},
    {"тысячу", 1'000, NumberWordKind::kMultiplier},
    {"тысячей", 1'000, NumberWordKind::kMultiplier},
    {"тысячам", 1'000, NumberWordKind::kMultiplier},
    {"тысячами", 1'000, NumberWordKind::kMultiplier},
    {"тыс", 1'000, NumberWordKind::kMultiplier},
    {"миллион", 1'000'000, NumberWordKind::kMultiplier},
    {"миллиона", 1'000'000, NumberWordKind::kMultiplier},
    {"миллионов", 1'000'000, NumberWordKind::kMultiplier},
    {"миллиону", 1'000'000, NumberWordKind::kMultiplier},
    {"миллионом", 1'000'000, NumberWordKind::kMultiplier},
    {"миллионам", 1'000'000, NumberWordKind::kMultiplier},
    {"млн", 1'000'000, NumberWordKind::kMultiplier},
    {"миллиард", 1'000'000'000, NumberWordKind::kMultiplier},
    {"миллиарда", 1'000'000'000, NumberWordKind::kMultiplier},
    {"миллиардов", 1'000'000'000, NumberWordKind::kMultiplier},
    {"млрд", 1'000'000'000, NumberWordKind::kMultiplier},
    {"полтора", 1, NumberWordKind::kOneAndHalf},
    {"полторы", 1, NumberWordKind::kOneAndHalf},
    {"полутора", 1, NumberWordKind::kOneAndHalf},
    {"полтысячи", 500, NumberWordKind::kHalfOf},
    {"полутысячи", 500, NumberWordKind::kHalfOf},
    {"полмиллиона", 500'000, NumberWordKind::kHalfOf},
    {"полумиллиона", 500'000, NumberWordKind::kHalfOf},
    {"полмиллиарда", 500'000'000, NumberWordKind::kHalfOf},
};

/// Multipliers that may be glued to digits ("100к", "10k") but never stand apart from them.
inline constexpr std::string_view kGluedThousands[] = {"к", "k", "тыс"};

/// Multipliers that multiply the one before them ("тысяча тысяч", "миллиона тысяч"): the
/// genitive forms. Other forms after a multiplier start a new part of the number ("миллион
/// тысяча" is 1 001 000).
inline constexpr std::string_view kChainedMultipliers[] = {"тысячи",    "тысяч",     "миллиона",
                                                           "миллионов", "миллиарда", "миллиардов"};

/// Abbreviated multipliers, which may be followed by a dot ("2 млн."): the dot belongs to them.
inline constexpr std::string_view kAbbreviatedMultipliers[] = {"тыс", "млн", "млрд"};

/// Words of a negative sign before a number.
inline constexpr std::string_view kMinusWords[] = {"минус"};

// ---- Dates and times of day (date_recognizer.cpp) ----

struct MonthWord {
  std::string_view text;
  int month;
};

/// Month names in every case, and their abbreviations, with the month's number.
inline constexpr MonthWord kMonthWords[] = {
    {"январь", 1},    {"января", 1},   {"январе", 1},   {"январю", 1},   {"январем", 1},   {"янв", 1},
    {"февраль", 2},   {"февраля", 2},  {"феврале", 2},  {"февралю", 2},  {"февралем", 2},  {"фев", 2},
    {"февр", 2},      {"март", 3},     {"марта", 3},    {"марте", 3},    {"марту", 3},     {"мартом", 3},
    {"мар", 3},       {"апрель", 4},   {"апреля", 4},   {"апреле", 4},   {"апрелю", 4},    {"апрелем", 4},
    {"апр", 4},       {"май", 5},      {"мая", 5},      {"мае", 5},      {"маю", 5},       {"маем", 5},
    {"июнь", 6},      {"июня", 6},     {"июне", 6},     {"июню", 6},     {"июнем", 6},     {"июн", 6},
    {"июль", 7},      {"июля", 7},     {"июле", 7},     {"июлю", 7},     {"июлем", 7},     {"июл", 7},
    {"август", 8},    {"августа", 8},  {"августе", 8},  {"августу", 8},  {"августом", 8},  {"авг", 8},
    {"сентябрь", 9},  {"сентября", 9}, {"сентябре", 9}, {"сентябрю", 9}, {"сентябрем", 9}, {"сен", 9},
    {"сент", 9},      {"октябрь", 10}, {"октября", 10}, {"октябре", 10}, {"октябрю", 10},  {"октябрем", 10},
    {"окт", 10},      {"ноябрь", 11},  {"ноября", 11},  {"ноябре", 11},  {"ноябрю", 11},   {"ноябрем", 11},
    {"ноя", 11},      {"нояб", 11},    {"декабрь", 12}, {"декабря", 12}, {"декабре", 12},  {"декабрю", 12},
    {"декабрем", 12}, {"дек", 12},
};

/// The month abbreviations of kMonthWords, which may be followed by a dot ("28 нояб.").
inline constexpr std::string_view kMonthAbbreviations[] = {"янв", "фев", "февр", "мар", "апр", "июн",  "июл",
                                                           "авг", "сен", "сент", "окт", "ноя", "нояб", "дек"};

/// Ordinal day words: stems with their values; kOrdinalEndings make the forms.
struct OrdinalStem {
  std::string_view stem;
  int value;
};

inline constexpr OrdinalStem kOrdinalStems[] = {
    {"перв", 1},        {"втор", 2},       {"трет", 3},         {"четверт", 4},      {"пят", 5},
    {"шест", 6},        {"седьм", 7},      {"восьм", 8},        {"девят", 9},        {"десят", 10},
    {"одиннадцат", 11}, {"двенадцат", 12}, {"тринадцат", 13},   {"четырнадцат", 14}, {"пятнадцат", 15},
    {"шестнадцат", 16}, {"семнадцат", 17}, {"восемнадцат", 18}, {"девятнадцат", 19}, {"двадцат", 20},
    {"тридцат", 30},
};

/// The endings of the ordinal stems: ое/ого/ому/ом (ье/ьего/ьему/ьем for «третье»).
inline constexpr std::string_view kOrdinalEndings[] = {"ое", "ого", "ому", "ом", "ье", "ьего", "ьему", "ьем"};

/// Tens words before an ordinal unit ("двадцать восьмое") with their value.
inline constexpr std::pair<std::string_view, int> kOrdinalTens[] = {{"двадцать", 20}, {"тридцать", 30}};

/// Words after a year number: "2025 год", "в 2025 г.".
inline constexpr std::string_view kYearWords[] = {"год", "года", "году", "годом", "годе", "г", "гг"};

/// The abbreviated year words, which may be followed by a dot.
inline constexpr std::string_view kAbbreviatedYearWords[] = {"г", "гг"};

/// Ordinal suffixes after a dash and a day number: "1-го", "5-е".
inline constexpr std::string_view kDayNumberSuffixes[] = {"го", "е", "ое", "ого", "му", "ому", "м", "ом"};

/// Words of hours after a time ("в 10 часов", "с 10 ч.").
inline constexpr std::string_view kClockHourWords[] = {"час", "часа", "часов", "ч", "часу"};

/// The abbreviated hour word, which may be followed by a dot ("10 ч.").
inline constexpr std::string_view kAbbreviatedHourWords[] = {"ч"};

/// Parts of the day that keep hours before noon as they are, 12 as 0: "10 утра", "2 ночи".
inline constexpr std::string_view kMorningWords[] = {"утра", "ночи"};

/// Parts of the day that move hours to the afternoon: "8 вечера".
inline constexpr std::string_view kEveningWords[] = {"вечера"};

/// Parts of the day that move hours to the afternoon only after an hour word: "3 часа дня"
/// ("3 дня" may be three days).
inline constexpr std::string_view kAfternoonWords[] = {"дня"};

/// A word between a date and the time glued to it: "28 ноября в 10:00".
inline constexpr std::string_view kDateTimeGlueWords[] = {"в"};

// ---- Periods (period_recognizer.cpp) ----

/// "за последние 7 дней", "за прошедшую неделю": the word before a count of units.
inline constexpr std::string_view kLastWords[] = {"последние",  "последних", "последний", "последнюю",
                                                  "последнего", "последней", "последним", "прошедшие",
                                                  "прошедших",  "прошедший", "прошедшую"};

/// Units of whole days after "последние N".
inline constexpr std::string_view kDayUnits[] = {"дня", "дней", "день"};

/// Units of 24 hours: "за последние сутки", "за первые сутки после публикации".
inline constexpr std::string_view kFullDayUnits[] = {"суток", "сутки"};

/// Units of hours after "последние N".
inline constexpr std::string_view kRelativeHourUnits[] = {"часа", "часов", "час"};

/// Units of weeks after "последние N" and "первые N".
inline constexpr std::string_view kWeekUnits[] = {"неделю", "недели", "недель", "неделя"};

/// Weeks, months and years after "прошлый" / "этот": "на прошлой неделе", "в этом месяце".
inline constexpr std::string_view kNamedWeekUnits[] = {"неделе", "неделю", "недели", "неделя"};
inline constexpr std::string_view kNamedMonthUnits[] = {"месяце", "месяц", "месяца"};
inline constexpr std::string_view kNamedYearUnits[] = {"году", "год", "года"};

/// "на прошлой неделе": the previous week.
inline constexpr std::string_view kLastWeekWords[] = {"прошлой",   "прошлую",    "прошлая",   "прошедшей",
                                                      "прошедшую", "предыдущей", "предыдущую"};

/// "на этой неделе": the current week.
inline constexpr std::string_view kThisWeekWords[] = {"этой",    "эту",     "эта",      "текущей",
                                                      "текущую", "текущая", "нынешней", "нынешнюю"};

/// "в прошлом месяце", "в прошлом году": the previous month or year.
inline constexpr std::string_view kLastMonthOrYearWords[] = {"прошлом",    "прошлый",    "прошлого",
                                                             "прошедшем",  "прошедший",  "прошедшего",
                                                             "предыдущем", "предыдущий", "предыдущего"};

/// "в этом месяце", "в этом году": the current month or year.
inline constexpr std::string_view kThisMonthOrYearWords[] = {"этом",    "этот",     "этого",    "текущем",
                                                             "текущий", "текущего", "нынешнем", "нынешний"};

/// "вчерашний день": yesterday, with kYesterdayDayNouns after it taken too.
inline constexpr std::string_view kYesterdayWords[] = {"вчерашний", "вчерашнего", "вчерашнем", "вчерашнему"};
inline constexpr std::string_view kYesterdayDayNouns[] = {"день", "дня", "дне", "дню"};

/// After "не" at the end of a range: the end is excluded ("не включительно").
inline constexpr std::string_view kInclusiveWords[] = {"включительно", "включая"};

/// After a range end alone: the end is included ("по 5 ноября включительно").
inline constexpr std::string_view kIncludedEndWords[] = {"включительно"};

/// Before kInclusiveWords or kNotLaterWords: "не включительно", "не позже 1 ноября".
inline constexpr std::string_view kNegationWords[] = {"не"};

/// "с начала недели": the two words before a unit of kSinceStartUnits.
inline constexpr std::pair<std::string_view, std::string_view> kSinceStartPhrases[] = {{"с", "начала"}};

/// The start of a range: "с 1 ноября", "начиная от 1 ноября".
inline constexpr std::string_view kRangeStartWords[] = {"с", "со", "от"};

/// Before a word of kRangeStartWords: "начиная с 1 ноября".
inline constexpr std::string_view kStartingWords[] = {"начиная"};

/// The start of a range whose ends are joined by kBetweenJoinWords: "между 10:00 и 15:00".
inline constexpr std::string_view kBetweenWords[] = {"между"};

/// The word between the ends of "между X и Y".
inline constexpr std::string_view kBetweenJoinWords[] = {"и"};

/// The end of a range, or an open end alone, that includes its date: "с 1 по 5 ноября", "по 5 ноября".
inline constexpr std::string_view kIncludedEndPrepositions[] = {"по"};

/// The end of a range "с X до Y": a date end is excluded, a time end always is.
inline constexpr std::string_view kUntilWords[] = {"до"};

/// After a date: an open start after it ("после 1 ноября", "позже 1 ноября").
inline constexpr std::string_view kAfterWords[] = {"после", "позже", "позднее"};

/// After a date: an open end before it ("до 1 ноября", "раньше 1 ноября").
inline constexpr std::string_view kBeforeWords[] = {"до", "раньше", "ранее"};

/// After "не": an open end that includes the date ("не позже 1 ноября").
inline constexpr std::string_view kNotLaterWords[] = {"позже", "позднее"};

/// "на начало ноября", "на конец ноября": the edges of a moment.
inline constexpr std::string_view kStartWords[] = {"начало", "начала", "началу"};
inline constexpr std::string_view kEndWords[] = {"конец", "конца", "концу"};

/// Prepositions of a period during which something happened: "в ноябре", "за 28 ноября",
/// "за первые 3 часа".
inline constexpr std::string_view kDuringPrepositions[] = {"в", "во", "за"};

/// Two-word prepositions of a period during which something happened: "в течение ноября", "на
/// протяжении первых 3 часов".
inline constexpr std::pair<std::string_view, std::string_view> kThroughoutPhrases[] = {{"в", "течение"},
                                                                                       {"на", "протяжении"}};

/// Days named relative to today: "вчера", "сегодня".
inline constexpr std::pair<std::string_view, plan::Relative> kRelativeDayWords[] = {
    {"вчера", plan::Relative::kYesterday}, {"сегодня", plan::Relative::kToday}};

/// The day two days before today: "позавчера".
inline constexpr std::string_view kDayBeforeYesterdayWords[] = {"позавчера"};

/// "с начала недели / месяца / года": the current unit so far.
inline constexpr std::pair<std::string_view, plan::Relative> kSinceStartUnits[] = {
    {"недели", plan::Relative::kThisWeek}, {"месяца", plan::Relative::kThisMonth}, {"года", plan::Relative::kThisYear}};

/// Prepositions of a moment: "на 28 ноября", "к 1 декабря".
inline constexpr std::string_view kMomentPrepositions[] = {"на", "к"};

/// The moment prepositions of kMomentPrepositions that mean "by then": "к 1 декабря".
inline constexpr std::string_view kByMomentPrepositions[] = {"к"};

// ---- Publication windows (publication_window_recognizer.cpp) ----

/// Units of hours in "за первые 3 часа после публикации".
inline constexpr std::string_view kWindowHourUnits[] = {"час", "часа", "часов", "ч"};

/// Units of days in "за первые 2 дня после публикации".
inline constexpr std::string_view kWindowDayUnits[] = {"день", "дня", "дней"};

/// "с момента публикации", "от момента публикации".
inline constexpr std::string_view kSinceWords[] = {"с", "от"};

/// "после публикации": the one word before the publication noun.
inline constexpr std::string_view kAfterPublicationWords[] = {"после"};

/// "с момента публикации": the noun after a word of kSinceWords.
inline constexpr std::string_view kMomentNouns[] = {"момента"};

/// "каждого из них", "каждого видео": the word after the publication noun.
inline constexpr std::string_view kEachWords[] = {"каждого"};

/// "каждого из них": the word between "каждого" and a word of kEachOfWords.
inline constexpr std::string_view kOfWords[] = {"из"};

/// "каждого из них": the videos the window applies to, after "каждого из".
inline constexpr std::string_view kEachOfWords[] = {"них", "видео", "роликов"};

/// "каждого видео": the video noun after "каждого".
inline constexpr std::string_view kEachVideoWords[] = {"видео", "ролика", "клипа"};

/// "за первые 3 часа": the word before the count.
inline constexpr std::string_view kFirstWords[] = {"первые", "первых",  "первый", "первую",
                                                   "первой", "первого", "первым"};

/// "после их публикации": a pronoun before the publication noun.
inline constexpr std::string_view kPublicationPronouns[] = {"их", "его", "ее"};

// ---- Comparisons with a number (comparison_recognizer.cpp) ----

/// A comparison word (or phrase) written before the number; unused words are empty.
struct ComparisonPrefix {
  std::string_view words[4];
  plan::CompareOp op;
};

/// Comparison words before the number, longest phrases first where they share a start.
inline constexpr ComparisonPrefix kComparisonPrefixes[] = {
    {{"не", "больше", "чем"}, plan::CompareOp::kLessEqual},
    {{"не", "более", "чем"}, plan::CompareOp::kLessEqual},
    {{"не", "меньше", "чем"}, plan::CompareOp::kGreaterEqual},
    {{"не", "менее", "чем"}, plan::CompareOp::kGreaterEqual},
    {{"не", "больше"}, plan::CompareOp::kLessEqual},
    {{"не", "более"}, plan::CompareOp::kLessEqual},
    {{"не", "выше"}, plan::CompareOp::kLessEqual},
    {{"не", "свыше"}, plan::CompareOp::kLessEqual},
    {{"не", "превышает"}, plan::CompareOp::kLessEqual},
    {{"не", "превышающих"}, plan::CompareOp::kLessEqual},
    {{"не", "превышающие"}, plan::CompareOp::kLessEqual},
    {{"не", "превышало"}, plan::CompareOp::kLessEqual},
    {{"не", "меньше"}, plan::CompareOp::kGreaterEqual},
    {{"не", "менее"}, plan::CompareOp::kGreaterEqual},
    {{"не", "ниже"}, plan::CompareOp::kGreaterEqual},
    {{"не", "равно"}, plan::CompareOp::kNotEqual},
    {{"больше", "чем"}, plan::CompareOp::kGreater},
    {{"более", "чем"}, plan::CompareOp::kGreater},
    {{"меньше", "чем"}, plan::CompareOp::kLess},
    {{"менее", "чем"}, plan::CompareOp::kLess},
    {{"как", "минимум"}, plan::CompareOp::kGreaterEqual},
    {{"хотя", "бы"}, plan::CompareOp::kGreaterEqual},
    {{"по", "крайней", "мере"}, plan::CompareOp::kGreaterEqual},
    {{"по", "меньшей", "мере"}, plan::CompareOp::kGreaterEqual},
    {{"самое", "большее"}, plan::CompareOp::kLessEqual},
    {{"начиная", "от"}, plan::CompareOp::kGreaterEqual},
    {{"больше"}, plan::CompareOp::kGreater},
    {{"более"}, plan::CompareOp::kGreater},
    {{"свыше"}, plan::CompareOp::kGreater},
    {{"выше"}, plan::CompareOp::kGreater},
    {{"превышает"}, plan::CompareOp::kGreater},
    {{"превышают"}, plan::CompareOp::kGreater},
    {{"превышающих"}, plan::CompareOp::kGreater},
    {{"превышающие"}, plan::CompareOp::kGreater},
    {{"превышающее"}, plan::CompareOp::kGreater},
    {{"превысило"}, plan::CompareOp::kGreater},
    {{"превысили"}, plan::CompareOp::kGreater},
    {{"превысил"}, plan::CompareOp::kGreater},
    {{"превысивших"}, plan::CompareOp::kGreater},
    {{"сверх"}, plan::CompareOp::kGreater},
    {{"меньше"}, plan::CompareOp::kLess},
    {{"менее"}, plan::CompareOp::kLess},
    {{"ниже"}, plan::CompareOp::kLess},
    {{"минимум"}, plan::CompareOp::kGreaterEqual},
    {{"от"}, plan::CompareOp::kGreaterEqual},
    {{"максимум"}, plan::CompareOp::kLessEqual},
    {{"до"}, plan::CompareOp::kLessEqual},
    {{"ровно"}, plan::CompareOp::kEqual},
    {{"равно"}, plan::CompareOp::kEqual},
    {{"равное"}, plan::CompareOp::kEqual},
    {{"равным"}, plan::CompareOp::kEqual},
    {{"равен"}, plan::CompareOp::kEqual},
    {{"равна"}, plan::CompareOp::kEqual},
};

/// Comparison words written after the number: "1000 и более".
struct ComparisonSuffix {
  std::string_view words[2];
  plan::CompareOp op;
};

inline constexpr ComparisonSuffix kComparisonSuffixes[] = {
    {{"и", "более"}, plan::CompareOp::kGreaterEqual},   {{"и", "больше"}, plan::CompareOp::kGreaterEqual},
    {{"или", "более"}, plan::CompareOp::kGreaterEqual}, {{"или", "больше"}, plan::CompareOp::kGreaterEqual},
    {{"и", "выше"}, plan::CompareOp::kGreaterEqual},    {{"и", "менее"}, plan::CompareOp::kLessEqual},
    {{"и", "меньше"}, plan::CompareOp::kLessEqual},     {{"или", "менее"}, plan::CompareOp::kLessEqual},
    {{"или", "меньше"}, plan::CompareOp::kLessEqual},   {{"и", "ниже"}, plan::CompareOp::kLessEqual},
};

/// After a comparison word and a comma, before the number: "не менее, чем 1000".
inline constexpr std::string_view kThresholdThanWords[] = {"чем"};

/// Between a comparison word and the number: "больше чем на 100".
inline constexpr std::string_view kThresholdByWords[] = {"на"};

/// A range of values: "от 20 до 50 просмотров" (the lower bound's word, then the upper's).
inline constexpr std::pair<std::string_view, std::string_view> kValueRangeWords[] = {{"от", "до"}};

// ---- Comparison questions (comparison_question.cpp) ----

/// «сравни A и B».
inline constexpr std::string_view kCompareVerbs[] = {"сравни", "сравните", "сравнить"};

/// «на сколько процентов»: a change in percent.
inline constexpr std::string_view kPercentWords[] = {"процентов", "процента", "процент", "%"};

/// The word of a comparison's direction: «на сколько больше/меньше».
inline constexpr std::string_view kMoreWord = "больше";
inline constexpr std::string_view kLessWord = "меньше";

/// «…, чем B»: the word before side B.
inline constexpr std::string_view kThanWord = "чем";

/// «на сколько больше», «насколько больше»: the question word of a difference, in two words or one.
inline constexpr std::string_view kHowMuchPreposition = "на";
inline constexpr std::string_view kHowManyWord = "сколько";
inline constexpr std::string_view kHowMuchFused = "насколько";

/// «сравни A и B»: the word between the two sides.
inline constexpr std::string_view kSidesJoinWords[] = {"и"};

/// Words that join two compared days: «27 и 28 ноября», «28, чем 27 ноября», «27 против 28 ноября».
inline constexpr std::string_view kDayJoinWords[] = {"и", "чем", "против"};

/// «по сравнению с B», «в сравнении с B»: the two words before side B («с»/«со» may follow).
inline constexpr std::pair<std::string_view, std::string_view> kCompareWithPhrases[] = {{"по", "сравнению"},
                                                                                        {"в", "сравнении"}};
inline constexpr std::string_view kWithWords[] = {"с", "со"};

/// «A против B», «A относительно B»: one word before side B.
inline constexpr std::string_view kAgainstWords[] = {"против", "относительно"};

/// Prepositions of side A's period that side B's period shares: «за 28 ноября и 27 ноября».
inline constexpr std::string_view kPeriodPrepositions[] = {"за", "в", "во", "на", "к"};

/// Case forms a period after «с»/«против» takes that the date words do not know («октябрём»,
/// «прошлой неделей»), and the form they know.
inline constexpr std::pair<std::string_view, std::string_view> kSideBPeriodForms[] = {
    {"январем", "январе"},
    {"февралем", "феврале"},
    {"мартом", "марте"},
    {"апрелем", "апреле"},
    {"маем", "мае"},
    {"июнем", "июне"},
    {"июлем", "июле"},
    {"августом", "августе"},
    {"сентябрем", "сентябре"},
    {"октябрем", "октябре"},
    {"ноябрем", "ноябре"},
    {"декабрем", "декабре"},
    {"прошлой неделей", "на прошлой неделе"},
    {"прошлым месяцем", "в прошлом месяце"},
    {"вчерашним днем", "вчера"},
    {"позавчерашним днем", "позавчера"}};

/// «по сравнению с …» written in the question's text: the literal reader drops «с»/«со».
inline constexpr std::string_view kCompareWithMarkers[] = {"сравнению со ", "сравнению с ", "сравнении со ",
                                                           "сравнении с "};

// ---- The plan builder and the linker ----

/// Verbs of having: «было», «имели». With them (or with no verb) a day may be a moment
/// (plan_builder_state.cpp).
inline constexpr std::string_view kStateVerbs[] = {
    "было",  "был",   "была", "были",  "имели",      "имело",     "имел",       "имела",
    "имеет", "имеют", "есть", "стало", "составляло", "составлял", "составляла", "составляли"};

/// Hour adjectives that mean per measurement next to an average, a maximum or a minimum
/// («средний почасовой прирост»), not a series (plan_builder_series.cpp): stems.
inline constexpr std::string_view kHourlyAdjectiveStems[] = {"почасов", "ежечасн"};

/// Fillers that may stand between a noun and its id: «креатора с id X», «креаторов X и Y»
/// (linker.cpp).
inline constexpr std::string_view kIdGlueWords[] = {"с", "со", "под", "и"};

/// «без лайков»: a metric said to be zero (linker.cpp).
inline constexpr std::string_view kWithoutWords[] = {"без"};

/// «по видео», «по креаторам»: a list by item that a total would drop (plan_builder_single.cpp).
inline constexpr std::string_view kPerItemWords[] = {"по"};

}  // namespace videobot::nl
