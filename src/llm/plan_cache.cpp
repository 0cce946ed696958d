#include "llm/plan_cache.hpp"

#include <cstdint>

#include "common/time.hpp"

namespace videobot::llm {
namespace {

// Decodes one well-formed UTF-8 sequence at `pos`; returns its length (0 when malformed).
std::size_t Decode(std::string_view text, std::size_t pos, char32_t& code_point) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  std::size_t length = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(pos + i) & 0x3F);
  }
  return length;
}

void Encode(char32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x00A0 ||
         c == 0x2007 || c == 0x2009 || c == 0x202F;
}

char32_t Fold(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0x0410 && c <= 0x042F) return c + 0x20;  // А..Я → а..я
  if (c >= 0x0400 && c <= 0x040F) c += 0x50;         // Ѐ..Џ → ѐ..џ
  if (c == 0x0451) return 0x0435;                    // ё → е
  return c;
}

}  // namespace

std::string NormalizeQuestion(std::string_view question) {
  std::string out;
  out.reserve(question.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < question.size();) {
    char32_t c = 0;
    std::size_t length = Decode(question, pos, c);
    if (length == 0) {
      out += question[pos];
      pos += 1;
      continue;
    }
    pos += length;
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    Encode(Fold(c), out);
  }
  return out;
}

std::string PlanCacheKey(std::string_view question, const plan::TimeContext& context) {
  const DateTime local = ToLocal(context.now, context.offset);
  return FormatDate(local.date) + FormatUtcOffset(context.offset) + '\n' + NormalizeQuestion(question);
}

std::optional<plan::Plan> PlanCache::Find(const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto found = index_.find(key);
  if (found == index_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->second;
}

void PlanCache::Insert(const std::string& key, plan::Plan plan) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  if (const auto found = index_.find(key); found != index_.end()) {
    found->second->second = std::move(plan);
    entries_.splice(entries_.begin(), entries_, found->second);
    return;
  }
  entries_.emplace_front(key, std::move(plan));
  index_.emplace(key, entries_.begin());
  if (entries_.size() > capacity_) {
    index_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

std::size_t PlanCache::Size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace videobot::llm
