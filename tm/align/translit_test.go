package align

import "testing"

func TestTransliterate(t *testing.T) {
	tests := []struct {
		word   string
		scheme Scheme
		want   string
	}{
		{"Шойгу", Common, "shoigu"},
		{"Лавров", Common, "lavrov"},
		{"Дмитрий", Common, "dmitry"},
		{"Евгений", Common, "yevgeny"},
		{"Хусейн", Common, "khusein"},
		{"Щукин", BGNPCGN, "shchukin"},
		{"Юрий", BGNPCGN, "yuriy"},
		{"Ельцин", BGNPCGN, "yeltsin"},
		{"Цзиньпин", Palladius, "jinpin"},
		{"Жэньминь", Palladius, "renmin"},
		{"Чжоу", Palladius, "zhou"},
		{"Чехов", Scholarly, "chexov"},
		{"Москва", Common, "moskva"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := Transliterate(tt.word, tt.scheme); got != tt.want {
				t.Errorf("Transliterate(%q, %d) = %q, want %q", tt.word, tt.scheme, got, tt.want)
			}
		})
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		ru, latin string
		want      bool
	}{
		{"Шойгу", "Shoigu", true},
		{"Лавров", "Lavrov", true},
		{"Лаврова", "Lavrov", true},
		{"Лавров", "Lavroff", true},
		{"Мария-Антуанетта", "Marie-Antoinette", true},
		{"Цзиньпин", "Jinping", true},
		{"Хусейн", "Hussein", true},
		{"Вашингтон", "Washington", true},
		{"Зеленский", "Zelensky", true},
		{"Лавров", "Putin", false},
		{"Шойгу", "Sergei", false},
		{"Москва", "Minsk", false},
	}
	for _, tt := range tests {
		t.Run(tt.ru+"~"+tt.latin, func(t *testing.T) {
			if got := SameName(tt.ru, tt.latin); got != tt.want {
				t.Errorf("SameName(%q, %q) = %v, want %v (variants %q)", tt.ru, tt.latin, got, tt.want, Variants(tt.ru))
			}
		})
	}
}

func TestSkeletonAgrees(t *testing.T) {
	// Each pair must give the same skeleton prefix: that is what makes
	// them one anchor.
	tests := []struct{ a, b string }{
		{"shoigu", "shoygu"},
		{"lavrov", "lavroff"},
		{"yevgeny", "evgeny"},
		{"informatsiya", "information"},
		{"prezident", "president"},
		{"vashington", "washington"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"~"+tt.b, func(t *testing.T) {
			a, b := Skeleton(tt.a), Skeleton(tt.b)
			if len(a) > skeletonLen {
				a = a[:skeletonLen]
			}
			if len(b) > skeletonLen {
				b = b[:skeletonLen]
			}
			if a != b {
				t.Errorf("Skeleton: %q → %q, %q → %q", tt.a, a, tt.b, b)
			}
		})
	}
}
