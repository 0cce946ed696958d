#pragma once
// The vocabulary as data: word stems with their inflection paradigms, and fixed phrases.
// Internal to the lexicon (lexicon.hpp builds its lookup tables from these).

#include <span>
#include <string_view>

#include "nl/concept.hpp"

namespace videobot::nl {

/// Sets of endings added to a stem; over-generation is harmless (non-words never occur).
enum class Paradigm : std::uint8_t {
  kExact,         ///< the stem is the only form
  kNounHard,      ///< просмотр-, лайк-, ролик-: "", а, у, ом, е, ы, и, ов, ам, ами, ах
  kNounIj,        ///< комментари-: й, я, ю, ем, е, и, ев, ям, ями, ях
  kNounFem,       ///< жалоб-: а, ы, и, е, у, ой, ою, "", ам, ами, ах
  kNounFemIja,    ///< публикаци-: я, и, ю, ей, ею, й, ям, ями, ях
  kNounSoft,      ///< создател-: ь, я, ю, ем, е, и, ей, ям, ями, ях
  kNounFemSoft,   ///< видеозапис-: ь, и, ью, ей, ям, ями, ях
  kNounNeuterIe,  ///< измерени-: е, я, ю, ем, и, й, ям, ями, ях
  kAdjective,  ///< суммарн-: ый, ий, ой, ая, ое, ые, ого, ому, ым, ом, ую, ей, ых, ыми …
  kShortParticiple,  ///< опубликован-: "", а, о, ы
  kPastVerb,         ///< опубликова-: л, ла, ло, ли, лся, лась, лось, лись, ть
  kNounNeuterMya,    ///< врем-: я, ени, енем, ена, ен, енам, енами, енах
};

/// One stem of the vocabulary.
struct WordEntry {
  std::string_view stem;
  Paradigm paradigm;
  Concept meaning;
};

/// A fixed phrase, written as normalised text ("в итоге", "т.е.").
struct PhraseEntry {
  std::string_view text;
  Concept meaning;
};

/// Two words (every form of each) with fixed words between, as one phrase: "время просмотра",
/// "просмотры до конца", "каждый день". An empty second stem means the phrase ends with
/// `middle`.
struct CompoundEntry {
  std::string_view first_stem;
  Paradigm first_paradigm;
  std::string_view middle;
  std::string_view second_stem;
  Paradigm second_paradigm;
  Concept meaning;
};

/// The endings of `paradigm`.
std::span<const std::string_view> Endings(Paradigm paradigm);

/// All word stems.
std::span<const WordEntry> WordEntries();

/// All fixed phrases (single words may appear too; they are then exact forms).
std::span<const PhraseEntry> PhraseEntries();

/// All compound phrases.
std::span<const CompoundEntry> CompoundEntries();

}  // namespace videobot::nl
