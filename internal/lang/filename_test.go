package lang

import "testing"

func TestFileNameLang(t *testing.T) {
	tests := []struct {
		path        string
		want        Lang
		counterpart string
	}{
		{"article.ru.txt", RU, "article.en.txt"},
		{"dir/notes.en.md", EN, "dir/notes.ru.md"},
		{"altapress.ru.37320.en.txt", EN, "altapress.ru.37320.ru.txt"},
		{"altapress.ru.37320.ru.txt", RU, "altapress.ru.37320.en.txt"},
		{"sovsport.ru.20260.ru.txt", RU, "sovsport.ru.20260.en.txt"},
		{"ru-en/sovsport.ru.20260.en.txt", EN, "ru-en/sovsport.ru.20260.ru.txt"},
		{"en.ru/a.en.txt", EN, "en.ru/a.ru.txt"}, // a directory's dots are not the name's
		{"ARTICLE.RU.TXT", RU, "ARTICLE.EN.TXT"},
		{"Article.Ru.txt", RU, "Article.En.txt"},
		{"a.ru", RU, "a.en"},
		{"report_en.md", EN, "report_ru.md"},
		{"report-ru.txt", RU, "report-en.txt"},
		{"report-ru.v2.txt", RU, "report-en.v2.txt"},
		{"altapress.ru.37320.tsv", RU, "altapress.en.37320.tsv"},
		{"article.txt", "", ""},
		{"ru.txt", "", ""},
		{"en", "", ""},
		{"rus.txt", "", ""},
		{"european.txt", "", ""},
		{"a.rus.txt", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := FileNameLang(tt.path); got != tt.want {
				t.Errorf("FileNameLang(%q) = %q, want %q", tt.path, got, tt.want)
			}
			l, c, ok := FileNameCounterpart(tt.path)
			if ok != (tt.want != "") || l != tt.want || c != tt.counterpart {
				t.Errorf("FileNameCounterpart(%q) = %q, %q, %v; want %q, %q", tt.path, l, c, ok, tt.want, tt.counterpart)
			}
			if ok {
				// The counterpart's counterpart is the file itself.
				if l2, back, _ := FileNameCounterpart(c); back != tt.path || l2 == l {
					t.Errorf("counterpart of %q is %q (%s), want %q", c, back, l2, tt.path)
				}
			}
		})
	}
}

// FuzzFileName holds the file-name functions to their promises for any
// name: a counterpart is found exactly when a language is, it states the
// other language, differs from the name only in the tag, and leads back.
func FuzzFileName(f *testing.F) {
	for _, s := range []string{"a.ru.txt", "altapress.ru.37320.en.txt", "x_en.md", "dir.ru/a.EN.txt", "ru", ".ru.", "a..ru", "a.ru.", "_ru", "a-Ru.b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, path string) {
		l := FileNameLang(path)
		cl, c, ok := FileNameCounterpart(path)
		if ok != (l != "") || cl != l {
			t.Fatalf("FileNameLang(%q) = %q but FileNameCounterpart = %q, %q, %v", path, l, cl, c, ok)
		}
		if !ok {
			return
		}
		if len(c) != len(path) {
			t.Fatalf("counterpart %q of %q differs in length", c, path)
		}
		if l2 := FileNameLang(c); l2 == l || l2 == "" {
			t.Fatalf("counterpart %q of %q (%s) states %q", c, path, l, l2)
		}
		if _, back, _ := FileNameCounterpart(c); back != path {
			t.Fatalf("counterpart of %q is %q, not %q", c, back, path)
		}
	})
}
