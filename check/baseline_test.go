package check

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/internal/lang"
)

func TestBaseline(t *testing.T) {
	g := parseGlossary(t, testGlossary)
	check := func(src, tgt string) *Report {
		c := New(Options{Glossary: g})
		res, err := c.Check(context.Background(), NewDocument("a.ru.txt", lang.RU, src), NewDocument("a.en.txt", lang.EN, tgt))
		if err != nil {
			t.Fatal(err)
		}
		return NewReport(c, res)
	}
	before := check("Поворот на Восток продолжается. Товарооборот достиг 240 млрд долларов.",
		"The eastward shift continues. Trade reached 204 billion dollars.")
	path := filepath.Join(t.TempDir(), "base.json")
	if err := NewBaseline(before).WriteFile(path); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src, tgt string
		left           []string // rules of the findings the baseline does not accept
	}{
		{"same text", "Поворот на Восток продолжается. Товарооборот достиг 240 млрд долларов.",
			"The eastward shift continues. Trade reached 204 billion dollars.", nil},
		{"lines shifted, spaces changed", "Введение.\n\nПоворот  на Восток продолжается.\nТоварооборот достиг 240 млрд долларов.",
			"Introduction.\n\nThe eastward shift continues.\nTrade reached  204 billion dollars.", nil},
		{"a new error", "Поворот на Восток продолжается. Товарооборот достиг 240 млрд долларов.",
			"The eastward shift continues. Trade reached 250 billion dollars.", []string{"number-mismatch"}},
		{"the same error twice", "Поворот на Восток продолжается. Поворот на Восток важен. Товарооборот достиг 240 млрд долларов.",
			"The eastward shift continues. The eastward shift continues. Trade reached 204 billion dollars.", []string{"term-missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := check(tt.src, tt.tgt)
			b.Filter(r)
			var got []string
			for _, f := range r.Findings() {
				got = append(got, f.Rule)
			}
			if strings.Join(got, " ") != strings.Join(tt.left, " ") {
				t.Errorf("left %v, want %v", got, tt.left)
			}
		})
	}
}

func TestReadBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ name, data, msg string }{
		{"not json", "{\n  \"version\": 1,\n  oops\n}", ":3:"},
		{"wrong version", `{"version": 7, "findings": []}`, "version 7"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, "b.json")
			if err := WriteFileAtomic(p, []byte(tt.data)); err != nil {
				t.Fatal(err)
			}
			if _, err := ReadBaseline(p); err == nil || !strings.Contains(err.Error(), tt.msg) || !strings.Contains(err.Error(), p) {
				t.Errorf("error %v, want one naming %s and %q", err, p, tt.msg)
			}
		})
	}
}
