package check

import (
	"context"
	"os"
	"testing"

	"strings"
	"tolmach/internal/lang"
	"tolmach/tm/align"
)

func TestDebugUnits(t *testing.T) {
	dir := os.Getenv("DBG_CASE")
	if dir == "" {
		t.Skip()
	}
	t.Log(align.SameName("Токаевым", "Tokaev"), align.SameName("Токаев", "Tokaev"), align.SameName("Токаев", "Tokayev"))
	c := loadEvalCase(t, dir, builtinGlossary(t))
	checker := New(Options{Glossary: c.glossary})
	src, _ := ReadDocument(c.source, "", "")
	tgt, _ := ReadDocument(c.target, "", "")
	p := &Pair{Source: src, Target: tgt}
	if err := checker.alignPair(p); err != nil {
		t.Fatal(err)
	}
	_ = context.Background()
	for i, u := range p.Units {
		sl, _ := 0, 0
		if s, ok := u.SourceSpan(); ok {
			sl, _ = src.Pos(s.Start)
		}
		t.Logf("unit %d %d-%d conf %.2f low %v line %d\n  S: %.150s\n  T: %.150s", i, len(u.Source), len(u.Target), u.Confidence, u.Low, sl, p.SourceText(i), p.TargetText(i))
	}
}

func TestDebugDrift(t *testing.T) {
	dir := os.Getenv("DBG_CASE")
	if dir == "" {
		t.Skip()
	}
	c := loadEvalCase(t, dir, builtinGlossary(t))
	checker := New(Options{Glossary: c.glossary, Rules: []Rule{termDrift{}}})
	res, err := checker.CheckFiles(context.Background(), c.source, c.target)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Log(f.Message)
	}
	src, _ := ReadDocument(c.source, "", "")
	for _, tk := range lang.Analyze(src.Text) {
		if strings.HasPrefix(tk.Text, "Токаев") {
			t.Logf("%+v name=%v", tk.Key, isName(tk))
		}
	}
}

func TestDebugNames(t *testing.T) {
	t.Log(align.SameName("Цян", "Qiang"), align.SameName("Цяна", "Qiang"), align.SameName("Цян", "Tsiang"))
	for _, w := range []string{"Цян", "Цяна", "Qiang", "Tsiang"} {
		for _, tk := range lang.Analyze(w) {
			t.Log(w, isName(tk), nameKey(tk))
		}
	}
}

func TestDebugStray2(t *testing.T) {
	dir := os.Getenv("DBG_CASE")
	if dir == "" {
		t.Skip()
	}
	c := loadEvalCase(t, dir, builtinGlossary(t))
	checker := New(Options{Glossary: c.glossary})
	src, _ := ReadDocument(c.source, "", "")
	tgt, _ := ReadDocument(c.target, "", "")
	p := &Pair{Source: src, Target: tgt}
	checker.findTerms(p)
	checker.alignPair(p)
	p.index()
	p.assignUnits()
	r := typicalRatio(p)
	for i, u := range p.Units {
		if len(u.Target) > len(u.Source) && len(u.Source) > 0 {
			ss, _ := u.SourceSpan()
			var lens []int
			for _, s := range u.Target {
				lens = append(lens, spanRunes(tgt, s))
			}
			c0 := u.Target[len(u.Target)-1]
			sh, own := anchorsShared(p, tgt.Text[c0.Start:c0.End], src.Text[ss.Start:ss.End], tgt, src, c0, ss, false)
			t.Logf("unit %d ratio %.2f src %d tgt %v shared %v own %v", i, r, spanRunes(src, ss), lens, sh, own)
		}
	}
}
