#pragma once
// Shared pieces of the LLM integration tests: plans the fake model answers with, settings
// pointing at a fake server, a fixed "now".

#include <string>

#include "fake_openai_server.hpp"
#include "llm/settings.hpp"
#include "plan/resolve.hpp"

namespace videobot::testing {

/// A valid plan: videos with more than 100 000 final views, counted.
inline const std::string kValidPlanJson =
    R"({"action":"query","refusal_reason":null,"source":"videos","aggregate":"count","field":null,)"
    R"("filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,)"
    R"("hours_after_publication":null,"conditions":[{"field":"views_count","op":">","value":100000}]},)"
    R"("group_by":null,"order":null,"limit":null})";

/// Fails the schema: "source" is not one of the enum values.
inline const std::string kSchemaInvalidPlanJson =
    R"({"action":"query","refusal_reason":null,"source":"tables","aggregate":"count","field":null,)"
    R"("filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,)"
    R"("hours_after_publication":null,"conditions":[]},"group_by":null,"order":null,"limit":null})";

/// Passes the schema but not the semantics: a delta summed over the videos table.
inline const std::string kSemanticallyInvalidPlanJson =
    R"({"action":"query","refusal_reason":null,"source":"videos","aggregate":"sum","field":"delta_views_count",)"
    R"("filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,)"
    R"("hours_after_publication":null,"conditions":[]},"group_by":null,"order":null,"limit":null})";

/// A refusal of a modification request.
inline const std::string kRefusalPlanJson =
    R"({"action":"refuse","refusal_reason":"modification","source":null,"aggregate":null,"field":null,)"
    R"("filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,)"
    R"("hours_after_publication":null,"conditions":[]},"group_by":null,"order":null,"limit":null})";

inline constexpr const char* kTestApiKey = "sk-test-7f3a9c1e5b2d4f60a8e1";

/// Settings for a model behind `server`, with a key and `timeout`.
inline llm::Settings SettingsFor(const FakeOpenAiServer& server,
                                 std::chrono::milliseconds timeout = std::chrono::milliseconds(10'000)) {
  llm::Settings settings;
  settings.base_url = server.BaseUrl();
  settings.api_key = kTestApiKey;
  settings.model = "test-model";
  settings.timeout = timeout;
  return settings;
}

/// 2025-12-10 12:00 UTC.
inline plan::TimeContext TestContext() {
  return plan::TimeContext{ToInstant(DateTime{Date{2025, 12, 10}, 12 * 3600}, UtcOffset{0}), UtcOffset{0}};
}

}  // namespace videobot::testing
