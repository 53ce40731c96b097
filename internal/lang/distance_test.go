package lang

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"", "", 3, 0},
		{"мир", "мир", 0, 0},
		{"мир", "мор", 3, 1},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3}, // over max: max+1
		{"Лавров", "Лаврова", 1, 1},
		{"ШОС", "SCO", 5, 3},  // characters, not bytes
		{"a", "abcdef", 2, 3}, // lengths alone exceed max
		{"abc", "xyz", -1, 0}, // a negative max: nothing is within it
	}
	for _, tt := range tests {
		t.Run(tt.a+"~"+tt.b, func(t *testing.T) {
			if got := EditDistance(tt.a, tt.b, tt.max); got != tt.want {
				t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
			}
		})
	}
}
