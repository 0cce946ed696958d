#include "datagen/generator.hpp"

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

// Key order and indentation as in the real file.
void WriteSnapshot(std::string& out, const SnapshotData& s, const Id128& video_id, bool last) {
  constexpr std::string_view kIndent = "          ";
  out += "        {\n";
  IdField(out, kIndent, "id", s.id, false);
  IdField(out, kIndent, "video_id", video_id, true);
  Integer(out, kIndent, metrics::kViews.counter, s.counters.views);
  Integer(out, kIndent, metrics::kLikes.counter, s.counters.likes);
  Integer(out, kIndent, metrics::kReports.counter, s.counters.reports);
  Integer(out, kIndent, metrics::kComments.counter, s.counters.comments);
  Integer(out, kIndent, metrics::kViews.delta, s.deltas.views);
  Integer(out, kIndent, metrics::kLikes.delta, s.deltas.likes);
  Integer(out, kIndent, metrics::kReports.delta, s.deltas.reports);
  Integer(out, kIndent, metrics::kComments.delta, s.deltas.comments);
  Timestamp(out, kIndent, "created_at", s.created_at, true);
  Timestamp(out, kIndent, "updated_at", s.updated_at, true, true);
  out += last ? "        }\n" : "        },\n";
}

void WriteVideo(std::string& out, const VideoData& v, const std::vector<Id128>& creators, bool last) {
  constexpr std::string_view kIndent = "      ";
  out += "    {\n";
  IdField(out, kIndent, "id", v.id, true);
  Timestamp(out, kIndent, "video_created_at", v.published, false);
  Integer(out, kIndent, metrics::kViews.counter, v.counters.views);
  Integer(out, kIndent, metrics::kLikes.counter, v.counters.likes);
  Integer(out, kIndent, metrics::kReports.counter, v.counters.reports);
  Integer(out, kIndent, metrics::kComments.counter, v.counters.comments);
  IdField(out, kIndent, "creator_id", creators[static_cast<std::size_t>(v.creator)], false);
  Timestamp(out, kIndent, "created_at", v.created_at, true);
  Timestamp(out, kIndent, "updated_at", v.updated_at, true);
  out += "      \"snapshots\": [\n";
  for (std::size_t i = 0; i < v.snapshots.size(); ++i) WriteSnapshot(out, v.snapshots[i], v.id, i + 1 == v.snapshots.size());
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
