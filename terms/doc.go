// Package terms mines bilingual term pairs from aligned Russian–English
// text and reports how a glossary's concepts are really rendered there.
//
// Both work on a [Corpus]: segment pairs from translation memories
// (package tm) or from article pairs aligned by package tm/align. Words
// are compared only by their matching keys (package internal/lang), so
// inflected forms, ё/е, case and British/American spellings count as one.
//
//   - [Mine] finds candidate term pairs not yet in a glossary: noun phrases
//     and names of each language, paired across segments by the Dice
//     coefficient over segment co-occurrence, checked word by word, ranked by
//     log-likelihood, and given in dictionary form ([DictionaryForm]).
//   - [Usage] takes each glossary concept found in the source segments and
//     counts how the aligned target segments render it: which glossary terms,
//     which other phrases (the span most associated with the concept), and how
//     often nothing was found; it proposes variants and flags unused terms.
//
// Package terms uses glossary, tm, tm/align and internal/lang; nothing of
// tolmach's below the CLI imports it. It never prints and never exits.
package terms
