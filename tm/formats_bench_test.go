package tm

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"testing"
)

// BenchmarkReadFormats reads a TM in each format (TMX, TSV, CSV) at
// 10k and 100k units — 1M with TOLMACH_EVAL=1 — made from the real
// FLORES-200, TICO-19 and UD PUD pairs and their variants (generate),
// so that the growth from one size to the next shows: linear readers
// take about 10× the time for 10× the units.
func BenchmarkReadFormats(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("TOLMACH_EVAL") != "" {
		sizes = append(sizes, 1_000_000)
	}
	pairs := realPairs(b)
	for _, n := range sizes {
		for _, f := range []Format{TMX, TSV, CSV} {
			var buf bytes.Buffer
			bw := bufio.NewWriterSize(&buf, 1<<20)
			if f == TMX {
				w := NewTMXWriter(bw, "ru")
				generate(pairs, n, func(u *Unit) { w.Write(u) })
				w.Close()
			} else {
				comma := ','
				if f == TSV {
					comma = '\t'
				}
				w, err := NewTableWriter(bw, comma, []string{"ru", "en"})
				if err != nil {
					b.Fatal(err)
				}
				generate(pairs, n, func(u *Unit) { w.Write(u) })
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			bw.Flush()
			data := buf.Bytes()
			b.Run(fmt.Sprintf("%s/%dk", f, n/1000), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					got := 0
					err := Read(bytes.NewReader(data), "tm."+f.String(), f, func(*Unit) error { got++; return nil })
					if err != nil || got != n {
						b.Fatalf("%v; %d units, want %d", err, got, n)
					}
				}
			})
		}
	}
}
