#include "sql/catalogue.hpp"

#include <cassert>

namespace videobot::sql::catalogue {

std::string_view NumericColumn(plan::Source source, plan::Field field) {
  using plan::Field;
  const bool videos = source == plan::Source::kVideos;
  switch (field) {
    case Field::kViews: return videos ? "v.views_count" : "s.views_count";
    case Field::kLikes: return videos ? "v.likes_count" : "s.likes_count";
    case Field::kComments: return videos ? "v.comments_count" : "s.comments_count";
    case Field::kReports: return videos ? "v.reports_count" : "s.reports_count";
    case Field::kDeltaViews: return "s.delta_views_count";
    case Field::kDeltaLikes: return "s.delta_likes_count";
    case Field::kDeltaComments: return "s.delta_comments_count";
    case Field::kDeltaReports: return "s.delta_reports_count";
    case Field::kVideoId:
    case Field::kCreatorId:
    case Field::kPublicationDate:
    case Field::kMeasurementDate: break;
  }
  assert(false && "not a numeric field");
  return "NULL";
}

std::string_view Operator(plan::CompareOp op) {
  using plan::CompareOp;
  switch (op) {
    case CompareOp::kGreater: return ">";
    case CompareOp::kGreaterEqual: return ">=";
    case CompareOp::kLess: return "<";
    case CompareOp::kLessEqual: return "<=";
    case CompareOp::kEqual: return "=";
    case CompareOp::kNotEqual: return "<>";
  }
  return "=";
}

}  // namespace videobot::sql::catalogue
