#include "db/video_parser.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <deque>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

#include "common/metrics.hpp"
#include "db/loader.hpp"

namespace videobot::db {
namespace {

namespace od = simdjson::ondemand;

// Where a value sits: video index, snapshot index (-1: the video itself), field name.
struct Where {
  std::int64_t video = 0;
  std::int64_t snapshot = -1;
  std::string_view field;
  std::int64_t offset = 0;
};

std::string Quote(std::string_view text) {
  constexpr std::size_t kMax = 80;
  std::string out = "«";
  out += text.substr(0, kMax);
  if (text.size() > kMax) out += "…";
  return out + "»";
}

Unexpected Reject(ErrorCode code, const Where& where, const std::string& what) {
  std::string path = "/videos/" + std::to_string(where.video);
  std::string place = "видео " + std::to_string(where.video);
  if (where.snapshot >= 0) {
    path += "/snapshots/" + std::to_string(where.snapshot);
    place += ", замер " + std::to_string(where.snapshot);
  }
  if (!where.field.empty()) {
    path += "/";
    path += where.field;
    place += ", поле ";
    place += where.field;
  }
  return Fail(code, "некорректный файл данных: " + place + ", байт " + std::to_string(where.offset) + ": " + what,
              path);
}

Unexpected Malformed(const Where& where, const std::string& what) {
  return Reject(ErrorCode::kLoadMalformed, where, what);
}

Unexpected OutOfRange(const Where& where, const std::string& what) {
  return Reject(ErrorCode::kValueOutOfRange, where, what);
}

// simdjson's error_code has dozens of values that grow with its versions; three get a wording
// of their own and the rest its message, so this one switch keeps a default.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wswitch-enum"
std::string JsonProblem(simdjson::error_code error, std::string_view expected) {
  switch (error) {
    case simdjson::INCORRECT_TYPE: return "ожидалось " + std::string(expected);
    case simdjson::NUMBER_OUT_OF_RANGE: return "число вне диапазона 64-битного целого";
    case simdjson::NUMBER_ERROR: return "некорректное число";
    default: return std::string("некорректный JSON: ") + simdjson::error_message(error);
  }
}
#pragma GCC diagnostic pop

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

/// 32 hex digits (creator and snapshot ids).
bool IsHexId(std::string_view text) {
  if (text.size() != 32) return false;
  for (char c : text) {
    if (!IsHex(c)) return false;
  }
  return true;
}

/// 8-4-4-4-12 hex digits (video ids).
bool IsDashedUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !IsHex(text[i])) return false;
  }
  return true;
}

// The shapes of ids, with what a message says is expected.
struct IdShape {
  bool (*matches)(std::string_view);
  std::string_view expected;
};
constexpr IdShape kVideoIdShape{IsDashedUuid, "ожидался id видео вида xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"};
constexpr IdShape kCreatorIdShape{IsHexId, "ожидался id автора из 32 шестнадцатеричных цифр"};
constexpr IdShape kSnapshotIdShape{IsHexId, "ожидался id замера из 32 шестнадцатеричных цифр"};

constexpr std::string_view kInstantRange = "0001-01-01T00:00:00Z … 9999-12-31T23:59:59.999999Z";

// Field tables: the bit of a field is its position. The metrics' fields take one position per
// metric, in catalogue order, from the block's first (kVideoCounters, kSnapCounters, kSnapDeltas).
constexpr int kMetricCount = static_cast<int>(metrics::kCount);

enum VideoField : int {
  kVideoId,
  kCreatorId,
  kVideoCreatedAt,
  kVideoCounters,
  kVideoCreated = kVideoCounters + kMetricCount,
  kVideoUpdated,
  kVideoSnapshots,
  kVideoFieldCount
};

enum SnapshotField : int {
  kSnapId,
  kSnapVideoId,
  kSnapCounters,
  kSnapDeltas = kSnapCounters + kMetricCount,
  kSnapCreated = kSnapDeltas + kMetricCount,
  kSnapUpdated,
  kSnapFieldCount
};

// The metric of field `id` in the block of metric fields starting at `first`.
constexpr std::size_t MetricOf(int id, int first) { return static_cast<std::size_t>(id - first); }

// A field table: `names` (non-metric fields in place, metric positions empty) with the metric
// block at `first` filled with each metric's `Metric::*name`.
template <std::size_t N>
constexpr std::array<std::string_view, N> WithMetricFields(std::array<std::string_view, N> names, int first,
                                                           std::string_view metrics::Metric::*name) {
  for (std::size_t i = 0; i < metrics::kCount; ++i) names[static_cast<std::size_t>(first) + i] = metrics::kAll[i].*name;
  return names;
}

constexpr std::array<std::string_view, kVideoFieldCount> kVideoFields = [] {
  std::array<std::string_view, kVideoFieldCount> names{};
  names[kVideoId] = "id";
  names[kCreatorId] = "creator_id";
  names[kVideoCreatedAt] = "video_created_at";
  names[kVideoCreated] = "created_at";
  names[kVideoUpdated] = "updated_at";
  names[kVideoSnapshots] = "snapshots";
  return WithMetricFields(names, kVideoCounters, &metrics::Metric::counter);
}();

constexpr std::array<std::string_view, kSnapFieldCount> kSnapshotFields = [] {
  std::array<std::string_view, kSnapFieldCount> names{};
  names[kSnapId] = "id";
  names[kSnapVideoId] = "video_id";
  names[kSnapCreated] = "created_at";
  names[kSnapUpdated] = "updated_at";
  names = WithMetricFields(names, kSnapCounters, &metrics::Metric::counter);
  return WithMetricFields(names, kSnapDeltas, &metrics::Metric::delta);
}();

// `seen` keeps one bit per field.
static_assert(kSnapFieldCount <= 32 && kVideoFieldCount <= 32, "a field table outgrows its 32-bit set of seen fields");

template <std::size_t N>
int FindField(const std::array<std::string_view, N>& names, std::string_view key) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == key) return static_cast<int>(i);
  }
  return -1;
}

// Every field of `names` is in `seen` (bit i for names[i]), or the first missing one is refused.
template <std::size_t N>
Status RequireEvery(const std::array<std::string_view, N>& names, unsigned seen, Where where) {
  for (std::size_t id = 0; id < N; ++id) {
    if (!(seen & (1u << id))) {
      where.field = names[id];
      return Malformed(where, "нет обязательного поля");
    }
  }
  return Ok{};
}

// Readers of typed values; `where.offset` must already point at the value.
Status ReadString(od::value& value, const Where& where, std::string_view& out) {
  if (auto error = value.get_string().get(out)) return Malformed(where, JsonProblem(error, "строковое значение"));
  return Ok{};
}

// An integer literal, possibly too long for 64 bits (simdjson reports those as a type error).
bool IsIntegerLiteral(std::string_view token) {
  while (!token.empty() &&
         (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' || token.back() == '\r')) {
    token.remove_suffix(1);
  }
  if (token.starts_with('-')) token.remove_prefix(1);
  return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status ReadInteger(od::value& value, const Where& where, std::int64_t& out) {
  const std::string_view token = value.raw_json_token();
  if (auto error = value.get_int64().get(out)) {
    if (error == simdjson::NUMBER_OUT_OF_RANGE || IsIntegerLiteral(token)) {
      return OutOfRange(
          where, "число " + Quote(token) + " вне диапазона 64-битного целого (допустимо не больше 10^15 по модулю)");
    }
    return Malformed(where, JsonProblem(error, "целое число"));
  }
  return Ok{};
}

Status ReadTimestamp(od::value& value, const Where& where, Instant& out) {
  std::string_view text;
  if (auto status = ReadString(value, where, text); !status) return status;
  const auto instant = ParseTimestamp(text);
  if (!instant || text.find('T') == std::string_view::npos) {
    return Malformed(
        where, "ожидалась метка времени RFC 3339 вида 2025-11-28T10:00:09.053200+00:00, а найдено " + Quote(text));
  }
  if (*instant < kEarliestInstant || *instant > kLatestInstant) {
    return OutOfRange(where,
                      "момент " + Quote(text) + " в UTC выходит за допустимый диапазон " + std::string(kInstantRange));
  }
  out = *instant;
  return Ok{};
}

// A counter is in [0, kMaxCounter]; a delta (a change, possibly negative) in ±kMaxCounter.
Status ReadCounter(od::value& value, const Where& where, std::int64_t& out, bool delta) {
  if (auto status = ReadInteger(value, where, out); !status) return status;
  if (!delta && out < 0)
    return OutOfRange(where, "счётчик не может быть отрицательным, а найдено " + std::to_string(out));
  if (out > kMaxCounter || out < -kMaxCounter) {
    return OutOfRange(where, "значение " + std::to_string(out) + " по модулю больше допустимого 10^15 (" +
                                 std::to_string(kMaxCounter) + ")");
  }
  return Ok{};
}

}  // namespace

static_assert(VideoParser::kPadding >= simdjson::SIMDJSON_PADDING);

struct VideoParser::Impl {
  Status Parse(const char* data, std::size_t size, std::size_t capacity, std::int64_t offset, std::int64_t index);
  Status ParseVideo(od::object& object);
  Status ParseSnapshot(od::value& value, std::int64_t index);
  template <std::size_t N>
  Result<int> ReadFieldKey(od::field& field, const std::array<std::string_view, N>& names, unsigned& seen,
                           Where& where);
  Status ReadId(od::value& value, const Where& where, const IdShape& shape, std::string_view& out);
  std::string_view Lowercase(std::string_view id);
  Status CheckSnapshots();
  Status CheckDeltaSums();

  od::parser parser_;
  // Lowercase copies of ids written in uppercase, until the next video (a deque keeps their
  // addresses while it grows).
  std::deque<std::string> lowered_;
  const char* data_ = nullptr;
  std::int64_t offset_ = 0;
  VideoRecord video_;
  std::vector<SnapshotRecord> snapshots_;
  std::unordered_map<std::string_view, std::int64_t> snapshot_ids_;
};

VideoParser::VideoParser() : impl_(std::make_unique<Impl>()) {}

VideoParser::~VideoParser() = default;

const VideoRecord& VideoParser::video() const { return impl_->video_; }

const std::vector<SnapshotRecord>& VideoParser::snapshots() const { return impl_->snapshots_; }

Status VideoParser::Parse(const char* data, std::size_t size, std::size_t capacity, std::int64_t offset,
                          std::int64_t index) {
  return impl_->Parse(data, size, capacity, offset, index);
}

Status VideoParser::Impl::Parse(const char* data, std::size_t size, std::size_t capacity, std::int64_t offset,
                                std::int64_t index) {
  data_ = data;
  offset_ = offset;
  video_ = VideoRecord{};
  video_.index = index;
  snapshots_.clear();
  lowered_.clear();
  const Where where{index, -1, {}, offset};
  od::document document;
  if (auto error = parser_.iterate(data, size, capacity).get(document)) return Malformed(where, JsonProblem(error, ""));
  od::object object;
  if (auto error = document.get_object().get(object)) return Malformed(where, JsonProblem(error, "объект"));
  if (auto status = ParseVideo(object); !status) return status;
  return CheckSnapshots();
}

// Reads a field's key and finds it among `names`: its position, marked in `seen`, with `where`
// naming the field at its value; or why the key is refused (unknown, repeated, bad JSON).
template <std::size_t N>
Result<int> VideoParser::Impl::ReadFieldKey(od::field& field, const std::array<std::string_view, N>& names,
                                            unsigned& seen, Where& where) {
  std::string_view key;
  where.offset = offset_ + (field.key().raw() - data_) - 1;
  where.field = {};
  if (auto error = field.unescaped_key().get(key)) return Malformed(where, JsonProblem(error, ""));
  const int id = FindField(names, key);
  if (id < 0) {
    where.field = key;
    return Malformed(where, "неизвестное поле " + Quote(key));
  }
  where.field = names[static_cast<std::size_t>(id)];
  if (seen & (1u << id)) return Malformed(where, "поле повторяется");
  seen |= 1u << id;
  where.offset = offset_ + (field.value().raw_json_token().data() - data_);
  return id;
}

Status VideoParser::Impl::ParseVideo(od::object& object) {
  unsigned seen = 0;
  Where where{video_.index, -1, {}, offset_};
  for (auto field_result : object) {
    od::field field;
    if (auto error = std::move(field_result).get(field)) return Malformed(where, JsonProblem(error, ""));
    const auto found = ReadFieldKey(field, kVideoFields, seen, where);
    if (!found) return Unexpected{found.error()};
    const int id = *found;
    od::value& value = field.value();
    Status status = Ok{};
    switch (id) {
      case kVideoId: status = ReadId(value, where, kVideoIdShape, video_.id); break;
      case kCreatorId: status = ReadId(value, where, kCreatorIdShape, video_.creator_id); break;
      case kVideoCreatedAt: status = ReadTimestamp(value, where, video_.video_created_at); break;
      case kVideoCreated: status = ReadTimestamp(value, where, video_.created_at); break;
      case kVideoUpdated: status = ReadTimestamp(value, where, video_.updated_at); break;
      case kVideoSnapshots: {
        od::array array;
        if (auto error = value.get_array().get(array)) return Malformed(where, JsonProblem(error, "массив замеров"));
        std::int64_t snapshot_index = 0;
        for (auto element_result : array) {
          od::value element;
          if (auto error = element_result.get(element)) {
            return Malformed(Where{video_.index, snapshot_index, {}, where.offset}, JsonProblem(error, ""));
          }
          if (auto snapshot_status = ParseSnapshot(element, snapshot_index); !snapshot_status) return snapshot_status;
          ++snapshot_index;
        }
        break;
      }
      default:  // a metric's counter
        status = ReadCounter(value, where, video_.counters[MetricOf(id, kVideoCounters)], false);
        break;
    }
    if (!status) return status;
  }
  return RequireEvery(kVideoFields, seen, Where{video_.index, -1, {}, offset_});
}

Status VideoParser::Impl::ParseSnapshot(od::value& value, std::int64_t index) {
  SnapshotRecord snapshot;
  snapshot.index = index;
  const std::int64_t start = offset_ + (value.raw_json_token().data() - data_);
  snapshot.offset = start;
  Where where{video_.index, index, {}, start};
  od::object object;
  if (auto error = value.get_object().get(object)) return Malformed(where, JsonProblem(error, "объект замера"));
  unsigned seen = 0;
  for (auto field_result : object) {
    od::field field;
    if (auto error = std::move(field_result).get(field)) return Malformed(where, JsonProblem(error, ""));
    const auto found = ReadFieldKey(field, kSnapshotFields, seen, where);
    if (!found) return Unexpected{found.error()};
    const int id = *found;
    od::value& field_value = field.value();
    Status status = Ok{};
    switch (id) {
      case kSnapId: status = ReadId(field_value, where, kSnapshotIdShape, snapshot.id); break;
      case kSnapVideoId: status = ReadId(field_value, where, kVideoIdShape, snapshot.video_id); break;
      case kSnapCreated: status = ReadTimestamp(field_value, where, snapshot.created_at); break;
      case kSnapUpdated: status = ReadTimestamp(field_value, where, snapshot.updated_at); break;
      default:  // a metric's counter or delta
        status = id < kSnapDeltas
                     ? ReadCounter(field_value, where, snapshot.counters[MetricOf(id, kSnapCounters)], false)
                     : ReadCounter(field_value, where, snapshot.deltas[MetricOf(id, kSnapDeltas)], true);
        break;
    }
    if (!status) return status;
  }
  if (auto status = RequireEvery(kSnapshotFields, seen, Where{video_.index, index, {}, start}); !status) {
    return status;
  }
  snapshots_.push_back(snapshot);
  return Ok{};
}

// Reads an id of `shape` in any letter case and returns it lowercase.
Status VideoParser::Impl::ReadId(od::value& value, const Where& where, const IdShape& shape, std::string_view& out) {
  if (auto status = ReadString(value, where, out); !status) return status;
  if (!shape.matches(out)) return Malformed(where, std::string(shape.expected) + ", а найдено " + Quote(out));
  out = Lowercase(out);
  return Ok{};
}

std::string_view VideoParser::Impl::Lowercase(std::string_view id) {
  if (std::none_of(id.begin(), id.end(), IsUpper)) return id;
  std::string& copy = lowered_.emplace_back(id);
  for (char& c : copy) {
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return copy;
}

// Checks that need the whole video: the snapshots' video_id (the id may come after the
// snapshots), repeated snapshot ids, and the delta sums.
Status VideoParser::Impl::CheckSnapshots() {
  snapshot_ids_.clear();
  for (const auto& snapshot : snapshots_) {
    if (snapshot.video_id != video_.id) {
      return Malformed(
          Where{video_.index, snapshot.index, "video_id", snapshot.offset},
          "замер относится к видео " + Quote(snapshot.video_id) + ", а вложен в видео " + Quote(video_.id));
    }
    const auto [it, inserted] = snapshot_ids_.emplace(snapshot.id, snapshot.index);
    if (!inserted) {
      return Malformed(Where{video_.index, snapshot.index, "id", snapshot.offset},
                       "id замера " + Quote(snapshot.id) + " уже встречался в замере " + std::to_string(it->second));
    }
  }
  return CheckDeltaSums();
}

// Any sum of one video's deltas (a day, an hour of age, a period) must fit a 64-bit integer:
// the sum of their magnitudes, per counter, is kept within it.
Status VideoParser::Impl::CheckDeltaSums() {
  constexpr std::int64_t kLimit = std::numeric_limits<std::int64_t>::max();
  Counters magnitude{};
  for (const auto& snapshot : snapshots_) {
    const Counters& deltas = snapshot.deltas;
    for (std::size_t i = 0; i < metrics::kCount; ++i) {
      const std::int64_t size = deltas[i] < 0 ? -deltas[i] : deltas[i];  // |delta| <= kMaxCounter
      if (magnitude[i] > kLimit - size) {
        return OutOfRange(Where{video_.index, snapshot.index, metrics::kAll[i].delta, snapshot.offset},
                          "сумма модулей приростов этого видео превышает " + std::to_string(kLimit) +
                              ": суммы за периоды нельзя было бы вычислить точно");
      }
      magnitude[i] += size;
    }
  }
  return Ok{};
}

}  // namespace videobot::db
