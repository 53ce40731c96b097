package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// TestLookupQueriesBleve is TestLookupQueries on the index as a
// one-lookup process opens it: read from disk, candidates from bleve.
func TestLookupQueriesBleve(t *testing.T) {
	_, g := builtin(t)
	x := onDisk(t, g)
	if x.Preloaded() {
		t.Fatal("an index opened from disk is preloaded")
	}
	s := evalLookup(t, x, g, readLookupCases(t))
	if pct(s.hit1, s.n) < 95 || s.hit3 != s.n {
		t.Errorf("%s, want hit@1 ≥ 95%% and hit@3 = 100%%", s)
	}
}

// TestLookupQueries50kResident is TestLookupQueries50k on the index
// preloaded, as the server holds it.
func TestLookupQueries50kResident(t *testing.T) {
	if os.Getenv("TOLMACH_EVAL") == "" {
		t.Skip("set TOLMACH_EVAL=1 to run the 50k evaluation")
	}
	x, g := big50k(t)
	if err := x.Preload(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := evalLookup(t, x, g, readLookupCases(t))
	if pct(s.hit1, s.n) < 90 {
		t.Errorf("hit@1 = %.1f%% on 50k concepts, want ≥ 90%%", pct(s.hit1, s.n))
	}
}

// onDisk builds g into a temporary directory and opens it read-only.
func onDisk(t testing.TB, g *glossary.Glossary) *Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Build(context.Background(), g, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if x, err = Open(dir, openTimeout); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// variants returns queries a translator types for the glossary's terms:
// as written, in lower case, half-typed and with two letters swapped.
func variants(g *glossary.Glossary, every int) []string {
	var out []string
	for i, c := range g.Concepts {
		if i%every != 0 {
			continue
		}
		for _, t := range c.Terms {
			r := []rune(t.Text)
			out = append(out, t.Text, strings.ToLower(t.Text))
			if len(r) > 6 {
				out = append(out, string(r[:len(r)-2]))
			}
			if len(r) > 5 {
				s := append([]rune(nil), r...)
				s[len(s)/2], s[len(s)/2+1] = s[len(s)/2+1], s[len(s)/2]
				out = append(out, string(s))
			}
		}
	}
	return out
}

func describe(res []Result) string {
	var b strings.Builder
	for _, r := range res {
		fmt.Fprintf(&b, "%s(%.1f %s «%s») ", r.Concept.ID, r.Score, r.Kind, r.Term.Text)
	}
	return b.String()
}

// TestResidentAgreesWithBleve looks the built-in glossary's terms up,
// as typed by translators, in the index in memory and on disk: where
// bleve's 50 candidates hold every concept a query reaches, the two
// answer alike; where they differ, the answer from memory, which ranks
// every concept reached, is never worse at any rank.
func TestResidentAgreesWithBleve(t *testing.T) {
	mem, g := builtin(t)
	disk := onDisk(t, g)
	ctx := context.Background()
	same, n := 0, 0
	for _, q := range variants(g, 4) {
		a, err := mem.Lookup(ctx, Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		b, err := disk.Lookup(ctx, Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		n++
		if describe(a) == describe(b) {
			same++
			continue
		}
		t.Logf("%q:\n  memory %s\n  bleve  %s", q, describe(a), describe(b))
		for i := range min(len(a), len(b)) {
			if a[i].Score < b[i].Score {
				t.Errorf("%q: rank %d scores %.1f in memory, %.1f from bleve", q, i+1, a[i].Score, b[i].Score)
				break
			}
		}
		if len(a) < len(b) {
			t.Errorf("%q: %d results in memory, %d from bleve", q, len(a), len(b))
		}
	}
	t.Logf("%d of %d queries answered alike", same, n)
}

// TestResidentPruningIsExact: the words a search skips could not have
// changed its best concepts. Every variant of the built-in glossary's
// terms is searched with the skipping and with every concept reached
// scored, with and without edits, and the best ten must be the same.
func TestResidentPruningIsExact(t *testing.T) {
	x, g := builtin(t)
	ctx := context.Background()
	best := func(q []queryToken, langs []string, opt rankOptions) string {
		cands, _, err := x.res.search(ctx, q, langs, 10, opt)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(cands, func(a, b candidate) int {
			if a.before(&b) {
				return -1
			}
			return 1
		})
		var ids []string
		for _, c := range cands[:min(10, len(cands))] {
			ids = append(ids, fmt.Sprintf("%s:%.1f", c.id, c.best.score))
		}
		return strings.Join(ids, " ")
	}
	defer func() { prune = true }()
	for _, text := range variants(g, 6) {
		q := newQueryTokens(lang.Analyze(text))
		if len(q) == 0 || len(q) > MaxQueryTokens {
			continue
		}
		for _, opt := range []rankOptions{{}, {fuzzy: true, prefix: true}, {exact: true}} {
			for _, langs := range [][]string{{"ru"}, {"en"}} {
				prune = true
				got := best(q, langs, opt)
				prune = false
				want := best(q, langs, opt)
				if got != want {
					t.Errorf("%q %v %+v:\n  pruned %s\n  all    %s", text, langs, opt, got, want)
				}
			}
		}
	}
}

// BenchmarkLookupBuiltinPreloaded is BenchmarkLookupBuiltin on the
// index preloaded, as the server holds it.
func BenchmarkLookupBuiltinPreloaded(b *testing.B) {
	_, g := builtin(b)
	x := onDisk(b, g)
	if err := x.Preload(context.Background()); err != nil {
		b.Fatal(err)
	}
	benchLookups(b, x)
}

// BenchmarkLookup50kPreloaded is BenchmarkLookup50k on the index
// preloaded, as the server holds it.
func BenchmarkLookup50kPreloaded(b *testing.B) {
	x, _ := big50k(b)
	if err := x.Preload(context.Background()); err != nil {
		b.Fatal(err)
	}
	benchLookups(b, x)
}

// BenchmarkPreload50k measures loading the 50k index into memory (run
// it with -benchtime 1x; B/op is what the load allocates, not what it
// keeps).
func BenchmarkPreload50k(b *testing.B) {
	big50k(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		x, err := Open(filepath.Join(big50kDir, "idx"), openTimeout)
		if err != nil {
			b.Fatal(err)
		}
		if err := x.Preload(context.Background()); err != nil {
			b.Fatal(err)
		}
		x.Close()
	}
}
