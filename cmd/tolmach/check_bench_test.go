package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"tolmach/internal/cputime"
)

// BenchmarkCheckProcess runs what one `tolmach check` process runs, in
// process, on the inputs check/bench/bench.sh wrote (set
// TOLMACH_BENCHDATA to its directory): the profile of the whole command,
// glossary loading and reports included, start-up excepted.
func BenchmarkCheckProcess(b *testing.B) {
	dir := os.Getenv("TOLMACH_BENCHDATA")
	if dir == "" {
		b.Skip("set TOLMACH_BENCHDATA to the directory check/bench/bench.sh wrote")
	}
	b.Setenv("XDG_CACHE_HOME", b.TempDir())
	args := []string{"tolmach", "check", "--fail-on", "never", "--format", "json",
		"--glossary", filepath.Join(dir, "big.glossary"),
		filepath.Join(dir, "big.ru.txt"), filepath.Join(dir, "big.en.txt")}
	cpu := cputime.Start()
	for i := 0; i < b.N; i++ {
		if code := run(args, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	cputime.Report(b, cpu)
}

// TestCheckProcessOnce runs one `tolmach check` on the bench.sh inputs
// (TOLMACH_BENCHDATA), for profiles of a cold process: run the test
// binary many times with -test.cpuprofile and merge the profiles.
func TestCheckProcessOnce(t *testing.T) {
	dir := os.Getenv("TOLMACH_BENCHDATA")
	if dir == "" {
		t.Skip("set TOLMACH_BENCHDATA to the directory check/bench/bench.sh wrote")
	}
	args := []string{"tolmach", "check", "--fail-on", "never", "--format", "json",
		"--glossary", filepath.Join(dir, "big.glossary"),
		filepath.Join(dir, "big.ru.txt"), filepath.Join(dir, "big.en.txt")}
	if code := run(args, io.Discard, io.Discard); code != 0 {
		t.Fatalf("exit %d", code)
	}
}
