#pragma once
// The bot's own Russian texts (answers and explanations come from the Answerer).

#include <string_view>

namespace videobot::telegram {

/// /start and /help.
inline constexpr std::string_view kHelpText =
    "Я отвечаю на вопросы о статистике видео одним числом.\n"
    "\n"
    "Примеры вопросов:\n"
    "• Сколько всего видео есть в системе?\n"
    "• Сколько видео набрало больше 100 000 просмотров за всё время?\n"
    "• На сколько просмотров в сумме выросли все видео 28 ноября 2025?\n"
    "• Какое общее количество лайков набрали все видео?\n"
    "\n"
    "Команды:\n"
    "/help — эта справка\n"
    "/explain <вопрос> — показать план запроса и SQL";

/// A message without text (sticker, photo, voice …) in a private chat.
inline constexpr std::string_view kNotTextReply =
    "Я понимаю только текстовые вопросы. Например: «Сколько всего видео есть в системе?»";

/// Text that is empty or only whitespace.
inline constexpr std::string_view kEmptyTextReply =
    "Сообщение пустое. Задайте вопрос текстом, например: «Сколько всего видео есть в системе?»";

/// Text longer than a Telegram message may be.
inline constexpr std::string_view kTooLongReply =
    "Сообщение слишком длинное (больше 4096 символов). Задайте вопрос короче.";

/// Text that is not well-formed UTF-8.
inline constexpr std::string_view kUnreadableTextReply =
    "Не удалось прочитать текст сообщения (повреждённая кодировка). Отправьте вопрос ещё раз.";

/// /explain without a question.
inline constexpr std::string_view kExplainUsageReply =
    "Напишите вопрос после команды, например: /explain Сколько всего видео есть в системе?";

/// A command the bot does not know.
inline constexpr std::string_view kUnknownCommandReply =
    "Неизвестная команда. Задайте вопрос текстом или отправьте /help.";

/// A user or chat outside the allowlists.
inline constexpr std::string_view kAccessDeniedReply =
    "Извините, у вас нет доступа к этому боту. Обратитесь к его администратору.";

/// The chat sent more questions than the per-chat limit allows.
inline constexpr std::string_view kRateLimitedReply =
    "Слишком много вопросов подряд. Подождите немного и спросите снова.";

/// No Answerer could be created (the database is unreachable at the moment).
inline constexpr std::string_view kUnavailableReply =
    "Сервис временно недоступен. Попробуйте повторить вопрос через минуту.";

/// The Answerer failed unexpectedly.
inline constexpr std::string_view kInternalErrorReply =
    "Не удалось обработать вопрос из-за внутренней ошибки. Попробуйте ещё раз.";

/// The command menu entries (setMyCommands).
inline constexpr std::string_view kHelpCommandDescription = "Что умеет бот и примеры вопросов";
inline constexpr std::string_view kExplainCommandDescription = "Показать план запроса и SQL для вопроса";
inline constexpr std::string_view kStartCommandDescription = "Начать работу";

}  // namespace videobot::telegram
