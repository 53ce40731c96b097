package lang

import "testing"

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
		{"Ирак", "ирак"},
		{"Рим", "рим"},
		// Too short to say anything.
		{"Иран", ""}, // its key is ира: a stem of two letters
		{"Asia", "asi"},
		{"Ohio", "ohi"},
	}
	for _, tt := range tests {
		if got := NameStem(MatchKey(tt.name)); got != tt.want {
			t.Errorf("NameStem(%q, key %q) = %q, want %q", tt.name, MatchKey(tt.name), got, tt.want)
		}
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct {
		name, word string
		want       bool
	}{
		{"Эстония", "эстонских", true},
		{"Сирия", "сирийском", true},
		{"Китай", "китайский", true},
		{"Грузия", "грузинский", true},
		{"Америка", "американской", true},
		{"Европа", "европейский", true},
		{"Бангладеш", "бангладешский", true},
		{"Турция", "турецкий", true},
		{"Польша", "польский", true},
		{"Норвегия", "норвежский", true},
		{"Франция", "французский", true},
		{"Италия", "итальянский", true},
		{"Россия", "российский", true},
		{"Британия", "британский", true},
		{"Estonia", "Estonian", true},
		{"Syria", "Syrian", true},
		{"Bangladesh", "Bangladeshi", true},
		{"China", "Chinese", true},
		{"Turkey", "Turkish", true},
		{"Korea", "Korean", true},
		{"Italy", "Italians", true},
		{"India", "Indian", true},
		{"Egypt", "Egyptian", true},
		{"Pakistan", "Pakistani", true},
		{"Europe", "European", true},
		{"Asia", "Asian", true},
		{"Canada", "Canadian", true},
		{"Japan", "Japanese", true},
		{"Brazil", "Brazilian", true},
		{"India", "Indiana", false},
		{"China", "chin", false},
		{"Iran", "Iraqi", false},
		{"Korea", "kore", false},
		{"Oman", "omen", false},
		{"Chad", "Chadwick", false},
		// Not adjectives of the name: another ending, another word, or
		// too much between a short stem and the suffix.
		{"Вена", "венгерский", false},
		{"Индия", "индивидуальный", false},
		{"Сирия", "сирена", false},
		{"Франция", "франшизный", false},
		{"India", "Indonesian", false},
		{"Georgia", "George", false},
		{"Switzerland", "Swiss", false},
		{"Czechia", "Czech", false},
		{"Китай", "кипрский", false},
		{"Норвегия", "норковый", false},
	}
	for _, tt := range tests {
		stem, key := NameStem(MatchKey(tt.name)), MatchKey(tt.word)
		if got := Demonym(stem, key); got != tt.want {
			t.Errorf("Demonym(%q of %q, %q of %q) = %v, want %v", stem, tt.name, key, tt.word, got, tt.want)
		}
		if tt.want && !DemonymLike(key) {
			t.Errorf("DemonymLike(%q of %q) = false", key, tt.word)
		}
	}
}

func TestCommonPrefixRunes(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"китай", "китайск", 5},
		{"сирия", "сирийск", 4},
		{"ёлка", "елка", 0}, // ё and е are different runes: no folding here
		{"china", "chinese", 4},
		{"abc", "xbc", 0},
	} {
		if got := CommonPrefixRunes(tc.a, tc.b); got != tc.want {
			t.Errorf("CommonPrefixRunes(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
