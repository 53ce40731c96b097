package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"tolmach/glossary"
	"tolmach/index"
)

// TestLookupLongQuery: a 10,000-character query is cut, with a notice,
// and still answered.
func TestLookupLongQuery(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	long := "Шанхайской организации сотрудничества " + strings.Repeat("и многополярного миропорядка ", 400)
	long = string([]rune(long)[:10000])
	var stdout, stderr bytes.Buffer
	code := run([]string{"tolmach", "lookup", "--limit", "3", long}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "the query has 10000 characters; only the first") {
		t.Errorf("stderr %q lacks the truncation notice", stderr.String())
	}
	if !strings.Contains(stdout.String(), "Шанхайская организация сотрудничества") {
		t.Errorf("stdout lacks the SCO:\n%s", stdout.String())
	}
}

const concurrentGlossary = `[sco]
ru: Шанхайская организация сотрудничества | preferred
ru: ШОС | abbreviation case
en: Shanghai Cooperation Organisation | preferred
en: SCO | abbreviation case
`

// TestLookupConcurrentWithRebuild runs four processes looking up while
// a fifth rebuilds the index, then four looking up while the glossary
// changes under them (so that they race to rebuild it): every process
// must succeed and find the concept, and none may see a corrupt index.
func TestLookupConcurrentWithRebuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "tolmach")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	gl := filepath.Join(dir, "terms.glossary")
	if err := os.WriteFile(gl, []byte(concurrentGlossary), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(dir, "cache"), "NO_COLOR=1")
	tolmach := func(args ...string) (string, string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		return out.String(), errb.String(), err
	}
	if _, stderr, err := tolmach("index", "build", "-g", gl); err != nil {
		t.Fatalf("index build: %v\n%s", err, stderr)
	}
	rounds := []struct {
		name    string
		rebuild func(i int) error
	}{
		{"rebuild", func(int) error {
			_, stderr, err := tolmach("index", "build", "-g", gl)
			if err != nil {
				return fmt.Errorf("index build: %v: %s", err, stderr)
			}
			return nil
		}},
		{"glossary changes", func(i int) error {
			// Grow the file so that its size changes every time, and
			// replace it atomically as editors and 'tolmach add' do: a
			// half-written glossary is a glossary without the SCO.
			content := concurrentGlossary + strings.Repeat("\n", i+1)
			tmp := gl + ".tmp"
			if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
				return err
			}
			return os.Rename(tmp, gl)
		}},
	}
	for _, r := range rounds {
		t.Run(r.name, func(t *testing.T) {
			const lookers, each, rebuilds = 4, 8, 5
			var wg sync.WaitGroup
			errs := make(chan error, lookers*each+rebuilds)
			for p := 0; p < lookers; p++ {
				wg.Add(1)
				go func(p int) {
					defer wg.Done()
					for i := 0; i < each; i++ {
						stdout, stderr, err := tolmach("lookup", "-g", gl, "--limit", "1", "шос")
						switch {
						case err != nil:
							errs <- fmt.Errorf("lookup %d.%d: %v: %s", p, i, err, stderr)
						case !strings.Contains(stdout, "Шанхайская организация сотрудничества"):
							errs <- fmt.Errorf("lookup %d.%d: no SCO in %q (stderr %q)", p, i, stdout, stderr)
						case strings.Contains(stderr, "corrupt"):
							errs <- fmt.Errorf("lookup %d.%d: %s", p, i, stderr)
						}
					}
				}(p)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < rebuilds; i++ {
					if err := r.rebuild(i); err != nil {
						errs <- err
					}
				}
			}()
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
		})
	}
	left, _ := filepath.Glob(filepath.Join(dir, "cache", "tolmach", "index", ".tmp-*"))
	if len(left) > 0 {
		t.Errorf("temporary directories left: %v", left)
	}
}

// TestWriteLookupText checks the table: preferred terms in columns, the
// status of the matched term, the replacement of a deprecated one, the
// other terms and notes; on a terminal the matched words are
// highlighted and the padding ignores the escape codes.
func TestWriteLookupText(t *testing.T) {
	c := &glossary.Concept{ID: "beijing", Domain: "geography", Note: "Capital of China.", Terms: []*glossary.Term{
		{Text: "Пекин", Lang: "ru", Status: glossary.Preferred, Type: glossary.FullForm},
		{Text: "Beijing", Lang: "en", Status: glossary.Preferred, Type: glossary.FullForm},
		{Text: "Peking", Lang: "en", Status: glossary.Deprecated, Type: glossary.FullForm},
	}}
	res := []index.Result{{Concept: c, Score: 100, Kind: index.Exact, Term: c.Terms[2], Spans: []index.Span{{Start: 0, End: 6}}}}
	tests := []struct {
		name  string
		color bool
		want  []string
	}{
		{"plain", false, []string{
			"RU     EN       STATUS      DOMAIN\n",
			"Пекин  Beijing  deprecated  geography\n",
			"  ! «Peking» is deprecated: use «Beijing»\n",
			"  en also: Peking (deprecated)\n",
			"  note: Capital of China.\n",
		}},
		{"color", true, []string{
			"Пекин  Beijing  \x1b[1;31mdeprecated\x1b[0m  geography\n",
			"en also: \x1b[1;33mPeking\x1b[0m (deprecated)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := writeLookupText(&b, res, tt.color); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, b.String())
				}
			}
			if !tt.color && strings.Contains(b.String(), "\x1b") {
				t.Errorf("escape codes without colour:\n%q", b.String())
			}
		})
	}
}
