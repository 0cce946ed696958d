#pragma once
// Every setting an operator can give videobot, in one list: the source of `videobot settings`
// and of the table in docs/operations.md (a test keeps the two equal, and checks that every
// environment variable the code reads has a row).

#include <string>
#include <string_view>
#include <vector>

namespace videobot::app {

/// One setting: an environment variable, the command-line flag that overrides it (if any), its
/// default, what it means and which commands read it.
struct Setting {
  std::string variable;  ///< e.g. "DATABASE_URL"
  std::string flag;      ///< e.g. "--db", or "" when there is none
  std::string fallback;  ///< the default, as an operator would write it, or a short phrase
  std::string meaning;   ///< one or two English sentences
  std::string commands;  ///< e.g. "all", "bot, serve"
};

/// Every setting, in the order of the table.
const std::vector<Setting>& SettingsCatalogue();

/// The catalogue as a Markdown table (header, separator, one row per setting, each line ending
/// with a newline).
std::string SettingsMarkdownTable();

}  // namespace videobot::app
