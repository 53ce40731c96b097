package check

import (
	"context"
	"path/filepath"
	"testing"

	"tolmach/glossary"
)

func TestDevSamples(t *testing.T) {
	g := builtinGlossary(t)
	c := New(Options{Glossary: g})
	for _, pair := range [][2]string{{"sco-eurasia.ru.txt", "sco-eurasia.en.txt"}, {"russia-china.en.txt", "russia-china.ru.txt"}} {
		dir := filepath.Join(repoRoot(t), "data", "samples")
		res, err := c.CheckFiles(context.Background(), filepath.Join(dir, pair[0]), filepath.Join(dir, pair[1]))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d segments, %d terms", pair[0], res.Segments, res.Terms)
		for _, f := range res.Findings {
			sl, tl := 0, 0
			if f.Source != nil {
				sl = f.Source.Line
			}
			if f.Target != nil {
				tl = f.Target.Line
			}
			t.Logf("  %s %s s%d t%d: %s", f.Severity, f.Rule, sl, tl, f.Message)
		}
	}
}

func TestDevBasic(t *testing.T) {
	dir := filepath.Join("testdata", "basic")
	g, err := glossary.Load(filepath.Join(dir, "test.glossary"))
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{Glossary: g})
	res, err := c.CheckFiles(context.Background(), filepath.Join(dir, "a.ru.txt"), filepath.Join(dir, "a.en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Logf("  %s %s %v %v: %s", f.Severity, f.Rule, f.Source != nil, f.Target != nil, f.Message)
	}
}
