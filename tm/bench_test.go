package tm

import (
	"bufio"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"tolmach/internal/cputime"
)

// generate calls put for n units made from the real pairs: the pairs
// first, then variants (a word dropped or two swapped, a number added),
// as bench/tmgen writes them for the whole-process benchmarks.
func generate(pairs [][2]string, n int, put func(*Unit)) {
	for k := 0; k < n; k++ {
		p := pairs[k%len(pairs)]
		v := k / len(pairs)
		ru, en := p[0], p[1]
		if v > 0 {
			r := rand.New(rand.NewSource(int64(k)))
			ru, en = vary(r, ru, v), vary(r, en, v)
		}
		u := pairUnit(fmt.Sprintf("g%d", k), ru, en)
		put(&u)
	}
}

func vary(r *rand.Rand, s string, v int) string {
	w := strings.Fields(s)
	if len(w) > 3 {
		switch r.Intn(3) {
		case 0:
			i := r.Intn(len(w))
			w = append(w[:i], w[i+1:]...)
		case 1:
			i := r.Intn(len(w) - 1)
			w[i], w[i+1] = w[i+1], w[i]
		}
	}
	return strings.Join(w, " ") + fmt.Sprintf(" (%d)", v)
}

// writeGenerated writes a generated TMX of n units to path.
func writeGenerated(tb testing.TB, path string, n int) {
	tb.Helper()
	pairs := realPairs(tb)
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := NewTMXWriter(bw, "ru")
	generate(pairs, n, func(u *Unit) { w.Write(u) })
	w.Close()
	bw.Flush()
	f.Close()
}

func benchImport(b *testing.B, n int) {
	dir := b.TempDir()
	src := filepath.Join(dir, "in.tmx")
	writeGenerated(b, src, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		path := filepath.Join(dir, fmt.Sprintf("tm%d.tmx", i))
		res, err := Import(path, []string{src}, Options{CacheDir: filepath.Join(dir, "cache")})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Added), "units")
	}
}

// BenchmarkImport100k: target ≤ 10 s per op.
func BenchmarkImport100k(b *testing.B) { benchImport(b, 100_000) }

// BenchmarkImport1M: target ≤ 90 s per op; TOLMACH_EVAL=1 only.
func BenchmarkImport1M(b *testing.B) {
	if os.Getenv("TOLMACH_EVAL") == "" {
		b.Skip("set TOLMACH_EVAL=1 for the 1M-unit import")
	}
	benchImport(b, 1_000_000)
}

// benchIndex returns an index of n generated units, cached under the
// temp dir between runs, and perturbed queries from the real pairs.
func benchIndex(b *testing.B, n int) (*Index, []string) {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "tolmach-tm-bench")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, fmt.Sprintf("gen%d.tmx", n))
	// TOLMACH_BENCH_TM and TOLMACH_BENCH_CACHE reuse a TM made by
	// bench/tmgen and `tolmach tm import` (and its cache directory).
	if p := os.Getenv("TOLMACH_BENCH_TM"); p != "" && n >= 1_000_000 {
		path, dir = p, os.Getenv("TOLMACH_BENCH_CACHE")
	}
	if _, err := os.Stat(path); err != nil {
		src := path + ".src"
		writeGenerated(b, src, n)
		if _, err := Import(path, []string{src}, Options{CacheDir: dir}); err != nil {
			b.Fatal(err)
		}
		os.Remove(src)
	}
	x, err := Open(path, Options{CacheDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	pairs := realPairs(b)
	r := rand.New(rand.NewSource(3))
	var qs []string
	for len(qs) < 1000 {
		p := pairs[r.Intn(len(pairs))][r.Intn(2)]
		if q := perturb(r, p, r.Intn(4), []string{"мир", "peace"}); q != "" {
			qs = append(qs, q)
		}
	}
	return x, qs
}

// reportPercentiles adds p50 and p99 of per-query latencies to b.
func reportPercentiles(b *testing.B, ds []time.Duration) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(ds[len(ds)*99/100].Microseconds())/1000, "p99-ms")
}

func benchMatch(b *testing.B, n int) {
	x, qs := benchIndex(b, n)
	b.ResetTimer()
	var ds []time.Duration
	for i := 0; i < b.N; i++ {
		t := time.Now()
		x.Match(qs[i%len(qs)], MatchOptions{Limit: 5})
		ds = append(ds, time.Since(t))
	}
	reportPercentiles(b, ds)
}

func benchSearch(b *testing.B, n int) {
	x, _ := benchIndex(b, n)
	phrases := []string{"министр иностранных дел", "public health", "в соответствии с", "coronavirus", "Организации Объединённых Наций", "the United States"}
	b.ResetTimer()
	var ds []time.Duration
	for i := 0; i < b.N; i++ {
		t := time.Now()
		x.Search(phrases[i%len(phrases)], 20)
		ds = append(ds, time.Since(t))
	}
	reportPercentiles(b, ds)
}

// BenchmarkMatch25k is the size of the translate-toolkit comparison.
func BenchmarkMatch25k(b *testing.B)  { benchMatch(b, 25_000) }
func BenchmarkMatch100k(b *testing.B) { benchMatch(b, 100_000) }

// BenchmarkMatch1M: target p50 ≤ 10 ms; TOLMACH_EVAL=1 only.
func BenchmarkMatch1M(b *testing.B) {
	if os.Getenv("TOLMACH_EVAL") == "" {
		b.Skip("set TOLMACH_EVAL=1 for the 1M-unit TM")
	}
	benchMatch(b, 1_000_000)
}

func BenchmarkSearch100k(b *testing.B) { benchSearch(b, 100_000) }

// BenchmarkSearch1M: target p50 ≤ 10 ms; TOLMACH_EVAL=1 only.
func BenchmarkSearch1M(b *testing.B) {
	if os.Getenv("TOLMACH_EVAL") == "" {
		b.Skip("set TOLMACH_EVAL=1 for the 1M-unit TM")
	}
	benchSearch(b, 1_000_000)
}

// BenchmarkScore is the fuzzy percentage of two FLORES-length sentences.
func BenchmarkScore(b *testing.B) {
	a := "Министр иностранных дел России Сергей Лавров прибыл в Пекин для переговоров с китайским коллегой."
	c := "Министр иностранных дел Сергей Лавров прибыл в Дели для переговоров с индийским коллегой."
	for i := 0; i < b.N; i++ {
		Score(a, c)
	}
}

// TestStreamMemoryFlat reads a generated ~200 MB TMX stream, never
// held anywhere, and checks that the heap stays small and flat: the
// reader holds one unit at a time. TOLMACH_EVAL=1 only.
func TestStreamMemoryFlat(t *testing.T) {
	if os.Getenv("TOLMACH_EVAL") == "" {
		t.Skip("set TOLMACH_EVAL=1 to stream a generated 200 MB TMX")
	}
	pairs := realPairs(t)
	pr, pw := io.Pipe()
	var written int64
	go func() {
		cw := &countWriter{w: pw, n: &written}
		w := NewTMXWriter(cw, "ru")
		generate(pairs, 400_000, func(u *Unit) { w.Write(u) })
		w.Close()
		pw.Close()
	}()
	var peak uint64
	n := 0
	var ms runtime.MemStats
	err := Read(pr, "stream.tmx", TMX, func(u *Unit) error {
		n++
		if n%20000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			t.Logf("%7d units, %4d MB read, heap in use %5.1f MB", n, written>>20, float64(ms.HeapInuse)/(1<<20))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d units, %d MB streamed; peak heap in use %.1f MB", n, written>>20, float64(peak)/(1<<20))
	if peak > 64<<20 {
		t.Errorf("peak heap %d MB while streaming: the reader holds more than a unit", peak>>20)
	}
}

type countWriter struct {
	w io.Writer
	n *int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	*c.n += int64(n)
	return n, err
}

// BenchmarkMatch10k is BenchmarkMatch100k's tenth: the two give how a
// match's cost grows with the TM.
func BenchmarkMatch10k(b *testing.B) { benchMatch(b, 10_000) }

// BenchmarkAnalyze runs `tm analyze` on a Russian document of 2,000 and
// 20,000 sentences (real sentences and their variants, some repeated)
// against a 25,000-unit TM: the time per op at 20k over the time at 2k
// is how it grows with the document (linear is 10×).
//
//	go test ./tm -run X -bench Analyze -benchtime 1x
func BenchmarkAnalyze(b *testing.B) {
	x, _ := benchIndex(b, 25_000)
	pairs := realPairs(b)
	for _, n := range []int{2_000, 20_000} {
		var doc strings.Builder
		generate(pairs, n, func(u *Unit) {
			s, _ := u.Segment("ru")
			doc.WriteString(s.Text)
			doc.WriteString("\n\n")
		})
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			cpu := cputime.Start()
			for b.Loop() {
				r := AnalyzeDocument(doc.String(), []*Index{x})
				b.ReportMetric(float64(r.Total.Segments), "segments")
			}
			cputime.Report(b, cpu)
		})
	}
}
