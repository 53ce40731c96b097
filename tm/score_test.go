package tm

import (
	"strings"
	"testing"
)

// TestScoreFormula pins the fuzzy percentage to its formula,
// 100 × (1 − LD / max(|a|, |b|)) rounded down, over tokens (words by
// matching key, numbers, punctuation), with 99 for the same keys in
// other word forms.
func TestScoreFormula(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       int
	}{
		{"identical", "Россия и Китай подписали договор.", "Россия и Китай подписали договор.", 100},
		{"case, ё and quotes fold", "«Ещё» договор", `"еще" Договор`, 100},
		{"inflection only: 99", "Министр иностранных дел", "Министра иностранных дел", 99},
		// 6 tokens (5 words + '.'), one deleted: LD 1, max 6 → 83.
		{"one word deleted", "Россия и Китай подписали договор.", "Россия и Китай договор.", 83},
		{"one word replaced", "Россия и Китай подписали договор.", "Россия и Индия подписали договор.", 83},
		{"punctuation counts", "Россия и Китай подписали договор.", "Россия и Китай подписали договор", 83},
		{"typo is a different key", "The treaty was signed.", "The traety was signed.", 80},
		// 4 vs 8 tokens, 4 inserted: 100 × 4/8.
		{"half", "talks in Geneva today", "talks in Geneva today and in Vienna tomorrow", 50},
		{"nothing in common", "мир", "war", 0},
		{"numbers are tokens", "In 2023 trade grew 5%", "In 2024 trade grew 5%", 83},
		{"both empty", "", "", 100},
		// Two adjacent words swapped: one edit (optimal string alignment), not two.
		{"adjacent swap is one edit", "Россия и Китай подписали договор.", "Россия и Китай договор подписали.", 83},
		{"swap in English", "The treaty was signed today.", "The treaty signed was today.", 83},
		// A swap ranks with a lost word, above two replaced words.
		{"two words replaced", "Россия и Китай подписали договор.", "Россия и Китай продлили соглашение.", 66},
		// Words moved further apart are not one swap.
		{"distant swap", "a b c d e f", "e b c d a f", 66},
		{"swap then an edit", "a b c", "b a d", 33},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Score(tt.a, tt.b); got != tt.want {
				t.Errorf("Score(%q, %q) = %d, want %d (tokens %v | %v)", tt.a, tt.b, got, tt.want, keysOf(tt.a), keysOf(tt.b))
			}
			if got := Score(tt.b, tt.a); got != tt.want {
				t.Errorf("Score is not symmetric: %d", got)
			}
		})
	}
}

func keysOf(s string) string {
	var ks []string
	for _, t := range scoreTokens(s) {
		ks = append(ks, t.Key)
	}
	return strings.Join(ks, "|")
}

// TestMatchScoresEqualFormula checks that the index's percentages (from
// term-number sequences) are exactly Score of the texts.
func TestMatchScoresEqualFormula(t *testing.T) {
	x := NewIndex()
	units := [][2]string{
		{"Россия и Китай подписали договор.", "Russia and China signed a treaty."},
		{"Россия и Индия подписали договор о дружбе.", "Russia and India signed a friendship treaty."},
		{"Министр иностранных дел России прибыл в Пекин.", "The Russian Foreign Minister arrived in Beijing."},
		{"Переговоры продолжатся завтра в Женеве.", "The talks will continue tomorrow in Geneva."},
	}
	for _, p := range units {
		u := pairUnit("", p[0], p[1])
		x.Add(&u)
	}
	for _, q := range []string{"Россия и Китай подписали договоры", "Министра иностранных дел России прибыл в Пекин.", "talks continue in Geneva", "Russia signed a treaty with China."} {
		t.Run(q, func(t *testing.T) {
			ms := x.Match(q, MatchOptions{Limit: 10})
			if len(ms) == 0 {
				t.Fatal("no match")
			}
			for _, m := range ms {
				if want := Score(q, m.Source); m.Score != want {
					t.Errorf("match %q: score %d, formula %d", m.Source, m.Score, want)
				}
			}
		})
	}
}

func TestDiff(t *testing.T) {
	tests := []struct{ q, c, want string }{
		{"Россия и Китай подписали договор.", "Россия и Индия подписали договор.", "Россия и [-Китай-]{+Индия+} подписали договор."},
		{"Россия и Китай подписали договор.", "Россия подписала договор вчера.", "Россия [-и-] [-Китай-] подписала договор {+вчера+}."},
		{"talks in Geneva", "talks in Geneva", "talks in Geneva"},
	}
	for _, tt := range tests {
		if got := render(Diff(tt.q, tt.c)); got != tt.want {
			t.Errorf("Diff(%q, %q)\n got %s\nwant %s", tt.q, tt.c, got, tt.want)
		}
	}
}

func render(es []Edit) string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 && e.Space {
			b.WriteByte(' ')
		}
		switch e.Kind {
		case Same:
			b.WriteString(e.Text)
		case Insert:
			b.WriteString("{+" + e.Text + "+}")
		case Delete:
			b.WriteString("[-" + e.Old + "-]")
		case Replace:
			b.WriteString("[-" + e.Old + "-]{+" + e.Text + "+}")
		}
	}
	return b.String()
}
