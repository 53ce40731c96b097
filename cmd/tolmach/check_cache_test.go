package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCheckGlossaryCache runs `tolmach check --format json` on an
// evaluation pair three times, with a glossary file and with the built-in
// glossary: with an empty cache (the glossary is parsed and the cache
// written), with the cache written, and with the cache entry damaged.
// All three must print the same report, byte for byte.
func TestCheckGlossaryCache(t *testing.T) {
	eval := filepath.Join("..", "..", "check", "testdata", "eval", "01-sco-astana-ru-en")
	src, tgt := filepath.Join(eval, "source.ru.txt"), filepath.Join(eval, "target.en.txt")
	if _, err := os.Stat(src); err != nil {
		t.Skip("evaluation case not found")
	}
	// Two glossary files, copied so that their cache state is the test's.
	var files []string
	for _, name := range []string{"organizations.glossary", "diplomacy.glossary"} {
		g, err := os.ReadFile(filepath.Join("..", "..", "data", "glossary", name))
		if err != nil {
			t.Skipf("data/glossary/%s not found", name)
		}
		f := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(f, g, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, "--glossary", f)
	}
	for _, tc := range []struct {
		name string
		flag []string
	}{
		{"files", files},
		{"builtin", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cache := t.TempDir()
			t.Setenv("XDG_CACHE_HOME", cache)
			args := append(append([]string{"tolmach", "check", "--fail-on", "never", "--format", "json"}, tc.flag...), src, tgt)
			runJSON := func(what string) []byte {
				var out, errb bytes.Buffer
				if code := run(args, &out, &errb); code != 0 {
					t.Fatalf("%s: exit %d: %s", what, code, errb.String())
				}
				if errb.Len() > 0 {
					t.Errorf("%s: stderr: %s", what, errb.String())
				}
				return out.Bytes()
			}
			uncached := runJSON("uncached run")
			entries, _ := filepath.Glob(filepath.Join(cache, "tolmach", "check", "*.bin"))
			if len(entries) != 1 {
				t.Fatalf("%d cache entries after the first run, want 1", len(entries))
			}
			if !bytes.Contains(uncached, []byte(`"rule"`)) {
				t.Fatalf("the pair gives no findings; the comparison would prove little:\n%s", uncached)
			}
			if cached := runJSON("cached run"); !bytes.Equal(cached, uncached) {
				t.Errorf("the cached run's report differs:\n%s\nuncached:\n%s", cached, uncached)
			}
			data, err := os.ReadFile(entries[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(entries[0], data[:len(data)/2], 0o600); err != nil {
				t.Fatal(err)
			}
			if damaged := runJSON("run with a damaged cache"); !bytes.Equal(damaged, uncached) {
				t.Errorf("the report with a damaged cache differs:\n%s\nuncached:\n%s", damaged, uncached)
			}
		})
	}
}
