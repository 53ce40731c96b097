// Package shareddata finds the third-party test material (real parallel
// text, TMX and TBX files, treebanks) that tests and benchmarks may read
// from a shared/data folder beside the repository. The project must pass
// without it: [Dir] skips the calling test when it is absent.
//
// It is for tests only; no package of the product imports it.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Find returns the shared/data folder found by walking up from the
// working directory (a package directory under go test), or "" when
// there is none. Fuzz seeding, which must not skip, uses it directly.
func Find() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		cand := filepath.Join(dir, "shared", "data")
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Dir returns the shared/data folder, or skips tb when it is absent.
func Dir(tb testing.TB) string {
	tb.Helper()
	d := Find()
	if d == "" {
		tb.Skip("shared/data not found: skipping the test on third-party data")
	}
	return d
}
