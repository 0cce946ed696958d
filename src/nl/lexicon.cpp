#include "nl/lexicon.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>

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

}  // namespace

struct Lexicon::Impl {
  std::unordered_map<std::string, Concept, StringHash, std::equal_to<>> words;
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

std::optional<Concept> Lexicon::LookupWord(std::string_view word) const {
  const auto it = impl_->words.find(word);
  if (it == impl_->words.end()) return std::nullopt;
  return it->second;
}

}  // namespace videobot::nl
