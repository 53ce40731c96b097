package project

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"tolmach/check"
	"tolmach/internal/config"
	"tolmach/internal/lang"
)

func TestGlossariesInUse(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.glossary")
	b := filepath.Join(dir, "b.csv")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("ru,en\nмир,peace\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &config.Config{Glossaries: []string{b}, TMs: []string{"m.tmx"}}
	for _, tc := range []struct {
		name  string
		cfg   *config.Config
		paths []string
		want  []string
	}{
		{"flags win", cfg, []string{a}, []string{a}},
		{"config", cfg, nil, []string{b}},
		{"built-in", nil, nil, []string{""}},
		{"config without glossaries", &config.Config{}, nil, []string{""}},
	} {
		srcs, err := GlossariesInUse(tc.cfg, tc.paths)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, s := range srcs {
			got = append(got, s.Path)
		}
		if len(got) != len(tc.want) || got[0] != tc.want[0] {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if _, err := GlossariesInUse(nil, []string{filepath.Join(dir, "missing.tbx")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := GlossariesInUse(nil, []string{dir}); err == nil {
		t.Error("a directory taken as a glossary")
	}
	if got := TMPaths(cfg, nil); len(got) != 1 || got[0] != "m.tmx" {
		t.Errorf("TMPaths from config: %q", got)
	}
	if got := TMPaths(cfg, []string{"x.tmx"}); len(got) != 1 || got[0] != "x.tmx" {
		t.Errorf("TMPaths with --tm: %q", got)
	}
	g, err := Load([]GlossarySource{Builtin})
	if err != nil || len(g.Concepts) < 100 {
		t.Fatalf("built-in glossary: %v", err)
	}
}

// TestAlignLangsAgreeWithCheck: align settles a pair's languages as
// check does, wherever check decides.
func TestAlignLangsAgreeWithCheck(t *testing.T) {
	ru, en := "Россия и Китай подписали заявление.", "Russia and China signed a statement."
	for _, tc := range []struct {
		src, srcText, tgt, tgtText string
		forced                     lang.Lang
		wantSrc, wantTgt           lang.Lang
		wantErr                    bool
	}{
		{"a.ru.txt", ru, "a.en.txt", en, "", lang.RU, lang.EN, false},
		{"a_ru.txt", ru, "a_en.txt", en, "", lang.RU, lang.EN, false},
		{"a.txt", en, "b.txt", ru, "", lang.EN, lang.RU, false},
		{"a.txt", ru, "b.txt", en, lang.EN, lang.EN, lang.RU, false},
		{"a.txt", "", "b.txt", en, "", lang.RU, lang.EN, false},
		{"a.txt", ru, "b.txt", ru, "", lang.RU, lang.RU, true},
		{"a.ru.txt", ru, "b.ru.txt", ru, "", lang.RU, lang.RU, true},
	} {
		s, g, err := AlignLangs(tc.src, tc.srcText, tc.tgt, tc.tgtText, tc.forced)
		if (err != nil) != tc.wantErr || s != tc.wantSrc || g != tc.wantTgt {
			t.Errorf("%s %s: %s %s %v, want %s %s (error %v)", tc.src, tc.tgt, s, g, err, tc.wantSrc, tc.wantTgt, tc.wantErr)
		}
		if err != nil {
			continue
		}
		cs, cg := check.PairLangs(tc.src, tc.srcText, tc.tgt, tc.forced)
		if cs != "" && cg != "" && (cs != s || cg != g) {
			t.Errorf("%s %s: align says %s→%s, check %s→%s", tc.src, tc.tgt, s, g, cs, cg)
		}
	}
}

func TestTruncateQuery(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"один два три четыре", 12, "один два"},
		{"абвгдеёжзий", 5, "абвгд"},
	} {
		if got := TruncateQuery(tc.in, tc.n); got != tc.want {
			t.Errorf("TruncateQuery(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestCheckOptions(t *testing.T) {
	cfg := &config.Config{Path: "tolmach.toml", SourceLang: "en", Rules: map[string]string{"term-drift": "off", "segment-extra": "error"}}
	co, err := CheckOptions(cfg, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if co.SourceLang != lang.EN || co.Severities["term-drift"] != check.Off || co.Severities["segment-extra"] != check.Error {
		t.Errorf("options %+v", co)
	}
	if co, _ := CheckOptions(cfg, lang.RU, ""); co.SourceLang != lang.RU {
		t.Errorf("a given source language is overridden by the config: %s", co.SourceLang)
	}
	if _, err := CheckOptions(&config.Config{Path: "x.toml", Rules: map[string]string{"no-such-rule": "error"}}, "", ""); err == nil {
		t.Error("unknown rule accepted")
	}
}
