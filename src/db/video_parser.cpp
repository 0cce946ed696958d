#include "db/video_parser.hpp"

#include <simdjson.h>

#include <array>
#include <unordered_map>
#include <string>
#include <utility>

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

Unexpected Malformed(const Where& where, const std::string& what) {
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
  return Fail(ErrorCode::kLoadMalformed,
              "некорректный файл данных: " + place + ", байт " + std::to_string(where.offset) + ": " + what, path);
}

std::string JsonProblem(simdjson::error_code error, std::string_view expected) {
  switch (error) {
    case simdjson::INCORRECT_TYPE: return "ожидалось " + std::string(expected);
    case simdjson::NUMBER_OUT_OF_RANGE: return "число вне диапазона 64-битного целого";
    case simdjson::NUMBER_ERROR: return "некорректное число";
    default: return std::string("некорректный JSON: ") + simdjson::error_message(error);
  }
}

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

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

// Field tables: the bit of a field is its position.
enum VideoField : int {
  kVideoId, kCreatorId, kVideoCreatedAt, kVideoViews, kVideoLikes, kVideoComments, kVideoReports,
  kVideoCreated, kVideoUpdated, kVideoSnapshots, kVideoFieldCount
};
constexpr std::array<std::string_view, kVideoFieldCount> kVideoFields = {
    "id", "creator_id", "video_created_at", "views_count", "likes_count", "comments_count",
    "reports_count", "created_at", "updated_at", "snapshots"};

enum SnapshotField : int {
  kSnapId, kSnapVideoId, kSnapViews, kSnapLikes, kSnapComments, kSnapReports, kSnapDeltaViews,
  kSnapDeltaLikes, kSnapDeltaComments, kSnapDeltaReports, kSnapCreated, kSnapUpdated, kSnapFieldCount
};
constexpr std::array<std::string_view, kSnapFieldCount> kSnapshotFields = {
    "id", "video_id", "views_count", "likes_count", "comments_count", "reports_count",
    "delta_views_count", "delta_likes_count", "delta_comments_count", "delta_reports_count",
    "created_at", "updated_at"};

template <std::size_t N>
int FindField(const std::array<std::string_view, N>& names, std::string_view key) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == key) return static_cast<int>(i);
  }
  return -1;
}

// Readers of typed values; `where.offset` must already point at the value.
Status ReadString(od::value& value, const Where& where, std::string_view& out) {
  if (auto error = value.get_string().get(out)) return Malformed(where, JsonProblem(error, "строковое значение"));
  return Ok{};
}

Status ReadInteger(od::value& value, const Where& where, std::int64_t& out) {
  if (auto error = value.get_int64().get(out)) return Malformed(where, JsonProblem(error, "целое число"));
  return Ok{};
}

Status ReadTimestamp(od::value& value, const Where& where, Instant& out) {
  std::string_view text;
  if (auto status = ReadString(value, where, text); !status) return status;
  const auto instant = ParseTimestamp(text);
  if (!instant || text.find('T') == std::string_view::npos) {
    return Malformed(where, "ожидалась метка времени RFC 3339 вида 2025-11-28T10:00:09.053200+00:00, а найдено " + Quote(text));
  }
  out = *instant;
  return Ok{};
}

Status ReadCounter(od::value& value, const Where& where, Counters& counters, int which) {
  std::int64_t* targets[] = {&counters.views, &counters.likes, &counters.comments, &counters.reports};
  return ReadInteger(value, where, *targets[which]);
}

}  // namespace

static_assert(VideoParser::kPadding >= simdjson::SIMDJSON_PADDING);

struct VideoParser::Impl {
  Status Parse(const char* data, std::size_t size, std::size_t capacity, std::int64_t offset, std::int64_t index);
  Status ParseVideo(od::object& object);
  Status ParseSnapshot(od::value& value, std::int64_t index);
  Status CheckSnapshots();

  od::parser parser_;
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
  const Where where{index, -1, {}, offset};
  od::document document;
  if (auto error = parser_.iterate(data, size, capacity).get(document)) return Malformed(where, JsonProblem(error, ""));
  od::object object;
  if (auto error = document.get_object().get(object)) return Malformed(where, JsonProblem(error, "объект"));
  if (auto status = ParseVideo(object); !status) return status;
  return CheckSnapshots();
}

Status VideoParser::Impl::ParseVideo(od::object& object) {
  unsigned seen = 0;
  Where where{video_.index, -1, {}, offset_};
  for (auto field_result : object) {
    od::field field;
    if (auto error = std::move(field_result).get(field)) return Malformed(where, JsonProblem(error, ""));
    std::string_view key;
    where.offset = offset_ + (field.key().raw() - data_) - 1;
    where.field = {};
    if (auto error = field.unescaped_key().get(key)) return Malformed(where, JsonProblem(error, ""));
    const int id = FindField(kVideoFields, key);
    if (id < 0) {
      where.field = key;
      return Malformed(where, "неизвестное поле " + Quote(key));
    }
    where.field = kVideoFields[static_cast<std::size_t>(id)];
    if (seen & (1u << id)) return Malformed(where, "поле повторяется");
    seen |= 1u << id;
    od::value& value = field.value();
    where.offset = offset_ + (value.raw_json_token().data() - data_);
    Status status = Ok{};
    switch (id) {
      case kVideoId:
        status = ReadString(value, where, video_.id);
        if (status && !IsDashedUuid(video_.id)) {
          return Malformed(where, "ожидался id видео вида xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, а найдено " + Quote(video_.id));
        }
        break;
      case kCreatorId:
        status = ReadString(value, where, video_.creator_id);
        if (status && !IsHexId(video_.creator_id)) {
          return Malformed(where, "ожидался id автора из 32 шестнадцатеричных цифр, а найдено " + Quote(video_.creator_id));
        }
        break;
      case kVideoCreatedAt: status = ReadTimestamp(value, where, video_.video_created_at); break;
      case kVideoViews:
      case kVideoLikes:
      case kVideoComments:
      case kVideoReports: status = ReadCounter(value, where, video_.counters, id - kVideoViews); break;
      case kVideoCreated: status = ReadTimestamp(value, where, video_.created_at); break;
      case kVideoUpdated: status = ReadTimestamp(value, where, video_.updated_at); break;
      case kVideoSnapshots: {
        od::array array;
        if (auto error = value.get_array().get(array)) return Malformed(where, JsonProblem(error, "массив замеров"));
        std::int64_t snapshot_index = 0;
        for (auto element_result : array) {
          od::value element;
          if (auto error = std::move(element_result).get(element)) {
            return Malformed(Where{video_.index, snapshot_index, {}, where.offset}, JsonProblem(error, ""));
          }
          if (auto snapshot_status = ParseSnapshot(element, snapshot_index); !snapshot_status) return snapshot_status;
          ++snapshot_index;
        }
        break;
      }
      default: break;
    }
    if (!status) return status;
  }
  for (int id = 0; id < kVideoFieldCount; ++id) {
    if (!(seen & (1u << id))) {
      return Malformed(Where{video_.index, -1, kVideoFields[static_cast<std::size_t>(id)], offset_},
                       "нет обязательного поля");
    }
  }
  return Ok{};
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
    std::string_view key;
    where.offset = offset_ + (field.key().raw() - data_) - 1;
    where.field = {};
    if (auto error = field.unescaped_key().get(key)) return Malformed(where, JsonProblem(error, ""));
    const int id = FindField(kSnapshotFields, key);
    if (id < 0) {
      where.field = key;
      return Malformed(where, "неизвестное поле " + Quote(key));
    }
    where.field = kSnapshotFields[static_cast<std::size_t>(id)];
    if (seen & (1u << id)) return Malformed(where, "поле повторяется");
    seen |= 1u << id;
    od::value& field_value = field.value();
    where.offset = offset_ + (field_value.raw_json_token().data() - data_);
    Status status = Ok{};
    switch (id) {
      case kSnapId:
        status = ReadString(field_value, where, snapshot.id);
        if (status && !IsHexId(snapshot.id)) {
          return Malformed(where, "ожидался id замера из 32 шестнадцатеричных цифр, а найдено " + Quote(snapshot.id));
        }
        break;
      case kSnapVideoId: status = ReadString(field_value, where, snapshot.video_id); break;
      case kSnapViews:
      case kSnapLikes:
      case kSnapComments:
      case kSnapReports: status = ReadCounter(field_value, where, snapshot.counters, id - kSnapViews); break;
      case kSnapDeltaViews:
      case kSnapDeltaLikes:
      case kSnapDeltaComments:
      case kSnapDeltaReports: status = ReadCounter(field_value, where, snapshot.deltas, id - kSnapDeltaViews); break;
      case kSnapCreated: status = ReadTimestamp(field_value, where, snapshot.created_at); break;
      case kSnapUpdated: status = ReadTimestamp(field_value, where, snapshot.updated_at); break;
      default: break;
    }
    if (!status) return status;
  }
  for (int id = 0; id < kSnapFieldCount; ++id) {
    if (!(seen & (1u << id))) {
      return Malformed(Where{video_.index, index, kSnapshotFields[static_cast<std::size_t>(id)], start},
                       "нет обязательного поля");
    }
  }
  snapshots_.push_back(snapshot);
  return Ok{};
}

// Checks that need the whole video: the snapshots' video_id (the id may come after the
// snapshots) and repeated snapshot ids.
Status VideoParser::Impl::CheckSnapshots() {
  snapshot_ids_.clear();
  for (const auto& snapshot : snapshots_) {
    if (snapshot.video_id != video_.id) {
      return Malformed(Where{video_.index, snapshot.index, "video_id", snapshot.offset},
                       "замер относится к видео " + Quote(snapshot.video_id) + ", а вложен в видео " + Quote(video_.id));
    }
    const auto [it, inserted] = snapshot_ids_.emplace(snapshot.id, snapshot.index);
    if (!inserted) {
      return Malformed(Where{video_.index, snapshot.index, "id", snapshot.offset},
                       "id замера " + Quote(snapshot.id) + " уже встречался в замере " + std::to_string(it->second));
    }
  }
  return Ok{};
}

}  // namespace videobot::db
