#include "db/video_stream.hpp"

#include <cstring>

namespace videobot::db {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxKeyBytes = 256;

bool IsSpace(int c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

std::string Describe(int c) {
  if (c < 0) return "конец файла";
  if (c >= 0x20 && c < 0x7f) return std::string("«") + static_cast<char>(c) + "»";
  return "байт " + std::to_string(c);
}

}  // namespace

VideoStream::VideoStream(std::istream& input) : input_(input), chunk_(kChunkBytes) {}

bool VideoStream::Refill() {
  if (eof_) return false;
  input_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  const auto n = static_cast<std::size_t>(input_.gcount());
  if (input_.bad()) throw EnvironmentError("не удалось прочитать входные данные");
  chunk_offset_ += static_cast<std::int64_t>(end_);
  pos_ = 0;
  end_ = n;
  if (n == 0) {
    eof_ = true;
    return false;
  }
  return true;
}

int VideoStream::PeekNonSpace() {
  while (true) {
    while (pos_ < end_ && IsSpace(chunk_[pos_])) ++pos_;
    if (pos_ < end_) return static_cast<unsigned char>(chunk_[pos_]);
    if (!Refill()) return -1;
  }
}

Unexpected VideoStream::Malformed(const std::string& path, const std::string& what) const {
  return Fail(ErrorCode::kLoadMalformed,
              "некорректный файл данных: " + what + " (байт " + std::to_string(Offset()) + ")", path);
}

Result<bool> VideoStream::ReadHeader() {
  if (PeekNonSpace() == 0xEF && end_ - pos_ >= 3 && std::memcmp(&chunk_[pos_], "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
  int c = PeekNonSpace();
  if (c != '{') return Malformed("", "документ должен начинаться с «{», а начинается с " + Describe(c));
  ++pos_;
  c = PeekNonSpace();
  if (c == '}') return Malformed("/videos", "нет поля «videos»");
  if (c != '"') return Malformed("", "ожидалось имя поля «videos», а найдено " + Describe(c));
  ++pos_;
  std::string key;
  while (true) {
    if (pos_ == end_ && !Refill()) return Malformed("", "файл оборвался в имени поля");
    const char ch = chunk_[pos_++];
    if (ch == '"') break;
    key += ch;
    if (key.size() > kMaxKeyBytes) return Malformed("", "слишком длинное имя поля");
  }
  if (key != "videos")
    return Malformed("/" + key, "неизвестное поле «" + key + "»: документ должен иметь вид {\"videos\": [...]}");
  c = PeekNonSpace();
  if (c != ':') return Malformed("/videos", "после имени поля ожидалось «:», а найдено " + Describe(c));
  ++pos_;
  c = PeekNonSpace();
  if (c != '[') return Malformed("/videos", "поле «videos» должно быть массивом, а начинается с " + Describe(c));
  ++pos_;
  state_ = State::kFirstElement;
  return true;
}

Result<bool> VideoStream::ReadTrailer() {
  int c = PeekNonSpace();
  if (c == ',') return Malformed("", "лишнее поле после «videos»: документ должен иметь вид {\"videos\": [...]}");
  if (c != '}') return Malformed("", "после массива videos ожидалось «}», а найдено " + Describe(c));
  ++pos_;
  c = PeekNonSpace();
  if (c != -1) return Malformed("", "лишние данные после конца документа: " + Describe(c));
  state_ = State::kDone;
  return false;
}

Result<bool> VideoStream::ReadObject() {
  ++index_;
  object_offset_ = Offset();
  object_size_ = 0;
  int depth = 0;
  bool in_string = false;
  bool escape = false;
  bool done = false;
  while (!done) {
    if (pos_ == end_ && !Refill()) {
      return Malformed("/videos/" + std::to_string(index_),
                       "файл оборвался внутри видео, начатого на байте " + std::to_string(object_offset_));
    }
    const char* data = chunk_.data();
    std::size_t i = pos_;
    for (; i < end_; ++i) {
      const char c = data[i];
      if (in_string) {
        if (escape) {
          escape = false;
        } else if (c == '\\') {
          escape = true;
        } else if (c == '"') {
          in_string = false;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{') {
        ++depth;
      } else if (c == '}' && --depth == 0) {
        ++i;
        done = true;
        break;
      }
    }
    const std::size_t n = i - pos_;
    if (object_size_ + n > kMaxObjectBytes) {
      return Malformed("/videos/" + std::to_string(index_),
                       "объект видео длиннее " + std::to_string(kMaxObjectBytes >> 20) + " МБ (не закрыта скобка?)");
    }
    if (object_.size() < object_size_ + n + padding_) object_.resize((object_size_ + n + padding_) * 2);
    std::memcpy(object_.data() + object_size_, data + pos_, n);
    object_size_ += n;
    pos_ = i;
  }
  state_ = State::kAfterElement;
  return true;
}

Result<bool> VideoStream::Next() {
  if (state_ == State::kStart) {
    auto header = ReadHeader();
    if (!header) return header;
  }
  if (state_ == State::kDone) return false;
  const std::string next_path = "/videos/" + std::to_string(index_ + 1);
  int c = PeekNonSpace();
  if (state_ == State::kAfterElement) {
    if (c == ']') {
      ++pos_;
      return ReadTrailer();
    }
    if (c == -1) return Malformed(next_path, "файл оборвался: массив videos не закрыт");
    if (c != ',') return Malformed(next_path, "после видео ожидалась «,» или «]», а найдено " + Describe(c));
    ++pos_;
    c = PeekNonSpace();
  } else if (c == ']') {
    ++pos_;
    return ReadTrailer();
  }
  if (c == -1) return Malformed(next_path, "файл оборвался: массив videos не закрыт");
  if (c != '{')
    return Malformed(next_path, "элемент массива videos должен быть объектом, а начинается с " + Describe(c));
  return ReadObject();
}

}  // namespace videobot::db
