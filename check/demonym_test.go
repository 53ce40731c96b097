package check

import (
	"strings"
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

// TestMetonymStates: the states whose capital or seat of power an
// expected term is, named in the target's language, in the order of
// metonyms, each once, whatever the case of the term.
func TestMetonymStates(t *testing.T) {
	for _, tc := range []struct {
		l        lang.Lang
		expected []string
		want     string
	}{
		{lang.EN, []string{"Москва"}, "Russia|Russian Federation"},
		{lang.RU, []string{"kremlin"}, "Россия|Российская Федерация|РФ"},
		{lang.EN, []string{"Белый дом", "White House"}, "United States|United States of America|US|USA|U.S."},
		{lang.EN, []string{"Пекин", "Москва"}, "Russia|Russian Federation|China|People's Republic of China|PRC"},
		{lang.RU, []string{"Beijing", "Peking", "Moscow"}, "Россия|Российская Федерация|РФ|Китай|КНР|Китайская Народная Республика"},
		{lang.EN, []string{"Мюнхен"}, ""},
		{lang.EN, nil, ""},
	} {
		if got := strings.Join(metonymStates(tc.l, tc.expected), "|"); got != tc.want {
			t.Errorf("metonymStates(%s, %q) = %q, want %q", tc.l, tc.expected, got, tc.want)
		}
	}
}
