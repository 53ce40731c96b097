package main

import (
	"fmt"
	"testing"

	"tolmach/glossary"
)

// TestImportRenamesLinear imports concepts without ids whose terms make
// one slug ("peace": one English word, different Russian words, so none
// is merged with another): each gets the next free suffix, and finding
// them all tries each id about once, where starting from "-2" every
// time would try n²/2.
func TestImportRenamesLinear(t *testing.T) {
	const n = 2000
	src := &glossary.Glossary{}
	for i := 0; i < n; i++ {
		src.Concepts = append(src.Concepts, &glossary.Concept{Terms: []*glossary.Term{
			{Lang: "ru", Text: fmt.Sprintf("мир %d", i)},
			{Lang: "en", Text: "peace"},
		}})
	}
	g := &glossary.Glossary{}
	st := importInto(g, []*glossary.Glossary{src}, func(string, ...any) {})
	if st.added != n || len(g.Concepts) != n {
		t.Fatalf("%d added, %d concepts, want %d", st.added, len(g.Concepts), n)
	}
	for i, c := range g.Concepts {
		want := "peace"
		if i > 0 {
			want = fmt.Sprintf("peace-%d", i+1)
		}
		if c.ID != want {
			t.Fatalf("concept %d has id %q, want %q", i, c.ID, want)
		}
	}
	x := newConceptIndex(g)
	for i := 0; i < n; i++ {
		x.add(&glossary.Concept{ID: x.freeID("peace")})
	}
	if x.tried > 4*n {
		t.Errorf("%d more renames tried %d ids, want at most %d", n, x.tried, 4*n)
	}
}
