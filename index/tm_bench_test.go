package index

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// BenchmarkBleveTMBuild measures what a bleve index of a translation
// memory would cost with tolmach's shared analyzers (ru and en, key and
// norm fields, positions for phrases), indexing FLORES-200 and TICO-19
// pairs (repeated with a number to reach the size) in large batches into
// an on-disk scorch index. It is the number behind the TM's decision to
// use its own compact key index for candidates: see the README
// (Performance). Run with -benchtime 1x; TOLMACH_EVAL=1 for 100k units.
func BenchmarkBleveTMBuild(b *testing.B) {
	n := 20_000
	if os.Getenv("TOLMACH_EVAL") != "" {
		n = 100_000
	}
	pairs := tmBenchPairs(b)
	type unit struct{ RU, EN string }
	for i := 0; i < b.N; i++ {
		dm := bleve.NewDocumentStaticMapping()
		AddTextField(dm, "ru", false)
		AddTextField(dm, "en", false)
		m := NewIndexMapping()
		m.DefaultMapping = dm
		dir := filepath.Join(b.TempDir(), "tm.bleve")
		idx, err := bleve.NewUsing(dir, m, engine, engine, nil)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		batch := idx.NewBatch()
		for k := 0; k < n; k++ {
			p := pairs[k%len(pairs)]
			v := k / len(pairs)
			if err := batch.Index(fmt.Sprint(k), map[string]any{"ru": fmt.Sprintf("%s (%d)", p[0], v), "en": fmt.Sprintf("%s (%d)", p[1], v)}); err != nil {
				b.Fatal(err)
			}
			if batch.Size() >= 10_000 {
				if err := idx.Batch(batch); err != nil {
					b.Fatal(err)
				}
				batch.Reset()
			}
		}
		if err := idx.Batch(batch); err != nil {
			b.Fatal(err)
		}
		if err := idx.Close(); err != nil {
			b.Fatal(err)
		}
		el := time.Since(start)
		b.ReportMetric(float64(n)/el.Seconds(), "units/s")
		b.ReportMetric(el.Seconds()*1e6/float64(n), "s/1M-units(extrapolated)")
	}
}

func tmBenchPairs(b *testing.B) [][2]string {
	dir, _ := os.Getwd()
	var data string
	for {
		if fi, err := os.Stat(filepath.Join(dir, "shared", "data")); err == nil && fi.IsDir() {
			data = filepath.Join(dir, "shared", "data")
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Skip("shared/data not found")
		}
		dir = parent
	}
	var pairs [][2]string
	for _, pp := range [][2]string{{"flores200_ru_en/rus_Cyrl.devtest", "flores200_ru_en/eng_Latn.devtest"}, {"tico19_ru_en/tico19-test.rus", "tico19_ru_en/tico19-test.eng"}} {
		ru, err1 := os.ReadFile(filepath.Join(data, pp[0]))
		en, err2 := os.ReadFile(filepath.Join(data, pp[1]))
		if err1 != nil || err2 != nil {
			b.Skip("shared data unreadable")
		}
		r, e := strings.Split(string(ru), "\n"), strings.Split(string(en), "\n")
		for i := range r {
			if i < len(e) && r[i] != "" {
				pairs = append(pairs, [2]string{r[i], e[i]})
			}
		}
	}
	return pairs
}
