package align

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLearnLexicon builds a text pair in two made-up languages whose
// words map one to one, with sentence lengths that say little; the
// lexicon must link the words, and its anchors must then be shared by
// the sentences that translate each other.
func TestLearnLexicon(t *testing.T) {
	var srcVocab, tgtVocab []string
	for _, a := range "bkdgmnprst" {
		for _, b := range "aeio" {
			srcVocab = append(srcVocab, string(a)+string(b)+string(a)+"x")
			tgtVocab = append(tgtVocab, "q"+string(b)+string(a)+string(b))
		}
	}
	rng := rand.New(rand.NewPCG(3, 3))
	var src, tgt []Sentence
	for i := 0; i < 60; i++ {
		var s, u []string
		for k := 0; k < 2+rng.IntN(8); k++ {
			w := rng.IntN(len(srcVocab))
			s = append(s, srcVocab[w])
			u = append(u, tgtVocab[w])
		}
		src = append(src, Sentence{Text: strings.Join(s, " ") + "."})
		tgt = append(tgt, Sentence{Text: strings.Join(u, " ") + "."})
	}
	m := newModel(src, tgt, Options{SourceLang: "xx", TargetLang: "yy"}, defaultParams)
	L, steps := m.search([]group{{0, len(src), 0, len(tgt)}}, 30, 1<<24)
	links := m.learnLexicon(L, steps)
	if links < len(srcVocab)/2 {
		t.Fatalf("learnt %d links, want at least %d", links, len(srcVocab)/2)
	}
	shared := 0
	for i := range src {
		if len(m.src[i].anchors) > 0 && slicesEqual(m.src[i].anchors, m.tgt[i].anchors) {
			shared++
		}
	}
	if shared < len(src)*9/10 {
		t.Errorf("only %d of %d translation pairs share all their lexicon anchors", shared, len(src))
	}
}

func slicesEqual(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
