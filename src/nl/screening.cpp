#include "nl/screening.hpp"

#include <string>

namespace videobot::nl {
namespace {

constexpr int kMoscowMinutes = 180;

Unexpected NotUnderstood(std::string message) { return Fail(ErrorCode::kQuestionNotUnderstood, std::move(message)); }

std::string Quote(std::string_view text) { return "«" + std::string(text) + "»"; }

// Words and entities that show the question is about the video statistics.
bool IsDomain(const Mention& mention) {
  switch (mention.kind) {
    case MentionKind::kCreatorId:
    case MentionKind::kVideoId:
    case MentionKind::kMalformedId:
    case MentionKind::kPublicationWindow:
      return true;
    case MentionKind::kWord:
      return IsMetric(mention.meaning) || IsObject(mention.meaning) || mention.meaning == Concept::kUnsupportedMetric ||
             mention.meaning == Concept::kPublicationNoun || mention.meaning == Concept::kPublish ||
             mention.meaning == Concept::kGrowth;
    default:
      return false;
  }
}

// Harmless whatever the rules did: fillers, question words, punctuation.
bool IsHarmless(const Mention& mention) {
  if (mention.kind == MentionKind::kPunct) return true;
  if (mention.kind != MentionKind::kWord) return false;
  switch (mention.meaning) {
    case Concept::kFiller:
    case Concept::kGain:
    case Concept::kGreeting:
    case Concept::kAll:
    case Concept::kIdWord:
    case Concept::kAmount:
    case Concept::kHowMany:
    case Concept::kWhich:
    case Concept::kSum:
    case Concept::kExplain:
    case Concept::kPublish:
      return true;
    default:
      return false;
  }
}

std::string_view MentionText(const Mention& mention) { return mention.text; }

// Unknown words that usually mean something the plans cannot say, with a hint for people.
struct Hint {
  std::string_view word;
  std::string_view message;
};

constexpr std::string_view kPeriodHint = "уточните период, например «за последние 30 дней» или «в прошлом месяце»";

constexpr Hint kHints[] = {
    {"последний", kPeriodHint}, {"последнюю", kPeriodHint}, {"последние", kPeriodHint},
    {"последних", kPeriodHint}, {"неделю", kPeriodHint},    {"неделе", kPeriodHint},
    {"месяц", kPeriodHint},     {"месяце", kPeriodHint},    {"год", kPeriodHint},
    {"году", kPeriodHint},      {"сутки", kPeriodHint},     {"квартал", kPeriodHint},
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
  return "непонятное слово " + Quote(word);
}

}  // namespace

Status Screen(Analysis& analysis, const plan::TimeContext& context) {
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
  for (Mention& mention : mentions) {
    if (mention.kind == MentionKind::kMalformedId) {
      return NotUnderstood("«" + std::string(mention.text) +
                           "» не похоже на id: у креатора 32 шестнадцатеричных символа, у видео — UUID с дефисами");
    }
    if (mention.Is(Concept::kUnsupportedMetric)) {
      return NotUnderstood("таких данных нет: " + Quote(mention.text) +
                           ". Есть просмотры, лайки, комментарии и жалобы");
    }
    if (mention.explanatory) continue;
    if (mention.kind == MentionKind::kUnknown) return NotUnderstood(UnknownWordMessage(mention.text));
    if (mention.Is(Concept::kUtc)) {
      if (context.offset.minutes != 0) return NotUnderstood("бот настроен не на UTC: уберите уточнение о часовом поясе");
      mention.used = true;
    }
    if (mention.Is(Concept::kMoscow)) {
      if (context.offset.minutes != kMoscowMinutes) {
        return NotUnderstood("бот считает время в другом часовом поясе, не по Москве");
      }
      mention.used = true;
    }
  }
  return Ok{};
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
        default:
          continue;
      }
    }
    return NotUnderstood("непонятно, к чему относится " + Quote(MentionText(mention)));
  }
  return Ok{};
}

}  // namespace videobot::nl
