package terms

import (
	"fmt"
	"os"
	"testing"

	"tolmach/tm"
)

// BenchmarkMine mines the shared TM (about 12,000 segment pairs) and, when
// TOLMACH_BENCH_TM names one, a larger TM such as the 100,000 units
// `go run ./bench/tmgen -n 100000` writes (see the README for the
// whole-process figures).
func BenchmarkMine(b *testing.B) {
	corpora := []struct {
		name   string
		corpus *Corpus
	}{{"shared", sharedTM(b)}}
	if path := os.Getenv("TOLMACH_BENCH_TM"); path != "" {
		c := &Corpus{}
		if err := tm.ReadFile(path, func(u *tm.Unit) error { c.AddUnit(u, path); return nil }); err != nil {
			b.Fatal(err)
		}
		corpora = append(corpora, struct {
			name   string
			corpus *Corpus
		}{"tm", c})
	}
	for _, c := range corpora {
		b.Run(fmt.Sprintf("%s-%d", c.name, len(c.corpus.Pairs)), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if cs := Mine(c.corpus, MineOptions{Limit: 1000}); len(cs) == 0 {
					b.Fatal("no candidates")
				}
			}
		})
	}
}

// BenchmarkUsage reports the built-in glossary's usage over the shared TM.
func BenchmarkUsage(b *testing.B) {
	c := sharedTM(b)
	g := builtin(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if us := Usage(c, g, UsageOptions{}); len(us) == 0 {
			b.Fatal("no concept found")
		}
	}
}
