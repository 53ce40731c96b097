package index

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"tolmach/data"
	"tolmach/glossary"
)

var (
	builtinOnce  sync.Once
	builtinIndex *Index
	builtinGloss *glossary.Glossary
	builtinErr   error
)

// builtin returns an in-memory index of the built-in glossary, built
// once for all tests (scorch, as everywhere).
func builtin(t testing.TB) (*Index, *glossary.Glossary) {
	t.Helper()
	builtinOnce.Do(func() {
		builtinGloss, builtinErr = glossary.LoadFS(data.Glossaries, data.BuiltinPattern)
		if builtinErr == nil {
			builtinIndex, builtinErr = Build(context.Background(), builtinGloss, "")
		}
	})
	if builtinErr != nil {
		t.Fatalf("built-in glossary: %v", builtinErr)
	}
	return builtinIndex, builtinGloss
}

// lookupCase is one row of testdata/lookup_queries.tsv.
type lookupCase struct {
	line     int
	query    string
	ids      []string
	category string
	lang     string
}

func readLookupCases(t testing.TB) []lookupCase {
	t.Helper()
	f, err := os.Open("testdata/lookup_queries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []lookupCase
	sc := bufio.NewScanner(f)
	n, header := 0, false
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if !header {
			header = true
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			t.Fatalf("lookup_queries.tsv:%d: want query, ids, category[, lang]", n)
		}
		c := lookupCase{line: n, query: cols[0], ids: strings.Split(cols[1], ","), category: cols[2]}
		if len(cols) > 3 {
			c.lang = cols[3]
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// lookupScore is hit@1 and hit@3 over a set of queries.
type lookupScore struct{ n, hit1, hit3 int }

func (s lookupScore) String() string {
	return fmt.Sprintf("hit@1 %d/%d (%.1f%%), hit@3 %d/%d (%.1f%%)", s.hit1, s.n, pct(s.hit1, s.n), s.hit3, s.n, pct(s.hit3, s.n))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// evalLookup runs the queries against x and reports hit@1 and hit@3,
// overall and per category; each query is a subtest that fails when the
// right concept is not among the first three.
func evalLookup(t *testing.T, x *Index, g *glossary.Glossary, cases []lookupCase) lookupScore {
	var total lookupScore
	byCat := map[string]*lookupScore{}
	for _, c := range cases {
		for _, id := range c.ids {
			if g.Lookup(id) == nil {
				t.Errorf("lookup_queries.tsv:%d: no concept %q in the glossary", c.line, id)
			}
		}
		t.Run(c.category+"/"+c.query, func(t *testing.T) {
			res, err := x.Lookup(context.Background(), Query{Text: c.query, Lang: c.lang, Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			rank := -1
			var got []string
			for i, r := range res {
				got = append(got, fmt.Sprintf("%s(%.1f %s «%s»)", r.Concept.ID, r.Score, r.Kind, r.Term.Text))
				if rank < 0 && slices.Contains(c.ids, r.Concept.ID) {
					rank = i
				}
			}
			s := byCat[c.category]
			if s == nil {
				s = &lookupScore{}
				byCat[c.category] = s
			}
			s.n++
			total.n++
			if rank == 0 {
				s.hit1++
				total.hit1++
			}
			if rank >= 0 {
				s.hit3++
				total.hit3++
			}
			switch {
			case rank < 0:
				t.Errorf("lookup_queries.tsv:%d: %q: want %s in the first 3, got %s", c.line, c.query, strings.Join(c.ids, " or "), strings.Join(got, ", "))
			case rank > 0:
				t.Logf("lookup_queries.tsv:%d: %q: %s at rank %d: %s", c.line, c.query, strings.Join(c.ids, " or "), rank+1, strings.Join(got, ", "))
			}
		})
	}
	cats := make([]string, 0, len(byCat))
	for k := range byCat {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	for _, k := range cats {
		t.Logf("%-12s %s", k, *byCat[k])
	}
	t.Logf("%-12s %s", "all", total)
	return total
}

// TestLookupQueries is the headline accuracy test: the queries of
// testdata/lookup_queries.tsv against the built-in glossary must reach
// hit@1 ≥ 95% and hit@3 = 100%.
func TestLookupQueries(t *testing.T) {
	x, g := builtin(t)
	cases := readLookupCases(t)
	if len(cases) < 120 {
		t.Errorf("only %d queries; the set must hold at least 120", len(cases))
	}
	s := evalLookup(t, x, g, cases)
	if pct(s.hit1, s.n) < 95 {
		t.Errorf("hit@1 = %.1f%%, want ≥ 95%%", pct(s.hit1, s.n))
	}
	if s.hit3 != s.n {
		t.Errorf("hit@3 = %.1f%%, want 100%%", pct(s.hit3, s.n))
	}
}
