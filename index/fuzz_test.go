package index

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
)

// FuzzLookup: any query, in any language setting, is answered without
// error or panic, and every result is well-formed: a score in (0, 100],
// a matched term of the concept, spans inside that term.
func FuzzLookup(f *testing.F) {
	data, err := os.ReadFile("testdata/lookup_queries.tsv")
	if err != nil {
		f.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if q, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(q, "#") {
			f.Add(q, "", false)
		}
	}
	f.Add("", "ru", true)
	f.Add("U.S. «ШОС» — 1 234,5 млрд", "en", false)
	f.Add(strings.Repeat("а", 300), "", false)
	f.Fuzz(func(t *testing.T, q, l string, exact bool) {
		x, _ := builtin(t)
		if l != "" && l != "ru" && l != "en" {
			l = ""
		}
		res, err := x.Lookup(context.Background(), Query{Text: q, Lang: l, Exact: exact, Limit: 5})
		if err != nil {
			t.Fatalf("Lookup(%q): %v", q, err)
		}
		for _, r := range res {
			if r.Score <= 0 || r.Score > 100 {
				t.Errorf("%q: score %v", q, r.Score)
			}
			found := false
			for _, term := range r.Concept.Terms {
				found = found || term == r.Term
			}
			if !found {
				t.Errorf("%q: matched term %q is not the concept's", q, r.Term.Text)
			}
			for _, s := range r.Spans {
				if s.Start < 0 || s.End > len(r.Term.Text) || s.Start >= s.End {
					t.Errorf("%q: span %v outside %q", q, s, r.Term.Text)
				}
			}
		}
	})
}

// FuzzDecodeConcept: stored data, however damaged, decodes or fails
// with ErrCorrupt; it never panics; what decodes round-trips.
func FuzzDecodeConcept(f *testing.F) {
	_, g := builtin(f)
	for _, c := range g.Concepts[:min(20, len(g.Concepts))] {
		f.Add(encodeConcept(c, c.ID))
	}
	f.Add("")
	f.Add("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01")
	f.Fuzz(func(t *testing.T, data string) {
		c, err := decodeConcept(data)
		if err != nil {
			return
		}
		// What decodes re-encodes to the same concept (the bytes may
		// differ: decoding accepts non-minimal lengths and ignores
		// trailing bytes).
		again, err := decodeConcept(encodeConcept(c, c.ID))
		if err != nil {
			t.Fatalf("re-encoded concept does not decode: %v", err)
		}
		if !reflect.DeepEqual(c, again) {
			t.Errorf("round trip changed %+v into %+v", c, again)
		}
	})
}
