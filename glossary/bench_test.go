package glossary

import (
	"bytes"
	"fmt"
	"os"
	"testing"
)

// synthGlossary makes n concepts shaped like real entries: a Russian and
// an English full form with statuses, an English abbreviation, a domain
// and, for every tenth, a note.
func synthGlossary(n int) *Glossary {
	g := &Glossary{Concepts: make([]*Concept, 0, n)}
	for i := 0; i < n; i++ {
		c := &Concept{ID: fmt.Sprintf("c%06d", i), Domain: "international relations", Terms: []*Term{
			{Lang: "ru", Text: fmt.Sprintf("межправительственное соглашение о сотрудничестве номер %d", i), Status: Preferred, Type: FullForm},
			{Lang: "en", Text: fmt.Sprintf("intergovernmental cooperation agreement number %d", i), Status: Preferred, Type: FullForm},
			{Lang: "en", Text: fmt.Sprintf("ICA%d", i), Type: Abbreviation, CaseSensitive: true},
		}}
		if i%10 == 0 {
			c.Note = "Signed at the summit; see the treaty register for the full text and the list of parties."
		}
		g.Concepts = append(g.Concepts, c)
	}
	return g
}

// BenchmarkParseTBX100k parses a generated TBX v2 file of 100,000
// concepts (about 60 MB); the target is at most 2 s and 500 MB.
func BenchmarkParseTBX100k(b *testing.B) {
	if testing.Short() {
		b.Skip("large benchmark")
	}
	var buf bytes.Buffer
	if err := Write(&buf, synthGlossary(100000), TBX); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		g, err := Parse(data, "big.tbx", TBX)
		if err != nil || len(g.Concepts) != 100000 {
			b.Fatalf("%v, %d concepts", err, len(g.Concepts))
		}
	}
}

// BenchmarkParseNative100k is BenchmarkParseTBX100k for the native format.
func BenchmarkParseNative100k(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, synthGlossary(100000), Native); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Parse(data, "big.glossary", Native); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWriteBigTBX writes the 100,000-concept TBX of BenchmarkParseTBX100k
// to $TOLMACH_BIG_TBX, for measuring the whole process:
//
//	TOLMACH_BIG_TBX=/tmp/big.tbx go test ./glossary -run TestWriteBigTBX
//	/usr/bin/time -v tolmach export --glossary /tmp/big.tbx --format native -o /dev/null
func TestWriteBigTBX(t *testing.T) {
	p := os.Getenv("TOLMACH_BIG_TBX")
	if p == "" {
		t.Skip("set TOLMACH_BIG_TBX=FILE to write the big TBX")
	}
	if err := WriteFile(p, synthGlossary(100000), TBX); err != nil {
		t.Fatal(err)
	}
}
