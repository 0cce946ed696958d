#include "telegram/bot.hpp"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <unordered_set>
#include <vector>

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include "chart/render.hpp"
#include "common/text.hpp"
#include "service/series_chart.hpp"
#include "telegram/access_policy.hpp"
#include "telegram/backoff.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/bot_messages.hpp"
#include "telegram/chat_dispatcher.hpp"
#include "telegram/lifecycle.hpp"
#include "telegram/message_splitter.hpp"
#include "telegram/metered_http_client.hpp"
#include "telegram/rate_limiter.hpp"
#include "telegram/reply_sender.hpp"
#include "telegram/state_persister.hpp"
#include "telegram/typing_notifier.hpp"
#include "telegram/update_classifier.hpp"
#include "telegram/update_ledger.hpp"
#include "telegram/update_poller.hpp"

namespace videobot::telegram {
namespace {

using Clock = std::chrono::steady_clock;

/// While every fetched update is still being answered, a poll returns at once with the same
/// updates: poll again as soon as the oldest one is answered, or after an interval that starts
/// at the first value and doubles up to the second while nothing new arrives (this bounds how
/// long a new message waits behind a slow question: at most the longer interval).
constexpr auto kBusyPollFirst = std::chrono::milliseconds(200);
constexpr auto kBusyPollMax = std::chrono::milliseconds(1000);
constexpr auto kStateLoadAttempts = 3;

/// One update on its way through a worker.
struct Job {
  std::int64_t update_id = 0;
  std::int64_t chat_id = 0;
  std::int64_t user_id = 0;
  /// The message replies are threaded to: the question, or for a button press the answer.
  std::int64_t message_id = 0;
  bool group = false;             ///< a group or supergroup chat
  std::string callback_query_id;  ///< set for a button press: answered with answerCallbackQuery
  UpdateAction action = UpdateAction::kIgnore;
  std::string kind;     ///< the classification ("question", "help", "not_text" …)
  std::string outcome;  ///< for fixed replies: "help", "access_denied", "rate_limited" …
  std::string text;     ///< the reply (kReply), the notice (kButtonNotice) or the question
  Clock::time_point received;
};

/// The inline keyboard under a numeric answer: one «Как посчитано?» button.
nlohmann::json ExplainButton() {
  return {{"inline_keyboard",
           nlohmann::json::array({nlohmann::json::array(
               {{{"text", std::string(kExplainButtonText)}, {"callback_data", std::string(kExplainButtonData)}}})})}};
}

/// The inline keyboard under a series chart: one «Показать числа» button.
nlohmann::json NumbersButton() {
  return {{"inline_keyboard",
           nlohmann::json::array({nlohmann::json::array(
               {{{"text", std::string(kNumbersButtonText)}, {"callback_data", std::string(kNumbersButtonData)}}})})}};
}

/// A series or ranking answer as a chart with its key figures as the caption, threaded to
/// `message_id`; nullopt when it cannot be drawn (the caller then sends the numbers as text).
std::optional<PhotoReply> ChartPhoto(const service::Reply& reply, std::int64_t message_id, spdlog::logger& logger) {
  try {
    auto png = service::RenderChartPng(reply);
    if (!png) return std::nullopt;
    return PhotoReply{std::move(*png), EscapeHtml(service::ChartCaption(reply)), message_id, NumbersButton()};
  } catch (const std::exception& error) {
    logger.error("event=chart_failed error=\"{}\"", error.what());
    return std::nullopt;
  }
}

/// An explanation as blocks, laid out as the CLI prints it: the plain-Russian text, then «SQL:»
/// and the SQL preformatted (when there is SQL).
std::vector<TextBlock> ExplanationBlocks(service::Reply reply) {
  if (reply.sql.empty()) return {{std::move(reply.text), false}};
  return {{std::move(reply.text) + "\n\nSQL:\n", false}, {std::move(reply.sql), true}};
}

/// A worker thread's own resources.
struct Worker {
  std::unique_ptr<net::HttpClient> http;
  std::unique_ptr<BotApi> api;
  std::unique_ptr<service::Answerer> answerer;
};

std::int64_t Milliseconds(Clock::duration duration) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
}

/// The dependencies with every HTTP client counted in `metrics` (when there are metrics).
BotDependencies WithMeteredHttp(BotDependencies dependencies) {
  if (!dependencies.metrics) return dependencies;
  dependencies.http_clients = [make = std::move(dependencies.http_clients),
                               metrics = dependencies.metrics]() -> std::unique_ptr<net::HttpClient> {
    return std::make_unique<MeteredHttpClient>(make(), metrics);
  };
  return dependencies;
}

}  // namespace

class Bot::Impl {
 public:
  Impl(BotConfig config, BotDependencies dependencies)
      : config_(std::move(config)),
        deps_(WithMeteredHttp(std::move(dependencies))),
        logger_(deps_.logger),
        access_(config_.allowed_user_ids, config_.allowed_chat_ids),
        rate_limiter_(config_.rate_limit_per_minute),
        user_rate_limiter_(config_.rate_limit_per_minute),
        admins_(config_.admin_user_ids.begin(), config_.admin_user_ids.end()),
        lifecycle_(config_.shutdown_grace) {}

  int Run(const std::stop_token& stop);

 private:
  std::optional<int> Start(BotApi& api);
  LedgerState LoadState();
  void PollLoop(UpdatePoller& poller);
  std::size_t Dispatch(std::vector<Update> batch);
  Job Prepare(const Update& update);
  std::optional<RateDecision> Limit(const Job& job);
  void Handle(std::size_t worker_index, const Job& job);
  service::Reply Compute(Worker& worker, const Job& job);
  std::string StatusText(const Job& job);
  void AnswerCallback(Worker& worker, const Job& job, std::string_view notice);
  void SetCommands(BotApi& api);
  void Complete(std::int64_t update_id);
  void LogUpdate(const Job& job, std::string_view planner, std::string_view outcome, std::string_view delivery);

  BotConfig config_;
  BotDependencies deps_;
  std::shared_ptr<spdlog::logger> logger_;
  AccessPolicy access_;
  RateLimiter rate_limiter_;       ///< per chat
  RateLimiter user_rate_limiter_;  ///< per user, across chats
  std::unordered_set<std::int64_t> admins_;
  Lifecycle lifecycle_;
  BotIdentity me_;

  std::mutex ledger_mutex_;
  std::condition_variable progress_cv_;  ///< the ledger's offset moved, or the bot is stopping
  UpdateLedger ledger_;

  std::vector<Worker> workers_;
  std::unique_ptr<StatePersister> persister_;
  std::unique_ptr<TypingNotifier> typing_;
  std::unique_ptr<ChatDispatcher> dispatcher_;
  bool fatal_ = false;
};

int Bot::Impl::Run(const std::stop_token& stop) {
  std::stop_callback on_stop(stop, [this] {
    lifecycle_.RequestStop();
    std::lock_guard lock(ledger_mutex_);
    progress_cv_.notify_all();
  });

  auto control_http = deps_.http_clients();
  BotApi control(*control_http, config_.api_url, config_.token);
  if (auto status = Start(control)) return *status;

  const LedgerState restored = LoadState();
  ledger_ = UpdateLedger(restored);
  persister_ = std::make_unique<StatePersister>(*deps_.state_store, me_.id, logger_);
  persister_->AssumeSaved(restored);

  workers_.resize(static_cast<std::size_t>(config_.workers));
  for (auto& worker : workers_) {
    worker.http = deps_.http_clients();
    worker.api = std::make_unique<BotApi>(*worker.http, config_.api_url, config_.token);
  }
  typing_ = std::make_unique<TypingNotifier>(deps_.http_clients(), config_.api_url, config_.token, logger_);
  dispatcher_ = std::make_unique<ChatDispatcher>(workers_.size());
  logger_->info("event=started bot=@{} workers={} offset={} poll_timeout_s={} rate_limit_per_minute={}", me_.username,
                workers_.size(), restored.offset, config_.poll_timeout.count(), config_.rate_limit_per_minute);

  {
    UpdatePoller poller(deps_.http_clients(), config_.api_url, config_.token);
    PollLoop(poller);
  }  // an unfinished long poll is left to end by itself

  lifecycle_.RequestStop();
  const std::size_t discarded = dispatcher_->Shutdown();
  typing_.reset();
  LedgerState final_state;
  {
    std::lock_guard lock(ledger_mutex_);
    final_state = ledger_.Snapshot();
  }
  persister_->Submit(final_state);
  const bool saved = persister_->Flush(Clock::now() + config_.shutdown_grace);
  logger_->info("event=stopped offset={} saved={} unanswered_left_for_next_run={}", final_state.offset, saved,
                discarded);
  workers_.clear();
  return fatal_ ? kBotExitFailure : kBotExitOk;
}

std::optional<int> Bot::Impl::Start(BotApi& api) {
  Backoff backoff(std::chrono::milliseconds(500), std::chrono::seconds(30));
  while (!lifecycle_.stopping()) {
    std::chrono::milliseconds wait{0};
    try {
      api.DeleteWebhook();
      const User me = api.GetMe();
      me_ = BotIdentity{me.id, me.username, me.first_name};
      SetCommands(api);
      return std::nullopt;
    } catch (const BotApiError& error) {
      if (error.IsUnauthorized()) {
        logger_->error("event=token_rejected error=\"{}\" (check BOT_TOKEN)", error.what());
        return kBotExitFailure;
      }
      wait = error.IsRateLimited() ? std::chrono::milliseconds(error.retry_after().value_or(std::chrono::seconds(1)))
                                   : backoff.Next();
      logger_->warn("event=startup_retry error=\"{}\" retry_ms={}", error.what(), wait.count());
    } catch (const net::NetworkError& error) {
      wait = backoff.Next();
      logger_->warn("event=startup_retry error=\"{}\" retry_ms={}", error.what(), wait.count());
    }
    lifecycle_.WaitForStop(Clock::now() + wait);
  }
  return kBotExitOk;
}

void Bot::Impl::SetCommands(BotApi& api) {
  const BotCommand start{"start", std::string(kStartCommandDescription)};
  const BotCommand ask{"ask", std::string(kAskCommandDescription)};
  const BotCommand help{"help", std::string(kHelpCommandDescription)};
  const BotCommand explain{"explain", std::string(kExplainCommandDescription)};
  const BotCommand status{"status", std::string(kStatusCommandDescription)};
  try {
    api.SetMyCommands({start, help, explain, status}, {{"type", "all_private_chats"}});
    api.SetMyCommands({ask, help, explain, status}, {{"type", "all_group_chats"}});
  } catch (const std::exception& error) {
    // The menu is a convenience: the commands work without it.
    logger_->warn("event=set_commands_failed error=\"{}\"", error.what());
  }
}

LedgerState Bot::Impl::LoadState() {
  for (int attempt = 1; attempt <= kStateLoadAttempts; ++attempt) {
    try {
      return deps_.state_store->Load(me_.id);
    } catch (const EnvironmentError& error) {
      logger_->warn("event=state_load_failed attempt={} error=\"{}\"", attempt, error.what());
    }
    if (attempt < kStateLoadAttempts &&
        lifecycle_.WaitForStop(Clock::now() + std::chrono::milliseconds(500 * attempt))) {
      break;
    }
  }
  // Telegram remembers the confirmed offset itself, so nothing answered is fetched again; only
  // replies finished above the offset before the last stop may be repeated.
  logger_->warn("event=state_unavailable starting from the offset Telegram keeps");
  return {};
}

void Bot::Impl::PollLoop(UpdatePoller& poller) {
  Backoff backoff(std::chrono::milliseconds(500), std::chrono::seconds(30));
  bool last_poll_had_news = true;
  auto busy_interval = kBusyPollFirst;
  while (!lifecycle_.stopping()) {
    std::int64_t offset = 0;
    std::size_t in_progress = 0;
    {
      std::unique_lock lock(ledger_mutex_);
      offset = ledger_.Offset();
      in_progress = ledger_.InProgress();
      if (in_progress > 0 && !last_poll_had_news) {
        const bool moved = progress_cv_.wait_for(lock, busy_interval,
                                                 [&] { return ledger_.Offset() != offset || lifecycle_.stopping(); });
        busy_interval = moved ? kBusyPollFirst : std::min(busy_interval * 2, kBusyPollMax);
        offset = ledger_.Offset();
        in_progress = ledger_.InProgress();
      }
    }
    if (lifecycle_.stopping()) break;
    const auto timeout = in_progress > 0 ? std::chrono::seconds(0) : config_.poll_timeout;
    std::chrono::milliseconds wait{0};
    try {
      auto batch = poller.Fetch(offset, timeout, lifecycle_);
      if (!batch) break;
      backoff.Reset();
      last_poll_had_news = Dispatch(std::move(*batch)) > 0;
      if (last_poll_had_news) busy_interval = kBusyPollFirst;
      continue;
    } catch (const BotApiError& error) {
      if (error.IsUnauthorized()) {
        logger_->error("event=token_rejected error=\"{}\" (check BOT_TOKEN)", error.what());
        fatal_ = true;
        break;
      }
      wait = error.IsRateLimited() ? std::chrono::milliseconds(error.retry_after().value_or(std::chrono::seconds(1)))
                                   : backoff.Next();
      logger_->warn("event=poll_retry error=\"{}\" retry_ms={}", error.what(), wait.count());
    } catch (const net::NetworkError& error) {
      wait = backoff.Next();
      logger_->warn("event=poll_retry error=\"{}\" retry_ms={}", error.what(), wait.count());
    }
    last_poll_had_news = true;
    lifecycle_.WaitForStop(Clock::now() + wait);
  }
}

std::size_t Bot::Impl::Dispatch(std::vector<Update> batch) {
  std::vector<Update> fresh;
  {
    std::lock_guard lock(ledger_mutex_);
    fresh = ledger_.Admit(std::move(batch));
  }
  for (const Update& update : fresh) {
    Job job = Prepare(update);
    if (job.action == UpdateAction::kIgnore) {
      LogUpdate(job, "-", job.outcome, "none");
      Complete(job.update_id);
      continue;
    }
    // The chat id is read before the job moves into the closure: argument order is unspecified.
    const auto chat_id = job.chat_id;
    dispatcher_->Submit(chat_id, [this, job = std::move(job)](std::size_t worker) { Handle(worker, job); });
  }
  return fresh.size();
}

Job Bot::Impl::Prepare(const Update& update) {
  Job job;
  job.update_id = update.update_id;
  job.received = Clock::now();
  if (update.message) {
    job.chat_id = update.message->chat.id;
    job.message_id = update.message->message_id;
    job.group = IsGroupChat(update.message->chat);
    if (update.message->from) job.user_id = update.message->from->id;
  } else if (update.callback_query) {
    const CallbackQuery& query = *update.callback_query;
    job.user_id = query.from.id;
    job.callback_query_id = query.id;
    if (query.message) {
      job.chat_id = query.message->chat.id;
      job.message_id = query.message->message_id;
      job.group = IsGroupChat(query.message->chat);
    }
  }
  Classification classification = ClassifyUpdate(update, me_);
  job.action = classification.action;
  job.kind = classification.outcome;
  job.outcome = std::move(classification.outcome);
  job.text = std::move(classification.text);
  if (job.action == UpdateAction::kIgnore) return job;
  const bool button = !job.callback_query_id.empty();
  const bool allowed = access_.Allows(job.user_id, job.chat_id, job.group);
  if (!allowed && (job.group || button)) {
    // In a group a refusal would be read by everyone there and invite more pings: stay silent.
    // A button press gets the refusal as its notice, seen by the presser only.
    job.action = button ? UpdateAction::kButtonNotice : UpdateAction::kIgnore;
    job.outcome = "access_denied";
    job.text = std::string(kButtonAccessDeniedNotice);
    return job;
  }
  if (const auto limited = Limit(job)) {
    const bool notify = *limited == RateDecision::kLimited;
    job.outcome = notify ? "rate_limited" : "rate_limited_quiet";
    if (button) {
      job.action = UpdateAction::kButtonNotice;
      job.text = std::string(kButtonRateLimitedNotice);
    } else {
      job.action = notify ? UpdateAction::kReply : UpdateAction::kIgnore;
      job.text = std::string(kRateLimitedReply);
    }
    return job;
  }
  if (!allowed) {
    job.action = UpdateAction::kReply;
    job.outcome = "access_denied";
    job.text = std::string(kAccessDeniedReply);
  }
  return job;
}

std::optional<RateDecision> Bot::Impl::Limit(const Job& job) {
  // Per user first: one user in many chats gets the same budget as in one chat.
  if (job.user_id != 0) {
    const RateDecision decision = user_rate_limiter_.Acquire(job.user_id, job.received);
    if (decision != RateDecision::kAllowed) return decision;
  }
  const RateDecision decision = rate_limiter_.Acquire(job.chat_id, job.received);
  if (decision != RateDecision::kAllowed) return decision;
  return std::nullopt;
}

service::Reply Bot::Impl::Compute(Worker& worker, const Job& job) {
  if (!worker.answerer) {
    try {
      worker.answerer = deps_.answerers();
    } catch (const std::exception& error) {
      logger_->warn("event=answerer_unavailable error=\"{}\"", error.what());
    }
    if (!worker.answerer) {
      return {service::Reply::Kind::kUnavailable, std::string(kUnavailableReply), "answerer_unavailable", "-"};
    }
  }
  try {
    const bool explain = job.action == UpdateAction::kExplain || job.action == UpdateAction::kButtonExplain;
    service::Reply reply = explain ? worker.answerer->Explain(job.text) : worker.answerer->Answer(job.text);
    // An unavailable database or model may have left the Answerer's connection broken: build a
    // fresh one for the next question.
    if (reply.kind == service::Reply::Kind::kUnavailable) worker.answerer.reset();
    if (TrimAscii(reply.text).empty()) {
      logger_->error("event=empty_reply update_id={}", job.update_id);
      return {service::Reply::Kind::kUnavailable, std::string(kInternalErrorReply), "internal_error", reply.planner};
    }
    return reply;
  } catch (const std::exception& error) {
    // Answerers report failures as replies; an exception here is a defect or a broken
    // connection: start over with a fresh Answerer next time.
    logger_->error("event=answerer_failed update_id={} error=\"{}\"", job.update_id, error.what());
    worker.answerer.reset();
    return {service::Reply::Kind::kUnavailable, std::string(kInternalErrorReply), "internal_error", "-"};
  }
}

void Bot::Impl::Handle(std::size_t worker_index, const Job& job) {
  Worker& worker = workers_[worker_index];
  std::string planner = "-";
  std::string outcome = job.outcome;
  const bool button = !job.callback_query_id.empty();
  OutgoingReply out = HtmlReply(job.text, job.message_id);
  std::optional<PhotoReply> photo;
  Delivery delivery = Delivery::kSent;
  std::string_view notice;
  const std::string_view failed_notice =
      job.action == UpdateAction::kButtonNumbers ? kNumbersFailedNotice : kButtonFailedNotice;
  switch (job.action) {
    case UpdateAction::kAnswer:
    case UpdateAction::kExplain:
    case UpdateAction::kButtonExplain:
    case UpdateAction::kButtonNumbers: {
      const std::uint64_t ticket = typing_->Begin(job.chat_id);
      const auto started = Clock::now();
      service::Reply reply = Compute(worker, job);
      const auto elapsed = Clock::now() - started;
      typing_->End(ticket);
      planner = reply.planner.empty() ? "-" : reply.planner;
      outcome = reply.code.empty() ? "-" : reply.code;
      if (deps_.metrics) deps_.metrics->RecordQuestion(outcome, planner, elapsed);
      const bool answered = reply.kind == service::Reply::Kind::kAnswer;
      const bool number = job.action == UpdateAction::kAnswer && answered;
      const bool chart = number && service::AnswersWithChart(reply);
      if (chart) photo = ChartPhoto(reply, job.message_id, *logger_);
      if (photo) {
        // A series or a ranking is a chart; its numbers follow on request («Показать числа»).
      } else if (chart) {
        out.blocks = {{std::move(reply.text), false}};
        out.plain = true;
      } else if (job.action == UpdateAction::kButtonNumbers && answered) {
        out.blocks = {{std::move(reply.text), false}};
      } else if (number) {
        // The answer stays exactly the number; the button under it explains it on demand.
        out.blocks = {{std::move(reply.text), false}};
        out.plain = true;
        out.reply_markup = ExplainButton();
      } else if (job.action != UpdateAction::kAnswer && answered) {
        out.blocks = ExplanationBlocks(std::move(reply));
      } else {
        out.blocks = {{std::move(reply.text), false}};
        if (button) notice = failed_notice;
      }
      break;
    }
    case UpdateAction::kStatus: out.blocks = {{StatusText(job), false}}; break;
    case UpdateAction::kButtonNotice: notice = job.text; break;
    case UpdateAction::kReply:
    case UpdateAction::kIgnore: break;
  }
  if (job.action != UpdateAction::kButtonNotice) {
    delivery = photo ? SendPhotoReply(*worker.api, job.chat_id, *photo, lifecycle_, *logger_)
                     : SendReply(*worker.api, job.chat_id, out, lifecycle_, *logger_);
    if (button && delivery != Delivery::kSent) notice = failed_notice;
  }
  if (button) AnswerCallback(worker, job, notice);
  LogUpdate(job, planner, outcome, job.action == UpdateAction::kButtonNotice ? "notice" : DeliveryName(delivery));
  // An abandoned reply stays "in progress": the offset does not pass it, so the next run answers it.
  if (delivery != Delivery::kAbandoned) Complete(job.update_id);
}

std::string Bot::Impl::StatusText(const Job& job) {
  if (!deps_.status) return std::string(kStatusUnavailableReply);
  try {
    // In a group everyone would read the URL: it is shown to an administrator in private only.
    const bool admin = !job.group && job.user_id != 0 && admins_.contains(job.user_id);
    return FormatStatus(deps_.status(), admin);
  } catch (const std::exception& error) {
    logger_->warn("event=status_failed error=\"{}\"", error.what());
    return std::string(kStatusUnavailableReply);
  }
}

void Bot::Impl::AnswerCallback(Worker& worker, const Job& job, std::string_view notice) {
  // Once: a failed answer only leaves the button's spinner to time out by itself.
  try {
    worker.api->AnswerCallbackQuery(job.callback_query_id, notice);
  } catch (const std::exception& error) {
    logger_->warn("event=answer_callback_failed update_id={} error=\"{}\"", job.update_id, error.what());
  }
}

void Bot::Impl::Complete(std::int64_t update_id) {
  std::lock_guard lock(ledger_mutex_);
  const std::int64_t before = ledger_.Offset();
  ledger_.Complete(update_id);
  LedgerState state = ledger_.Snapshot();
  if (state.offset != before) progress_cv_.notify_all();
  // Submitted under the ledger's lock so that snapshots reach the persister in the order they were
  // taken: two workers finishing at once must not leave an older snapshot as the last one saved.
  persister_->Submit(std::move(state));
}

void Bot::Impl::LogUpdate(const Job& job, std::string_view planner, std::string_view outcome,
                          std::string_view delivery) {
  logger_->info("update_id={} chat_id={} user_id={} kind={} planner={} outcome={} delivery={} latency_ms={}",
                job.update_id, job.chat_id, job.user_id, job.kind.empty() ? "-" : job.kind, planner, outcome, delivery,
                Milliseconds(Clock::now() - job.received));
}

Bot::Bot(BotConfig config, BotDependencies dependencies)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(dependencies))) {}

Bot::~Bot() = default;

int Bot::Run(const std::stop_token& stop) { return impl_->Run(stop); }

}  // namespace videobot::telegram
