// libFuzzer target: the question parser. Any input may be refused; a plan it returns must
// validate and compile on both dialects. A crash, a sanitizer report or an abort is a finding.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "nl/rule_parser.hpp"
#include "plan/validator.hpp"
#include "sql/compiler.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace videobot;
  static const plan::TimeContext kTime{ParseTimestamp("2025-12-02T12:00:00Z").value(), UtcOffset{}};
  const std::string_view question(reinterpret_cast<const char*>(data), size);
  nl::RuleParser parser;
  const auto outcome = parser.MakePlan(question, kTime);
  if (!outcome) return 0;
  if (!plan::ValidatePlan(*outcome)) std::abort();
  if (outcome->action == plan::Action::kQuery) {
    for (const auto dialect : {sql::Dialect::kSqlite, sql::Dialect::kPostgres}) {
      static_cast<void>(sql::Compile(*outcome, sql::CompileOptions{dialect, kTime}));
    }
  }
  return 0;
}
