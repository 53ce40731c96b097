// Package tm is tolmach's translation memory: the [Unit] model, a
// streaming TMX 1.4b reader and writer, TSV/CSV exchange, the store that
// keeps a TM file safe while units are added, and the fuzzy-match and
// concordance index that answers queries.
//
// # Files
//
// A TM is a file the user owns: TMX 1.4b (.tmx), or a TSV/CSV table with
// a header naming the language columns (ru, en). tolmach never keeps
// units anywhere else; what it keeps in $XDG_CACHE_HOME/tolmach/tm/ is a
// derived, compact index of the file, keyed by the file's size,
// modification time and CRC-32C, and rebuilt whenever any of them
// changes. New units are spliced into a copy of the file (before </body>
// for TMX, at the end for tables) which is fsynced and renamed over the
// original while a lock file serialises writers, so a failed or
// concurrent write never damages the TM.
//
// # Matching
//
// Every comparison goes through package lang: units are deduplicated by
// the visible forms ([lang.VisibleForm]) of all their segments — only
// text a translator would see as the same is merged, so every distinct
// translation is kept —, candidates come from an inverted index of the
// segments' matching keys ([lang.MatchKey]), and the fuzzy percentage
// ([Score]) rests on the word-level optimal string alignment distance
// over keys and punctuation (Levenshtein's edits plus the swap of two
// adjacent tokens), 100 × (1 − LD / max(|a|, |b|)), rounded down.
//
// # Why not bleve
//
// The candidate index is tm's own (an inverted index of lang matching
// keys, term-number sequences for rescoring, arrays memory-mapped from
// the cache) rather than bleve: with the shared lang analyzers bleve
// indexed 487 TM units/s on the project's 2-core machine (about half an
// hour per million units, index.BenchmarkBleveTMBuild), where this index
// takes about 90 CPU-seconds per million units including TMX parsing, and
// a query at a million units needs no engine start-up at all.
//
// Package tm never imports glossary, index or the CLI, and never prints
// or exits.
package tm
