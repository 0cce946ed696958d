#pragma once
// What a recognised word or fixed phrase means to the plan builder. The properties of each
// concept (metric, head, aggregate …) are one row of concept_traits.hpp.

#include <cstddef>
#include <cstdint>

namespace videobot::nl {

enum class Concept : std::uint8_t {
  kFiller,  ///< harmless: prepositions, pronouns, politeness, "в системе" …
  kGain,    ///< neutral verbs of having: набрали, получили, имеют, было …
  kOne,  ///< один, одно, одного …: harmless, but "у одного видео" is not "у всех видео"
  // Things that are counted or referred to.
  kVideo,            ///< видео, ролик, клип …
  kCreator,          ///< креатор, автор, блогер, канал …
  kSnapshot,         ///< замер, снапшот, измерение …
  kDay,              ///< день, дата (as something counted)
  kPublicationNoun,  ///< публикация, выход, загрузка (the event, or a post)
  // Metrics.
  kViews,
  kLikes,
  kComments,
  kReports,
  kUnsupportedMetric,  ///< репосты, подписчики, дизлайки, время просмотра … (not in the data)
  kTimeAmount,  ///< время, времени: a duration (watch time), except in time-zone phrases
  // Question heads.
  kHowMany,        ///< сколько, скольких
  kHowMuchChange,  ///< на сколько, насколько
  kHowManyTimes,   ///< сколько раз (events: measurements with a change)
  kAmount,         ///< количество, число, значение
  kWhich,          ///< какой, какое, каков (singular)
  kWhichPlural,    ///< какие, каких
  // Aggregation words.
  kSum,       ///< суммарный, в сумме, общий, всего
  kAvg,       ///< средний, в среднем
  kMax,       ///< максимальный, наибольший, максимум
  kMin,       ///< минимальный, наименьший, минимум
  kMost,      ///< больше всего, чаще всего
  kLeast,     ///< меньше всего, реже всего
  kDistinct,  ///< разных, различных, уникальных
  kTop,       ///< топ
  // Events and states.
  kPublish,   ///< опубликовал, вышло, появилось, загрузил …
  kGrowth,    ///< прирост, выросли, увеличились, изменились
  kNew,       ///< новые (просмотры)
  kNegative,  ///< отрицательный, уменьшились, стало меньше
  kPositive,  ///< положительный, стало больше
  kPerHour,   ///< за час, почасовой, по сравнению с предыдущим замером
  kFinal,     ///< итоговый, в итоге, за всё время, на данный момент
  // Structure.
  kAtLeastOne,  ///< хотя бы одно
  kEach,        ///< каждый
  kAll,         ///< все, всех
  kNot,         ///< не, ни, без, кроме
  kOr,          ///< или, либо
  kIdWord,      ///< id, идентификатор
  kExplain,     ///< то есть, иными словами (an explanatory clause follows)
  kAsOf,        ///< по состоянию на, на момент
  kUtc,         ///< UTC, по времени замеров
  kMoscow,      ///< по московскому времени, мск
  // Shapes of answers other than one number.
  kSeries,       ///< a series the plans cannot build: по годам, по минутам, распределение
  kSeriesHour,   ///< по часам, почасовой, за каждый час
  kSeriesDay,    ///< по дням, ежедневный, в каждый день
  kSeriesWeek,   ///< по неделям, еженедельный
  kSeriesMonth,  ///< по месяцам, помесячный, в каждом месяце
  kSeriesAuto,  ///< динамика, график, тренд, как менялись: a series, bucket from the period
  kCompare,     ///< сравни, сравнение, по сравнению с (other than the previous measurement)
  kSuperlative,  ///< самый, лучший, наиболее … with no single measure: ambiguous
  kMostViewed,   ///< самый популярный, самое просматриваемое: the top item by views
  kMostLiked,    ///< самое залайканное: the top item by likes
  kMostCommented,  ///< самое комментируемое, самое обсуждаемое: the top item by comments
  // Refusal triggers.
  kModify,    ///< удали, обнови, добавь, DROP, DELETE …
  kCode,      ///< select, where, join … (code pasted as a question)
  kGreeting,  ///< привет, здравствуйте, спасибо (the last value: see kConceptCount)
};

/// The number of concepts (kGreeting is the last one); concept_traits.hpp has one row for each.
inline constexpr std::size_t kConceptCount = static_cast<std::size_t>(Concept::kGreeting) + 1;

}  // namespace videobot::nl
