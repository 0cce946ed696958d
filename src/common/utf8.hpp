#pragma once
// UTF-8 decoding and the case folding every text comparison in the product uses, both built on
// ICU (unicode/utf8.h, u_foldCase) so that the parser, the plan cache and the Telegram adapter
// agree on what a well-formed sequence and a letter's folded form are.

#include <cstddef>
#include <string>
#include <string_view>

namespace videobot {

/// Length in bytes of the well-formed UTF-8 sequence starting at `pos` (1 to 4), or 0 when the
/// bytes there are ill-formed (a stray continuation byte, an overlong form, a surrogate, a value
/// above U+10FFFF or a truncated sequence). `pos` must be below `text.size()`.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t pos);

/// Decodes the well-formed UTF-8 sequence at `pos` into `code_point` and returns its length, or
/// returns 0 (leaving `code_point` unspecified) when the bytes there are ill-formed.
std::size_t DecodeUtf8(std::string_view text, std::size_t pos, char32_t& code_point);

/// True for a UTF-8 continuation byte (10xxxxxx): a byte that does not start a code point.
bool IsUtf8Continuation(char byte);

/// The largest length of at most `max_bytes` at which `text` can be cut without splitting a
/// code point: `max_bytes` itself when it falls on a code point's start (or past the end).
std::size_t Utf8CutBefore(std::string_view text, std::size_t max_bytes);

/// Appends `code_point` (a Unicode scalar value) to `out` as UTF-8.
void AppendUtf8(std::string& out, char32_t code_point);

/// The form a letter is compared in: ICU's simple default case folding (u_foldCase), with ё
/// and Ё read as е, as Russian text writes them interchangeably. Other code points unchanged.
char32_t FoldLetter(char32_t code_point);

}  // namespace videobot
