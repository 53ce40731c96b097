// Package check is tolmach's paired-article checker: it reads an original
// and its translation (plain text, Markdown, HTML, DOCX, or one bilingual
// XLIFF file), aligns them segment by segment, recognises glossary terms
// in the source and looks for their equivalents in the aligned target, and
// runs the rules of contract.md — term-missing, term-forbidden,
// term-inconsistent, number-mismatch, untranslated, segment-missing,
// segment-extra and term-drift — over the aligned pair.
//
// # Design
//
// Like vale, every rule is one file behind one small interface, [Rule]:
// a rule sees a fully analysed [Pair] (documents, aligned units, term
// occurrences on both sides) and returns [Finding]s. The [Checker] builds
// the Pair once, runs the enabled rules, applies severity overrides and
// suppressions (configuration and inline comments), and sorts the
// findings by file, line and column before anyone prints them. The
// printers live in check/report, one file per format.
//
// # What it must not touch
//
// All text comparison goes through internal/lang's matching key and the
// glossary Matcher built on it; the package has no normaliser or
// tokenizer of its own. It never imports the search index (package index
// or bleve) nor the CLI, never prints and never exits: errors are
// returned wrapped with %w and name the file and, where it applies, the
// line.
package check
