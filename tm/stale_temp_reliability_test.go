package tm

import (
	"os"
	"path/filepath"
	"testing"
)

// TestUpdateRemovesStaleTemps: a writer killed between CreateTemp and
// rename leaves ".NAME.tmp-*" beside the TM; the next write (holding the
// lock, so no live writer can own such a file) removes it, and leaves
// other files alone.
func TestUpdateRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tm.tsv")
	if err := os.WriteFile(path, []byte("ru\ten\nмир\tpeace\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, ".tm.tsv.tmp-123456")
	other := filepath.Join(dir, ".other.tsv.tmp-123456")
	for _, f := range []string{stale, other} {
		if err := os.WriteFile(f, []byte("ru\ten\nпол"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Add(path, []Unit{{Segments: []Segment{{Lang: "ru", Text: "война"}, {Lang: "en", Text: "war"}}}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 {
		t.Fatalf("added %d, want 1", res.Added)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary file still there (%v)", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another file's temporary file was touched: %v", err)
	}
}
