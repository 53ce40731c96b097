package terms

import (
	"slices"
	"testing"

	"tolmach/internal/lang"
)

func TestNameStem(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Эстония", "эстон"},
		{"Сирия", "сир"},
		{"Китай", "кит"},
		{"Бангладеш", "бангладеш"},
		{"Estonia", "eston"},
		{"Syria", "syr"},
		{"Italy", "ital"},
		{"Europe", "europ"},
		{"Bangladesh", "bangladesh"},
		// Too short to say anything.
		{"Ирак", "ирак"},
		{"Рим", "рим"},
		{"Иран", ""}, // its key is ира: a stem of two letters
		{"Ohio", ""},
	}
	for _, tt := range tests {
		if got := nameStem(lang.MatchKey(tt.name)); got != tt.want {
			t.Errorf("nameStem(%q, key %q) = %q, want %q", tt.name, lang.MatchKey(tt.name), got, tt.want)
		}
	}
}

func TestRelationalOf(t *testing.T) {
	tests := []struct {
		word  string
		stems []string // a stem the word is an adjective of; empty: none
	}{
		{"эстонских", []string{"эстон"}},
		{"сирийском", []string{"сир"}},
		{"китайский", []string{"кит"}},
		{"грузинский", []string{"груз"}},
		{"американской", []string{"америк"}},
		{"европейский", []string{"европ"}},
		{"бангладешский", []string{"бангладеш"}},
		{"Estonian", []string{"eston"}},
		{"Syrian", []string{"syr"}},
		{"Bangladeshi", []string{"bangladesh"}},
		{"Chinese", []string{"chin"}},
		{"Turkish", []string{"turk"}},
		{"Korean", []string{"kor"}},
		// Not adjectives of a name: the ending is missing or another.
		{"индивидуальный", nil},
		{"венгерский", nil},
		{"George", nil},
		{"Czech", nil},
		{"Swiss", nil},
		{"сирена", nil},
	}
	for _, tt := range tests {
		var got []string
		relationalOf(lang.MatchKey(tt.word), func(stem string) bool {
			got = append(got, stem)
			return false
		})
		for _, s := range tt.stems {
			if !slices.Contains(got, s) {
				t.Errorf("relationalOf(%q, key %q) tried %q, not %q", tt.word, lang.MatchKey(tt.word), got, s)
			}
		}
		if len(tt.stems) == 0 {
			// A word that is no adjective may still end like one
			// (венгерск ends in -ск); what matters is that no name's
			// stem it yields is a name's here.
			for _, s := range got {
				if slices.Contains([]string{"вен", "georg", "czech", "сир", "инд", "swis"}, s) {
					t.Errorf("relationalOf(%q) tried the stem %q of a name", tt.word, s)
				}
			}
		}
	}
}

// TestMineNameFamilies checks that a name rendered in some segments by the
// other language's adjective counts those segments for the pair of names
// (Эстония = Estonia with "Estonian" for «Эстонии»), and that an adjective
// whose counterpart is irregular (швейцарский beside "Swiss") does not
// count against its name.
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
