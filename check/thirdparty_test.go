package check

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"tolmach/internal/shareddata"

	"tolmach/internal/lang"
)

// sharedData returns the third-party test data folder, or skips t.
func sharedData(t testing.TB) string {
	t.Helper()
	return shareddata.Dir(t)
}

// TestFalsePositivesProfessional checks professional translations —
// FLORES-200 devtest, UD PUD, TICO-19 — against the built-in glossary.
// Every sentence is translated, so nothing should be missing, extra or
// untranslated: the findings measure false positives (the glossary's
// terms aside, which a general text may legitimately render otherwise,
// and real differences between the versions). The texts are cut into
// articles of 20 sentences, one sentence a line.
func TestFalsePositivesProfessional(t *testing.T) {
	if testing.Short() {
		t.Skip("third-party text: not in -short runs")
	}
	data := sharedData(t)
	corpora := []struct{ name, ru, en string }{
		{"flores200", "flores200_ru_en/rus_Cyrl.devtest", "flores200_ru_en/eng_Latn.devtest"},
		{"ud_pud", "ud_pud_ru_en/pud.ru.txt", "ud_pud_ru_en/pud.en.txt"},
		{"tico19", "tico19_ru_en/tico19-test.rus", "tico19_ru_en/tico19-test.eng"},
	}
	c := New(Options{Glossary: builtinGlossary(t)})
	for _, corp := range corpora {
		t.Run(corp.name, func(t *testing.T) {
			ru, err1 := os.ReadFile(filepath.Join(data, corp.ru))
			en, err2 := os.ReadFile(filepath.Join(data, corp.en))
			if err1 != nil || err2 != nil {
				t.Skip("corpus files missing")
			}
			rl := strings.Split(strings.TrimSpace(string(ru)), "\n")
			el := strings.Split(strings.TrimSpace(string(en)), "\n")
			if len(rl) != len(el) {
				t.Skipf("%d Russian and %d English lines", len(rl), len(el))
			}
			// The first 600 sentences of each corpus keep the test quick;
			// TOLMACH_FULL=1 checks them all.
			if n := 600; len(rl) > n && os.Getenv("TOLMACH_FULL") == "" {
				rl, el = rl[:n], el[:n]
			}
			byRule := map[string]int{}
			words := 0
			var examples []string
			for i := 0; i < len(rl); i += 20 {
				j := min(i+20, len(rl))
				src := NewDocument(fmt.Sprintf("%s-%d.ru.txt", corp.name, i), lang.RU, strings.Join(rl[i:j], "\n"))
				tgt := NewDocument(fmt.Sprintf("%s-%d.en.txt", corp.name, i), lang.EN, strings.Join(el[i:j], "\n"))
				res, err := c.Check(context.Background(), src, tgt)
				if err != nil {
					continue
				}
				words += src.Words()
				for _, f := range res.Findings {
					byRule[f.Rule]++
					// The invariant of TestNumberMessagesQuoteDifferentNumbers.
					if f.Rule == "number-mismatch" && f.Source != nil && f.Target != nil && f.Source.Match != "" &&
						sameWritten(f.Source.Match, f.Target.Match) && !strings.Contains(f.Message, " reads ") {
						t.Errorf("%s: %s", src.Path, f.Message)
					}
					if f.Rule != "term-missing" && len(examples) < 12 {
						examples = append(examples, f.Rule+": "+f.Message)
					}
				}
			}
			var rules []string
			for r := range byRule {
				rules = append(rules, r)
			}
			sort.Strings(rules)
			total := 0
			for _, r := range rules {
				t.Logf("  %-18s %4d  (%.2f per 1,000 words)", r, byRule[r], float64(byRule[r])*1000/float64(words))
				if r != "term-missing" && r != "term-partial" && r != "number-mismatch" {
					total += byRule[r]
				}
			}
			for _, e := range examples {
				t.Logf("  e.g. %s", e)
			}
			rate := float64(total) * 1000 / float64(words)
			t.Logf("%s: %d source words; segment, untranslated, drift and consistency findings: %.2f per 1,000 words", corp.name, words, rate)
			if rate > 3 {
				t.Errorf("%.2f findings per 1,000 words on a professional translation", rate)
			}
		})
	}
}
