// Package glossary owns tolmach's terminology model — concepts, terms,
// statuses and types — its file formats (the native .glossary format,
// TBX v2 and v3, CSV/TSV and OmegaT tab glossaries), validation (lint)
// and the recognition of glossary terms in running text.
//
// All text comparison goes through internal/lang's matching key. The
// package knows nothing of bleve, the CLI or the checker, never prints
// and never exits: errors carry "file:line:column: what" and wrap their
// cause with %w.
package glossary
