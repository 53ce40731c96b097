package check

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAddCorpusFindings(t *testing.T) {
	g := parseGlossary(t, `# tolmach glossary

[three-evils]
ru: три силы зла | phrase
en: three forces of evil | preferred phrase
en: three evil forces | admitted phrase
`)
	dir := t.TempDir()
	docs := []struct{ name, en string }{
		{"a", "The parties condemned the three forces of evil. The three forces of evil remain a threat."},
		{"b", "The parties condemned the three forces of evil. The three forces of evil remain a threat."},
		{"c", "The parties condemned the three evil forces. The three evil forces remain a threat."},
		{"d", "The parties condemned the three forces of evil. The three evil forces remain a threat."},
	}
	var pairs []FilePair
	for _, d := range docs {
		s, e := filepath.Join(dir, d.name+".ru.txt"), filepath.Join(dir, d.name+".en.txt")
		os.WriteFile(s, []byte("Стороны осудили три силы зла. Три силы зла остаются угрозой.\n"), 0o644)
		os.WriteFile(e, []byte(d.en+"\n"), 0o644)
		pairs = append(pairs, FilePair{s, e})
	}
	tests := []struct {
		name       string
		severities map[string]Severity
		want       map[string]int // corpus findings per target document
	}{
		{"minority document reported", nil, map[string]int{"c": 1}},
		{"rule off", map[string]Severity{"term-inconsistent": Off}, map[string]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{Glossary: g, Severities: tt.severities})
			results, err := c.CheckPairs(context.Background(), pairs, 2)
			if err != nil {
				t.Fatal(err)
			}
			c.AddCorpusFindings(results)
			got := map[string]int{}
			for _, r := range results {
				for _, f := range r.Findings {
					if f.Rule != "term-inconsistent" || f.Severity != Info {
						continue
					}
					name := strings.TrimSuffix(filepath.Base(r.Target.Path), ".en.txt")
					got[name]++
					if !strings.Contains(f.Message, `"three evil forces" in this document (twice)`) ||
						!strings.Contains(f.Message, "a.en.txt (twice), b.en.txt (twice), d.en.txt (once)") ||
						f.Target == nil || f.Target.Match != "three evil forces" || len(f.Related) != 3 || f.Source == nil || f.Fingerprint == "" {
						t.Errorf("finding %+v", f)
					}
				}
			}
			if len(got) != len(tt.want) || got["c"] != tt.want["c"] {
				t.Errorf("corpus findings %v, want %v", got, tt.want)
			}
		})
	}
}
