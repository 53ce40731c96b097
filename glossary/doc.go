// Package glossary owns tolmach's terminology model — concepts, terms,
// statuses and types — its file formats, validation (lint) and the
// recognition of glossary terms in running text.
//
// # Formats
//
// [Load] reads a file choosing the format by extension and content
// ([DetectFormat]): the native .glossary format (docs/glossary-format.md),
// TBX v2 (<martif>) and v3 (<tbx>, DCA and DCT), CSV/TSV with a header row,
// and OmegaT tab or comma glossaries. [Write] and [WriteFile] write native,
// TBX-Basic v2 and v3, CSV and TSV; every format round-trips losslessly
// through the native one. Errors are [*ParseError]s: "file:line:col: what".
// [WriteFile] and [Update] replace files atomically (temporary file,
// fsync, rename) under a lock file FILE.lock, so concurrent writers all
// land and a failed write leaves the file as it was.
//
// # Recognition and lint
//
// [Matcher] finds the terms of one language in a text through
// internal/lang's matching key, so it agrees with the index and the
// checker on what matches. [Lint] reports duplicates, conflicts and
// typographic slips.
//
// The package knows nothing of bleve, tm, the CLI or the checker, never
// prints and never exits: errors carry their position and wrap their
// cause with %w. Untrusted XML never fetches anything: no DTD is read and
// no entity but XML's own is expanded.
package glossary
