#pragma once
// Small predicates over tokens shared by the recognisers.

#include <cstddef>
#include <span>
#include <string_view>
#include <utility>

#include "nl/token.hpp"

namespace videobot::nl {

/// True when `token` is the word `text`.
inline bool IsWord(const Token& token, std::string_view text) {
  return token.kind == TokenKind::kWord && token.text == text;
}

/// True when `token` is one of `words` (a word table of word_tables.hpp).
inline bool IsAnyWord(const Token& token, std::span<const std::string_view> words) {
  if (token.kind != TokenKind::kWord) return false;
  for (std::string_view word : words) {
    if (token.text == word) return true;
  }
  return false;
}

/// True when `text` is one of `words` (a word table of word_tables.hpp).
inline bool IsListedWord(std::string_view text, std::span<const std::string_view> words) {
  for (std::string_view word : words) {
    if (text == word) return true;
  }
  return false;
}

/// True when `token` is the punctuation character `c`.
inline bool IsPunct(const Token& token, char c) {
  return token.kind == TokenKind::kPunct && token.text.size() == 1 && token.text[0] == c;
}

/// True when tokens[pos] exists and is the word `text`.
inline bool WordAt(std::span<const Token> tokens, std::size_t pos, std::string_view text) {
  return pos < tokens.size() && IsWord(tokens[pos], text);
}

/// True when tokens[pos] exists and is one of `words`.
inline bool AnyWordAt(std::span<const Token> tokens, std::size_t pos, std::span<const std::string_view> words) {
  return pos < tokens.size() && IsAnyWord(tokens[pos], words);
}

/// True when tokens[pos] and tokens[pos + 1] are one of `phrases` (two words each).
inline bool PhraseAt(std::span<const Token> tokens, std::size_t pos,
                     std::span<const std::pair<std::string_view, std::string_view>> phrases) {
  for (const auto& [first, second] : phrases) {
    if (WordAt(tokens, pos, first) && WordAt(tokens, pos + 1, second)) return true;
  }
  return false;
}

/// True when tokens[pos] exists and is the punctuation character `c`.
inline bool PunctAt(std::span<const Token> tokens, std::size_t pos, char c) {
  return pos < tokens.size() && IsPunct(tokens[pos], c);
}

/// True when tokens[pos] exists, is a digit run, and is glued to the previous token.
inline bool GluedNumberAt(std::span<const Token> tokens, std::size_t pos) {
  return pos < tokens.size() && tokens[pos].kind == TokenKind::kNumber && !tokens[pos].space_before;
}

}  // namespace videobot::nl
