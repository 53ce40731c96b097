package check

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// expectedFinding is one row of an evaluation case's expected.tsv (see
// testdata/eval/README.md).
type expectedFinding struct {
	Rule, Side string
	Line       int
	Term       string
	lineNo     int // in expected.tsv, for messages
}

func readExpected(path string) ([]expectedFinding, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []expectedFinding
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") || n == 1 && strings.HasPrefix(line, "rule\t") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			return nil, fmt.Errorf("%s:%d: want rule, side, line[, term] separated by tabs", path, n)
		}
		ln, err := strconv.Atoi(strings.TrimSpace(cols[2]))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: line %q is not a number", path, n, cols[2])
		}
		e := expectedFinding{Rule: strings.TrimSpace(cols[0]), Side: strings.TrimSpace(cols[1]), Line: ln, lineNo: n}
		if RuleByName(e.Rule) == nil {
			return nil, fmt.Errorf("%s:%d: unknown rule %q", path, n, e.Rule)
		}
		if e.Side != "source" && e.Side != "target" {
			return nil, fmt.Errorf("%s:%d: side %q, want source or target", path, n, e.Side)
		}
		if len(cols) > 3 {
			e.Term = strings.TrimSpace(cols[3])
			if e.Term == "-" {
				e.Term = ""
			}
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// matchesExpected reports whether finding f is the expected row e; with
// strict, the term column must agree too.
func matchesExpected(e expectedFinding, f *Finding, strict bool) bool {
	if f.Rule != e.Rule {
		return false
	}
	loc := f.Source
	if e.Side == "target" {
		loc = f.Target
	}
	if loc == nil || loc.Line < e.Line-1 || loc.Line > e.Line+1 {
		return false
	}
	if !strict || e.Term == "" {
		return true
	}
	if f.Term != nil && strings.EqualFold(f.Term.ID, e.Term) {
		return true
	}
	want := lang.Fold(e.Term)
	for _, l := range []*Location{f.Source, f.Target} {
		if l == nil || l.Match == "" {
			continue
		}
		got := lang.Fold(l.Match)
		if strings.Contains(got, want) || strings.Contains(want, got) {
			return true
		}
	}
	return false
}

// evalCase is one case directory's inputs.
type evalCase struct {
	name, dir        string
	source, target   string
	glossary         *glossary.Glossary
	sourceLang       lang.Lang
	expected         []expectedFinding
	expectedFileName string
}

func loadEvalCase(t *testing.T, dir string, shared *glossary.Glossary) evalCase {
	t.Helper()
	c := evalCase{name: filepath.Base(dir), dir: dir, glossary: shared}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "source."):
			c.source = filepath.Join(dir, name)
		case strings.HasPrefix(name, "target."):
			c.target = filepath.Join(dir, name)
		case strings.HasPrefix(name, "glossary."):
			g, err := glossary.Load(filepath.Join(dir, name))
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			c.glossary = g
		case name == "options":
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(data), "\n") {
				k, v, ok := strings.Cut(line, "=")
				if ok && strings.TrimSpace(k) == "source-lang" {
					c.sourceLang = lang.Lang(strings.TrimSpace(v))
				}
			}
		}
	}
	if c.source == "" || c.target == "" {
		t.Fatalf("%s: want source.* and target.*", dir)
	}
	c.expectedFileName = filepath.Join(dir, "expected.tsv")
	c.expected, err = readExpected(c.expectedFileName)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestEvaluation runs the checker on every case of testdata/eval and
// measures recall (expected findings reported) and unexpected errors and
// warnings per 1,000 source words; see testdata/eval/README.md.
func TestEvaluation(t *testing.T) {
	root := filepath.Join("testdata", "eval")
	dirs, _ := filepath.Glob(filepath.Join(root, "*", "expected.tsv"))
	if len(dirs) == 0 {
		t.Skip("no evaluation cases under testdata/eval")
	}
	sort.Strings(dirs)
	var shared *glossary.Glossary
	if _, err := os.Stat(filepath.Join(root, "glossary.glossary")); err == nil {
		g, err := glossary.Load(filepath.Join(root, "glossary.glossary"))
		if err != nil {
			t.Fatal(err)
		}
		shared = g
	} else {
		shared = builtinGlossary(t)
	}
	type ruleStat struct{ expected, found, unexpected int }
	stats := map[string]*ruleStat{}
	stat := func(r string) *ruleStat {
		if stats[r] == nil {
			stats[r] = &ruleStat{}
		}
		return stats[r]
	}
	var expected, found, unexpected, words int
	for _, d := range dirs {
		c := loadEvalCase(t, filepath.Dir(d), shared)
		checker := New(Options{Glossary: c.glossary, SourceLang: c.sourceLang})
		res, err := checker.CheckFiles(context.Background(), c.source, c.target)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		w := res.Source.Words()
		words += w
		used := make([]bool, len(res.Findings))
		hit := make([]bool, len(c.expected))
		for _, strict := range []bool{true, false} {
			for i, e := range c.expected {
				if hit[i] {
					continue
				}
				for j := range res.Findings {
					if !used[j] && res.Findings[j].Severity != Info && matchesExpected(e, &res.Findings[j], strict) {
						used[j], hit[i] = true, true
						break
					}
				}
			}
		}
		var caseFound, caseUnexpected int
		for i, e := range c.expected {
			stat(e.Rule).expected++
			if hit[i] {
				caseFound++
				stat(e.Rule).found++
				continue
			}
			t.Logf("%s: MISSED %s:%d: %s %s line %d %s", c.name, c.expectedFileName, e.lineNo, e.Rule, e.Side, e.Line, e.Term)
		}
		for j, f := range res.Findings {
			if used[j] || f.Severity == Info {
				continue
			}
			caseUnexpected++
			stat(f.Rule).unexpected++
			t.Logf("%s: UNEXPECTED %s %s at %s: %s", c.name, f.Severity, f.Rule, where(&f), f.Message)
		}
		t.Logf("%s: %d source words, %d/%d expected found, %d unexpected", c.name, w, caseFound, len(c.expected), caseUnexpected)
		expected += len(c.expected)
		found += caseFound
		unexpected += caseUnexpected
	}
	var rules []string
	for r := range stats {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		s := stats[r]
		t.Logf("  %-18s expected %3d  found %3d  unexpected %3d", r, s.expected, s.found, s.unexpected)
	}
	if expected == 0 || words == 0 {
		t.Skip("the evaluation cases hold no expected findings")
	}
	recall := float64(found) / float64(expected)
	per1000 := float64(unexpected) * 1000 / float64(words)
	t.Logf("EVALUATION: %d cases, %d source words: recall %.3f (%d/%d), unexpected %.2f per 1,000 words (%d)",
		len(dirs), words, recall, found, expected, per1000, unexpected)
	if recall < 0.95 {
		t.Errorf("recall %.3f < 0.95", recall)
	}
	if per1000 > 1.0 {
		t.Errorf("unexpected findings %.2f per 1,000 words > 1.0", per1000)
	}
}

func where(f *Finding) string {
	var parts []string
	if f.Source != nil {
		parts = append(parts, fmt.Sprintf("source line %d %q", f.Source.Line, f.Source.Match))
	}
	if f.Target != nil {
		parts = append(parts, fmt.Sprintf("target line %d %q", f.Target.Line, f.Target.Match))
	}
	return strings.Join(parts, ", ")
}
