package check

import (
	"testing"

	"tolmach/internal/lang"
)

// TestUnsplitSentences: a source that starts its sentences in small
// letters (a review, a post) has fewer sentences than its translation,
// whose extra sentences are no additions; in ordinary text an added
// sentence still is one.
func TestUnsplitSentences(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt string
		extra    bool
	}{
		{"a review in small letters",
			"Работает сомелье. он помог с выбором вина, потому что в таком большом меню сложно разобраться самому. Опыт интересный, таких в Москве не хватает.",
			"There's a sommelier on staff. He helped me pick a wine because with a menu this big it's hard to figure out on your own. The experience was interesting, there aren't enough people like him in Moscow.",
			false},
		{"an added sentence",
			"Переговоры прошли в Москве. Стороны обсудили торговлю.",
			"The talks were held in Moscow. The newspaper did not name its sources. The parties discussed trade.",
			true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkText(t, "", lang.RU, tt.src, tt.tgt)
			extra := false
			for _, f := range res.Findings {
				extra = extra || f.Rule == "segment-extra"
			}
			if extra != tt.extra {
				t.Errorf("segment-extra %v, want %v\n%s", extra, tt.extra, describe(res.Findings))
			}
		})
	}
}
