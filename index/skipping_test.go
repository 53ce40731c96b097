package index

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestResidentSkippingIsExact: the concepts a preloaded index's search
// leaves unscored (see resident.scoreByBound) never change an answer.
// Over a generated glossary of the size a team's server holds (the
// built-in concepts among random phrases of their words, so that each
// query word reaches some hundred concepts), the terms of every 80th
// concept are looked up as translators type them — as written, in lower
// case, half-typed, with a typo, in both languages, and a prefix cut
// mid-word — with every option a request can set, once as the server
// does and once with every concept reached scored; the answers (concepts,
// scores, kinds, terms and spans) must be the same.
func TestResidentSkippingIsExact(t *testing.T) {
	n, every := 20000, 80
	if testing.Short() || raceEnabled {
		n, every = 5000, 100
	}
	_, base := builtin(t)
	g := generatedGlossary(n, base)
	x, err := Build(context.Background(), g, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	queries := variants(g, every)
	for i, c := range g.Concepts {
		if i%every != 0 {
			continue
		}
		for _, term := range c.Terms {
			// A prefix cut inside the last word: the completion path.
			if r := []rune(term.Text); len(r) > 8 {
				queries = append(queries, string(r[:len(r)*2/3]))
			}
		}
	}
	opts := []Query{{}, {Lang: "ru"}, {Lang: "en"}, {Exact: true}, {Limit: 1}, {Limit: 40}}
	ctx := context.Background()
	answer := func(q Query) string {
		res, err := x.Lookup(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, r := range res {
			fmt.Fprintf(&b, "%s %.1f %s %q %v; ", r.Concept.ID, r.Score, r.Kind, r.Term.Text, r.Spans)
		}
		return b.String()
	}
	defer func() { byBound = true }()
	lookups, differ := 0, 0
	for _, text := range queries {
		for _, o := range opts {
			o.Text = text
			byBound = true
			got := answer(o)
			byBound = false
			want := answer(o)
			lookups++
			if got != want {
				differ++
				if differ <= 10 {
					t.Errorf("%q %+v:\n  by bound  %s\n  in order  %s", text, o, got, want)
				}
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d lookups differ", differ, lookups)
	}
	t.Logf("%d lookups of %d queries alike", lookups, len(queries))
}
