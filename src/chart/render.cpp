#include "chart/render.hpp"

#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <numbers>

#include "chart/format.hpp"
#include "chart/png_encoder.hpp"
#include "common/error.hpp"

namespace videobot::chart {
namespace {

/// Where Debian (fonts-dejavu-core), Fedora and Arch put DejaVu Sans.
constexpr std::array<const char*, 3> kFontDirectories = {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
                                                         "/usr/share/fonts/TTF"};

constexpr Rgb kTextColor{31, 35, 40};
constexpr Rgb kMutedColor{87, 96, 106};
constexpr Rgb kGridColor{225, 228, 232};
constexpr Rgb kAxisColor{140, 149, 159};

constexpr double kMargin = 40;
constexpr double kRightMargin = 56;
constexpr double kTitleSize = 34;
constexpr double kSubtitleSize = 22;
constexpr double kLabelSize = 20;
constexpr double kTitleBaseline = 58;
constexpr double kSubtitleBaseline = 94;
constexpr double kPlotBottom = kImageHeight - 86;
constexpr double kTimeLabelBaseline = kPlotBottom + 32;
constexpr double kAxisCaptionBaseline = kImageHeight - 18;
/// Space between the plot's edge and its first and last points.
constexpr double kInnerPadding = 16;
/// At most this many points get dots; more make a plain line.
constexpr std::size_t kMaxMarkedPoints = 40;
constexpr double kLineWidth = 4;
constexpr double kMarkerRadius = 6;
constexpr int kValueTickTarget = 5;
/// Bars of a short ranking stay this thick at most.
constexpr double kMaxBarHeight = 56;
/// The share of the width the entry labels of a ranking may take.
constexpr double kMaxRankingLabelShare = 0.38;

enum class Align { kLeft, kCenter, kRight };

/// DejaVu Sans regular and bold as Cairo font faces, read once from the font files rather than
/// looked up through fontconfig: the same glyphs whatever the machine's font configuration, and no
/// fontconfig state to leak. Kept for the life of the process.
struct Fonts {
  cairo_font_face_t* regular = nullptr;
  cairo_font_face_t* bold = nullptr;
};

cairo_font_face_t* LoadFace(FT_Library library, const char* file_name) {
  for (const char* directory : kFontDirectories) {
    const std::string path = std::string(directory) + "/" + file_name;
    FT_Face face = nullptr;
    if (FT_New_Face(library, path.c_str(), 0, &face) != 0) continue;
    cairo_font_face_t* font_face = cairo_ft_font_face_create_for_ft_face(face, 0);
    if (cairo_font_face_status(font_face) == CAIRO_STATUS_SUCCESS) return font_face;
    cairo_font_face_destroy(font_face);
    FT_Done_Face(face);
  }
  throw EnvironmentError(std::string("не найден шрифт ") + file_name + " (пакет fonts-dejavu-core)");
}

const Fonts& LoadedFonts() {
  // A failed load throws out of the initialiser, and the next chart tries again.
  static const Fonts fonts = [] {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) throw EnvironmentError("не удалось инициализировать FreeType");
    return Fonts{LoadFace(library, "DejaVuSans.ttf"), LoadFace(library, "DejaVuSans-Bold.ttf")};
  }();
  return fonts;
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};

/// A Cairo surface and context with the chart's font settings. Layout uses a 1×1 canvas to measure text;
/// drawing uses a full-size one — the same settings give the same measures.
class Canvas {
 public:
  Canvas(int width, int height)
      : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)),
        context_(cairo_create(surface_.get())) {
    Check(cairo_surface_status(surface_.get()));
    Check(cairo_status(context_.get()));
    // Fixed font options rather than the machine's fontconfig defaults: the same bytes everywhere.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(context_.get(), options);
    cairo_font_options_destroy(options);
    Font(kLabelSize);
  }

  [[nodiscard]] cairo_t* cr() const { return context_.get(); }

  void Font(double size, bool bold = false) {
    cairo_set_font_face(cr(), bold ? LoadedFonts().bold : LoadedFonts().regular);
    cairo_set_font_size(cr(), size);
  }

  [[nodiscard]] double TextWidth(std::string_view text) const {
    const std::string owned(text);
    cairo_text_extents_t extents;
    cairo_text_extents(cr(), owned.c_str(), &extents);
    return extents.x_advance;
  }

  [[nodiscard]] std::string Fit(std::string_view text, double max_width) const {
    return Elide(text, max_width, [this](std::string_view piece) { return TextWidth(piece); });
  }

  void Color(const Rgb& color) const {
    cairo_set_source_rgb(cr(), color.red / 255.0, color.green / 255.0, color.blue / 255.0);
  }

  /// Draws `text` with its baseline at `y`, aligned at `x`; returns its width, which most callers
  /// do not need.
  double Text(double x, double y, std::string_view text, Align align) const {  // NOLINT(modernize-use-nodiscard)
    const double width = TextWidth(text);
    if (align == Align::kCenter) x -= width / 2;
    if (align == Align::kRight) x -= width;
    const std::string owned(text);
    cairo_move_to(cr(), x, y);
    cairo_show_text(cr(), owned.c_str());
    return width;
  }

  /// A crisp horizontal or vertical 1 px line.
  void HairLine(double x0, double y0, double x1, double y1) const {
    const auto snap = [](double v) { return std::floor(v) + 0.5; };
    cairo_set_line_width(cr(), 1);
    cairo_move_to(cr(), x0 == x1 ? snap(x0) : x0, y0 == y1 ? snap(y0) : y0);
    cairo_line_to(cr(), x0 == x1 ? snap(x1) : x1, y0 == y1 ? snap(y1) : y1);
    cairo_stroke(cr());
  }

  [[nodiscard]] std::string Png() const {
    cairo_surface_flush(surface_.get());
    return EncodePng(cairo_image_surface_get_data(surface_.get()), cairo_image_surface_get_width(surface_.get()),
                     cairo_image_surface_get_height(surface_.get()), cairo_image_surface_get_stride(surface_.get()));
  }

 private:
  static void Check(cairo_status_t status) {
    if (status != CAIRO_STATUS_SUCCESS) {
      throw EnvironmentError(std::string("не удалось нарисовать график: ") + cairo_status_to_string(status));
    }
  }

  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface_;
  std::unique_ptr<cairo_t, ContextDeleter> context_;
};

bool AllWhole(const std::vector<double>& values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return v == std::floor(v); });
}

/// The top of the plot area: below the title, the subtitle and the value-axis caption.
double PlotTop(const std::string& subtitle) { return subtitle.empty() ? 136 : 166; }

double WidestLabel(Canvas& canvas, const std::vector<double>& values) {
  double widest = 0;
  for (const double value : values) widest = std::max(widest, canvas.TextWidth(FormatNumber(value)));
  return widest;
}

std::vector<DateTime> LocalStarts(const TimeSeriesChart& chart) {
  std::vector<DateTime> starts;
  starts.reserve(chart.points.size());
  for (const auto& point : chart.points) starts.push_back(ToLocal(point.start, chart.offset));
  return starts;
}

std::vector<std::string> TimeLabels(const TimeSeriesChart& chart, const std::vector<std::size_t>& indices,
                                    TimeLabelStyle style) {
  std::vector<std::string> labels;
  labels.reserve(indices.size());
  for (const std::size_t i : indices)
    labels.push_back(FormatTimeLabel(ToLocal(chart.points[i].start, chart.offset), style));
  return labels;
}

TimeSeriesLayout LayoutTimeSeriesOn(Canvas& canvas, const TimeSeriesChart& chart) {
  TimeSeriesLayout layout;
  std::vector<double> values;
  for (const auto& point : chart.points) values.push_back(point.value);
  const auto [low, high] = values.empty() ? std::pair{0.0, 0.0}
                                          : std::pair{*std::min_element(values.begin(), values.end()),
                                                      *std::max_element(values.begin(), values.end())};
  layout.ticks = NiceTicks(low, high, kValueTickTarget, AllWhole(values));
  canvas.Font(kLabelSize);
  const double left = kMargin + WidestLabel(canvas, layout.ticks.values) + 14;
  const double top = PlotTop(chart.subtitle);
  layout.plot = {left, top, kImageWidth - kRightMargin - left, kPlotBottom - top};
  layout.y = LinearScale(layout.ticks.min, layout.ticks.max, layout.plot.bottom(), layout.plot.top);
  const std::size_t count = chart.points.size();
  for (std::size_t i = 0; i < count; ++i) {
    layout.x.push_back(PointX(i, count, layout.plot.left + kInnerPadding, layout.plot.right() - kInnerPadding));
  }
  layout.markers = count <= kMaxMarkedPoints;
  // Room for labels as wide as the widest of all of them, plus a gap.
  std::vector<std::size_t> every(count);
  for (std::size_t i = 0; i < count; ++i) every[i] = i;
  double widest = 0;
  layout.label_style = LabelStyleFor(chart);
  for (const auto& label : TimeLabels(chart, every, layout.label_style))
    widest = std::max(widest, canvas.TextWidth(label));
  const auto max_labels = static_cast<std::size_t>(std::max(1.0, std::floor(layout.plot.width / (widest + 28))));
  const std::size_t stride = LabelStride(count, max_labels, chart.bucket);
  const std::vector<DateTime> starts = LocalStarts(chart);
  layout.labelled = LabelledIndices(starts, stride, chart.bucket);
  const bool only_midnights = std::all_of(layout.labelled.begin(), layout.labelled.end(),
                                          [&starts](std::size_t i) { return starts[i].seconds_of_day == 0; });
  if (chart.bucket == Bucket::kHour && stride % 24 == 0 && only_midnights) layout.label_style = TimeLabelStyle::kDate;
  return layout;
}

void DrawHeading(Canvas& canvas, const std::string& title, const std::string& subtitle) {
  const double width = kImageWidth - 2 * kMargin;
  canvas.Font(kTitleSize, true);
  canvas.Color(kTextColor);
  canvas.Text(kMargin, kTitleBaseline, canvas.Fit(title, width), Align::kLeft);
  if (!subtitle.empty()) {
    canvas.Font(kSubtitleSize);
    canvas.Color(kMutedColor);
    canvas.Text(kMargin, kSubtitleBaseline, canvas.Fit(subtitle, width), Align::kLeft);
  }
}

void FillBackground(Canvas& canvas) {
  canvas.Color(kBackgroundColor);
  cairo_paint(canvas.cr());
}

void DrawNoData(Canvas& canvas, const Rect& plot) {
  canvas.Font(kSubtitleSize);
  canvas.Color(kMutedColor);
  canvas.Text(plot.left + plot.width / 2, plot.top + plot.height / 2, "нет данных", Align::kCenter);
}

void DrawValueGrid(Canvas& canvas, const TimeSeriesLayout& layout) {
  canvas.Font(kLabelSize);
  for (const double tick : layout.ticks.values) {
    const double y = layout.y(tick);
    canvas.Color(tick == 0 ? kAxisColor : kGridColor);
    canvas.HairLine(layout.plot.left, y, layout.plot.right(), y);
    canvas.Color(kMutedColor);
    canvas.Text(layout.plot.left - 14, y + 7, FormatNumber(tick), Align::kRight);
  }
}

void DrawTimeLabels(Canvas& canvas, const TimeSeriesChart& chart, const TimeSeriesLayout& layout) {
  canvas.Font(kLabelSize);
  const auto labels = TimeLabels(chart, layout.labelled, layout.label_style);
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const double x = layout.x[layout.labelled[k]];
    canvas.Color(kAxisColor);
    canvas.HairLine(x, layout.plot.bottom(), x, layout.plot.bottom() + 8);
    // Kept inside the image: the first and last labels may sit near an edge.
    const double half = canvas.TextWidth(labels[k]) / 2;
    const double centre = std::clamp(x, kMargin / 2 + half, kImageWidth - kMargin / 2 - half);
    canvas.Color(kMutedColor);
    canvas.Text(centre, kTimeLabelBaseline, labels[k], Align::kCenter);
  }
}

void DrawSeries(Canvas& canvas, const TimeSeriesChart& chart, const TimeSeriesLayout& layout) {
  cairo_t* cr = canvas.cr();
  canvas.Color(kSeriesColor);
  cairo_set_line_width(cr, kLineWidth);
  // Round joins look best on a few points; on hundreds they cost most of the drawing and show
  // no difference.
  cairo_set_line_join(cr, layout.markers ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const double x = layout.x[i];
    const double y = layout.y(chart.points[i].value);
    if (i == 0) {
      cairo_move_to(cr, x, y);
    } else {
      cairo_line_to(cr, x, y);
    }
  }
  cairo_stroke(cr);
  if (!layout.markers) return;
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, layout.x[i], layout.y(chart.points[i].value), kMarkerRadius, 0, 2 * std::numbers::pi);
  }
  canvas.Color(kSeriesColor);
  cairo_fill_preserve(cr);
  canvas.Color(kBackgroundColor);
  cairo_set_line_width(cr, 2);
  cairo_stroke(cr);
}

void DrawCaptions(Canvas& canvas, const Rect& plot, const std::string& value_caption, const std::string& axis_caption) {
  canvas.Font(kLabelSize);
  canvas.Color(kMutedColor);
  canvas.Text(kMargin, plot.top - 26, canvas.Fit(value_caption, kImageWidth - 2 * kMargin), Align::kLeft);
  canvas.Text(plot.right(), kAxisCaptionBaseline, canvas.Fit(axis_caption, plot.width), Align::kRight);
}

// ---- rankings ----

RankingLayout LayoutRankingOn(Canvas& canvas, const RankingChart& chart) {
  RankingLayout layout;
  std::vector<double> values;
  for (const auto& entry : chart.entries) values.push_back(entry.value);
  const auto [low, high] = values.empty() ? std::pair{0.0, 0.0}
                                          : std::pair{*std::min_element(values.begin(), values.end()),
                                                      *std::max_element(values.begin(), values.end())};
  layout.ticks = NiceTicks(low, high, kValueTickTarget, AllWhole(values));
  const double top = PlotTop(chart.subtitle);
  const double height = kPlotBottom - top;
  const double slot = chart.entries.empty() ? height : height / static_cast<double>(chart.entries.size());
  layout.font_size = std::clamp(std::floor(slot * 0.55), 10.0, kLabelSize);
  canvas.Font(layout.font_size);
  const double max_label = kImageWidth * kMaxRankingLabelShare;
  double label_width = 0;
  double value_width = 0;
  for (const auto& entry : chart.entries) {
    label_width = std::max(label_width, canvas.TextWidth(canvas.Fit(entry.label, max_label)));
    value_width = std::max(value_width, canvas.TextWidth(FormatNumber(entry.value)));
  }
  // Values are written past the end of their bar: right of it, or left of a negative one.
  const bool any_negative = std::any_of(values.begin(), values.end(), [](double v) { return v < 0; });
  layout.labels_right = kMargin + label_width;
  const double left = layout.labels_right + 16 + (any_negative ? value_width + 12 : 0);
  const double right = kImageWidth - kMargin - value_width - 12;
  layout.plot = {left, top, std::max(1.0, right - left), height};
  layout.x = LinearScale(layout.ticks.min, layout.ticks.max, layout.plot.left, layout.plot.right());
  const double zero = layout.x(0);
  for (std::size_t i = 0; i < chart.entries.size(); ++i) {
    const double end = layout.x(chart.entries[i].value);
    const double bar_height = std::min(slot * 0.7, kMaxBarHeight);
    const double bar_top = top + slot * static_cast<double>(i) + (slot - bar_height) / 2;
    layout.bars.push_back({std::min(zero, end), bar_top, std::fabs(end - zero), bar_height});
  }
  return layout;
}

void DrawRankingGrid(Canvas& canvas, const RankingLayout& layout) {
  canvas.Font(kLabelSize);
  for (const double tick : layout.ticks.values) {
    const double x = layout.x(tick);
    canvas.Color(tick == 0 ? kAxisColor : kGridColor);
    canvas.HairLine(x, layout.plot.top, x, layout.plot.bottom());
    canvas.Color(kMutedColor);
    canvas.Text(x, kTimeLabelBaseline, FormatNumber(tick), Align::kCenter);
  }
}

void DrawBars(Canvas& canvas, const RankingChart& chart, const RankingLayout& layout) {
  canvas.Font(layout.font_size);
  const double max_label = kImageWidth * kMaxRankingLabelShare;
  for (std::size_t i = 0; i < chart.entries.size(); ++i) {
    const Rect& bar = layout.bars[i];
    const double baseline = bar.top + bar.height / 2 + layout.font_size * 0.36;
    canvas.Color(kSeriesColor);
    cairo_rectangle(canvas.cr(), bar.left, bar.top, std::max(bar.width, 1.0), bar.height);
    cairo_fill(canvas.cr());
    canvas.Color(kTextColor);
    canvas.Text(layout.labels_right, baseline, canvas.Fit(chart.entries[i].label, max_label), Align::kRight);
    const bool negative = chart.entries[i].value < 0;
    const double value_x = negative ? bar.left - 10 : bar.right() + 10;
    canvas.Text(value_x, baseline, FormatNumber(chart.entries[i].value), negative ? Align::kRight : Align::kLeft);
  }
}

}  // namespace

TimeSeriesLayout LayoutTimeSeries(const TimeSeriesChart& chart) {
  Canvas measure(1, 1);
  return LayoutTimeSeriesOn(measure, chart);
}

RankingLayout LayoutRanking(const RankingChart& chart) {
  Canvas measure(1, 1);
  return LayoutRankingOn(measure, chart);
}

std::string RenderPng(const TimeSeriesChart& chart) {
  Canvas canvas(kImageWidth, kImageHeight);
  const TimeSeriesLayout layout = LayoutTimeSeriesOn(canvas, chart);
  FillBackground(canvas);
  DrawHeading(canvas, chart.title, chart.subtitle);
  DrawValueGrid(canvas, layout);
  const std::string axis_caption =
      chart.x_axis_label.empty() ? DefaultTimeAxisLabel(chart.bucket, chart.offset) : chart.x_axis_label;
  DrawCaptions(canvas, layout.plot, chart.y_axis_label, axis_caption);
  if (chart.points.empty()) {
    DrawNoData(canvas, layout.plot);
  } else {
    DrawTimeLabels(canvas, chart, layout);
    DrawSeries(canvas, chart, layout);
  }
  return canvas.Png();
}

std::string RenderPng(const RankingChart& chart) {
  Canvas canvas(kImageWidth, kImageHeight);
  const RankingLayout layout = LayoutRankingOn(canvas, chart);
  FillBackground(canvas);
  DrawHeading(canvas, chart.title, chart.subtitle);
  DrawRankingGrid(canvas, layout);
  DrawCaptions(canvas, layout.plot, chart.value_label, "");
  if (chart.entries.empty()) {
    DrawNoData(canvas, layout.plot);
  } else {
    DrawBars(canvas, chart, layout);
  }
  return canvas.Png();
}

}  // namespace videobot::chart
