package glossary

import (
	"bytes"
	"sort"
	"testing"
	"tolmach/internal/shareddata"
)

// sharedData returns the third-party test data folder, or skips t.
func sharedData(t testing.TB) string {
	t.Helper()
	return shareddata.Dir(t)
}

// canon renders g as canonical native text with each concept's terms
// grouped by language (ru, en, others), the form two glossaries are
// compared in: formats that group terms by language keep every
// language's order but not how languages interleave.
func canon(t testing.TB, g *Glossary) string {
	t.Helper()
	cp := &Glossary{}
	for _, c := range g.Concepts {
		cc := *c
		cc.Terms = append([]*Term(nil), c.Terms...)
		sort.SliceStable(cc.Terms, func(i, j int) bool { return langRank(cc.Terms[i].Lang) < langRank(cc.Terms[j].Lang) })
		cp.Concepts = append(cp.Concepts, &cc)
	}
	var b bytes.Buffer
	if err := Write(&b, cp, Native); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func mustLoad(t testing.TB, path string) *Glossary {
	t.Helper()
	g, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func termCount(g *Glossary) int {
	n := 0
	for _, c := range g.Concepts {
		n += len(c.Terms)
	}
	return n
}
