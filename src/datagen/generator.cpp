#include "datagen/generator.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "common/metrics.hpp"
#include "datagen/json_format.hpp"
#include "datagen/random.hpp"
#include "datagen/video_model.hpp"

namespace videobot::datagen {
namespace {

constexpr std::size_t kFlushBytes = std::size_t{1} << 20;

void Field(std::string& out, std::string_view indent, std::string_view name) {
  out += indent;
  out += '"';
  out += name;
  out += "\": ";
}

void Integer(std::string& out, std::string_view indent, std::string_view name, std::int64_t value, bool last = false) {
  Field(out, indent, name);
  AppendInteger(out, value);
  out += last ? "\n" : ",\n";
}

void Timestamp(std::string& out, std::string_view indent, std::string_view name, Instant value, bool micros,
               bool last = false) {
  Field(out, indent, name);
  out += '"';
  AppendTimestamp(out, value, micros);
  out += last ? "\"\n" : "\",\n";
}

void IdField(std::string& out, std::string_view indent, std::string_view name, const Id128& id, bool dashed) {
  Field(out, indent, name);
  out += '"';
  AppendId(out, id, dashed);
  out += "\",\n";
}

// The metrics in the order the real file lists their keys (reports before comments), then any
// other metric of the catalogue in its order.
constexpr std::array<std::size_t, metrics::kCount> kKeyOrder = [] {
  constexpr std::array<metrics::Metric, 4> kRealFile = {metrics::kViews, metrics::kLikes, metrics::kReports,
                                                        metrics::kComments};
  std::array<std::size_t, metrics::kCount> order{};
  std::array<bool, metrics::kCount> placed{};
  std::size_t next = 0;
  for (const auto& metric : kRealFile) {
    order[next++] = metrics::IndexOf(metric);
    placed[metrics::IndexOf(metric)] = true;
  }
  for (std::size_t i = 0; i < metrics::kCount; ++i) {
    if (!placed[i]) order[next++] = i;
  }
  return order;
}();

// One integer field per metric, in kKeyOrder, named by the metric's `key` (counter or delta).
void Metrics(std::string& out, std::string_view indent, const Counters& values,
             std::string_view metrics::Metric::*key) {
  for (const std::size_t i : kKeyOrder) Integer(out, indent, metrics::kAll[i].*key, values[i]);
}

// Key order and indentation as in the real file.
void WriteSnapshot(std::string& out, const SnapshotData& s, const Id128& video_id, bool last) {
  constexpr std::string_view kIndent = "          ";
  out += "        {\n";
  IdField(out, kIndent, "id", s.id, false);
  IdField(out, kIndent, "video_id", video_id, true);
  Metrics(out, kIndent, s.counters, &metrics::Metric::counter);
  Metrics(out, kIndent, s.deltas, &metrics::Metric::delta);
  Timestamp(out, kIndent, "created_at", s.created_at, true);
  Timestamp(out, kIndent, "updated_at", s.updated_at, true, true);
  out += last ? "        }\n" : "        },\n";
}

void WriteVideo(std::string& out, const VideoData& v, const std::vector<Id128>& creators, bool last) {
  constexpr std::string_view kIndent = "      ";
  out += "    {\n";
  IdField(out, kIndent, "id", v.id, true);
  Timestamp(out, kIndent, "video_created_at", v.published, false);
  Metrics(out, kIndent, v.counters, &metrics::Metric::counter);
  IdField(out, kIndent, "creator_id", creators[static_cast<std::size_t>(v.creator)], false);
  Timestamp(out, kIndent, "created_at", v.created_at, true);
  Timestamp(out, kIndent, "updated_at", v.updated_at, true);
  out += "      \"snapshots\": [\n";
  for (std::size_t i = 0; i < v.snapshots.size(); ++i)
    WriteSnapshot(out, v.snapshots[i], v.id, i + 1 == v.snapshots.size());
  out += "      ]\n";
  out += last ? "    }\n" : "    },\n";
}

}  // namespace

void Generate(const GeneratorOptions& options, std::ostream& out) {
  const GeneratorOptions resolved = Resolve(options);
  Random random(resolved.seed);
  std::vector<Id128> creators;
  creators.reserve(static_cast<std::size_t>(resolved.creators));
  for (int i = 0; i < resolved.creators; ++i) creators.push_back(Id128{random.Bits(), random.Bits()});
  const VideoModel model(resolved, random);

  std::string buffer = "{\n  \"videos\": [\n";
  buffer.reserve(kFlushBytes * 2);
  VideoData video;
  for (int i = 0; i < resolved.videos; ++i) {
    model.Next(random, video);
    WriteVideo(buffer, video, creators, i + 1 == resolved.videos);
    if (buffer.size() >= kFlushBytes) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  buffer += "  ]\n}\n";
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
}

}  // namespace videobot::datagen
