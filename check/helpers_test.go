package check

import (
	"os"
	"path/filepath"
	"testing"

	"tolmach/glossary"
)

// repoRoot returns the module root (the directory holding go.mod).
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// builtinGlossary loads the glossaries of data/glossary, as the binary's
// built-in glossary holds them.
func builtinGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, err := glossary.LoadFS(os.DirFS(filepath.Join(repoRoot(t), "data", "glossary")), "*.glossary")
	if err != nil {
		t.Fatalf("loading data/glossary: %v", err)
	}
	return g
}

// parseGlossary reads a native glossary from a string.
func parseGlossary(t testing.TB, text string) *glossary.Glossary {
	t.Helper()
	g, err := glossary.Parse([]byte(text), "test.glossary", glossary.Native)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
