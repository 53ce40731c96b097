//go:build !unix

package main

import (
	"os"
	"testing"
)

// maxRSS is unknown here: the memory ceilings are checked on Unix only.
func maxRSS(*os.ProcessState) int64 { return 0 }

// watchFIFO writes a plain file (no named pipes here): its content must
// still never be printed, but an open cannot be detected.
func watchFIFO(t *testing.T, path string) (opened func() bool) {
	if err := os.WriteFile(path, []byte("FIFO-SECRET\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return func() bool { return false }
}
