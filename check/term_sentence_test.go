package check

import (
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// TestTermWithinSentence checks that a term is found only inside one
// sentence: the words of «страна-член» ("member state") at the end of one
// sentence and the start of the next are not the term — the check once
// took them for it, and panicked where the unit of the first sentence did
// not hold the match's end — while the term inside a sentence is found.
func TestTermWithinSentence(t *testing.T) {
	c := New(Options{Glossary: builtinGlossary(t)})
	tests := []struct {
		name, in, out string
		match         string // the source match of a term finding the case must have; "" for none across sentences
	}{
		{"across a sentence end", "Мы чувствуем поддержку со всей страны. (Член собрания выступил вчера.)",
			"We feel support from across the country. (A member of the assembly spoke yesterday.)", ""},
		{"across a sentence end, no bracket", "Нас поддерживают жители всей страны. Член собрания выступил вчера.",
			"We are supported across the country. An assembly member spoke yesterday.", ""},
		{"inside one sentence", "Каждая страна-член внесла взнос.", "Every country paid its share.", "страна-член"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := c.Check(t.Context(), NewDocument("a.ru.txt", lang.RU, tt.in), NewDocument("a.en.txt", lang.EN, tt.out))
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, f := range res.Findings {
				for _, m := range []string{f.Source.Match, f.Target.Match} {
					if strings.Contains(m, ". ") {
						t.Errorf("%s finding matches across a sentence end: %q (%s)", f.Rule, m, f.Message)
					}
				}
				if tt.match != "" && strings.HasPrefix(f.Rule, "term-") && f.Source.Match == tt.match {
					found = true
				}
			}
			if tt.match != "" && !found {
				t.Errorf("want a term finding on %q, got\n%s", tt.match, describe(res.Findings))
			}
		})
	}
}

// TestInSentences checks the unit and the cut of hits against sentence
// spans: a hit running into the next sentence is dropped, one in the gap
// after a sentence keeps that sentence's unit, and the input list is not
// changed in length.
func TestInSentences(t *testing.T) {
	spans := []unitSpan{{Span{Start: 0, End: 10}, 0}, {Span{Start: 12, End: 20}, 1}, {Span{Start: 21, End: 30}, 1}}
	hs := []TermHit{{Start: 2, End: 8}, {Start: 8, End: 14}, {Start: 10, End: 11}, {Start: 13, End: 19}, {Start: 18, End: 24}, {Start: 25, End: 29}}
	got := inSentences(hs, spans)
	want := []TermHit{{Start: 2, End: 8, Unit: 0}, {Start: 10, End: 11, Unit: 0}, {Start: 13, End: 19, Unit: 1}, {Start: 25, End: 29, Unit: 1}}
	if len(got) != len(want) {
		t.Fatalf("got %d hits %+v, want %+v", len(got), got, want)
	}
	for i := range want {
		if got[i].Start != want[i].Start || got[i].End != want[i].End || got[i].Unit != want[i].Unit {
			t.Errorf("hit %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(hs) != 6 {
		t.Errorf("input cut to %d", len(hs))
	}
	same := []TermHit{{Start: 2, End: 8}}
	if out := inSentences(same, spans); &out[0] != &same[0] {
		t.Error("a list with nothing to drop was copied")
	}
}
