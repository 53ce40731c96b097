//go:build unix

package lang

import (
	"syscall"
	"time"
)

// processCPUTime returns the user and system CPU time of the process.
// Benchmarks report throughput per CPU second besides wall time because
// the machines they run on are shared: with -cpu 1 the CPU time is the
// time of the one core the benchmark had, however busy the others were.
func processCPUTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
