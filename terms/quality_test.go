package terms

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
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

// termForms returns every written form of a concept's terms in lng: a
// term with optional words («Конгресс [США]») is written both with and
// without them, as the glossary's matcher finds it.
func termForms(c *glossary.Concept, lng string) []string {
	var out []string
	for _, t := range c.TermsIn(lng) {
		out = append(out, t.Forms()...)
	}
	return out
}

// TestRediscovery measures item 4(a) of issue 13: mining the shared TM
// with no glossary at all, the share of the built-in concepts attested at
// least 3 times (a Russian term in a Russian segment and an English term
// in its English one) for which the top 1,000 hold a right pair (a
// Russian and an English term of the concept, compared by matching key).
// The issue asks for 70%; the figure is about 73% (see the README), and
// the test guards the 70%.
const minRediscovery = 0.70

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
		for _, r := range termForms(concept, "ru") {
			for _, e := range termForms(concept, "en") {
				if found[lang.MatchKey(r)+"|"+lang.MatchKey(e)] {
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
	if rate < minRediscovery {
		t.Errorf("rediscovery %.1f%% < %.0f%%", 100*rate, 100*minRediscovery)
	}
}

// TestPrecision is item 4(b) of issue 13: of the top 100 candidates the
// built-in glossary lacks, at least 80% are right pairs and real terms,
// by the hand adjudication in testdata/precision.tsv (matched by key, so
// that a better dictionary form keeps its verdict). At least 90 of the
// 100 must have been adjudicated: a glossary that grows pushes new
// candidates up, and those must be read before they count.
func TestPrecision(t *testing.T) {
	c := sharedTM(t)
	verdict := map[string]bool{}
	forms, formOK := 0, 0
	f, err := os.Open("testdata/precision.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "rank\t") || line == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 5 {
			t.Fatalf("precision.tsv: bad line %q", line)
		}
		verdict[lang.MatchKey(cols[1])+"|"+lang.MatchKey(cols[2])] = cols[3] == "1"
		forms++
		if cols[4] == "1" {
			formOK++
		}
	}
	cands := Mine(c, MineOptions{Limit: 100, Exclude: builtin(t)})
	judged, ok := 0, 0
	var unjudged []string
	for _, x := range cands {
		v, found := verdict[lang.MatchKey(x.RU)+"|"+lang.MatchKey(x.EN)]
		if !found {
			unjudged = append(unjudged, x.RU+" = "+x.EN)
			continue
		}
		judged++
		if v {
			ok++
		}
	}
	t.Logf("top %d: %d adjudicated, %d right pairs and real terms (%.0f%%); Russian dictionary forms right in %d of %d adjudicated rows",
		len(cands), judged, ok, 100*float64(ok)/float64(max(judged, 1)), formOK, forms)
	if len(unjudged) > 0 {
		t.Logf("not adjudicated yet: %s", strings.Join(unjudged, "; "))
	}
	if judged < 90 {
		t.Fatalf("only %d of the top 100 adjudicated: read the new ones into testdata/precision.tsv", judged)
	}
	if p := float64(ok) / float64(judged); p < 0.80 {
		t.Errorf("precision %.0f%% < 80%%", 100*p)
	}
}
