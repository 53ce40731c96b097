package lang

import "testing"

func TestVisibleForm(t *testing.T) {
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"nfd and nfc", "Шанхайски\u0438\u0306", "Шанхайский", true},
		{"nbsp and space", "240\u00A0млрд", "240 млрд", true},
		{"runs of spaces and ends", "  Команда \t выполнена\n", "Команда выполнена", true},
		{"zero width", "ШОС\u200B", "ШОС", true},
		{"plural is another text", "Commands", "Command", false},
		{"inflection is another text", "Глоссарий", "Глоссарии", false},
		{"mnemonic is visible", "&Glossaries", "Glossaries", false},
		{"case is visible", "SCO", "sco", false},
		{"yo is visible", "партнёрство", "партнерство", false},
		{"quote style is visible", "«три силы зла»", `"три силы зла"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := VisibleForm(tt.a) == VisibleForm(tt.b); got != tt.same {
				t.Errorf("VisibleForm(%q) = %q, VisibleForm(%q) = %q; same = %v, want %v", tt.a, VisibleForm(tt.a), tt.b, VisibleForm(tt.b), got, tt.same)
			}
		})
	}
}
