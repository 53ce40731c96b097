// Package cputime reads the CPU time the process has used (user and
// system, all threads), so that benchmarks can report CPU per operation
// beside ns/op: on a machine shared with other work, wall-clock time
// says little, and CPU time is what a before/after comparison can trust.
//
// It is for benchmarks only; no package of the product imports it.
package cputime

import (
	"testing"
	"time"
)

// Start returns the process's CPU time so far, for [Report]; call it after
// the benchmark's set-up (b.ResetTimer's place).
func Start() time.Duration { return used() }

// Report adds the CPU time used since start, per operation, to b's
// results as "cpu-ms/op" (nothing where the system does not tell).
func Report(b *testing.B, start time.Duration) {
	if start < 0 || b.N == 0 {
		return
	}
	if now := used(); now >= 0 {
		b.ReportMetric(float64(now-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}
