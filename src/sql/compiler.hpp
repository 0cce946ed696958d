#pragma once
// The plan compiler: a validated plan → SQL text + bound parameters for one dialect.
// Identifiers come only from the closed catalogue (catalogue.hpp); every value is a parameter.
// Periods are resolved in C++ to half-open UTC ranges [from, to), so both engines compare the
// same instants and give identical answers.

#include "plan/plan.hpp"
#include "plan/resolve.hpp"
#include "sql/query.hpp"

namespace videobot::sql {

struct CompileOptions {
  Dialect dialect = Dialect::kSqlite;
  plan::TimeContext time;  ///< "now" and the time zone used to resolve periods and bucket days
};

/// Compiles a plan that passed plan::ValidatePlan/ParsePlan (a query, not a refusal).
/// Violating that precondition is a programmer error. A plan's `time_zone` replaces the zone of
/// `options.time`.
Query Compile(const plan::Plan& plan, const CompileOptions& options);

}  // namespace videobot::sql
