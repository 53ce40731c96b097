package glossary

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseFormats parses realistic glossaries in every format
// tolmach reads, at 10k and 100k concepts, to show how each reader
// grows (linear: about 10× the time for 10× the concepts). The files are
// written by bench/glossgen from Müller's English–Russian dictionary
// (Debian's mueller7-dict) — real words in their real lengths, shared
// renderings, synonyms, notes — and are never committed:
//
//	go run ./bench/glossgen -n 10000 -o /tmp/gg && go run ./bench/glossgen -n 100000 -o /tmp/gg
//	TOLMACH_GLOSSGEN=/tmp/gg go test ./glossary -run X -bench ParseFormats -benchtime 3x
func BenchmarkParseFormats(b *testing.B) {
	dir := os.Getenv("TOLMACH_GLOSSGEN")
	if dir == "" {
		b.Skip("set TOLMACH_GLOSSGEN to a folder bench/glossgen wrote (see the doc comment)")
	}
	exts := []string{".glossary", ".tbx", ".v3.tbx", ".csv", ".semicolon.csv", ".tsv", ".omegat.txt"}
	for _, n := range []int{10_000, 100_000} {
		for _, ext := range exts {
			path := filepath.Join(dir, fmt.Sprintf("g%d%s", n, ext))
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			format, err := DetectFormat(path, data)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%dk", ext[1:], n/1000), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					g, err := Parse(data, path, format)
					if err != nil {
						b.Fatal(err)
					}
					if len(g.Concepts) < n*9/10 {
						b.Fatalf("%d concepts, want about %d", len(g.Concepts), n)
					}
				}
			})
		}
	}
}
