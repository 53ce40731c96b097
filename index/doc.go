// Package index owns tolmach's full-text indexes: the bleve index of the
// glossary behind "tolmach lookup", its on-disk cache, and the analysis
// (tokenizers and analyzers) every tolmach index shares.
//
// It is the only package of the module that imports bleve; bleve types
// never leave it except through the analysis helpers in analysis.go,
// which other index files (a translation memory index, index/tm*.go)
// use to declare their fields. It must not import check or the CLI.
//
// # Analysis
//
// The analyzers are built on internal/lang's matching key, so that the
// index and the checker can never disagree on what matches: every token
// an analyzer emits is a token of [lang.Analyze], and its term is the
// token's Key ([AnalyzerKey]), Norm ([AnalyzerNorm]) or Text as written
// ([AnalyzerCase]); [AnalyzerTerm] emits a whole text's [lang.MatchKey]
// as one token. A test proves analyzer terms equal lang's tokens. See
// [AddTextField] for how an index declares a text property with them.
// Every index uses bleve's scorch engine, in tests too: the old engine's
// fuzzy search counts bytes, not letters.
//
// # The glossary index
//
// [Build] indexes a [glossary.Glossary], one bleve document per concept:
// per language the stemmed, folded, whole-term and (for abbreviations)
// case-sensitive fields, none in "_all", and the concept itself stored
// in a compact encoding with its terms' lang tokens, so that a lookup
// never needs the glossary. [Index.Lookup] gathers candidates with term
// queries (the whole query as a whole term, each word by form and by
// stem, compounds written apart or together, a phrase on stems), adds
// per-word fuzzy queries with edit distances counted in letters and a
// prefix query only for words nothing matched, and reranks candidates
// by how the query's lang tokens match a term's: exact > stemmed >
// fuzzy > partial, preferred terms first among equals, each concept
// once. A resident process preloads the index ([Index.Preload]; an index
// built in memory is preloaded already): the same words are then looked
// up in postings held in memory, typos and completions in the words held
// in memory, and every concept they reach is ranked, not only bleve's
// best 50 by tf-idf; postings that could not lift a concept into the
// results are skipped.
//
// # The cache
//
// [Cache] keeps built indexes under $XDG_CACHE_HOME/tolmach/index, keyed
// by the glossaries they were built from and [AnalysisVersion]. Files
// are fresh while their size and modification time are unchanged (else
// their content hash decides); in-memory sources (the built-in
// glossary) are keyed by their content's hash. Builds are serialised by
// a lock file, made in a temporary directory and renamed into place;
// lookups open indexes read-only with a timeout, so any number of
// processes share one. A corrupt index is rebuilt; an unwritable cache
// means an index in memory.
//
// The package never prints and never exits; notices meant for people
// (a rebuilt cache, an in-memory fallback) go through [Cache.Notify].
package index
