package lang

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAnalyzeTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // token texts
	}{
		{"words and punctuation", "в рамках ШОС, и не только.", []string{"в", "рамках", "ШОС", "и", "не", "только"}},
		{"hyphenated compound", "военно-политический союз", []string{"военно-политический", "союз"}},
		{"compound with en dash", "коридор North–South", []string{"коридор", "North–South"}},
		{"spaced dash splits", "Север — Юг", []string{"Север", "Юг"}},
		{"apostrophe", "Russia's pivot", []string{"Russia's", "pivot"}},
		{"typographic apostrophe", "Russia’s pivot", []string{"Russia’s", "pivot"}},
		{"decimal comma", "240,5 млрд", []string{"240,5", "млрд"}},
		{"grouped with nbsp", "1\u00A0234\u00A0567 человек", []string{"1\u00A0234\u00A0567", "человек"}},
		{"grouped with space", "1 234 567", []string{"1 234 567"}},
		{"not grouped four digits", "в 2023 1000 раз", []string{"в", "2023", "1000", "раз"}},
		{"english thousands", "1,234.5 units", []string{"1,234.5", "units"}},
		{"percent", "26.3%", []string{"26.3"}},
		{"year range", "2023–2024 гг.", []string{"2023", "2024", "гг"}},
		{"dotted abbreviation", "the U.S. and the U.N.", []string{"the", "U.S.", "and", "the", "U.N."}},
		{"e.g.", "e.g. this", []string{"e.g.", "this"}},
		{"sentence end not abbreviation", "It ended. Then", []string{"It", "ended", "Then"}},
		{"latin inside cyrillic", "саммит G20 в Нью-Дели", []string{"саммит", "G20", "в", "Нью-Дели"}},
		{"plus format", "формат «5+1»", []string{"формат", "5", "1"}},
		{"acronym with digits", "COVID-19 pandemic", []string{"COVID-19", "pandemic"}},
		{"stress mark inside word", "орга\u0301низация", []string{"орга\u0301низация"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range Analyze(tt.in) {
				got = append(got, tok.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Analyze(%q) texts = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestMatchKeyInflection is the heart of the product: a glossary term and
// its inflected forms in running text share one matching key.
func TestMatchKeyInflection(t *testing.T) {
	same := []struct {
		name string
		a, b string
	}{
		{"genitive", "Шанхайская организация сотрудничества", "Шанхайской организации сотрудничества"},
		{"instrumental", "Шанхайская организация сотрудничества", "Шанхайской организацией сотрудничества"},
		{"yo and case", "стратегическое партнёрство", "СТРАТЕГИЧЕСКОГО ПАРТНЕРСТВА"},
		{"quotes ignored", "«три силы зла»", "три силы зла"},
		{"compound inflected", "государства-члены", "государств-членов"},
		{"dash kinds", "North–South", "North-South"},
		{"english plural", "sanction", "sanctions"},
		{"english possessive", "Russia", "Russia’s"},
		{"dotted abbreviation", "U.S.", "US"},
		{"stress marks", "орга\u0301низация", "организация"},
		{"nbsp in number", "240\u00A0млрд", "240 млрд"},
	}
	for _, tt := range same {
		t.Run(tt.name, func(t *testing.T) {
			if ka, kb := MatchKey(tt.a), MatchKey(tt.b); ka != kb {
				t.Errorf("MatchKey(%q) = %q, MatchKey(%q) = %q; want equal", tt.a, ka, tt.b, kb)
			}
		})
	}
	different := []struct{ a, b string }{
		{"ШОС", "ОДКБ"},
		{"санкции", "саммит"},
		{"peace", "piece"},
		{"организация", "организатор"},
	}
	for _, tt := range different {
		if MatchKey(tt.a) == MatchKey(tt.b) {
			t.Errorf("MatchKey(%q) == MatchKey(%q) = %q; want different", tt.a, tt.b, MatchKey(tt.a))
		}
	}
}

func TestLineIndex(t *testing.T) {
	text := "Первая строка\nвторая «строка»\r\nтретья"
	x := NewLineIndex(text)
	tests := []struct {
		sub       string
		line, col int
	}{
		{"Первая", 1, 1},
		{"строка\n", 1, 8},
		{"«строка»", 2, 8},
		{"третья", 3, 1},
	}
	for _, tt := range tests {
		off := strings.Index(text, tt.sub)
		if l, c := x.Pos(off); l != tt.line || c != tt.col {
			t.Errorf("Pos(%q) = %d:%d, want %d:%d", tt.sub, l, c, tt.line, tt.col)
		}
		// Col takes the line and the byte column on it, as encoding/csv
		// gives them.
		lineStart := strings.LastIndex(text[:off], "\n") + 1
		if c := x.Col(tt.line, off-lineStart+1); c != tt.col {
			t.Errorf("Col(%d, %d) for %q = %d, want %d", tt.line, off-lineStart+1, tt.sub, c, tt.col)
		}
	}
	for _, bad := range [][2]int{{0, 1}, {4, 1}, {1, 0}, {1, 200}} {
		if c := x.Col(bad[0], bad[1]); c != bad[1] {
			t.Errorf("Col(%d, %d) out of range = %d, want %d back", bad[0], bad[1], c, bad[1])
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"в рамках Шанхайской организации сотрудничества", "U.S. e.g. 1 234,5 2023–2024", "North–South Russia’s", "a.b.c.", "-", "'x'", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		toks := Analyze(s)
		bounds := TokenBounds(s)
		if len(bounds) != len(toks) {
			t.Fatalf("TokenBounds found %d tokens, Analyze %d, in %q", len(bounds), len(toks), s)
		}
		for i, tok := range toks {
			if bounds[i] != [2]int{tok.Start, tok.End} {
				t.Fatalf("TokenBounds %v, Analyze %d..%d, in %q", bounds[i], tok.Start, tok.End, s)
			}
		}
		for _, tok := range toks {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("bad offsets %d..%d after %d in %q", tok.Start, tok.End, prev, s)
			}
			if s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("Text %q != s[%d:%d] %q", tok.Text, tok.Start, tok.End, s[tok.Start:tok.End])
			}
			for _, p := range tok.Parts {
				if p.Start < tok.Start || p.End > tok.End || s[p.Start:p.End] != p.Text {
					t.Fatalf("bad part %+v of %q", p, tok.Text)
				}
			}
			if utf8.ValidString(s) && tok.Key == "" && tok.Norm != "" {
				t.Fatalf("empty key for %q", tok.Text)
			}
			prev = tok.End
		}
	})
}

// TestAppendTokens: tokens appended to a reused slice are those Analyze
// makes, whatever the slice held before (longer texts, compounds with
// parts, numbers), and the tokens already in dst are kept.
func TestAppendTokens(t *testing.T) {
	texts := []string{
		"военно-политический союз государств-членов ШОС",
		"ООН",
		"",
		"North–South corridor, 2024, co-operation",
		"5-я статья",
		"Совет Безопасности",
	}
	var buf []Token
	for _, text := range texts {
		buf = AppendTokens(buf[:0], text)
		if want := Analyze(text); !reflect.DeepEqual(buf, want) {
			t.Errorf("AppendTokens(%q) = %+v, want %+v", text, buf, want)
		}
	}
	head := Analyze("договор")
	got := AppendTokens(head, "мирный договор")
	if want := append(Analyze("договор"), Analyze("мирный договор")...); !reflect.DeepEqual(got, want) {
		t.Errorf("AppendTokens after a token = %+v, want %+v", got, want)
	}
}
