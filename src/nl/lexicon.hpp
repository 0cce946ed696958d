#pragma once
// The lexicon: every inflected form of the vocabulary (lexicon_tables.cpp) and every fixed
// phrase, looked up in a hash table keyed by the first token.

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nl/concept.hpp"
#include "nl/token.hpp"

namespace videobot::nl {

/// A recognised word or phrase: its meaning and how many tokens it covers.
struct LexMatch {
  Concept meaning = Concept::kFiller;
  std::size_t length = 1;
};

class Lexicon {
 public:
  /// The process-wide lexicon, built on first use (thread-safe).
  static const Lexicon& Instance();

  /// The longest phrase (two tokens or more) starting at tokens[pos], if any.
  std::optional<LexMatch> MatchPhrase(std::span<const Token> tokens, std::size_t pos) const;

  /// The meaning of one word form, if it is in the vocabulary.
  std::optional<Concept> LookupWord(std::string_view word) const;

  /// The one word form closest to `word` by Damerau–Levenshtein distance (adjacent
  /// transpositions count once) on case-folded code points, when it is clearly the best: at
  /// distance 1 or 2, less than half the word's length, and no other form as close. A suggestion
  /// for a person, never a reading of the question. Nullopt otherwise.
  std::optional<std::string> Suggest(std::string_view word) const;

  /// Forms that two entries gave different meanings (the first one wins). Empty when the
  /// tables are consistent; tests check it.
  const std::vector<std::string>& Conflicts() const { return conflicts_; }

 private:
  Lexicon();
  struct Impl;
  struct ImplDeleter {
    void operator()(Impl* impl) const;
  };
  std::unique_ptr<Impl, ImplDeleter> impl_;
  std::vector<std::string> conflicts_;
};

}  // namespace videobot::nl
