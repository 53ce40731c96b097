// Package align pairs the sentences of two articles, an original and its
// translation, for the translation memory and the paired-article check.
//
// # Method
//
// [AlignTexts] splits both texts into paragraphs and sentences (package
// lang) and [Align] searches for the cheapest path of beads — 1-1, 1-0,
// 0-1, 2-1, 1-2, 2-2, 3-1, 1-3 — through the two sentence lists. A bead's
// cost adds four kinds of evidence:
//
//   - length: the Gale–Church deviation of the target length from the
//     source length times the pair's own length ratio;
//   - anchors: language-independent IDs found in sentences by [Anchorer]s —
//     numbers, names and acronyms (Cyrillic ones transliterated, see
//     [Skeleton]), quoted formulas, questions and parentheses, and whatever
//     the caller adds, such as
//     glossary concept IDs through [AnchorFunc]; each anchor is weighted by
//     its rarity in the two texts;
//   - weak sentence ends: a sentence that ends in a semicolon or a
//     comma, or is followed by one starting in lower case (in a text
//     whose sentences start in capitals) or with closing punctuation, is
//     likely to be split in one language only, so a bead that keeps it
//     with the next sentence costs less and one that ends there more;
//   - paragraphs: a bead that closes a paragraph on one side only, or
//     spans a paragraph boundary, costs more, so the paragraph structure
//     of the articles guides the sentence pairing without ever forcing it
//     (a dropped or split paragraph is still aligned right).
//
// Paragraphs come first: the paragraphs of the two texts are aligned with
// the same model (guided by anchors that occur as often in both texts),
// and the sentence search runs in a band around the aligned paragraph
// groups, widened when the best path touches its edge, so time and memory
// grow linearly. A second pass adds a lexicon learnt from the pairs the
// first pass is sure of (words of the two languages that keep occurring
// in the same pairs, linked one to one by their Dice coefficient): it is
// learnt from the two texts at hand only, so no dictionary is needed. A
// forward–backward pass over the same band gives each [Pair] its posterior
// probability, which, times the plausibility of its length ratio, is its
// Confidence; pairs under [DefaultLowConfidence] are marked Low.
//
// # Boundaries
//
// Package align belongs to package tm's layer: it imports only
// internal/lang, never glossary, index or the CLI (glossary anchors come
// in through [Anchorer]), and never prints or exits.
package align
