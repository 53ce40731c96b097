package check

import (
	"path/filepath"
	"testing"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// TestTermIndexKeepsEveryMatch checks the index's promise: matchers built
// for the candidate concepts of a text find exactly what matchers of the
// whole glossary find, on every evaluation text, in both languages.
func TestTermIndexKeepsEveryMatch(t *testing.T) {
	g := builtinGlossary(t)
	x := newTermIndex(g)
	files, _ := filepath.Glob(filepath.Join("testdata", "eval", "*", "*.*.*"))
	if len(files) == 0 {
		t.Skip("no evaluation texts")
	}
	full := map[lang.Lang]*glossary.Matcher{lang.RU: glossary.NewMatcher(g, "ru"), lang.EN: glossary.NewMatcher(g, "en")}
	for _, f := range files {
		if FormatOf(f) == XLIFF || filepath.Ext(f) == ".tsv" {
			continue
		}
		d, err := ReadDocument(f, "", "")
		if err != nil {
			continue
		}
		t.Run(filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f), func(t *testing.T) {
			sub := glossary.NewMatcher(&glossary.Glossary{Concepts: x.candidates(g, d.Tokens())}, string(d.Lang))
			want, got := full[d.Lang].FindAll(d.Text), sub.FindAll(d.Text)
			if len(got) != len(want) {
				t.Fatalf("%d matches with the index, %d without", len(got), len(want))
			}
			for i := range want {
				if got[i].Concept != want[i].Concept || got[i].Start != want[i].Start || got[i].End != want[i].End {
					t.Fatalf("match %d: %s %d–%d with the index, %s %d–%d without", i,
						got[i].Concept.ID, got[i].Start, got[i].End, want[i].Concept.ID, want[i].Start, want[i].End)
				}
			}
		})
	}
}
