package index

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/glossary"
)

// TestLookupTiesByID: when more concepts tie on bleve's score than are
// reranked, the ones kept are those of the smallest ids, whatever order
// the glossary lists (and bleve numbers) them in, so a lookup answers the
// same after every rebuild of the same glossary.
func TestLookupTiesByID(t *testing.T) {
	var b strings.Builder
	n := candidatesFor(DefaultLimit) + 20
	for i := n - 1; i >= 0; i-- { // listed in the reverse of id order
		fmt.Fprintf(&b, "[c%03d]\nru: ковчег\nen: ark\n\n", i)
	}
	g, err := glossary.Parse([]byte(b.String()), "ties.glossary", glossary.Native)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Build(context.Background(), g, dir)
	if err != nil {
		t.Fatal(err)
	}
	x.Close()
	// Opened from disk, not preloaded: the bleve path.
	x, err = Open(dir, openTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, q := range []string{"ark", "ковчег"} {
		res, err := x.Lookup(context.Background(), Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range res {
			got = append(got, r.Concept.ID)
		}
		want := []string{"c000", "c001", "c002", "c003", "c004", "c005", "c006", "c007", "c008", "c009"}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("Lookup(%q) = %v, want %v", q, got, want)
		}
	}
}
