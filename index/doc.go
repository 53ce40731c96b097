// Package index owns tolmach's full-text indexes: the bleve index of the
// glossary behind "tolmach lookup", its on-disk cache, and the analysis
// (tokenizers and analyzers) every tolmach index shares.
//
// It is the only package of the module that imports bleve; bleve types
// never leave it except through the analysis helpers in analysis.go, which
// other index files (the translation memory index, index/tm*.go) use to
// declare their fields.
//
// # Analysis
//
// The analyzers are built on internal/lang's matching key, so that the
// index and the checker can never disagree on what matches: every token
// an analyzer emits is a token of [lang.Analyze], and its term is the
// token's Key ([AnalyzerKey]), Norm ([AnalyzerNorm]) or Text as written
// ([AnalyzerCase]). See [AddTextField] for how an index declares a text
// property with them.
//
// # The glossary index
//
// [Build] indexes a [glossary.Glossary], one bleve document per concept;
// [Index.Lookup] finds concepts for a query by exact, stemmed, fuzzy and
// prefix matching and reranks the candidates by how well the query's
// lang tokens match a term's (exact > stemmed > fuzzy > partial).
// [Cache] keeps built indexes on disk, keyed by the glossaries they were
// built from, so that a lookup never parses a glossary when a fresh index
// exists.
//
// The package never prints and never exits; notices meant for people
// (a rebuilt cache, an in-memory fallback) go through [Cache.Notify].
package index
