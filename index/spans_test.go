package index

import (
	"testing"

	"tolmach/glossary"
)

// TestSpansOfOptionalWords: a term matched in a form without its optional
// words is highlighted on the words that matched, wherever the optional
// words stand (before, in the middle, after), not on the tokens of the
// same numbers in the full text.
func TestSpansOfOptionalWords(t *testing.T) {
	const g = `
[us-congress]
ru: Конгресс [США]
en: [US] Congress

[house]
ru: Палата представителей [Конгресса] США
en: House [of Representatives] of the US

[plain]
ru: Совет Безопасности
en: Security Council
`
	gl, err := glossary.Parse([]byte(g), "test.glossary", glossary.Native)
	if err != nil {
		t.Fatal(err)
	}
	x, err := Build(t.Context(), gl, "")
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	tests := []struct {
		query, lang, id string
		want            []string // the highlighted words of the term's text
	}{
		{"Congress", "en", "us-congress", []string{"Congress"}},
		{"US Congress", "en", "us-congress", []string{"US", "Congress"}},
		{"Конгресс", "ru", "us-congress", []string{"Конгресс"}},
		{"Палата представителей США", "ru", "house", []string{"Палата", "представителей", "США"}},
		{"House of the US", "en", "house", []string{"House", "of", "the", "US"}},
		{"Security Council", "en", "plain", []string{"Security", "Council"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := x.Lookup(t.Context(), Query{Text: tt.query, Lang: tt.lang, Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			if len(res) == 0 || res[0].Concept.ID != tt.id {
				t.Fatalf("lookup %q: %s", tt.query, describe(res))
			}
			var got []string
			for _, s := range res[0].Spans {
				got = append(got, res[0].Term.Text[s.Start:s.End])
			}
			if len(got) != len(tt.want) {
				t.Fatalf("highlighted %q of %q, want %q", got, res[0].Term.Text, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("highlighted %q of %q, want %q", got, res[0].Term.Text, tt.want)
					break
				}
			}
		})
	}
}
