package index

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"tolmach/glossary"
)

// benchLookups runs the queries of testdata/lookup_queries.tsv against
// x round-robin and reports, besides the mean, the median and the 95th
// percentile of one lookup: the performance targets are medians.
func benchLookups(b *testing.B, x *Index) {
	cases := readLookupCases(b)
	ctx := context.Background()
	durs := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := cases[i%len(cases)]
		start := time.Now()
		if _, err := x.Lookup(ctx, Query{Text: c.query, Lang: c.lang}); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(durs, func(i, j int) bool { return durs[i] < durs[j] })
	b.ReportMetric(float64(durs[len(durs)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(durs[len(durs)*95/100].Microseconds()), "p95-µs")
}

// BenchmarkLookupBuiltin: target p50 ≤ 1 ms on the built-in glossary.
func BenchmarkLookupBuiltin(b *testing.B) {
	_, g := builtin(b)
	dir := filepath.Join(b.TempDir(), "idx")
	x, err := Build(context.Background(), g, dir)
	if err != nil {
		b.Fatal(err)
	}
	x.Close()
	if x, err = Open(dir, openTimeout); err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	benchLookups(b, x)
}

var (
	big50kOnce sync.Once
	big50kDir  string
	big50kG    *glossary.Glossary
	big50kErr  error
)

// big50k builds the generated 50,000-concept index once per test binary,
// on disk as the cache keeps it, and returns it opened read-only.
func big50k(tb testing.TB) (*Index, *glossary.Glossary) {
	tb.Helper()
	_, base := builtin(tb)
	big50kOnce.Do(func() {
		big50kG = generatedGlossary(50000, base)
		big50kDir, big50kErr = os.MkdirTemp("", "tolmach-bench-50k-")
		if big50kErr != nil {
			return
		}
		var x *Index
		start := time.Now()
		x, big50kErr = Build(context.Background(), big50kG, filepath.Join(big50kDir, "idx"))
		if big50kErr == nil {
			big50kErr = x.Close()
		}
		tb.Logf("built the 50k index in %v", time.Since(start))
	})
	if big50kErr != nil {
		tb.Fatal(big50kErr)
	}
	x, err := Open(filepath.Join(big50kDir, "idx"), openTimeout)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	return x, big50kG
}

// BenchmarkLookup50k: target p50 ≤ 3 ms on a 50,000-concept glossary.
func BenchmarkLookup50k(b *testing.B) {
	x, _ := big50k(b)
	benchLookups(b, x)
}

// BenchmarkBuildBuiltin measures the index build behind the first
// lookup with the built-in glossary (target ≤ 1 s with parsing).
func BenchmarkBuildBuiltin(b *testing.B) {
	_, g := builtin(b)
	for i := 0; i < b.N; i++ {
		x, err := Build(context.Background(), g, filepath.Join(b.TempDir(), "idx"))
		if err != nil {
			b.Fatal(err)
		}
		x.Close()
	}
}

// BenchmarkBuild50k measures building the 50,000-concept index on disk
// (target ≤ 30 s); run it with -benchtime=1x.
func BenchmarkBuild50k(b *testing.B) {
	_, base := builtin(b)
	g := generatedGlossary(50000, base)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x, err := Build(context.Background(), g, filepath.Join(b.TempDir(), "idx"))
		if err != nil {
			b.Fatal(err)
		}
		x.Close()
	}
}

// TestLookupQueries50k runs the accuracy set against the built-in
// glossary drowned in 49,000 generated concepts that share its words.
// It takes a while (the build), so it runs with TOLMACH_EVAL=1 only.
func TestLookupQueries50k(t *testing.T) {
	if os.Getenv("TOLMACH_EVAL") == "" {
		t.Skip("set TOLMACH_EVAL=1 to run the 50k evaluation")
	}
	x, g := big50k(t)
	s := evalLookup(t, x, g, readLookupCases(t))
	if pct(s.hit1, s.n) < 90 {
		t.Errorf("hit@1 = %.1f%% on 50k concepts, want ≥ 90%%", pct(s.hit1, s.n))
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if big50kDir != "" {
		os.RemoveAll(big50kDir)
	}
	os.Exit(code)
}

// BenchmarkOpenLookupClose50k is the work of one whole-process lookup
// after start-up: open the cached 50k index read-only, look up, close.
func BenchmarkOpenLookupClose50k(b *testing.B) {
	big50k(b)
	dir := filepath.Join(big50kDir, "idx")
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x, err := Open(dir, openTimeout)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := x.Lookup(ctx, Query{Text: "Шанхайской организации"}); err != nil {
			b.Fatal(err)
		}
		x.Close()
	}
}
