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

// FuzzEditDistance holds EditDistance to the textbook definition: the
// full table; beyond max, any answer over max.
func FuzzEditDistance(f *testing.F) {
	for _, s := range [][2]string{{"kitten", "sitting"}, {"ШОС", "SCO"}, {"организация", "огранизация"}, {"a", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop"}} {
		f.Add(s[0], s[1], 2)
	}
	f.Fuzz(func(t *testing.T, a, b string, max int) {
		if max < -1 || max > 40 {
			return
		}
		ra, rb := []rune(a), []rune(b)
		d := make([][]int, len(ra)+1)
		for i := range d {
			d[i] = make([]int, len(rb)+1)
			d[i][0] = i
		}
		for j := range d[0] {
			d[0][j] = j
		}
		for i := 1; i <= len(ra); i++ {
			for j := 1; j <= len(rb); j++ {
				cost := 1
				if ra[i-1] == rb[j-1] {
					cost = 0
				}
				d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			}
		}
		want := d[len(ra)][len(rb)]
		got := EditDistance(a, b, max)
		if want <= max && got != want || want > max && got <= max && a != b {
			t.Fatalf("EditDistance(%q, %q, %d) = %d, want %d", a, b, max, got, want)
		}
	})
}
