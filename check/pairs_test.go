package check

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/internal/lang"
)

func TestFindPairs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.ru.md", "a.en.md", "sub/b.ru.txt", "sub/b.en.txt", "c.ru.txt", "d.en.html", "notes.txt", ".git/x.ru.txt", ".git/x.en.txt"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	rel := func(ps []FilePair) string {
		var out []string
		for _, p := range ps {
			s, _ := filepath.Rel(dir, p.Source)
			d, _ := filepath.Rel(dir, p.Target)
			out = append(out, filepath.ToSlash(s)+">"+filepath.ToSlash(d))
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		name, spec      string
		src             lang.Lang
		pairs, unpaired string
	}{
		{"directory", dir, "", "a.ru.md>a.en.md sub/b.ru.txt>sub/b.en.txt", "c.ru.txt d.en.html"},
		{"English originals", dir, lang.EN, "a.en.md>a.ru.md sub/b.en.txt>sub/b.ru.txt", "c.ru.txt d.en.html"},
		{"glob", filepath.Join(dir, "*.md"), "", "a.ru.md>a.en.md", ""},
		{"glob of one side", filepath.Join(dir, "sub", "*.ru.txt"), "", "sub/b.ru.txt>sub/b.en.txt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pairs, unpaired, err := FindPairs(tt.spec, tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := rel(pairs); got != tt.pairs {
				t.Errorf("pairs %s, want %s", got, tt.pairs)
			}
			var u []string
			for _, p := range unpaired {
				r, _ := filepath.Rel(dir, p)
				u = append(u, filepath.ToSlash(r))
			}
			if got := strings.Join(u, " "); got != tt.unpaired {
				t.Errorf("unpaired %s, want %s", got, tt.unpaired)
			}
		})
	}
	if _, _, err := FindPairs(filepath.Join(dir, "missing"), ""); err == nil {
		t.Error("no error for a missing directory")
	}
}

func TestCheckPairsParallel(t *testing.T) {
	dir := t.TempDir()
	ru, _ := os.ReadFile(filepath.Join("testdata", "basic", "a.ru.txt"))
	en, _ := os.ReadFile(filepath.Join("testdata", "basic", "a.en.txt"))
	var pairs []FilePair
	for i := 0; i < 8; i++ {
		s := filepath.Join(dir, string(rune('a'+i))+".ru.txt")
		d := filepath.Join(dir, string(rune('a'+i))+".en.txt")
		os.WriteFile(s, ru, 0o644)
		os.WriteFile(d, en, 0o644)
		pairs = append(pairs, FilePair{s, d})
	}
	c := New(Options{Glossary: parseGlossary(t, testGlossary)})
	results, err := c.CheckPairs(context.Background(), pairs, 4)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		if r.Source.Path != pairs[i].Source || len(r.Findings) != len(results[0].Findings) || len(r.Findings) == 0 {
			t.Errorf("result %d: %s with %d findings", i, r.Source.Path, len(r.Findings))
		}
	}
	// A broken pair fails the run, naming the file.
	pairs = append(pairs, FilePair{filepath.Join(dir, "missing.ru.txt"), pairs[0].Target})
	if _, err := c.CheckPairs(context.Background(), pairs, 4); err == nil || !strings.Contains(err.Error(), "missing.ru.txt") {
		t.Errorf("error %v", err)
	}
}
