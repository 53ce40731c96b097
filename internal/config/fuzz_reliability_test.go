package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the tolmach.toml parser, seeded from
// the template and the error cases: it must never panic; an error names
// the file first; a configuration it accepts holds only valid severities
// and source languages, and answers Severity and Ignored.
func FuzzParse(f *testing.F) {
	f.Add([]byte(Template))
	for _, s := range []string{
		"glossaries = [\"a.glossary\", \"../b.tbx\"]\ntms = [\"m.tmx\"]\nsource_lang = \"ru\"\n",
		"[rules]\nterm-missing = \"warning\"\nterm-drift = \"off\"\n",
		"[[ignore]]\nrule = \"term-missing\"\nterm = \"sco\"\nfile = \"**/drafts/*.md\"\n",
		"[[ignore]]\nfile = \"[\"\n",
		"[[ignore]]\n",
		"source_lang = \"fr\"\n",
		"glossary = \"x\"\n",
		"glossaries = 3\n",
		"\uFEFFsource_lang = \"EN\"\n",
		"a = \"\\uD800\"\n[rules\n",
	} {
		f.Add([]byte(s))
	}
	if files, _ := filepath.Glob(filepath.Join("testdata", "*.toml")); files != nil {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "tolmach.toml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "tolmach.toml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		switch c.SourceLang {
		case "", "ru", "en":
		default:
			t.Fatalf("source language %q accepted", c.SourceLang)
		}
		for r, sev := range c.Rules {
			if !slices.Contains(Severities, sev) {
				t.Fatalf("[rules] %s = %q accepted", r, sev)
			}
			if got := c.Severity(r, "error"); got != sev {
				t.Fatalf("Severity(%q) = %q, want %q", r, got, sev)
			}
		}
		for _, ig := range c.Ignore {
			c.Ignored(ig.Rule, ig.Term, filepath.Join(c.Dir, "x", "y.md"))
		}
	})
}
