package glossary

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteRemovesStaleTemps: a writer killed between CreateTemp and
// rename leaves ".NAME.tmpDIGITS" beside the glossary; the next write
// (holding the lock, so no live writer can own such a file) removes it,
// and leaves other files alone.
func TestWriteRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.glossary")
	stale := filepath.Join(dir, ".g.glossary.tmp123456")
	keep := []string{filepath.Join(dir, ".other.glossary.tmp123456"), filepath.Join(dir, ".g.glossary.tmp-notes")}
	for _, f := range append([]string{stale}, keep...) {
		if err := os.WriteFile(f, []byte("[a]\nru: ми"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := Update(path, func(g *Glossary) error {
		g.Concepts = append(g.Concepts, &Concept{ID: "peace", Terms: []*Term{{Lang: "ru", Text: "мир"}, {Lang: "en", Text: "peace"}}})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary file still there (%v)", err)
	}
	for _, f := range keep {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was touched: %v", filepath.Base(f), err)
		}
	}
	g, err := Load(path)
	if err != nil || len(g.Concepts) != 1 {
		t.Fatalf("after the write: %v, %v", g, err)
	}
}
