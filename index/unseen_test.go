package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"tolmach/internal/shareddata"
	"unicode/utf8"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// sharedData returns the third-party test data folder, or skips t.
func sharedData(t testing.TB) string {
	t.Helper()
	return shareddata.Dir(t)
}

// TestLookupUnseenGlossary looks up a glossary tolmach was not tuned on:
// the 250 country names of mledoze/countries (common and official,
// Russian and English). Each name is queried as a translator might type
// it: in lower case with е for ё, with one letter dropped (names of six
// letters or more), and English names with a possessive. A query counts
// as right when it finds a country bearing that name (some names are
// shared). The data holds errors, but only its self-consistency is used.
func TestLookupUnseenGlossary(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sharedData(t), "country_names_ru_en_mledoze", "country_names.ru-en.tsv"))
	if err != nil {
		t.Skip(err)
	}
	g := &glossary.Glossary{}
	byKey := map[string][]string{} // match key of a name → countries
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	for _, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 6 {
			continue
		}
		c := &glossary.Concept{ID: strings.ToLower(f[1]), Domain: "geography"}
		add := func(text, l string, st glossary.Status, ty glossary.Type) {
			if text == "" || slices.ContainsFunc(c.Terms, func(x *glossary.Term) bool { return x.Text == text && x.Lang == l }) {
				return
			}
			c.Terms = append(c.Terms, &glossary.Term{Text: text, Lang: l, Status: st, Type: ty})
			k := lang.MatchKey(text)
			if !slices.Contains(byKey[k], c.ID) {
				byKey[k] = append(byKey[k], c.ID)
			}
		}
		add(f[5], "ru", glossary.Preferred, glossary.FullForm)
		add(f[4], "ru", glossary.Admitted, glossary.ShortForm)
		add(f[3], "en", glossary.Preferred, glossary.FullForm)
		add(f[2], "en", glossary.Admitted, glossary.ShortForm)
		g.Concepts = append(g.Concepts, c)
	}
	x, err := Build(context.Background(), g, "")
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	type query struct{ text, name, kind string }
	var queries []query
	for _, c := range g.Concepts {
		for _, term := range c.Terms {
			if term.Type != glossary.ShortForm {
				continue
			}
			name := term.Text
			queries = append(queries, query{strings.ToLower(strings.ReplaceAll(name, "ё", "е")), name, "lower"})
			if r := []rune(name); len(r) >= 6 && !strings.ContainsAny(name, " -") {
				queries = append(queries, query{string(append(append([]rune{}, r[:len(r)/2]...), r[len(r)/2+1:]...)), name, "typo"})
			}
			if term.Lang == "en" {
				queries = append(queries, query{name + "'s", name, "possessive"})
			}
		}
	}
	scores := map[string]*lookupScore{}
	var total lookupScore
	for _, q := range queries {
		want := byKey[lang.MatchKey(q.name)]
		res, err := x.Lookup(context.Background(), Query{Text: q.text, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		rank := -1
		for i, r := range res {
			if slices.Contains(want, r.Concept.ID) {
				rank = i
				break
			}
		}
		s := scores[q.kind]
		if s == nil {
			s = &lookupScore{}
			scores[q.kind] = s
		}
		for _, sc := range []*lookupScore{s, &total} {
			sc.n++
			if rank == 0 {
				sc.hit1++
			}
			if rank >= 0 {
				sc.hit3++
			}
		}
		if rank != 0 && utf8.RuneCountInString(q.text) > 0 {
			var got []string
			for _, r := range res {
				got = append(got, r.Concept.ID+"«"+r.Term.Text+"»")
			}
			t.Logf("%s %q (%s): rank %d: %s", q.kind, q.text, strings.Join(want, "|"), rank+1, strings.Join(got, ", "))
		}
	}
	for _, k := range []string{"lower", "typo", "possessive"} {
		t.Logf("%-10s %s", k, *scores[k])
	}
	t.Logf("%-10s %s", "all", total)
	if pct(total.hit1, total.n) < 90 {
		t.Errorf("hit@1 = %.1f%% on an unseen glossary, want ≥ 90%%", pct(total.hit1, total.n))
	}
}
