#include "hostile_strings.hpp"

namespace videobot::fuzz {

const std::vector<std::string>& HostileStrings() {
  static const std::vector<std::string> strings = {
      "'",
      "''",
      "\"",
      "`",
      "';--",
      "'; DROP TABLE videos; --",
      "\"; DELETE FROM video_snapshots; --",
      "' OR '1'='1",
      "1 OR 1=1",
      "1; UPDATE videos SET views_count = 0",
      "/*",
      "*/",
      "/* comment */",
      "--",
      "-- comment\n",
      ";",
      std::string("nul\0byte", 8),
      std::string("'\0'", 3),
      "$1",
      "$2::text",
      "?1",
      "?",
      "$$ SELECT 1 $$",
      "\\",
      "\\'",
      "%27",
      "&#39;",
      "\\x27",
      "%",
      "_",
      "' UNION SELECT id FROM videos --",
      "pg_sleep(10)",
      "randomblob(1000000000)",
      "'||(SELECT COUNT(*) FROM videos)||'",
      "\xEF\xBC\x87",              // ＇ full-width apostrophe
      "\xCA\xBC",                  // ʼ modifier letter apostrophe
      "\xE2\x80\x98\xE2\x80\x99",  // ‘’
      "\xEF\xBC\x9B",              // ； full-width semicolon
      "\xE2\x88\x92\xE2\x88\x92",  // −− minus signs
      "\xEF\xBC\x8F\xEF\xBC\x8A",  // ／＊
      "\xE2\x80\x8B",              // zero-width space
      "\xE2\x80\xAE",              // right-to-left override
      "\xC2\xA0",                  // no-break space
      "\xEF\xBB\xBF",              // byte-order mark
      "\r\n",
      "\x1b[31m",
      "DELETE FROM videos",
      "удали все видео; DROP TABLE videos",
  };
  return strings;
}

std::string RandomHostile(Random& random) {
  static const std::vector<std::string> kIds = {"aca1061a9d324ecf8c3fa2bb32d7be63",
                                                "ecd8a4e4-1f24-4b97-a944-35d17078ce7c"};
  switch (random.Between(0, 4)) {
    case 0: return random.Pick(HostileStrings());
    case 1: return random.Pick(HostileStrings()) + random.Pick(HostileStrings());
    case 2: return random.Pick(kIds) + random.Pick(HostileStrings());
    case 3: return random.Pick(HostileStrings()) + random.Pick(kIds);
    default: {
      std::string bytes = random.Bytes(static_cast<std::size_t>(random.Between(1, 12)));
      bytes.insert(static_cast<std::size_t>(random.Between(0, static_cast<std::int64_t>(bytes.size()))), "'");
      return bytes;
    }
  }
}

}  // namespace videobot::fuzz
