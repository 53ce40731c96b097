package align

import (
	"math/rand/v2"
	"testing"

	"tolmach/internal/cputime"
	"tolmach/internal/lang"
)

// bigDoc builds an article pair of n sentence pairs from the RU–EN
// corpora, cycling through them, damaged like the accuracy documents.
func bigDoc(tb testing.TB, n int) testDoc {
	var ru, en []string
	cs := loadCorpora(tb)
	for len(ru) < n {
		for _, c := range cs {
			ru = append(ru, c.ru...)
			en = append(en, c.en...)
		}
	}
	rng := rand.New(rand.NewPCG(7, 7))
	return makeDoc(rng, ru[:n], en[:n], lang.RU, lang.EN)
}

// BenchmarkAlign10k aligns a 10,000-sentence article pair (the target
// ≤ 2 s per pair); BenchmarkAlignTexts10k adds segmentation.
func BenchmarkAlign10k(b *testing.B) { benchAlign(b, 10_000) }

// BenchmarkAlign100k is ten times BenchmarkAlign10k: the two give how
// alignment grows with the document (linear is 10×; compare cpu-ms/op).
//
//	go test ./tm/align -run X -bench 'Align10k$|Align100k$' -benchtime 1x
func BenchmarkAlign100k(b *testing.B) { benchAlign(b, 100_000) }

func benchAlign(b *testing.B, n int) {
	d := bigDoc(b, n)
	opts := Options{SourceLang: d.srcLang, TargetLang: d.tgtLang}
	cpu := cputime.Start()
	for b.Loop() {
		Align(d.src, d.tgt, opts)
	}
	cputime.Report(b, cpu)
}

func BenchmarkAlignTexts10k(b *testing.B) {
	d := bigDoc(b, 10000)
	b.SetBytes(int64(len(d.srcText) + len(d.tgtText)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := AlignTexts(d.srcText, d.tgtText, d.srcLang, d.tgtLang, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
