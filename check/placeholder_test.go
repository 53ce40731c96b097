package check

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlaceholders checks that placeholders, format strings, markup,
// addresses and paths copied into the target are neither untranslated
// text nor numbers, and that one missing from the target (or added to
// it) is a placeholder-mismatch — before, a missing %1$@ was reported
// as "the number 1" and ICU plural syntax as untranslated English.
func TestPlaceholders(t *testing.T) {
	units := []struct{ src, tgt, want string }{
		{"Images wider than {{ max_width }} px are scaled down.", "Изображения шире {{ max_width }} пикс. уменьшаются.", ""},
		{"{{ user_name }} uploaded {{ file_count }} files", "{{user_name}} загрузил файлы: {{ file_count }}", ""},
		{"%1$@ of %2$@ files copied", "Скопировано файлов: %1$@ из %2$@", ""},
		{"Open %1$@ in %2$@", "Открыть в %2$@", "placeholder-mismatch:%1$@"},
		{"Copied %d files", "Скопировано файлов: %d, %s", "placeholder-mismatch:%s"},
		{"Date format: %m/%d/%Y", "Формат даты: %d.%m.%Y", ""},
		{"{count, plural, one {# file selected} other {# files selected}}", "{count, plural, one {Выбран # файл} few {Выбрано # файла} many {Выбрано # файлов} other {Выбрано # файла}}", ""},
		{"Hello {name}, you have {0} new messages", "Здравствуйте, у вас новых сообщений: {0}", "placeholder-mismatch:{name}"},
		{"Sync with Box.com", "Синхронизация с Box.com", ""},
		{"Box.com", "Box.com", ""},
		{"Read https://example.com/en-US/docs/getting-started-guide first", "Сначала прочтите https://example.com/ru/docs/getting-started-guide", ""},
		{"See /en-US/portfolio/web-design-projects", "См. /ru/portfolio/web-design-projects", ""},
		{"Write to support-team@example.com", "Пишите на support-team@example.com", ""},
		{"Press <b>Save</b> to keep the file", "Нажмите «Сохранить», чтобы сохранить файл", "placeholder-mismatch:<b>,placeholder-mismatch:</b>"},
		{`Line one<x id="br"/>line two`, "Первая строка вторая строка", `placeholder-mismatch:<x id="br"/>`},
		{"Trade reached 240 billion dollars in 2023.", "Товарооборот достиг 204 млрд долларов в 2023 году.", "number-mismatch"},
	}
	var b strings.Builder
	b.WriteString(`<xliff version="1.2"><file source-language="en" target-language="ru" original="a"><body>` + "\n")
	esc := func(s string) string {
		if strings.Contains(s, "<x ") {
			return s // an XLIFF inline code, not text
		}
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	}
	for i, u := range units {
		b.WriteString("<trans-unit id=\"" + string(rune('a'+i)) + "\"><source>" + esc(u.src) + "</source><target>" + esc(u.tgt) + "</target></trans-unit>\n")
	}
	b.WriteString("</body></file></xliff>\n")
	p := filepath.Join(t.TempDir(), "ui.xlf")
	os.WriteFile(p, []byte(b.String()), 0o644)
	res, err := New(Options{Glossary: parseGlossary(t, testGlossary)}).CheckBilingual(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int][]string{}
	for _, f := range res.Findings {
		s := f.Rule
		if f.Rule == "placeholder-mismatch" {
			m := f.Source.Match
			if m == "" {
				m = f.Target.Match
			}
			if m == "" {
				m = f.Message[strings.Index(f.Message, "`")+1 : strings.LastIndex(f.Message, "`")]
			}
			s += ":" + m
		}
		got[f.Unit] = append(got[f.Unit], s)
	}
	for i, u := range units {
		if g := strings.Join(got[i], ","); g != u.want {
			t.Errorf("%q → %q: findings %q, want %q", u.src, u.tgt, g, u.want)
		}
	}
	if t.Failed() {
		t.Log(describe(res.Findings))
	}
}
