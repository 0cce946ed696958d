#include "nl/lexicon.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "nl/lexicon_tables.hpp"
#include "nl/tokenizer.hpp"

namespace videobot::nl {
namespace {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// A phrase stored as the texts of its tokens.
struct Phrase {
  std::vector<std::string> tokens;
  Concept meaning;
};

std::u32string FoldedCodePoints(std::string_view text) {
  icu::UnicodeString folded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  folded.foldCase();
  std::u32string out;
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1))
    out += static_cast<char32_t>(folded.char32At(i));
  return out;
}

// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), or
// `limit + 1` as soon as it must exceed `limit`.
std::size_t EditDistance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t row_best = limit + 1;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      row_best = std::min(row_best, d[i][j]);
    }
    if (row_best > limit) return limit + 1;
  }
  return d[n][m];
}

}  // namespace

struct Lexicon::Impl {
  std::unordered_map<std::string, Concept, StringHash, std::equal_to<>> words;
  // Single-word forms with a meaning (no fillers), case-folded to code points, for Suggest.
  std::vector<std::pair<std::u32string, std::string>> suggestible;
  // Phrases by their first token, longest first.
  std::unordered_map<std::string, std::vector<Phrase>, StringHash, std::equal_to<>> phrases;
};

void Lexicon::ImplDeleter::operator()(Impl* impl) const { delete impl; }

const Lexicon& Lexicon::Instance() {
  static const Lexicon lexicon;
  return lexicon;
}

Lexicon::Lexicon() : impl_(new Impl) {
  auto add_word = [this](std::string form, Concept meaning) {
    auto [it, inserted] = impl_->words.emplace(form, meaning);
    if (!inserted && it->second != meaning) conflicts_.push_back(std::move(form));
  };
  for (const WordEntry& entry : WordEntries()) {
    for (std::string_view ending : Endings(entry.paradigm)) {
      add_word(std::string(entry.stem) + std::string(ending), entry.meaning);
    }
  }
  auto add_phrase = [this, &add_word](std::string_view text, Concept meaning) {
    Phrase phrase{{}, meaning};
    for (const Token& token : Tokenize(text)) phrase.tokens.emplace_back(token.text);
    if (phrase.tokens.size() == 1) {
      add_word(phrase.tokens.front(), meaning);
      return;
    }
    impl_->phrases[phrase.tokens.front()].push_back(std::move(phrase));
  };
  for (const PhraseEntry& entry : PhraseEntries()) add_phrase(entry.text, entry.meaning);
  for (const CompoundEntry& entry : CompoundEntries()) {
    for (std::string_view first : Endings(entry.first_paradigm)) {
      std::string head = std::string(entry.first_stem) + std::string(first);
      if (!entry.middle.empty()) head += " " + std::string(entry.middle);
      if (entry.second_stem.empty()) {
        add_phrase(head, entry.meaning);
        continue;
      }
      for (std::string_view second : Endings(entry.second_paradigm)) {
        add_phrase(head + " " + std::string(entry.second_stem) + std::string(second), entry.meaning);
      }
    }
  }
  for (auto& [first, list] : impl_->phrases) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Phrase& a, const Phrase& b) { return a.tokens.size() > b.tokens.size(); });
  }
  for (const auto& [form, meaning] : impl_->words) {
    if (meaning != Concept::kFiller && form.size() >= 3) impl_->suggestible.emplace_back(FoldedCodePoints(form), form);
  }
  // A fixed order, so that equal distances are found in the same order on every run.
  std::sort(impl_->suggestible.begin(), impl_->suggestible.end());
}

std::optional<LexMatch> Lexicon::MatchPhrase(std::span<const Token> tokens, std::size_t pos) const {
  const auto it = impl_->phrases.find(tokens[pos].text);
  if (it == impl_->phrases.end()) return std::nullopt;
  for (const Phrase& phrase : it->second) {
    if (pos + phrase.tokens.size() > tokens.size()) continue;
    bool match = true;
    for (std::size_t k = 1; k < phrase.tokens.size() && match; ++k) {
      match = tokens[pos + k].text == phrase.tokens[k];
    }
    if (match) return LexMatch{phrase.meaning, phrase.tokens.size()};
  }
  return std::nullopt;
}

std::optional<std::string> Lexicon::Suggest(std::string_view word) const {
  constexpr std::size_t kMaxDistance = 2;
  const std::u32string folded = FoldedCodePoints(word);
  std::size_t best = kMaxDistance + 1;
  const std::string* best_form = nullptr;
  bool tie = false;
  for (const auto& [form, text] : impl_->suggestible) {
    const std::size_t distance = EditDistance(folded, form, std::min(best, kMaxDistance));
    if (distance > kMaxDistance || distance > best) continue;
    if (distance == best) {
      tie = tie || (best_form != nullptr && *best_form != text);
      continue;
    }
    best = distance;
    best_form = &text;
    tie = false;
  }
  if (best_form == nullptr || tie || best == 0 || best * 2 >= folded.size()) return std::nullopt;
  return *best_form;
}

std::optional<Concept> Lexicon::LookupWord(std::string_view word) const {
  const auto it = impl_->words.find(word);
  if (it == impl_->words.end()) return std::nullopt;
  return it->second;
}

}  // namespace videobot::nl
