package check

import (
	"testing"

	"tolmach/internal/lang"
)

// TestDemonymRendered: a Russian country name rendered by the English
// adjective is not a missing term; a wrong adjective still is.
func TestDemonymRendered(t *testing.T) {
	const g = `
[uk]
ru: Великобритания
en: United Kingdom
en: UK | abbreviation

[india]
ru: Индия
en: India

[dprk]
ru: Северная Корея
en: North Korea
`
	tests := []struct {
		src, tgt string
		missing  bool
	}{
		{"Правительство Великобритании приняло решение.", "The British government made a decision.", false},
		{"Посольство Индии сделало заявление.", "The Indian embassy made a statement.", false},
		{"Они попали на турнир Северной Кореи.", "They got into a North Korean tournament.", false},
		{"Правительство Индии приняло решение.", "The Pakistani government made a decision.", true},
		{"Жители Индии участвуют в играх.", "Indians compete in the games.", false},
	}
	for _, tt := range tests {
		c := New(Options{Glossary: parseGlossary(t, g)})
		res, err := c.Check(t.Context(), NewDocument("a.ru.txt", lang.RU, tt.src), NewDocument("a.en.txt", lang.EN, tt.tgt))
		if err != nil {
			t.Fatal(err)
		}
		missing := false
		for _, f := range res.Findings {
			missing = missing || f.Rule == "term-missing"
		}
		if missing != tt.missing {
			t.Errorf("%q → %q: term-missing %v, want %v\n%s", tt.src, tt.tgt, missing, tt.missing, describe(res.Findings))
		}
	}
}
