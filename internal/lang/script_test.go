package lang

import "testing"

func TestLangName(t *testing.T) {
	tests := []struct {
		lang Lang
		want string
	}{
		{RU, "Russian"},
		{EN, "English"},
		{"de", "de"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			if got := tt.lang.Name(); got != tt.want {
				t.Errorf("Lang(%q).Name() = %q, want %q", tt.lang, got, tt.want)
			}
		})
	}
}
