#pragma once
// The system message sent to the model: the Russian prompt from prompts/system_ru.md (embedded
// at build time) followed by the current date, time and time zone.

#include <string>
#include <string_view>

#include "plan/resolve.hpp"

namespace videobot::llm {

/// The embedded prompt text (prompts/system_ru.md), without the current-moment section.
std::string_view SystemPromptTemplate();

/// The full system message for a question asked at `context`: the template plus the local
/// date, weekday, time and UTC offset, so the model can place relative periods.
std::string BuildSystemPrompt(const plan::TimeContext& context);

}  // namespace videobot::llm
