package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFindAndLoad(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), `
glossaries = ["terms/a.glossary", "/abs/b.tbx"]
tms = ["mem.tmx"]
source_lang = "RU"

[rules]
term-missing = "warning"
segment-extra = "off"

[[ignore]]
rule = "term-missing"
term = "sco"
file = "drafts/*.en.txt"

[[ignore]]
term = "eu"
`)
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := Discover(sub)
	if err != nil || c == nil {
		t.Fatalf("Discover = %v, %v", c, err)
	}
	if c.Path != filepath.Join(root, FileName) {
		t.Errorf("Path = %s", c.Path)
	}
	if got := strings.Join(c.Glossaries, " "); got != filepath.Join(root, "terms/a.glossary")+" /abs/b.tbx" {
		t.Errorf("Glossaries = %s", got)
	}
	if c.TMs[0] != filepath.Join(root, "mem.tmx") || c.SourceLang != "ru" {
		t.Errorf("TMs = %v, SourceLang = %q", c.TMs, c.SourceLang)
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"configured severity", c.Severity("term-missing", "error"), "warning"},
		{"off", c.Severity("segment-extra", "warning"), "off"},
		{"default", c.Severity("number-mismatch", "error"), "error"},
		{"nil config default", (*Config)(nil).Severity("x", "info"), "info"},
		{"ignored", c.Ignored("term-missing", "sco", filepath.Join(root, "drafts", "x.en.txt")), true},
		{"other file", c.Ignored("term-missing", "sco", filepath.Join(root, "final", "x.en.txt")), false},
		{"other rule", c.Ignored("term-forbidden", "sco", filepath.Join(root, "drafts", "x.en.txt")), false},
		{"term only", c.Ignored("term-forbidden", "eu", "/elsewhere/y.txt"), true},
		{"nil config", (*Config)(nil).Ignored("r", "t", "f"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestDiscoverNone(t *testing.T) {
	c, err := Discover(t.TempDir())
	if err != nil || c != nil {
		// A tolmach.toml above the temp dir would be a broken test machine.
		if c != nil {
			t.Skipf("a %s exists above the temp dir: %s", FileName, c.Path)
		}
		t.Fatal(err)
	}
	if _, err := Find(t.TempDir()); !errors.Is(err, ErrNotFound) {
		t.Errorf("Find error = %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"syntax", "glossaries = [\"a\"\nx = 1\n", "t.toml:2:"},
		{"unknown key", "glossaries = []\n\nglosaries = [\"a\"]\n", `t.toml:3: unknown key "glosaries"`},
		{"unknown rules severity", "[rules]\nterm-missing = \"fatal\"\n", `t.toml:2: [rules] term-missing = "fatal"`},
		{"bad source lang", "\nsource_lang = \"de\"\n", `t.toml:2: source_lang = "de"`},
		{"wrong type", "glossaries = \"a.glossary\"\n", "t.toml:1:"},
		{"unknown ignore key", "[[ignore]]\nrule = \"x\"\nconcept = \"y\"\n", `t.toml:3: unknown key "ignore.concept"`},
		{"empty ignore", "[[ignore]]\n", `t.toml:1: [[ignore]] entry 1 is empty`},
		{"bad glob", "[[ignore]]\nfile = \"[\"\n", `t.toml:2: [[ignore]] file = "["`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), "t.toml")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant %q", err, tt.want)
			}
		})
	}
}

func TestTemplateParses(t *testing.T) {
	c, err := Parse([]byte(Template), "tolmach.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Glossaries) != 0 || len(c.Rules) != 0 {
		t.Errorf("the template sets values: %+v", c)
	}
	// Uncommenting every setting gives a valid configuration too.
	var lines []string
	for _, l := range strings.Split(Template, "\n") {
		if s, ok := strings.CutPrefix(l, "# "); ok && (strings.Contains(s, " = ") || strings.HasPrefix(s, "[[")) {
			l = s
		}
		lines = append(lines, l)
	}
	c, err = Parse([]byte(strings.Join(lines, "\n")), "tolmach.toml")
	if err != nil {
		t.Fatalf("uncommented template: %v", err)
	}
	if len(c.Glossaries) != 2 || len(c.Rules) != 10 || len(c.Ignore) != 1 || c.SourceLang != "ru" {
		t.Errorf("uncommented template = %+v", c)
	}
}
