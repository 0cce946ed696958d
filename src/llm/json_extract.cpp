#include "llm/json_extract.hpp"

#include <nlohmann/json.hpp>
#include <vector>

#include "common/text.hpp"

namespace videobot::llm {
namespace {

using Json = nlohmann::json;

bool IsObject(std::string_view text) {
  const Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return !document.is_discarded() && document.is_object();
}

// Contents of ``` fences (an optional language tag on the opening line is skipped).
std::vector<std::string_view> FencedBlocks(std::string_view text) {
  std::vector<std::string_view> blocks;
  std::size_t pos = 0;
  while (true) {
    const auto open = text.find("```", pos);
    if (open == std::string_view::npos) break;
    auto body = text.find('\n', open + 3);
    if (body == std::string_view::npos) break;
    body += 1;
    const auto close = text.find("```", body);
    if (close == std::string_view::npos) break;
    blocks.push_back(text.substr(body, close - body));
    pos = close + 3;
  }
  return blocks;
}

// The end (one past the closing brace) of the balanced object starting at `open`, honouring
// strings and escapes; npos when unbalanced.
std::size_t MatchingBrace(std::string_view text, std::size_t open) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

// Every balanced top-level object in `text` that parses; the search goes on after each
// balanced candidate, parsed or not.
std::vector<std::string_view> EmbeddedObjects(std::string_view text) {
  // Each failed candidate may cost a scan to the end of the text: bound their number so a
  // pathological reply ("{{{{…") stays linear.
  constexpr int kMaxFailedCandidates = 32;
  int failures = 0;
  std::vector<std::string_view> objects;
  std::size_t pos = 0;
  while (failures < kMaxFailedCandidates) {
    const auto open = text.find('{', pos);
    if (open == std::string_view::npos) break;
    const auto end = MatchingBrace(text, open);
    if (end == std::string_view::npos) {
      ++failures;
      pos = open + 1;
      continue;
    }
    const std::string_view candidate = text.substr(open, end - open);
    if (IsObject(candidate)) {
      objects.push_back(candidate);
      pos = end;
    } else {
      ++failures;
      pos = open + 1;
    }
  }
  return objects;
}

// The single object among `candidates` (identical duplicates allowed), or nullopt.
std::optional<std::string> Single(const std::vector<std::string_view>& candidates) {
  if (candidates.empty()) return std::nullopt;
  const Json first = Json::parse(candidates.front());
  for (std::size_t i = 1; i < candidates.size(); ++i) {
    if (Json::parse(candidates[i]) != first) return std::nullopt;
  }
  return std::string(TrimAscii(candidates.front()));
}

}  // namespace

std::optional<std::string> ExtractJsonObject(std::string_view reply) {
  if (reply.size() > kMaxReplyBytes) return std::nullopt;
  const std::string_view trimmed = TrimAscii(reply);
  if (IsObject(trimmed)) return std::string(trimmed);
  std::vector<std::string_view> fenced;
  for (std::string_view block : FencedBlocks(trimmed)) {
    if (IsObject(TrimAscii(block))) fenced.push_back(TrimAscii(block));
  }
  if (!fenced.empty()) return Single(fenced);
  return Single(EmbeddedObjects(trimmed));
}

}  // namespace videobot::llm
