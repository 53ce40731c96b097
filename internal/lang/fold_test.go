package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii lower", "sco", "sco"},
		{"ascii upper", "SCO", "sco"},
		{"yo to ye", "Партнёрство", "партнерство"},
		{"capital yo", "ЁЛКА", "елка"},
		{"short i kept", "Шанхайский", "шанхайский"},
		{"stress acute dropped", "орга\u0301низация", "организация"},
		{"stress grave dropped", "до\u0300м", "дом"},
		{"soft hyphen dropped", "органи\u00ADзация", "организация"},
		{"zero width dropped", "ШОС\u200B", "шос"},
		{"guillemets", "«три силы зла»", `"три силы зла"`},
		{"low-9 quotes", "„Пояс и путь“", `"пояс и путь"`},
		{"curly quotes", "“three forces of evil”", `"three forces of evil"`},
		{"apostrophes", "Russia’s", "russia's"},
		{"en dash", "North–South", "north-south"},
		{"em dash", "Север — Юг", "север - юг"},
		{"non-breaking hyphen", "военно\u2011политический", "военно-политический"},
		{"nbsp", "240\u00A0млрд", "240 млрд"},
		{"narrow nbsp", "1\u202F234", "1 234"},
		{"thin space", "26,3\u2009%", "26,3 %"},
		{"fullwidth latin", "ＳＣＯ", "sco"},
		{"latin diacritics", "Chargé d’affaires", "charge d'affaires"},
		{"nfd input composes", "e\u0301", "e"},
		{"cyrillic nfd short i", "и\u0306", "й"},
		{"tab and newline", "a\tb\nc", "a b c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFoldIdempotent checks that folding twice changes nothing: keys
// built from folded input and from raw input must agree.
func TestFoldIdempotent(t *testing.T) {
	for _, s := range []string{"«Шанхайская организация сотрудничества»", "Ёж — North–South", "Chargé d’affaires", "ＳＣＯ\u00A0240"} {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", s, twice, once)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Партнёрство", "«три силы зла»", "North–South", "ＳＣＯ", "e\u0301", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, got)
		}
		if utf8.ValidString(s) && Fold(got) != got {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, got, Fold(got))
		}
		if strings.ContainsRune(got, 'ё') {
			t.Fatalf("Fold(%q) kept ё", s)
		}
	})
}
