#include "nl/screening.hpp"

#include <string>

#include "nl/concept_traits.hpp"
#include "nl/lexicon.hpp"

namespace videobot::nl {
namespace {

constexpr int kMoscowMinutes = 180;

Unexpected NotUnderstood(std::string message) { return Fail(ErrorCode::kQuestionNotUnderstood, std::move(message)); }
Unexpected Unsupported(std::string message) { return Fail(ErrorCode::kQuestionUnsupported, std::move(message)); }

std::string Quote(std::string_view text) { return "«" + std::string(text) + "»"; }

// Words and entities that show the question is about the video statistics.
bool IsDomain(const Mention& mention) {
  switch (mention.kind) {
    case MentionKind::kCreatorId:
    case MentionKind::kVideoId:
    case MentionKind::kMalformedId:
    case MentionKind::kPublicationWindow: return true;
    case MentionKind::kWord: return TraitsOf(mention.meaning).domain;
    case MentionKind::kUnknown:
    case MentionKind::kPunct:
    case MentionKind::kNumber:
    case MentionKind::kComparison:
    case MentionKind::kPeriod:
    case MentionKind::kBadNumber: return false;
  }
  return false;
}

// Harmless whatever the rules did: fillers, question words, punctuation.
bool IsHarmless(const Mention& mention) {
  if (mention.kind == MentionKind::kPunct) return true;
  if (mention.kind != MentionKind::kWord) return false;
  return TraitsOf(mention.meaning).harmless;
}

std::string_view MentionText(const Mention& mention) { return mention.text; }

// The metrics the data holds, for refusals that name what is missing.
constexpr std::string_view kPresentMetrics = "есть только просмотры, лайки, комментарии и жалобы";

Unexpected UnknownMetric(std::string_view what) {
  return Fail(ErrorCode::kQuestionUnknownMetric,
              "В данных нет метрики " + Quote(what) + ": " + std::string(kPresentMetrics));
}

bool IsOperatorText(std::string_view text) {
  return !text.empty() && (text[0] == '<' || text[0] == '>' || text[0] == '=' || text.substr(0, 2) == "!=");
}

// "креатора id=X": a lone "=" between an id word and the id it names.
bool IsIdEquals(const Mentions& mentions, std::size_t i) {
  if (mentions[i].text != "=") return false;
  const bool id_after = i + 1 < mentions.size() && (mentions[i + 1].kind == MentionKind::kCreatorId ||
                                                    mentions[i + 1].kind == MentionKind::kVideoId ||
                                                    mentions[i + 1].kind == MentionKind::kMalformedId);
  const bool id_word_before = i > 0 && mentions[i - 1].Is(Concept::kIdWord);
  return id_after || id_word_before;
}

// «UTC+3», «GMT-05:00», «UTC +03:00»: the sign and hours after a UTC word (their mentions marked
// used); nullopt when no offset follows.
Result<std::optional<UtcOffset>> ReadOffsetAfter(Mentions& mentions, std::size_t utc) {
  const std::size_t sign = utc + 1;
  const std::optional<UtcOffset> none;
  if (sign + 1 >= mentions.size() || !(mentions[sign].IsPunct('+') || mentions[sign].IsPunct('-'))) return none;
  Mention& hours = mentions[sign + 1];
  if (hours.kind != MentionKind::kNumber) return none;
  int minutes_part = 0;
  std::size_t last = sign + 1;
  // «+03:00»: the minutes after a colon.
  if (last + 2 < mentions.size() && mentions[last + 1].IsPunct(':') &&
      mentions[last + 2].kind == MentionKind::kNumber) {
    minutes_part = static_cast<int>(mentions[last + 2].number);
    last += 2;
  }
  if (hours.number > 14 || minutes_part >= 60 || (hours.number == 14 && minutes_part > 0)) {
    return NotUnderstood("часового пояса со сдвигом больше 14 часов от UTC не бывает");
  }
  for (std::size_t k = sign; k <= last; ++k) mentions[k].used = true;
  const int total = static_cast<int>(hours.number) * 60 + minutes_part;
  return std::optional<UtcOffset>(UtcOffset{mentions[sign].IsPunct('-') ? -total : total});
}

// Numbers that cannot be used and operators that are not comparisons, wherever they stand:
// the reason names the number or the sign instead of a word near it.
Status ScreenNumbersAndOperators(const Mentions& mentions) {
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& mention = mentions[i];
    if (mention.kind == MentionKind::kBadNumber) {
      if (mention.number_problem == NumberProblem::kTooLarge) {
        return NotUnderstood("число " + Quote(mention.text) +
                             " слишком большое: допустимы значения до 1 000 000 000 000 000 (10^15)");
      }
      return NotUnderstood("не удалось прочитать число " + Quote(mention.text) +
                           " как одно целое: напишите его цифрами, например «1 000 000»");
    }
    if (mention.kind != MentionKind::kPunct || !IsOperatorText(mention.text) || IsIdEquals(mentions, i)) continue;
    if (mention.text == ">" || mention.text == "<" || mention.text == ">=" || mention.text == "<=" ||
        mention.text == "=>" || mention.text == "=<" || mention.text == "=" || mention.text == "==" ||
        mention.text == "!=" || mention.text == "<>") {
      return NotUnderstood("после знака " + Quote(mention.text) + " нужно число, например «> 1000 просмотров»");
    }
    return NotUnderstood("непонятный знак сравнения " + Quote(mention.text) +
                         ": используйте >, <, >=, <=, = или != (<>)");
  }
  return Ok{};
}

constexpr std::string_view kSeriesMessage =
    "Ряд по годам, по минутам или распределение бот не строит: спросите по часам, по дням, по неделям или по "
    "месяцам, например «прирост просмотров по дням за ноябрь 2025»";
constexpr std::string_view kCompareMessage =
    "Такое сравнение бот не считает: спросите «на сколько больше …, чем …», «на сколько процентов … по сравнению "
    "с …» или «сравни … и …» — о двух периодах, двух креаторах или двух метриках";
constexpr std::string_view kSuperlativeMessage =
    "«Самый …», «лучший», «активный» можно понять по-разному: назовите одну меру — просмотры, лайки, "
    "комментарии или жалобы, например «какое видео набрало больше всего лайков» или «самое популярное видео» "
    "(по просмотрам)";

// Unknown words that usually mean something the plans cannot say, with a hint for people.
struct Hint {
  std::string_view word;
  std::string_view message;
};

constexpr std::string_view kPeriodHint = "уточните период, например «за последние 30 дней» или «в прошлом месяце»";

constexpr Hint kHints[] = {
    {"последний", kPeriodHint},
    {"последнюю", kPeriodHint},
    {"последние", kPeriodHint},
    {"последних", kPeriodHint},
    {"неделю", kPeriodHint},
    {"неделе", kPeriodHint},
    {"месяц", kPeriodHint},
    {"месяце", kPeriodHint},
    {"год", kPeriodHint},
    {"году", kPeriodHint},
    {"сутки", kPeriodHint},
    {"квартал", kPeriodHint},
    {"процент", "проценты и доли не считаются: спросите о количестве"},
    {"процентов", "проценты и доли не считаются: спросите о количестве"},
    {"процентах", "проценты и доли не считаются: спросите о количестве"},
    {"будет", "прогнозов нет: спросите о том, что уже произошло"},
    {"будут", "прогнозов нет: спросите о том, что уже произошло"},
};

std::string UnknownWordMessage(std::string_view word) {
  for (const Hint& hint : kHints) {
    if (hint.word == word) return std::string(hint.message);
  }
  if (auto suggestion = Lexicon::Instance().Suggest(word)) {
    return "непонятное слово " + Quote(word) + " — возможно, вы имели в виду " + Quote(*suggestion) + "?";
  }
  return "непонятное слово " + Quote(word);
}

// Metrics the data lacks, and words asking for an answer that is not one number: these decide
// the reply even when other words of the question are unknown.
Status ScreenMetricsAndShapes(const Mentions& mentions) {
  for (const Mention& mention : mentions) {
    if (mention.Is(Concept::kUnsupportedMetric)) return UnknownMetric(mention.text);
    if (!mention.explanatory && mention.Is(Concept::kTimeAmount)) {
      return Fail(ErrorCode::kQuestionUnknownMetric, "В данных нет метрики " + Quote(mention.text) +
                                                         ": время просмотра и длительность не хранятся, " +
                                                         std::string(kPresentMetrics));
    }
  }
  for (const Mention& mention : mentions) {
    if (mention.explanatory) continue;
    if (mention.Is(Concept::kSeries)) return Unsupported(std::string(kSeriesMessage));
    if (mention.Is(Concept::kCompare)) return Unsupported(std::string(kCompareMessage));
    if (mention.Is(Concept::kSuperlative)) return Fail(ErrorCode::kQuestionAmbiguous, std::string(kSuperlativeMessage));
  }
  return Ok{};
}

}  // namespace

Status Screen(Analysis& analysis, const plan::TimeContext& /*context*/) {
  Mentions& mentions = analysis.mentions;
  bool domain = false;
  for (const Mention& mention : mentions) {
    if (mention.Is(Concept::kModify)) {
      return Fail(ErrorCode::kQuestionModification, "Я только отвечаю на вопросы о статистике и не меняю данные");
    }
    domain = domain || IsDomain(mention);
  }
  for (const Mention& mention : mentions) {
    if (mention.Is(Concept::kCode)) {
      return Fail(ErrorCode::kQuestionOutOfScope, "Код и SQL не выполняются: задайте вопрос обычными словами");
    }
  }
  if (!domain) {
    return Fail(ErrorCode::kQuestionOutOfScope, "Я отвечаю только на вопросы о статистике видео");
  }
  if (auto s = ScreenNumbersAndOperators(mentions); !s) return s;
  if (auto s = ScreenMetricsAndShapes(mentions); !s) return s;
  for (Mention& mention : mentions) {
    if (mention.kind == MentionKind::kMalformedId) {
      return NotUnderstood("«" + std::string(mention.text) +
                           "» не похоже на id: у креатора 32 шестнадцатеричных символа, у видео — UUID с дефисами");
    }
    if (mention.explanatory) continue;
    if (mention.kind == MentionKind::kUnknown) return NotUnderstood(UnknownWordMessage(mention.text));
  }
  return Ok{};
}

Result<std::optional<UtcOffset>> NamedTimeZone(Analysis& analysis) {
  Mentions& mentions = analysis.mentions;
  std::optional<UtcOffset> zone;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& mention = mentions[i];
    if (mention.explanatory || !(mention.Is(Concept::kUtc) || mention.Is(Concept::kMoscow))) continue;
    mention.used = true;
    UtcOffset named{mention.Is(Concept::kMoscow) ? kMoscowMinutes : 0};
    if (mention.Is(Concept::kUtc)) {
      auto shift = ReadOffsetAfter(mentions, i);
      if (!shift) return Unexpected{shift.error()};
      if (*shift) named = **shift;
    }
    if (zone && *zone != named) return NotUnderstood("в вопросе назван не один часовой пояс: оставьте один");
    zone = named;
  }
  return zone;
}

Status CheckAllUsed(const Analysis& analysis) {
  for (const Mention& mention : analysis.mentions) {
    if (mention.used || IsHarmless(mention)) continue;
    if (mention.explanatory) {
      switch (mention.kind) {
        case MentionKind::kPeriod:
        case MentionKind::kComparison:
        case MentionKind::kNumber:
        case MentionKind::kCreatorId:
        case MentionKind::kVideoId:
        case MentionKind::kPublicationWindow:
          return NotUnderstood("пояснение добавляет условия " + Quote(MentionText(mention)) +
                               ": задайте их в самом вопросе");
        case MentionKind::kWord:
        case MentionKind::kUnknown:
        case MentionKind::kPunct:
        case MentionKind::kMalformedId:
        case MentionKind::kBadNumber: continue;
      }
    }
    return NotUnderstood("непонятно, к чему относится " + Quote(MentionText(mention)));
  }
  return Ok{};
}

}  // namespace videobot::nl
