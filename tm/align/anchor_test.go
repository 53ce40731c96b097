package align

import (
	"slices"
	"testing"

	"tolmach/internal/lang"
)

func TestBuiltinAnchorsShared(t *testing.T) {
	// Each pair of segments must share the anchor named.
	tests := []struct {
		name, ru, en, anchor string
	}{
		{"year", "В 2024 году саммит прошёл в Казани.", "The 2024 summit was held in Kazan.", "v2024"},
		{"decimal comma", "Рост составил 26,3 %.", "Growth was 26.3 percent.", "v26.3"},
		{"thousands", "Участвовали 1 200 человек.", "Some 1,200 people took part.", "v1200"},
		{"scale word", "Товарооборот превысил 240 млрд долларов.", "Trade exceeded 240 billion dollars.", "v2.4e+11"},
		{"number in words", "Договор продлён на пять лет.", "The treaty was extended for five years.", "v5"},
		{"acronym in Latin", "Расширение NATO на восток.", "NATO expansion to the east.", "a:nato"},
		{"acronym in Cyrillic", "Расширение НАТО на восток.", "NATO expansion to the east.", "a:nato"},
		{"G20", "Саммит G20 в Нью-Дели.", "The G20 summit in New Delhi.", "a:g20"},
		{"name inflected", "Министр встретился с Лавровым.", "The minister met Lavrov.", "n:lfrf"},
		{"name i/y", "Генерал Шойгу заявил.", "General Shoigu said.", "n:Sg"},
		{"quotes", "Он назвал это «поворотом на Восток».", "He called it a \"pivot to the East\".", "q1"},
		{"question", "Что дальше?", "What next?", "p?"},
		{"parenthesis", "Договор (2001) продлён.", "The treaty (2001) was extended.", "p("},
		{"dialogue dash", "— Да, — ответил он.", "- Yes, he said.", "p-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ru, en []string
			for _, a := range Builtin() {
				ru = append(ru, a.Anchors(tt.ru, lang.RU)...)
				en = append(en, a.Anchors(tt.en, lang.EN)...)
			}
			if !slices.Contains(ru, tt.anchor) || !slices.Contains(en, tt.anchor) {
				t.Errorf("anchor %q: RU %q, EN %q", tt.anchor, ru, en)
			}
		})
	}
}

func TestAnchorFunc(t *testing.T) {
	f := AnchorFunc(func(text string, l lang.Lang) []string { return []string{string(l) + ":" + text} })
	if got := f.Anchors("x", lang.RU); len(got) != 1 || got[0] != "ru:x" {
		t.Errorf("AnchorFunc.Anchors = %q", got)
	}
}
