package data_test

import (
	"io/fs"
	"testing"

	"tolmach/data"
	"tolmach/glossary"
)

func TestBuiltinGlossaryLoads(t *testing.T) {
	g, err := glossary.LoadFS(data.Glossaries, data.BuiltinPattern)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Concepts) < 10 {
		t.Fatalf("only %d concepts in the built-in glossary", len(g.Concepts))
	}
	for _, c := range g.Concepts {
		if c.Preferred("ru") == nil || c.Preferred("en") == nil {
			t.Errorf("%s: concept %s lacks a usable ru or en term", c.Origin, c.ID)
		}
	}
}

func TestSamplesEmbedded(t *testing.T) {
	names, err := fs.Glob(data.Samples, "samples/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no samples embedded: %v", err)
	}
}

// BenchmarkLoadBuiltin measures parsing the whole built-in glossary; the
// target is at most 5 ms per load.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := glossary.LoadFS(data.Glossaries, data.BuiltinPattern); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBuiltinGlossaryLint keeps the built-in glossary free of lint
// errors; warnings are logged for the glossary's authors.
func TestBuiltinGlossaryLint(t *testing.T) {
	// Files are linted together but not merged, so that an id used in two
	// files is reported rather than renamed.
	names, err := fs.Glob(data.Glossaries, data.BuiltinPattern)
	if err != nil {
		t.Fatal(err)
	}
	g := &glossary.Glossary{}
	for _, n := range names {
		b, err := fs.ReadFile(data.Glossaries, n)
		if err != nil {
			t.Fatal(err)
		}
		one, err := glossary.Parse(b, n, glossary.Native)
		if err != nil {
			t.Fatal(err)
		}
		g.Concepts = append(g.Concepts, one.Concepts...)
	}
	warnings := 0
	for _, p := range glossary.Lint(g) {
		if p.Severity == glossary.SeverityError {
			t.Errorf("%s", p)
		} else {
			warnings++
		}
	}
	t.Logf("%d concepts, %d lint warnings", len(g.Concepts), warnings)
}
