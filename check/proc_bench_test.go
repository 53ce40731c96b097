package check

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"tolmach/glossary"
)

// BenchmarkProcess is what one tolmach check process does on the
// bench.sh inputs: load the glossary, build the matchers, read, align and
// check the pair. Set TOLMACH_BENCHDATA to the directory bench.sh wrote.
func BenchmarkProcess(b *testing.B) {
	dir := os.Getenv("TOLMACH_BENCHDATA")
	if dir == "" {
		b.Skip("set TOLMACH_BENCHDATA to the directory check/bench/bench.sh wrote")
	}
	for i := 0; i < b.N; i++ {
		g, err := glossary.Load(filepath.Join(dir, "big.glossary"))
		if err != nil {
			b.Fatal(err)
		}
		c := New(Options{Glossary: g})
		if _, err := c.CheckFiles(context.Background(), filepath.Join(dir, "big.ru.txt"), filepath.Join(dir, "big.en.txt")); err != nil {
			b.Fatal(err)
		}
	}
}
