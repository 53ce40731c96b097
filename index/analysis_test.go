package index

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"tolmach/internal/lang"
)

// analysisSamples are strings whose analysis must equal lang's: inflected
// Russian, ё, abbreviations, quotes and dashes, hyphenated compounds,
// numbers, possessives, dotted abbreviations, mixed scripts.
var analysisSamples = []struct{ name, text string }{
	{"inflected phrase", "Шанхайской организации сотрудничества"},
	{"yo", "Ещё одна встреча прошла в Пхеньяне; её итоги"},
	{"abbreviations", "ШОС, ОДКБ и SCO"},
	{"quotes and dashes", "«Поворот на Восток» — курс 2014–2024 гг."},
	{"compound", "военно-политический союз"},
	{"numbers", "240,5 млрд долларов и 1 234 567 человек"},
	{"possessive", "Russia's foreign policy, the U.S. and the EU"},
	{"stress and soft hyphen", "при\u0301нцип со\u00ADседства"},
	{"mixed", "G20 и BRICS+ в Казани"},
	{"empty", ""},
	{"punctuation only", " — …, !"},
}

// TestAnalyzersEqualLang proves the index and the checker cannot
// disagree: for every sample, each analyzer's token terms, offsets and
// positions are exactly those of lang.Analyze.
func TestAnalyzersEqualLang(t *testing.T) {
	forms := []struct {
		analyzer string
		form     func(lang.Token) string
	}{
		{AnalyzerKey, func(t lang.Token) string { return t.Key }},
		{AnalyzerNorm, func(t lang.Token) string { return t.Norm }},
		{AnalyzerCase, func(t lang.Token) string { return t.Text }},
	}
	for _, f := range forms {
		a, err := analyzerFor(f.analyzer)
		if err != nil {
			t.Fatalf("analyzer %s: %v", f.analyzer, err)
		}
		for _, s := range analysisSamples {
			t.Run(f.analyzer+"/"+s.name, func(t *testing.T) {
				want := lang.Analyze(s.text)
				got := a.Analyze([]byte(s.text))
				if len(got) != len(want) {
					t.Fatalf("%d tokens, want %d: %v", len(got), len(want), got)
				}
				for i := range want {
					if string(got[i].Term) != f.form(want[i]) || got[i].Start != want[i].Start ||
						got[i].End != want[i].End || got[i].Position != i+1 {
						t.Errorf("token %d = %v, want %q at %d:%d", i, got[i], f.form(want[i]), want[i].Start, want[i].End)
					}
				}
				if f.analyzer == AnalyzerKey {
					var terms []string
					for _, tok := range got {
						terms = append(terms, string(tok.Term))
					}
					if keys := lang.Keys(s.text); !slices.Equal(terms, keys) {
						t.Errorf("terms %q, lang.Keys %q", terms, keys)
					}
				}
			})
		}
	}
}

// TestTermAnalyzerIsMatchKey proves the whole-term field agrees with
// the checker's notion of a term match: its one token is lang.MatchKey.
func TestTermAnalyzerIsMatchKey(t *testing.T) {
	a, err := analyzerFor(AnalyzerTerm)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range analysisSamples {
		t.Run(s.name, func(t *testing.T) {
			got := a.Analyze([]byte(s.text))
			want := lang.MatchKey(s.text)
			switch {
			case want == "" && len(got) != 0:
				t.Errorf("tokens %v for a text without words", got)
			case want != "" && (len(got) != 1 || string(got[0].Term) != want):
				t.Errorf("tokens %v, want one: %q", got, want)
			}
		})
	}
}

// TestAddTextFieldIndexes checks that a document declared with
// AddTextField is found by each of its fields with its analysis, in a
// scorch index as every tolmach index is.
func TestAddTextFieldIndexes(t *testing.T) {
	dm := mapping.NewDocumentStaticMapping()
	AddTextField(dm, "ru", true)
	AddTextField(dm, "en", false)
	m := NewIndexMapping()
	m.AddDocumentMapping("unit", dm)
	idx, err := bleve.NewUsing("", m, "scorch", "scorch", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	doc := map[string]any{"_type": "unit", "ru": "Шанхайская организация сотрудничества (ШОС)", "en": "Shanghai Cooperation Organisation"}
	if err := idx.Index("1", doc); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, field, analyzer, query string
		hits                         int
	}{
		{"stemmed inflected", "ru_key", AnalyzerKey, "Шанхайской организации", 1},
		{"norm exact", "ru_norm", AnalyzerNorm, "организация", 1},
		{"norm does not stem", "ru_norm", AnalyzerNorm, "организации", 0},
		{"case as written", "ru_case", AnalyzerCase, "ШОС", 1},
		{"case lower misses", "ru_case", AnalyzerCase, "шос", 0},
		{"english key", "en_key", AnalyzerKey, "organisations", 1},
		{"no _all", "_all", "standard", "organisation", 0},
		{"no english case field", "en_case", AnalyzerCase, "Shanghai", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := bleve.NewMatchQuery(tt.query)
			q.SetField(tt.field)
			q.Analyzer = tt.analyzer
			q.SetOperator(1) // and
			res, err := idx.Search(bleve.NewSearchRequest(q))
			if err != nil {
				t.Fatal(err)
			}
			if int(res.Total) != tt.hits {
				t.Errorf("%d hits, want %d", res.Total, tt.hits)
			}
		})
	}
	t.Run("phrase on stems", func(t *testing.T) {
		q := bleve.NewMatchPhraseQuery("организации сотрудничества")
		q.SetField("ru_key")
		q.Analyzer = AnalyzerKey
		res, err := idx.Search(bleve.NewSearchRequest(q))
		if err != nil || res.Total != 1 {
			t.Errorf("phrase: %v hits, %v", res, err)
		}
	})
}
