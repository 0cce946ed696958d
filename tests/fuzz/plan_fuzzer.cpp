// libFuzzer target: the plan validator. Every input gives a Result; an accepted plan must
// validate again from its C++ form and compile on both dialects.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "plan/validator.hpp"
#include "sql/compiler.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace videobot;
  static const plan::TimeContext kTime{ParseTimestamp("2025-12-02T12:00:00Z").value(), UtcOffset{180}};
  const auto outcome = plan::ParsePlan(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!outcome) return 0;
  const auto again = plan::ValidatePlan(*outcome);
  if (!again || !(*again == *outcome)) std::abort();
  if (outcome->action == plan::Action::kQuery) {
    for (const auto dialect : {sql::Dialect::kSqlite, sql::Dialect::kPostgres}) {
      static_cast<void>(sql::Compile(*outcome, sql::CompileOptions{dialect, kTime}));
    }
  }
  return 0;
}
