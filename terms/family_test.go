package terms

import (
	"testing"

	"tolmach/internal/lang"
)

func TestMineNameFamilies(t *testing.T) {
	pairs := [][2]string{
		{"Я из Эстонии.", "I am from Estonia."},
		{"Президент Эстонии выступил.", "The president of Estonia spoke."},
		{"Граница Эстонии закрыта.", "The border of Estonia is closed."},
		{"Сборная Эстонии проиграла.", "The Estonian national team lost."},
		{"Кубок Эстонии начался.", "The Estonian Cup began."},
		{"Эстонские учёные ищут жизнь.", "Estonian scientists look for life."},
		{"Банки Швейцарии закрыты.", "The banks of Switzerland are closed."},
		{"Граница Швейцарии открыта.", "The border of Switzerland is open."},
		{"Я из Швейцарии.", "I am from Switzerland."},
		{"Швейцарские часы дороги.", "Swiss watches are expensive."},
		{"Швейцарский сыр вкусен.", "Swiss cheese is tasty."},
	}
	c := corpusOf(append(pairs, filler(60)...)...)
	got := map[string]Candidate{}
	for _, x := range Mine(c, MineOptions{}) {
		got[lang.MatchKey(x.RU)+"|"+lang.MatchKey(x.EN)] = x
	}
	tests := []struct {
		ru, en                  string
		count, ruCount, enCount int
	}{
		// Three segments name both; two more hold «Эстонии» beside
		// "Estonian", one «эстонские» beside "Estonian".
		{"Эстония", "Estonia", 6, 6, 6},
		// «швейцарские» beside "Swiss" is neither for nor against.
		{"Швейцария", "Switzerland", 3, 3, 3},
	}
	for _, tt := range tests {
		x, ok := got[lang.MatchKey(tt.ru)+"|"+lang.MatchKey(tt.en)]
		if !ok {
			t.Errorf("%s = %s not mined; got %v", tt.ru, tt.en, got)
			continue
		}
		if x.Count != tt.count || x.RUCount != tt.ruCount || x.ENCount != tt.enCount {
			t.Errorf("%s = %s: counts %d/%d/%d, want %d/%d/%d", tt.ru, tt.en, x.Count, x.RUCount, x.ENCount, tt.count, tt.ruCount, tt.enCount)
		}
	}
}
