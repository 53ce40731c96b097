package lang

import "testing"

func TestIsColumnTag(t *testing.T) {
	tests := []struct {
		cell string
		want bool
	}{
		{"ru", true},
		{"en", true},
		{"RU", true},
		{" En ", true},
		{"de", true},
		{"zh-CN", true},
		{"zh_cn", true},
		{"pt-BR", true},
		{"sr-Latn", true},
		{"sr-Latn-RS", true},
		{"es-419", true},
		{"en-GB", true},
		{"rus", false}, // three-letter codes collide with header words
		{"eng", false},
		{"ru-Cyrl-RU", true},
		{"en-US-x-twain", false},
		// Header words that are well-formed, even registered, codes.
		{"pos", false},
		{"src", false},
		{"def", false},
		{"tgt", false},
		{"num", false},
		{"var", false},
		{"alt", false},
		{"cat", false},
		{"per", false}, // ISO 639-2/B of fa, and "per" in tables
		{"und", false},
		{"mul", false},
		{"zxx", false},
		{"qaa", false},
		{"xx", false},
		{"in", false}, // deprecated: Indonesian is id
		{"iw", false},
		{"term", false},
		{"note", false},
		{"", false},
		{"r1", false},
		{"ru-", false},
		{"ru-x-foo", false},
		{"en-u-nu-latn", false},
		{"x-klingon", false},
		{"i-klingon", false},
		{"ru-status", false},
		{"ру", false},
	}
	for _, tt := range tests {
		if got := IsColumnTag(tt.cell); got != tt.want {
			t.Errorf("IsColumnTag(%q) = %v, want %v", tt.cell, got, tt.want)
		}
	}
}
