package terms

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"tolmach/data"
	"tolmach/glossary"
	"tolmach/internal/shareddata"
)

var sharedCorpus struct {
	once sync.Once
	c    *Corpus
	err  error
}

// sharedTM returns the corpus built from the shared parallel text, or
// skips the test when the shared data is absent.
func sharedTM(t testing.TB) *Corpus {
	t.Helper()
	dir := shareddata.Dir(t)
	sharedCorpus.once.Do(func() {
		ps, err := shareddata.ParallelPairs(dir)
		if err != nil {
			sharedCorpus.err = err
			return
		}
		c := &Corpus{}
		for _, p := range ps {
			c.Pairs = append(c.Pairs, Pair{RU: p.RU, EN: p.EN, Document: p.File})
		}
		sharedCorpus.c = c
	})
	if sharedCorpus.err != nil {
		t.Fatal(sharedCorpus.err)
	}
	return sharedCorpus.c
}

func builtin(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, err := glossary.LoadFS(data.Glossaries, data.BuiltinPattern)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestUsageShared runs `terms usage` over the shared TM with the built-in
// glossary: every occurrence is accounted for once (a glossary term, another
// rendering, or missing), proposals are outside the glossary and seen often
// enough. With TOLMACH_USAGE_REPORT=FILE it writes the report a
// terminologist reads there (how usage-variants lists were made).
func TestUsageShared(t *testing.T) {
	c := sharedTM(t)
	us := Usage(c, builtin(t), UsageOptions{MinCount: 2})
	if len(us) < 100 {
		t.Fatalf("only %d concept reports over the shared TM", len(us))
	}
	var report strings.Builder
	for _, u := range us {
		sum := u.Missing
		line := fmt.Sprintf("%s %s→%s occurrences=%d missing=%d:", u.Concept.ID, u.SourceLang, u.TargetLang, u.Occurrences, u.Missing)
		for _, r := range u.Renderings {
			sum += r.Count
			if r.Proposed && (r.InGlossary || r.Count < 2) {
				t.Errorf("%s: %q proposed (in glossary %v, count %d)", u.Concept.ID, r.Text, r.InGlossary, r.Count)
			}
			mark := ""
			if r.Proposed {
				mark = "+"
			}
			line += fmt.Sprintf(" %s%q×%d", mark, r.Text, r.Count)
		}
		if sum != u.Occurrences {
			t.Errorf("%s %s: renderings and missing add up to %d, occurrences %d", u.Concept.ID, u.SourceLang, sum, u.Occurrences)
		}
		report.WriteString(line + "\n")
	}
	if path := os.Getenv("TOLMACH_USAGE_REPORT"); path != "" {
		if err := os.WriteFile(path, []byte(report.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
