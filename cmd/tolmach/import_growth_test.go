package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"tolmach/glossary"
	"tolmach/internal/cputime"
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

// BenchmarkImport merges a glossary of 10,000 and 100,000 concepts made
// by bench/glossgen (real dictionary words, synonyms, shared renderings,
// notes) into a target holding every other concept of it and a copy of
// the rest with changed notes: half the concepts are added, half merged
// term by term (duplicates dropped, conflicts reported). The time per op
// at 100k over the time at 10k is how import grows (linear is 10×).
//
//	go run ./bench/glossgen -n 10000 -formats native -o /tmp/gg
//	go run ./bench/glossgen -n 100000 -formats native -o /tmp/gg
//	TOLMACH_GLOSSGEN=/tmp/gg go test ./cmd/tolmach -run X -bench Import -benchtime 3x
func BenchmarkImport(b *testing.B) {
	dir := os.Getenv("TOLMACH_GLOSSGEN")
	if dir == "" {
		b.Skip("set TOLMACH_GLOSSGEN to a folder bench/glossgen wrote (see the doc comment)")
	}
	for _, n := range []int{10_000, 100_000} {
		src, err := glossary.Load(filepath.Join(dir, fmt.Sprintf("g%d.glossary", n)))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			cpu := cputime.Start()
			for b.Loop() {
				b.StopTimer()
				target := &glossary.Glossary{}
				for i, c := range src.Concepts {
					if i%2 == 0 {
						cc := cloneConcept(c)
						cc.Note = "target: " + cc.Note
						target.Concepts = append(target.Concepts, cc)
					}
				}
				b.StartTimer()
				st := importInto(target, []*glossary.Glossary{src}, func(string, ...any) {})
				if st.added+st.merged != n {
					b.Fatalf("%d added + %d merged, want %d", st.added, st.merged, n)
				}
			}
			cputime.Report(b, cpu)
		})
	}
}
