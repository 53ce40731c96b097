package terms

import (
	"fmt"
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

func TestDumpMine(t *testing.T) {
	c := sharedTM(t)
	t.Logf("%d pairs", len(c.Pairs))
	cs := Mine(c, MineOptions{})
	for i, x := range cs {
		if i >= 300 {
			break
		}
		t.Logf("%3d %-45s %-40s %d %d/%d %.1f %.2f", i+1, x.RU, x.EN, x.Count, x.RUCount, x.ENCount, x.Score, x.Dice)
	}
	t.Logf("%d candidates", len(cs))
}

func builtin(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, err := glossary.LoadFS(data.Glossaries, data.BuiltinPattern)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestDumpUsage(t *testing.T) {
	c := sharedTM(t)
	us := Usage(c, builtin(t), UsageOptions{MinCount: 2})
	for _, u := range us {
		line := fmt.Sprintf("%s %s→%s occ=%d missing=%d:", u.Concept.ID, u.SourceLang, u.TargetLang, u.Occurrences, u.Missing)
		for _, r := range u.Renderings {
			mark := ""
			if !r.InGlossary {
				mark = "+"
			}
			line += fmt.Sprintf(" %s%q×%d", mark, r.Text, r.Count)
		}
		t.Log(line)
	}
}
