#pragma once
// What a recognised word or fixed phrase means to the plan builder.

#include <cstdint>
#include <initializer_list>

namespace videobot::nl {

enum class Concept : std::uint8_t {
  kFiller,            ///< harmless: prepositions, pronouns, politeness, "в системе" …
  kGain,              ///< neutral verbs of having: набрали, получили, имеют, было …
  kOne,               ///< один, одно, одного …: harmless, but "у одного видео" is not "у всех видео"
  // Things that are counted or referred to.
  kVideo,             ///< видео, ролик, клип …
  kCreator,           ///< креатор, автор, блогер, канал …
  kSnapshot,          ///< замер, снапшот, измерение …
  kDay,               ///< день, дата (as something counted)
  kPublicationNoun,   ///< публикация, выход, загрузка (the event, or a post)
  // Metrics.
  kViews,
  kLikes,
  kComments,
  kReports,
  kUnsupportedMetric, ///< репосты, подписчики, дизлайки, время просмотра … (not in the data)
  kTimeAmount,        ///< время, времени: a duration (watch time), except in time-zone phrases
  // Question heads.
  kHowMany,           ///< сколько, скольких
  kHowMuchChange,     ///< на сколько, насколько
  kHowManyTimes,      ///< сколько раз (events: measurements with a change)
  kAmount,            ///< количество, число, значение
  kWhich,             ///< какой, какое, каков (singular)
  kWhichPlural,       ///< какие, каких
  // Aggregation words.
  kSum,               ///< суммарный, в сумме, общий, всего
  kAvg,               ///< средний, в среднем
  kMax,               ///< максимальный, наибольший, максимум
  kMin,               ///< минимальный, наименьший, минимум
  kMost,              ///< больше всего, чаще всего
  kLeast,             ///< меньше всего, реже всего
  kDistinct,          ///< разных, различных, уникальных
  kTop,               ///< топ
  // Events and states.
  kPublish,           ///< опубликовал, вышло, появилось, загрузил …
  kGrowth,            ///< прирост, выросли, увеличились, изменились
  kNew,               ///< новые (просмотры)
  kNegative,          ///< отрицательный, уменьшились, стало меньше
  kPositive,          ///< положительный, стало больше
  kPerHour,           ///< за час, почасовой, по сравнению с предыдущим замером
  kFinal,             ///< итоговый, в итоге, за всё время, на данный момент
  // Structure.
  kAtLeastOne,        ///< хотя бы одно
  kEach,              ///< каждый
  kAll,               ///< все, всех
  kNot,               ///< не, ни, без, кроме
  kOr,                ///< или, либо
  kIdWord,            ///< id, идентификатор
  kExplain,           ///< то есть, иными словами (an explanatory clause follows)
  kAsOf,              ///< по состоянию на, на момент
  kUtc,               ///< UTC, по времени замеров
  kMoscow,            ///< по московскому времени, мск
  // Shapes of answers other than one number.
  kSeries,            ///< a series the plans cannot build: по годам, по минутам, распределение
  kSeriesHour,        ///< по часам, почасовой, за каждый час
  kSeriesDay,         ///< по дням, ежедневный, в каждый день
  kSeriesWeek,        ///< по неделям, еженедельный
  kSeriesMonth,       ///< по месяцам, помесячный, в каждом месяце
  kSeriesAuto,        ///< динамика, график, тренд, как менялись: a series, bucket from the period
  kCompare,           ///< сравни, сравнение, по сравнению с (other than the previous measurement)
  kSuperlative,       ///< самый, лучший, наиболее … with no single measure: ambiguous
  kMostViewed,        ///< самый популярный, самое просматриваемое: the top item by views
  kMostLiked,         ///< самое залайканное: the top item by likes
  kMostCommented,     ///< самое комментируемое, самое обсуждаемое: the top item by comments
  // Refusal triggers.
  kModify,            ///< удали, обнови, добавь, DROP, DELETE …
  kCode,              ///< select, where, join … (code pasted as a question)
  kGreeting,          ///< привет, здравствуйте, спасибо
};

/// True when `c` is one of `set`: the vocabulary's subsets are tested this way rather than by a
/// switch, which would have to name all of the vocabulary's values.
constexpr bool IsAnyOf(Concept c, std::initializer_list<Concept> set) {
  for (const Concept member : set) {
    if (member == c) return true;
  }
  return false;
}

/// True for the four metrics that exist in the data.
constexpr bool IsMetric(Concept c) {
  return c == Concept::kViews || c == Concept::kLikes || c == Concept::kComments || c == Concept::kReports;
}

/// True for nouns of things that can be counted.
constexpr bool IsObject(Concept c) {
  return c == Concept::kVideo || c == Concept::kCreator || c == Concept::kSnapshot || c == Concept::kDay;
}

/// True for the words that ask for a series the plans can build.
constexpr bool IsSeriesWord(Concept c) {
  return c == Concept::kSeriesHour || c == Concept::kSeriesDay || c == Concept::kSeriesWeek ||
         c == Concept::kSeriesMonth || c == Concept::kSeriesAuto;
}

/// True for words that carry no meaning of their own.
constexpr bool IsFillerLike(Concept c) {
  return c == Concept::kFiller || c == Concept::kOne || c == Concept::kGain || c == Concept::kGreeting || c == Concept::kAll ||
         c == Concept::kIdWord;
}

}  // namespace videobot::nl
