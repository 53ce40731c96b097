package lang

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkNumbers reads the numerals of the repository's sample
// articles (both languages, about 2,000 words each), as the number check
// does for every segment.
func BenchmarkNumbers(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "data", "samples", "*.txt"))
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	if len(texts) == 0 {
		b.Skip("no samples")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, t := range texts {
			n += len(Numbers(t))
		}
	}
	if n == 0 {
		b.Fatal("no numerals")
	}
}
