// The real `videobot bot` process against the fake Bot API server on loopback.
#include <signal.h>

#include <gtest/gtest.h>

#include <algorithm>

#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "bot_process.hpp"
#include "db/database.hpp"
#include "fakes/fake_bot_api.hpp"
#include "private_postgres.hpp"
#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kToken = "555000:E2E-secret_token-value";
constexpr int kWorkers = 4;
constexpr std::int64_t kFakeBotId = FakeBotApi::kBotId;

bool IsNumber(const std::string& text) {
  static const std::regex number(R"(-?\d+(\.\d+)?)");
  return std::regex_match(text, number);
}

std::string Trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}

std::vector<std::string> Texts(const std::vector<SentMessage>& messages) {
  std::vector<std::string> texts;
  for (const auto& m : messages) texts.push_back(m.text);
  return texts;
}

class BotE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (BinaryPath().empty()) GTEST_SKIP() << "VIDEOBOT_BINARY is not set";
    database_url_ = "sqlite:" + dir_.path() + "/videobot.db";
  }

  void TearDown() override {
    for (const auto& path : logs_) {
      std::ifstream in(path);
      std::ostringstream log_buffer;
      log_buffer << in.rdbuf();
      const std::string log = log_buffer.str();
      EXPECT_EQ(log.find(kToken), std::string::npos) << "the token leaked into " << path;
      EXPECT_EQ(log.find("E2E-secret"), std::string::npos) << "the token leaked into " << path;
    }
  }

  std::vector<std::string> Environment(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> env = {
        "DATABASE_URL=" + database_url_,           "VIDEOBOT_PLANNER=rules",      "BOT_TOKEN=" + std::string(kToken),
        "TELEGRAM_API_URL=" + server_.url(),       "BOT_POLL_TIMEOUT_SECONDS=1",  "BOT_RATE_LIMIT_PER_MINUTE=0",
        "BOT_WORKERS=" + std::to_string(kWorkers), "BOT_SHUTDOWN_GRACE_SECONDS=5"};
    // An extra entry replaces a default of the same name (getenv would see the first one).
    for (const auto& entry : extra) {
      const std::string name = entry.substr(0, entry.find('=') + 1);
      std::erase_if(env, [&](const std::string& e) { return e.rfind(name, 0) == 0; });
      env.push_back(entry);
    }
    return env;
  }

  /// Runs a CLI command on the test's database; fails the test when it fails.
  std::string Cli(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {BinaryPath()};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto result = RunProcess(argv, "", Environment());
    EXPECT_EQ(result.exit_code, 0) << args.front() << ": " << result.err;
    return Trim(result.out);
  }

  void Load(const std::string& file) {
    Cli({"migrate"});
    Cli({"load", file});
  }

  void LoadGenerated(int videos) {
    const auto generated = RunProcess({BinaryPath(), "generate", "--videos", std::to_string(videos), "--seed", "7"});
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    const std::string file = dir_.path() + "/generated.json";
    std::ofstream(file) << generated.out;
    Load(file);
  }

  /// Starts `videobot bot` and waits until it polls.
  std::unique_ptr<BotProcess> StartBot(const std::vector<std::string>& extra = {}) {
    const std::size_t polls = server_.CallCount("getUpdates");
    const std::string log = dir_.path() + "/bot" + std::to_string(logs_.size()) + ".log";
    logs_.push_back(log);
    auto bot = std::make_unique<BotProcess>(std::vector<std::string>{BinaryPath(), "bot"}, Environment(extra), log);
    EXPECT_TRUE(WaitFor([&] { return server_.CallCount("getUpdates") > polls || !bot->Running(); }, 30s));
    EXPECT_TRUE(bot->Running()) << bot->Log();
    return bot;
  }

  static void StopBot(BotProcess& bot) {
    bot.Signal(SIGTERM);
    const auto status = bot.Wait(30s);
    ASSERT_TRUE(status.has_value()) << "no exit after SIGTERM";
    EXPECT_EQ(*status, 0) << bot.Log();
    EXPECT_NE(bot.Log().find("event=stopped"), std::string::npos);
  }

  /// The CLI's answers to `questions` (what the bot must reply), from one `videobot chat`.
  std::vector<std::string> CliAnswers(const std::vector<std::string>& questions) {
    std::string input;
    for (const auto& question : questions) input += question + "\n";
    const auto result = RunProcess({BinaryPath(), "chat"}, input, Environment());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<std::string> answers;
    std::istringstream lines(result.out);
    std::string line;
    while (std::getline(lines, line)) answers.push_back(Trim(line));
    if (answers.size() == questions.size()) return answers;
    // A reply of several lines: ask one by one instead.
    answers.clear();
    for (const auto& question : questions) answers.push_back(Cli({"ask", question}));
    return answers;
  }

  /// Questions with pairwise different numeric answers on the loaded data, and those answers.
  std::vector<std::pair<std::string, std::string>> DistinctQuestions(std::size_t wanted) {
    std::vector<std::string> candidates;
    for (const char* metric : {"просмотров", "лайков", "комментариев"}) {
      for (const int threshold : {0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000}) {
        candidates.push_back("Сколько видео набрало больше " + std::to_string(threshold) + " " + metric +
                             " за всё время?");
      }
    }
    const auto answers = CliAnswers(candidates);
    std::vector<std::pair<std::string, std::string>> chosen;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < candidates.size() && chosen.size() < wanted; ++i) {
      if (IsNumber(answers[i]) && seen.insert(answers[i]).second) chosen.emplace_back(candidates[i], answers[i]);
    }
    return chosen;
  }

  FakeBotApi server_{kToken};
  TempDir dir_;
  std::string database_url_;
  std::vector<std::string> logs_;
};

TEST_F(BotE2eTest, EveryDevQuestionGetsExactlyOneReplyWithTheExpectedNumber) {
  VIDEOBOT_REQUIRE_SHARED();
  Load(SharedDir() + "/data/dev_videos.json");
  std::ifstream tsv(SharedDir() + "/questions/dev.tsv");
  std::vector<std::pair<std::string, std::string>> cases;
  std::string line;
  while (std::getline(tsv, line)) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos) cases.emplace_back(line.substr(0, tab), Trim(line.substr(tab + 1)));
  }
  ASSERT_FALSE(cases.empty());
  auto bot = StartBot();
  for (std::size_t i = 0; i < cases.size(); ++i) server_.PushText(static_cast<std::int64_t>(1000 + i), cases[i].first);
  ASSERT_TRUE(server_.WaitForSent(cases.size(), 60s)) << server_.Sent().size() << " of " << cases.size();
  std::this_thread::sleep_for(500ms);  // nothing more may come
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& [question, expected] = cases[i];
    const auto replies = Texts(server_.SentTo(static_cast<std::int64_t>(1000 + i)));
    ASSERT_EQ(replies.size(), 1u) << question;
    if (expected == "REFUSE") {
      EXPECT_FALSE(IsNumber(replies[0])) << question << " → " << replies[0];
    } else if (expected.find('.') != std::string::npos) {
      ASSERT_TRUE(IsNumber(replies[0])) << question << " → " << replies[0];
      EXPECT_NEAR(std::stod(replies[0]), std::stod(expected), 0.01) << question;
    } else {
      EXPECT_EQ(replies[0], expected) << question;
    }
  }
  StopBot(*bot);
}

TEST_F(BotE2eTest, BadUpdatesGetShortRepliesOrAreIgnoredAndNeverStopTheBot) {
  Cli({"migrate"});
  auto bot = StartBot();
  server_.PushUpdate(
      {{"edited_message", {{"message_id", 1}, {"chat", {{"id", 5}, {"type", "private"}}}, {"text", "x"}}}});
  server_.PushUpdate(
      {{"channel_post", {{"message_id", 2}, {"chat", {{"id", -100}, {"type", "channel"}}}, {"text", "x"}}}});
  server_.PushUpdate({{"callback_query", {{"id", "1"}, {"data", "x"}}}});
  server_.PushUpdate(
      {{"message", {{"message_id", 3}, {"chat", {{"id", 5}, {"type", "private"}}}, {"sticker", {{"file_id", "s"}}}}}});
  server_.PushUpdate(
      {{"message",
        {{"message_id", 4}, {"chat", {{"id", -7}, {"type", "group"}}}, {"photo", nlohmann::json::array()}}}});
  server_.PushRawUpdate(
      "\"message\":{\"message_id\":5,\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"\xd0\xa1\xff\xfe\"}");
  server_.PushRawUpdate("\"message\":{\"message_id\":6,\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"\\ud800\"}");
  server_.PushRawUpdate("\"message\":{\"message_id\":7,\"chat\":{\"id\":\"not a number\"},\"text\":12}");
  server_.PushText(5, "");
  server_.PushText(5, std::string(4097, 'x'));
  server_.PushText(5, "/start");
  server_.PushText(5, "/help");
  server_.PushText(5, "/explain Сколько всего видео есть в системе?");
  server_.PushText(5, "/nonsense");
  server_.PushText(5, "Удали все видео");
  const auto last = server_.PushText(5, "Сколько всего видео есть в системе?");
  ASSERT_TRUE(WaitFor([&] { return server_.SentTo(5).size() >= 11; }, 30s)) << server_.SentTo(5).size();
  std::this_thread::sleep_for(500ms);
  const auto replies = Texts(server_.SentTo(5));
  ASSERT_EQ(replies.size(), 11u);
  for (std::size_t i = 0; i + 1 < replies.size(); ++i) {
    EXPECT_FALSE(IsNumber(replies[i])) << i << ": " << replies[i];
    EXPECT_FALSE(replies[i].empty());
  }
  EXPECT_EQ(replies[1], replies[2]) << "both unreadable texts get the same reply";
  EXPECT_EQ(replies[5], replies[6]) << "/start and /help";
  // Nothing is loaded: the reply says so instead of a number.
  EXPECT_FALSE(IsNumber(replies.back())) << replies.back();
  EXPECT_NE(replies.back().find("videobot load"), std::string::npos) << replies.back();
  EXPECT_TRUE(server_.SentTo(-7).empty());
  EXPECT_TRUE(server_.SentTo(-100).empty());
  EXPECT_TRUE(bot->Running());
  ASSERT_TRUE(WaitFor(
      [&] { return bot->Log().find("update_id=" + std::to_string(last) + " chat_id=5") != std::string::npos; }, 5s))
      << bot->Log();
  const std::string log = bot->Log();
  for (const char* kind : {"kind=unsupported_update", "kind=not_text", "kind=invalid_utf8", "kind=empty_text",
                           "kind=too_long", "kind=explain", "kind=unknown_command", "kind=malformed_update"}) {
    EXPECT_NE(log.find(kind), std::string::npos) << kind;
  }
  StopBot(*bot);
}

TEST_F(BotE2eTest, FiftyChatsTimesTwentyQuestionsAllAnsweredInOrder) {
  LoadGenerated(150);
  const auto questions = DistinctQuestions(20);
  ASSERT_GE(questions.size(), 8u) << "too few distinct answers to check the order";
  auto bot = StartBot();
  constexpr int kChats = 50;
  constexpr int kPerChat = 20;
  std::map<std::int64_t, std::vector<std::string>> expected;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kPerChat; ++i) {
    for (int chat = 1; chat <= kChats; ++chat) {
      const auto& [question, answer] = questions[static_cast<std::size_t>(chat + i) % questions.size()];
      server_.PushText(chat, question);
      expected[chat].push_back(answer);
    }
  }
  ASSERT_TRUE(server_.WaitForSent(kChats * kPerChat, 120s)) << server_.Sent().size();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(server_.Sent().size(), static_cast<std::size_t>(kChats * kPerChat));
  for (const auto& [chat, answers] : expected) EXPECT_EQ(Texts(server_.SentTo(chat)), answers) << "chat " << chat;
  std::cout << "[ INFO     ] " << kChats * kPerChat << " messages answered in " << seconds << " s ("
            << kChats * kPerChat / seconds << " messages/s)\n";
  StopBot(*bot);
}

TEST_F(BotE2eTest, KillNineMidStreamLosesNothingAndRepeatsOnlyTheInFlightWindow) {
  LoadGenerated(150);
  const auto questions = DistinctQuestions(20);
  ASSERT_GE(questions.size(), 8u);
  constexpr int kChats = 20;
  constexpr int kPerChat = 20;
  std::map<std::int64_t, std::vector<std::string>> expected;
  auto bot = StartBot();
  for (int i = 0; i < kPerChat; ++i) {
    for (int chat = 1; chat <= kChats; ++chat) {
      const auto& [question, answer] = questions[static_cast<std::size_t>(chat * 3 + i) % questions.size()];
      server_.PushText(chat, question);
      expected[chat].push_back(answer);
    }
  }
  ASSERT_TRUE(server_.WaitForSent(120, 60s));
  const auto killed_at = std::chrono::steady_clock::now();
  bot->Signal(SIGKILL);
  ASSERT_TRUE(bot->Wait(10s).has_value());
  const std::size_t before_restart = server_.Sent().size();
  ASSERT_LT(before_restart, static_cast<std::size_t>(kChats * kPerChat)) << "killed too late to test anything";

  bot = StartBot();
  ASSERT_TRUE(WaitFor(
      [&] {
        for (int chat = 1; chat <= kChats; ++chat) {
          if (server_.SentTo(chat).size() < static_cast<std::size_t>(kPerChat)) return false;
        }
        return true;
      },
      90s));
  std::this_thread::sleep_for(1s);
  // Each chat: the replies before the kill, then the replies after the restart, which may start
  // by repeating the last ones sent before the kill (the in-flight window), never skipping one.
  std::size_t repeated = 0;
  auto oldest_repeated = std::chrono::steady_clock::duration::zero();
  for (const auto& [chat, answers] : expected) {
    const auto sent = server_.SentTo(chat);
    const auto replies = Texts(sent);
    ASSERT_GE(replies.size(), answers.size()) << "chat " << chat;
    const std::size_t extra = replies.size() - answers.size();
    std::optional<std::size_t> split;
    for (std::size_t s = extra; s <= answers.size() && !split; ++s) {
      // replies = answers[0, s) + answers[s - extra, end)
      if (std::equal(replies.begin(), replies.begin() + static_cast<std::ptrdiff_t>(s), answers.begin()) &&
          std::equal(replies.begin() + static_cast<std::ptrdiff_t>(s), replies.end(),
                     answers.begin() + static_cast<std::ptrdiff_t>(s - extra))) {
        split = s;
      }
    }
    ASSERT_TRUE(split.has_value()) << "chat " << chat << ": replies out of order or missing";
    for (std::size_t i = *split - extra; i < *split; ++i) {
      // A repeated reply was first sent shortly before the kill: its update was not yet
      // recorded as done.
      oldest_repeated = std::max(oldest_repeated, killed_at - sent[i].at);
    }
    repeated += extra;
  }
  const auto oldest_ms = std::chrono::duration_cast<std::chrono::milliseconds>(oldest_repeated).count();
  std::cout << "[ INFO     ] replies before the kill: " << before_restart << ", repeated after restart: " << repeated
            << ", the oldest repeated one was first sent " << oldest_ms << " ms before the kill\n";
  EXPECT_LT(oldest_ms, 1000) << "a reply sent long before the kill was repeated";
  StopBot(*bot);
}

TEST_F(BotE2eTest, HonoursRetryAfterAndRecoversFromServerErrors) {
  LoadGenerated(5);
  server_.FailNext("getUpdates", ScriptedFailure{500, 0, 0ms, ""}, 2);
  server_.FailNext("sendMessage", ScriptedFailure{429, 2, 0ms, ""});
  auto bot = StartBot();
  const auto pushed = std::chrono::steady_clock::now();
  server_.PushText(9, "Сколько всего видео есть в системе?");
  ASSERT_TRUE(server_.WaitForSent(1, 30s));
  EXPECT_GE(server_.Sent()[0].at - pushed, 1900ms);
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(Texts(server_.SentTo(9)), std::vector<std::string>{"5"});
  EXPECT_EQ(server_.CallCount("sendMessage"), 2u);
  const std::string log = bot->Log();
  EXPECT_NE(log.find("event=poll_retry"), std::string::npos);
  EXPECT_NE(log.find("event=send_rate_limited chat_id=9 retry_after_s=2"), std::string::npos);
  StopBot(*bot);
}

TEST_F(BotE2eTest, AllowlistRefusesOthersPolitelyAndComputesNothing) {
  LoadGenerated(5);
  auto bot = StartBot({"ALLOWED_USER_IDS=5", "ALLOWED_CHAT_IDS=-900"});
  const std::string question = "Сколько всего видео есть в системе?";
  server_.PushText(5, question);
  const auto stranger = server_.PushText(6, question);
  server_.PushText(-900, "@videobot_test_bot " + question, 7, "group");
  // A listed user in an unlisted group: everyone there would read the answer, so nothing is sent.
  const auto unlisted_group = server_.PushText(-901, "/ask " + question, 5, "group");
  ASSERT_TRUE(server_.WaitForSent(3, 30s));
  EXPECT_EQ(Texts(server_.SentTo(5)), std::vector<std::string>{"5"});
  EXPECT_EQ(Texts(server_.SentTo(-900)), std::vector<std::string>{"5"});
  const auto refused = Texts(server_.SentTo(6));
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_FALSE(IsNumber(refused[0]));
  // The log line follows the reply (it is written once sendMessage has returned).
  const std::regex refusal_line("update_id=" + std::to_string(stranger) +
                                " chat_id=6 [^\n]*planner=- outcome=access_denied");
  EXPECT_TRUE(WaitFor([&] { return std::regex_search(bot->Log(), refusal_line); }, 5s)) << bot->Log();
  const std::regex silent_line("update_id=" + std::to_string(unlisted_group) +
                               " chat_id=-901 [^\n]*outcome=access_denied delivery=none");
  EXPECT_TRUE(WaitFor([&] { return std::regex_search(bot->Log(), silent_line); }, 5s)) << bot->Log();
  EXPECT_TRUE(server_.SentTo(-901).empty());
  StopBot(*bot);
}

TEST_F(BotE2eTest, InAGroupTheBotAnswersMentionsInThreadsAndItsButtonExplainsAfterARestart) {
  LoadGenerated(5);
  auto bot = StartBot();
  server_.PushText(-950, "всем привет", 7, "supergroup");
  server_.PushText(-950, "@VideoBot_Test_Bot Бот, сколько всего видео есть в системе?", 7, "supergroup");
  const auto question_id = server_.LastPushedMessageId();
  ASSERT_TRUE(server_.WaitForSent(1, 30s));
  const SentMessage answer = server_.SentTo(-950).back();
  EXPECT_EQ(answer.text, "5");
  EXPECT_EQ(answer.parse_mode, "");
  EXPECT_EQ(answer.reply_to_message_id, question_id);
  ASSERT_TRUE(answer.reply_markup.is_object());
  EXPECT_EQ(answer.reply_markup["inline_keyboard"][0][0]["callback_data"], "explain");
  StopBot(*bot);
  bot = StartBot();
  const auto query = server_.PushButtonPress(-950, answer.message_id, 8, "explain", "supergroup");
  ASSERT_TRUE(server_.WaitForSent(2, 30s));
  ASSERT_TRUE(server_.WaitForCallbackAnswers(1, 30s));
  const SentMessage explanation = server_.SentTo(-950).back();
  EXPECT_EQ(explanation.parse_mode, "HTML");
  EXPECT_EQ(explanation.reply_to_message_id, answer.message_id);
  EXPECT_NE(explanation.text.find("<pre>"), std::string::npos) << explanation.text;
  EXPECT_EQ(server_.CallbackAnswers()[0].callback_query_id, query);
  EXPECT_EQ(server_.Sent().size(), 2u);  // the chatter got nothing
  StopBot(*bot);
}

TEST_F(BotE2eTest, ASeriesQuestionGetsOneChartAndAScalarQuestionExactlyTheNumber) {
  LoadGenerated(5);
  auto bot = StartBot();
  server_.PushText(31, "Покажи почасовой прирост лайков 28 ноября 2025");
  const auto question_id = server_.LastPushedMessageId();
  ASSERT_TRUE(server_.WaitForPhotos(1, 30s));
  const auto photo = server_.Photos().front();
  EXPECT_EQ(photo.bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(photo.bytes.substr(16, 8), std::string("\0\0\x05\0\0\0\x02\xd0", 8)) << "1280 × 720";
  EXPECT_EQ(photo.reply_to_message_id, question_id);
  EXPECT_EQ(photo.caption.rfind("Прирост лайков по часам\nВсего: ", 0), 0u) << photo.caption;
  EXPECT_NE(photo.caption.find("интервалов: 24"), std::string::npos) << photo.caption;
  server_.PushText(31, "Сколько всего видео есть в системе?");
  ASSERT_TRUE(server_.WaitForSent(1, 30s));
  EXPECT_EQ(server_.SentTo(31).back().text, "5");
  // «Показать числа» sends the 24 hourly values.
  server_.PushButtonPress(31, photo.message_id, 31, "numbers");
  ASSERT_TRUE(server_.WaitForSent(2, 30s));
  const std::string numbers = server_.SentTo(31).back().text;
  EXPECT_EQ(std::count(numbers.begin(), numbers.end(), '\n'), 23) << numbers;
  EXPECT_EQ(numbers.rfind("2025-11-28 00:00 ", 0), 0u) << numbers;
  EXPECT_EQ(server_.Photos().size(), 1u);
  StopBot(*bot);
}

TEST_F(BotE2eTest, AComparisonGetsATextReplyWithTheExplainButton) {
  LoadGenerated(5);
  auto bot = StartBot();
  server_.PushText(41, "Сравни лайки и комментарии");
  ASSERT_TRUE(server_.WaitForSent(1, 30s));
  const SentMessage both = server_.SentTo(41).back();
  static const std::regex two_lines(R"(лайки (\d+)\nкомментарии (\d+))");
  std::smatch values;
  ASSERT_TRUE(std::regex_match(both.text, values, two_lines)) << both.text;
  ASSERT_TRUE(both.reply_markup.is_object());
  EXPECT_EQ(both.reply_markup["inline_keyboard"][0][0]["callback_data"], "explain");
  server_.PushText(41, "На сколько больше лайков, чем комментариев?");
  ASSERT_TRUE(server_.WaitForSent(2, 30s));
  const SentMessage difference = server_.SentTo(41).back();
  EXPECT_EQ(difference.text, std::to_string(std::stoll(values[1].str()) - std::stoll(values[2].str())));
  ASSERT_TRUE(difference.reply_markup.is_object());
  server_.PushButtonPress(41, difference.message_id, 41, "explain");
  ASSERT_TRUE(server_.WaitForSent(3, 30s));
  const SentMessage explanation = server_.SentTo(41).back();
  EXPECT_NE(explanation.text.find("Сравнение двух значений"), std::string::npos) << explanation.text;
  EXPECT_NE(explanation.text.find("<pre>"), std::string::npos) << explanation.text;
  EXPECT_TRUE(server_.Photos().empty());
  StopBot(*bot);
}

TEST_F(BotE2eTest, ARankingQuestionGetsOneBarChartAndASuperlativeTheIdAndValue) {
  LoadGenerated(5);
  auto bot = StartBot();
  server_.PushText(32, "Покажи 3 видео с наибольшим количеством лайков");
  ASSERT_TRUE(server_.WaitForPhotos(1, 30s));
  const auto photo = server_.Photos().front();
  EXPECT_EQ(photo.bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(photo.bytes.substr(16, 8), std::string("\0\0\x05\0\0\0\x02\xd0", 8)) << "1280 × 720";
  EXPECT_EQ(photo.caption.rfind("Топ-3 видео по числу лайков\nЛидер: ", 0), 0u) << photo.caption;
  server_.PushText(32, "Самое залайканное видео");
  ASSERT_TRUE(server_.WaitForSent(1, 30s));
  const std::string leader = server_.SentTo(32).back().text;
  const std::size_t space = leader.find(' ');
  ASSERT_NE(space, std::string::npos) << leader;
  EXPECT_EQ(leader.find('\n'), std::string::npos) << "one row: " << leader;
  EXPECT_NE(photo.caption.find("Лидер: " + leader.substr(0, space) + " — "), std::string::npos)
      << photo.caption << " / " << leader;
  // «Показать числа» sends the three rows.
  server_.PushButtonPress(32, photo.message_id, 32, "numbers");
  ASSERT_TRUE(server_.WaitForSent(2, 30s));
  const std::string numbers = server_.SentTo(32).back().text;
  EXPECT_EQ(std::count(numbers.begin(), numbers.end(), '\n'), 2) << numbers;
  EXPECT_EQ(numbers.rfind(leader, 0), 0u) << numbers;
  EXPECT_EQ(server_.Photos().size(), 1u);
  StopBot(*bot);
}

TEST_F(BotE2eTest, StatusShowsTheLoadedDataAndTheMaskedUrlOnlyToAdmins) {
  LoadGenerated(5);
  auto bot = StartBot({"ADMIN_USER_IDS=21"});
  server_.PushText(21, "/status");
  server_.PushText(22, "/status");
  ASSERT_TRUE(server_.WaitForSent(2, 30s));
  const std::string admin = server_.SentTo(21).back().text;
  const std::string other = server_.SentTo(22).back().text;
  for (const auto& text : {admin, other}) {
    EXPECT_NE(text.find("SQLite"), std::string::npos) << text;
    EXPECT_NE(text.find("Видео: 5"), std::string::npos) << text;
    EXPECT_NE(text.find("Источник планов: rules"), std::string::npos) << text;
  }
  EXPECT_NE(admin.find(database_url_), std::string::npos) << admin;
  EXPECT_EQ(other.find("videobot.db"), std::string::npos) << other;
  StopBot(*bot);
}

TEST_F(BotE2eTest, GracefulShutdownPersistsTheOffsetSoARestartRepeatsNothing) {
  Cli({"migrate"});
  auto bot = StartBot();
  std::int64_t last = 0;
  for (int i = 0; i < 3; ++i) last = server_.PushText(11, "Сколько всего видео есть в системе?");
  ASSERT_TRUE(server_.WaitForSent(3, 30s));
  StopBot(*bot);
  {
    auto database = db::Open(database_url_);
    sql::Query query;
    query.text = "SELECT value FROM bot_state WHERE name = 'telegram_offset:" + std::to_string(kFakeBotId) + "'";
    const auto rows = database->Query(query);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(std::get<std::int64_t>(rows[0][0]), last + 1);
  }
  bot = StartBot();
  server_.PushText(11, "Какое общее количество лайков набрали все видео?");
  ASSERT_TRUE(server_.WaitForSent(4, 30s));
  std::this_thread::sleep_for(1s);
  EXPECT_EQ(server_.Sent().size(), 4u);
  StopBot(*bot);
}

TEST_F(BotE2eTest, DatabaseStoppedAndRestarted) {
  if (!PrivatePostgres::Available()) {
    if (InCi()) FAIL() << "PostgreSQL 15 binaries are required in CI";
    GTEST_SKIP() << "PostgreSQL 15 is not installed";
  }
  PrivatePostgres postgres;
  database_url_ = postgres.url();
  LoadGenerated(5);
  const std::string question = "Сколько всего видео есть в системе?";
  const std::string expected = Cli({"ask", question});
  ASSERT_TRUE(IsNumber(expected));
  // One worker: the Answerer that loses its connection is the one asked again afterwards.
  auto bot = StartBot({"BOT_WORKERS=1"});

  server_.PushText(21, question);
  ASSERT_TRUE(server_.WaitForSent(1, 30s));
  EXPECT_EQ(server_.Sent()[0].text, expected);

  postgres.Stop();
  const auto during = server_.PushText(21, question);
  ASSERT_TRUE(server_.WaitForSent(2, 60s));
  EXPECT_FALSE(IsNumber(server_.Sent()[1].text)) << server_.Sent()[1].text;
  EXPECT_TRUE(bot->Running());

  postgres.Start();
  const auto after = server_.PushText(21, question);
  ASSERT_TRUE(server_.WaitForSent(3, 60s));
  EXPECT_EQ(server_.Sent()[2].text, expected);

  // The offset reaches the database once it is back.
  EXPECT_TRUE(WaitFor(
      [&] {
        try {
          auto database = db::Open(database_url_);
          sql::Query query;
          query.text = "SELECT value FROM bot_state WHERE name = 'telegram_offset:" + std::to_string(kFakeBotId) + "'";
          const auto rows = database->Query(query);
          return rows.size() == 1 && std::get<std::int64_t>(rows[0][0]) == after + 1;
        } catch (const std::exception&) {
          return false;
        }
      },
      30s));
  const std::string log = bot->Log();
  const std::regex outage_line("update_id=" + std::to_string(during) + " chat_id=21 [^\n]*outcome=([a-z_]+)");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(log, match, outage_line)) << log;
  EXPECT_NE(match[1].str(), "ok");
  std::cout << "[ INFO     ] reply during the outage: «" << server_.Sent()[1].text << "», outcome " << match[1].str()
            << "\n";
  StopBot(*bot);
}

}  // namespace
}  // namespace videobot::testing
