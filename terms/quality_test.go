package terms

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// attested counts, for every concept of g, the segment pairs of c whose
// Russian segment holds one of its Russian terms and whose English segment
// one of its English terms.
func attested(c *Corpus, g *glossary.Glossary) map[*glossary.Concept]int {
	ru, en := glossary.NewMatcher(g, "ru"), glossary.NewMatcher(g, "en")
	n := map[*glossary.Concept]int{}
	for _, p := range c.Pairs {
		inRU := map[*glossary.Concept]bool{}
		for _, m := range ru.FindAll(p.RU) {
			inRU[m.Concept] = true
		}
		seen := map[*glossary.Concept]bool{}
		for _, m := range en.FindAll(p.EN) {
			if inRU[m.Concept] && !seen[m.Concept] {
				seen[m.Concept] = true
				n[m.Concept]++
			}
		}
	}
	return n
}

// TestRediscovery is item 4(a) of issue 13: mining the shared TM with no
// glossary at all must find, in its top 1,000, a right pair (a Russian and
// an English term of the concept, compared by matching key) for at least
// 70% of the built-in concepts attested at least 3 times.
func TestRediscovery(t *testing.T) {
	c := sharedTM(t)
	g := builtin(t)
	cands := Mine(c, MineOptions{Limit: 1000})
	found := map[string]bool{}
	for _, x := range cands {
		found[lang.MatchKey(x.RU)+"|"+lang.MatchKey(x.EN)] = true
	}
	var hit, miss []string
	for concept, n := range attested(c, g) {
		if n < 3 {
			continue
		}
		ok := false
		for _, r := range concept.TermsIn("ru") {
			for _, e := range concept.TermsIn("en") {
				if found[lang.MatchKey(r.Text)+"|"+lang.MatchKey(e.Text)] {
					ok = true
				}
			}
		}
		if ok {
			hit = append(hit, concept.ID)
		} else {
			miss = append(miss, fmt.Sprintf("%s(%d)", concept.ID, n))
		}
	}
	sort.Strings(miss)
	total := len(hit) + len(miss)
	if total == 0 {
		t.Fatal("no built-in concept attested 3 times: the shared TM was not read")
	}
	rate := float64(len(hit)) / float64(total)
	t.Logf("rediscovered %d of %d built-in concepts attested ≥ 3 times (%.1f%%); missed: %v", len(hit), total, 100*rate, miss)
	if rate < 0.70 {
		t.Errorf("rediscovery %.1f%% < 70%%", 100*rate)
	}
}

var _ = os.Getenv
