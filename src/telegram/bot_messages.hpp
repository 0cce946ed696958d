#pragma once
// The bot's own Russian texts (answers and explanations come from the Answerer). All of them are
// plain text: the sender escapes them for HTML parse mode.

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
    "Под каждым числом есть кнопка «Как посчитано?» — она объясняет, что и за какой период посчитано.\n"
    "\n"
    "Команды:\n"
    "/help — эта справка\n"
    "/explain <вопрос> — объяснить, как будет посчитан ответ\n"
    "/status — версия, база данных и загруженные данные";

/// /start and /help in a group or supergroup: how to address the bot there.
inline constexpr std::string_view kGroupHelpText =
    "Я отвечаю на вопросы о статистике видео одним числом.\n"
    "\n"
    "В группе я отвечаю, только когда ко мне обращаются:\n"
    "• упомяните меня: «@имя_бота сколько всего видео?»;\n"
    "• или команда: /ask Сколько всего видео есть в системе?\n"
    "• или ответьте (reply) на любое моё сообщение.\n"
    "Остальные сообщения группы я не читаю: в режиме приватности (privacy mode, по умолчанию) "
    "Telegram и не показывает боту ничего, кроме команд, упоминаний и ответов на его сообщения.\n"
    "\n"
    "Под каждым числом есть кнопка «Как посчитано?».\n"
    "\n"
    "Команды:\n"
    "/ask <вопрос> — задать вопрос\n"
    "/explain <вопрос> — объяснить, как будет посчитан ответ\n"
    "/status — версия, база данных и загруженные данные\n"
    "/help — эта справка";

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

/// /ask without a question.
inline constexpr std::string_view kAskUsageReply =
    "Напишите вопрос после команды, например: /ask Сколько всего видео есть в системе?";

/// An address without a question («@имя_бота» alone).
inline constexpr std::string_view kEmptyQuestionReply =
    "Задайте вопрос, например: «Сколько всего видео есть в системе?»";

/// The text of the button under a numeric answer.
inline constexpr std::string_view kExplainButtonText = "Как посчитано?";

/// The text of the button under a series chart: the series as numbers.
inline constexpr std::string_view kNumbersButtonText = "Показать числа";

/// The button was pressed but the question it answered is gone (deleted, or a very old message).
inline constexpr std::string_view kExplanationExpiredNotice =
    "Объяснение больше недоступно: исходный вопрос не найден. Отправьте /explain и вопрос.";

/// «Показать числа» was pressed but the question the chart answered is gone.
inline constexpr std::string_view kNumbersExpiredNotice =
    "Числа больше недоступны: исходный вопрос не найден. Задайте его ещё раз.";

/// A button the bot does not know (from an older version).
inline constexpr std::string_view kButtonUnknownNotice = "Эта кнопка больше не работает.";

/// A button press from someone the allowlists do not admit.
inline constexpr std::string_view kButtonAccessDeniedNotice = "Нет доступа к этому боту.";

/// A button press over the rate limit.
inline constexpr std::string_view kButtonRateLimitedNotice = "Слишком много запросов. Подождите немного.";

/// The explanation could not be produced or sent.
inline constexpr std::string_view kButtonFailedNotice = "Не удалось объяснить ответ. Попробуйте /explain и вопрос.";

/// The numbers of a chart could not be produced or sent.
inline constexpr std::string_view kNumbersFailedNotice = "Не удалось показать числа. Задайте вопрос ещё раз.";

/// /status when the status cannot be read (the database is unreachable).
inline constexpr std::string_view kStatusUnavailableReply =
    "Статус сейчас недоступен: не удалось прочитать базу данных. Попробуйте через минуту.";

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
inline constexpr std::string_view kExplainCommandDescription = "Объяснить, как посчитан ответ на вопрос";
inline constexpr std::string_view kStartCommandDescription = "Начать работу";
inline constexpr std::string_view kAskCommandDescription = "Задать вопрос о статистике видео";
inline constexpr std::string_view kStatusCommandDescription = "Версия, база данных и загруженные данные";

}  // namespace videobot::telegram
