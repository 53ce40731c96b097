package terms

import (
	"fmt"
	"testing"

	"tolmach/glossary"
)

// corpusOf builds a corpus from pairs repeated as asked.
func corpusOf(pairs ...[2]string) *Corpus {
	c := &Corpus{}
	for _, p := range pairs {
		c.Pairs = append(c.Pairs, Pair{RU: p[0], EN: p[1], Document: "t"})
	}
	return c
}

// filler returns n unrelated pairs, so that association has a background.
func filler(n int) [][2]string {
	words := [][2]string{{"дождь", "rain"}, {"город", "city"}, {"рынок", "market"}, {"учитель", "teacher"}, {"поезд", "train"}}
	var out [][2]string
	for i := 0; i < n; i++ {
		w := words[i%len(words)]
		out = append(out, [2]string{fmt.Sprintf("%s %d.", w[0], i), fmt.Sprintf("%s %d.", w[1], i)})
	}
	return out
}

func TestMine(t *testing.T) {
	pairs := [][2]string{
		{"Шанхайская организация сотрудничества провела саммит.", "The Shanghai Cooperation Organisation held a summit."},
		{"Лидеры Шанхайской организации сотрудничества встретились.", "Leaders of the Shanghai Cooperation Organisation met."},
		{"Иран вступил в Шанхайскую организацию сотрудничества.", "Iran joined the Shanghai Cooperation Organisation."},
		{"Расширение Шанхайской организации сотрудничества идёт.", "The enlargement of the Shanghai Cooperation Organisation goes on."},
		{"Санкционные режимы ужесточили.", "The sanctions regimes were tightened."},
		{"Санкционный режим ослаб.", "The sanctions regime weakened."},
		{"Новый санкционный режим действует.", "A new sanctions regime is in force."},
	}
	c := corpusOf(append(pairs, filler(40)...)...)
	sco := &glossary.Glossary{Concepts: []*glossary.Concept{{ID: "sco", Terms: []*glossary.Term{
		{Text: "Шанхайская организация сотрудничества", Lang: "ru"}, {Text: "Shanghai Cooperation Organisation", Lang: "en"}}}}}
	tests := []struct {
		name    string
		opt     MineOptions
		want    [][2]string // pairs that must be found, in dictionary form
		notWant []string    // English sides that must not be
	}{
		{"both directions, dictionary forms", MineOptions{}, [][2]string{
			{"Шанхайская организация сотрудничества", "Shanghai Cooperation Organisation"},
			{"санкционный режим", "sanctions regime"},
		}, []string{"Cooperation Organisation", "Shanghai"}},
		{"known terms left out", MineOptions{Exclude: sco}, [][2]string{{"санкционный режим", "sanctions regime"}}, []string{"Shanghai Cooperation Organisation"}},
		{"min count", MineOptions{MinCount: 4}, [][2]string{{"Шанхайская организация сотрудничества", "Shanghai Cooperation Organisation"}}, []string{"sanctions regime"}},
		{"limit", MineOptions{Limit: 1}, [][2]string{{"Шанхайская организация сотрудничества", "Shanghai Cooperation Organisation"}}, []string{"sanctions regime"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Mine(c, tt.opt)
			have := map[[2]string]Candidate{}
			ens := map[string]bool{}
			for _, x := range got {
				have[[2]string{x.RU, x.EN}] = x
				ens[x.EN] = true
			}
			for _, w := range tt.want {
				x, ok := have[w]
				if !ok {
					t.Errorf("missing %q = %q; got %v", w[0], w[1], got)
					continue
				}
				if x.Count < 3 || x.Example.RU == "" || x.Score <= 0 {
					t.Errorf("%v: count %d, score %v, example %q", w, x.Count, x.Score, x.Example.RU)
				}
			}
			for _, en := range tt.notWant {
				if ens[en] {
					t.Errorf("unexpected candidate with English %q", en)
				}
			}
			for i := 1; i < len(got); i++ {
				if got[i].Score > got[i-1].Score {
					t.Errorf("not sorted: %v after %v", got[i], got[i-1])
				}
			}
		})
	}
}

func TestUsage(t *testing.T) {
	g := &glossary.Glossary{Concepts: []*glossary.Concept{
		{ID: "three-evils", Terms: []*glossary.Term{
			{Text: "три силы зла", Lang: "ru"},
			{Text: "three forces of evil", Lang: "en", Status: glossary.Preferred},
			{Text: "triple evil", Lang: "en", Status: glossary.Admitted},
		}},
	}}
	pairs := [][2]string{
		{"Стороны осудили три силы зла.", "The parties condemned the three evil forces."},
		{"Борьба с тремя силами зла продолжится.", "The fight against the three evil forces will go on."},
		{"Три силы зла угрожают региону.", "The three evil forces threaten the region."},
		{"Три силы зла названы снова.", "The three forces of evil were named again."},
		{"Три силы зла упомянуты.", "Nothing of the sort was said."},
	}
	c := corpusOf(append(pairs, filler(30)...)...)
	us := Usage(c, g, UsageOptions{SourceLangs: []string{"ru"}})
	if len(us) != 1 {
		t.Fatalf("got %d reports, want 1", len(us))
	}
	u := us[0]
	if u.Occurrences != 5 || u.Missing != 1 || u.SourceLang != "ru" || u.TargetLang != "en" {
		t.Errorf("occurrences %d, missing %d, %s→%s", u.Occurrences, u.Missing, u.SourceLang, u.TargetLang)
	}
	want := []struct {
		text       string
		count      int
		inGlossary bool
		proposed   bool
	}{
		{"three evil forces", 3, false, true},
		{"three forces of evil", 1, true, false},
	}
	if len(u.Renderings) != len(want) {
		t.Fatalf("renderings %+v", u.Renderings)
	}
	for i, w := range want {
		r := u.Renderings[i]
		if r.Text != w.text || r.Count != w.count || r.InGlossary != w.inGlossary || r.Proposed != w.proposed {
			t.Errorf("rendering %d = %q×%d glossary %v proposed %v, want %+v", i, r.Text, r.Count, r.InGlossary, r.Proposed, w)
		}
		if r.Example.EN == "" || r.Documents["t"] != r.Count {
			t.Errorf("rendering %q: example %q, documents %v", r.Text, r.Example.EN, r.Documents)
		}
	}
	if len(u.Unused) != 1 || u.Unused[0].Text != "triple evil" {
		t.Errorf("unused %v", u.Unused)
	}
	pg := ProposalsGlossary(us, "test")
	if len(pg.Concepts) != 1 || pg.Concepts[0].ID != "three-evils" {
		t.Fatalf("proposals %+v", pg.Concepts)
	}
	var variant *glossary.Term
	for _, tm := range pg.Concepts[0].Terms {
		if tm.Text == "three evil forces" {
			variant = tm
		}
	}
	if variant == nil || variant.Status != glossary.Admitted || variant.Note == "" {
		t.Errorf("proposed term %+v", variant)
	}
}

// TestMineSkipsUntranslated: Russian left untranslated in English segments
// pairs perfectly with itself by co-occurrence, but it is no English term;
// the English words around it still form candidates.
func TestMineSkipsUntranslated(t *testing.T) {
	var pairs [][2]string
	for _, p := range [][2]string{
		{"Страны привержены «шанхайскому духу» и развитию.", "The countries are committed to the шанхайский дух and development."},
		{"Верность «шанхайскому духу» подтвердили.", "Loyalty to the шанхайский дух was reaffirmed."},
		{"«Шанхайский дух» лежит в основе работы.", "The шанхайский дух underlies the work."},
		{"Духу Шанхая следуют все члены организации.", "The шанхайский дух guides all members of the organisation."},
	} {
		pairs = append(pairs, p)
	}
	pairs = append(pairs, filler(40)...)
	got := Mine(corpusOf(pairs...), MineOptions{MinCount: 1})
	if len(got) == 0 {
		t.Fatal("no candidates at all: the test measures nothing")
	}
	for _, x := range got {
		for _, r := range x.EN {
			if r >= 'а' && r <= 'я' || r >= 'А' && r <= 'Я' {
				t.Errorf("English side in Cyrillic: %q = %q", x.RU, x.EN)
				break
			}
		}
	}
}
