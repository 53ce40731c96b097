package index

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// TestLookupFuncMatchesLookup: LookupFunc hands its callback the
// results Lookup returns, bar the spans, for the index in memory and
// on disk, with every option, and lookups running side by side (under
// -race) never share an arena.
func TestLookupFuncMatchesLookup(t *testing.T) {
	mem, g := builtin(t)
	disk := onDisk(t, g)
	ctx := context.Background()
	queries := variants(g, 5)
	opts := []Query{{}, {Limit: 3}, {Limit: 40}, {Exact: true}, {Lang: "ru"}, {Lang: "en"}}
	// bleve is slower: the index on disk is asked every 4th query.
	for name, x := range map[string]*Index{"memory": mem, "disk": disk} {
		step := 4
		if x == disk {
			step = 16
		}
		t.Run(name, func(t *testing.T) {
			var wg sync.WaitGroup
			for part := range 4 { // four lookups at once
				wg.Go(func() {
					for i := part; i < len(queries); i += step {
						q := opts[i%len(opts)]
						q.Text = queries[i]
						want, err := x.Lookup(ctx, q)
						if err != nil {
							t.Error(err)
							return
						}
						err = x.LookupFunc(ctx, q, func(got []Result) error {
							if g, w := transientForm(got), transientForm(want); g != w {
								t.Errorf("%+v:\n  LookupFunc %s\n  Lookup     %s", q, g, w)
							}
							for _, r := range got {
								if r.Spans != nil {
									t.Errorf("%+v: LookupFunc gave spans %v", q, r.Spans)
								}
							}
							return nil
						})
						if err != nil {
							t.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
		})
	}
}

// TestLookupFuncError: the callback's error is LookupFunc's, and a
// lookup's error is returned without calling it.
func TestLookupFuncError(t *testing.T) {
	x, _ := builtin(t)
	stop := fmt.Errorf("stop")
	if err := x.LookupFunc(context.Background(), Query{Text: "договор"}, func([]Result) error { return stop }); err != stop {
		t.Errorf("callback's error: got %v", err)
	}
	called := false
	err := x.LookupFunc(context.Background(), Query{Text: "договор", Lang: "fr"}, func([]Result) error { called = true; return nil })
	if err == nil || called {
		t.Errorf("unknown language: err %v, callback called %v", err, called)
	}
}

// transientForm describes results as LookupFunc makes them: every
// field of each result, its concept and terms, but the spans; and
// whether the matched term is one of the concept's.
func transientForm(res []Result) string {
	var out []byte
	for _, r := range res {
		own := false
		for _, t := range r.Concept.Terms {
			own = own || t == r.Term
		}
		c := *r.Concept
		c.Terms = nil
		out = fmt.Appendf(out, "%+v %v %s %+v own=%v [", c, r.Score, r.Kind, *r.Term, own)
		for _, t := range r.Concept.Terms {
			out = fmt.Appendf(out, "%+v ", *t)
		}
		out = append(out, "] "...)
	}
	return string(out)
}

// TestLookupFuncAllocations: the results' concepts and terms come
// from a reused arena, so LookupFunc allocates at least one object per
// result fewer than Lookup.
func TestLookupFuncAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items at random under -race")
	}
	x, _ := builtin(t)
	ctx := context.Background()
	q := Query{Text: "договор"}
	res, err := x.Lookup(ctx, q)
	if err != nil || len(res) < 5 {
		t.Fatalf("%d results, %v", len(res), err)
	}
	lookup := testing.AllocsPerRun(50, func() { x.Lookup(ctx, q) })
	fn := testing.AllocsPerRun(50, func() { x.LookupFunc(ctx, q, func([]Result) error { return nil }) })
	if fn+float64(len(res)) > lookup {
		t.Errorf("LookupFunc %.0f allocations, Lookup %.0f for %d results", fn, lookup, len(res))
	}
}
