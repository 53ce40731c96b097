package index

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// generatedGlossary returns base followed by synthetic concepts up to n
// concepts in all: terms of two to four words drawn from base's own
// vocabulary (so that they share words, stems and abbreviations with
// the real terms and make ranking harder), a third with an
// abbreviation, some with a second, admitted or deprecated, term. It is
// deterministic.
func generatedGlossary(n int, base *glossary.Glossary) *glossary.Glossary {
	r := rand.New(rand.NewSource(20261128))
	vocab := map[string][]string{}
	seen := map[string]bool{}
	for _, c := range base.Concepts {
		for _, t := range c.Terms {
			for _, tok := range lang.Analyze(t.Text) {
				if tok.Kind != lang.Word || len([]rune(tok.Text)) < 3 || tok.Upper() {
					continue
				}
				if k := t.Lang + tok.Text; !seen[k] {
					seen[k] = true
					vocab[t.Lang] = append(vocab[t.Lang], tok.Text)
				}
			}
		}
	}
	phrase := func(l string) string {
		words := make([]string, 2+r.Intn(3))
		for i := range words {
			words[i] = vocab[l][r.Intn(len(vocab[l]))]
		}
		return strings.Join(words, " ")
	}
	abbr := func(s string) string {
		var b strings.Builder
		for _, w := range strings.Fields(s) {
			b.WriteString(strings.ToUpper(string([]rune(w)[:1])))
		}
		return b.String()
	}
	// Abbreviations made of initials may equal real ones (СПГ, OSCE);
	// such a query would then be ambiguous by construction, so they are
	// dropped.
	taken := map[string]bool{}
	for _, c := range base.Concepts {
		for _, t := range c.Terms {
			taken[lang.MatchKey(t.Text)] = true
		}
	}
	g := &glossary.Glossary{Concepts: append([]*glossary.Concept(nil), base.Concepts...)}
	domains := []string{"diplomacy", "security", "economy", "international law", "international organizations"}
	for i := len(base.Concepts); i < n; i++ {
		ru, en := phrase("ru"), phrase("en")
		c := &glossary.Concept{ID: fmt.Sprintf("gen-%05d", i), Domain: domains[r.Intn(len(domains))], Origin: fmt.Sprintf("generated:%d", i)}
		c.Terms = append(c.Terms, &glossary.Term{Text: ru, Lang: "ru", Status: glossary.Preferred},
			&glossary.Term{Text: en, Lang: "en", Status: glossary.Preferred})
		switch r.Intn(10) {
		case 0, 1, 2:
			for _, a := range []struct{ text, lang string }{{abbr(ru), "ru"}, {abbr(en), "en"}} {
				if !taken[lang.MatchKey(a.text)] {
					c.Terms = append(c.Terms, &glossary.Term{Text: a.text, Lang: a.lang, Type: glossary.Abbreviation, CaseSensitive: true})
				}
			}
		case 3:
			c.Terms = append(c.Terms, &glossary.Term{Text: phrase("en"), Lang: "en", Status: glossary.Deprecated})
		case 4:
			c.Terms = append(c.Terms, &glossary.Term{Text: phrase("ru"), Lang: "ru", Status: glossary.Admitted})
		}
		if r.Intn(5) == 0 {
			c.Note = "Generated for benchmarks: " + phrase("en") + "."
		}
		g.Concepts = append(g.Concepts, c)
	}
	return g
}

// TestWriteGenerated writes the generated 50,000-concept glossary in the
// native format to $TOLMACH_GEN, for bench/lookup.sh; it is skipped
// otherwise.
func TestWriteGenerated(t *testing.T) {
	out := os.Getenv("TOLMACH_GEN")
	if out == "" {
		t.Skip("set TOLMACH_GEN=FILE.glossary to write the generated 50k glossary")
	}
	_, base := builtin(t)
	g := generatedGlossary(50000, base)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := glossary.WriteFile(out, g, glossary.Native); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d concepts to %s", len(g.Concepts), out)
}
