package check

import (
	"context"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/glossary"
	"tolmach/internal/cputime"
	"tolmach/internal/lang"
)

// benchData, when set, makes TestWriteBenchData write the benchmark's
// inputs there for check/bench/bench.sh (hyperfine on the whole process).
var benchData = flag.String("benchdata", "", "write the generated benchmark inputs to this directory")

// syllables of the generated terms: pronounceable, and stemmed like words.
var (
	ruSyll = []string{"ка", "ро", "ми", "ла", "то", "се", "ви", "ну", "да", "пе", "ри", "со", "на", "ле", "жи", "ба", "го", "зу", "ре", "ты"}
	enSyll = []string{"ka", "ro", "mi", "la", "to", "se", "vi", "nu", "da", "pe", "ri", "so", "na", "le", "zhi", "ba", "go", "zu", "re", "ty"}
	ruEnd  = []string{"ция", "ство", "ние", "ный", "ская", "ость"}
	enEnd  = []string{"tion", "ment", "ity", "ism", "ance", "ship"}
)

func word(r *rand.Rand, syl, end []string) string {
	var b strings.Builder
	for i := 0; i < 2+r.Intn(2); i++ {
		b.WriteString(syl[r.Intn(len(syl))])
	}
	b.WriteString(end[r.Intn(len(end))])
	return b.String()
}

// bigGlossary returns the built-in glossary topped up with generated
// concepts to n concepts: one to three words per term, an abbreviation
// for every tenth, a deprecated variant for every twentieth.
func bigGlossary(t testing.TB, n int) *glossary.Glossary {
	g := builtinGlossary(t)
	r := rand.New(rand.NewSource(42))
	for i := len(g.Concepts); i < n; i++ {
		c := &glossary.Concept{ID: fmt.Sprintf("gen-%05d", i)}
		words := 1 + r.Intn(3)
		var ru, en []string
		for k := 0; k < words; k++ {
			ru = append(ru, word(r, ruSyll, ruEnd))
			en = append(en, word(r, enSyll, enEnd))
		}
		c.Terms = append(c.Terms,
			&glossary.Term{Text: strings.Join(ru, " "), Lang: "ru", Status: glossary.Preferred},
			&glossary.Term{Text: strings.Join(en, " "), Lang: "en", Status: glossary.Preferred})
		if i%10 == 0 {
			c.Terms = append(c.Terms, &glossary.Term{Text: strings.ToUpper(en[0][:3]) + fmt.Sprint(i%97), Lang: "en", Type: glossary.Abbreviation, CaseSensitive: true})
		}
		if i%20 == 0 {
			c.Terms = append(c.Terms, &glossary.Term{Text: strings.Join(en, "-"), Lang: "en", Status: glossary.Deprecated})
		}
		g.Concepts = append(g.Concepts, c)
	}
	return g
}

// evalPairs returns the Russian-original evaluation cases' texts, the
// realistic material the benchmark pair is built from.
func evalPairs(t testing.TB) (ru, en []string) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "eval", "*-ru-en*"))
	for _, d := range dirs {
		s, _ := filepath.Glob(filepath.Join(d, "source.ru.*"))
		e, _ := filepath.Glob(filepath.Join(d, "target.en.*"))
		if len(s) != 1 || len(e) != 1 || FormatOf(s[0]) != PlainText {
			continue
		}
		sd, _, err1 := lang.ReadFile(s[0], "")
		ed, _, err2 := lang.ReadFile(e[0], "")
		if err1 == nil && err2 == nil {
			ru, en = append(ru, sd), append(en, ed)
		}
	}
	if len(ru) == 0 {
		t.Skip("no plain-text RU→EN evaluation cases to build the benchmark texts from")
	}
	return ru, en
}

// bigPair concatenates evaluation articles, with their years shifted so
// that the copies are not identical, until the source has words words.
func bigPair(t testing.TB, words int) (ru, en string) {
	rus, ens := evalPairs(t)
	var rb, eb strings.Builder
	n := 0
	for i := 0; n < words; i++ {
		k := i % len(rus)
		shift := fmt.Sprint(i)
		r := strings.ReplaceAll(rus[k], "2024", "20"+fmt.Sprintf("%02d", (24+i)%100))
		e := strings.ReplaceAll(ens[k], "2024", "20"+fmt.Sprintf("%02d", (24+i)%100))
		_ = shift
		rb.WriteString(r + "\n\n")
		eb.WriteString(e + "\n\n")
		n += len(analyzeWords(r))
	}
	return rb.String(), eb.String()
}

// BenchmarkCheck10k checks a 10,000-word pair against a 10,000-concept
// glossary, matchers built once (as for every pair of a --pairs run).
func BenchmarkCheck10k(b *testing.B) {
	g := bigGlossary(b, 10000)
	ru, en := bigPair(b, 10000)
	c := New(Options{Glossary: g})
	src, tgt := NewDocument("a.ru.txt", lang.RU, ru), NewDocument("a.en.txt", lang.EN, en)
	if _, err := c.Check(context.Background(), src, tgt); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(ru) + len(en)))
	b.ResetTimer()
	cpu := cputime.Start()
	for i := 0; i < b.N; i++ {
		if _, err := c.Check(context.Background(), src, tgt); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, cpu)
}

// BenchmarkMatchers10k builds the two matchers of a 10,000-concept
// glossary: the fixed cost of one tolmach check process.
func BenchmarkMatchers10k(b *testing.B) {
	g := bigGlossary(b, 10000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		New(Options{Glossary: g}).Prepare()
	}
}

// TestWriteBenchData writes the benchmark inputs for check/bench/bench.sh:
// big.glossary, a 10,000-word pair, and 100 pairs of about 1,000 words.
func TestWriteBenchData(t *testing.T) {
	if *benchData == "" {
		t.Skip("run with -benchdata DIR")
	}
	dir := *benchData
	if err := os.MkdirAll(filepath.Join(dir, "pairs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := glossary.WriteFile(filepath.Join(dir, "big.glossary"), bigGlossary(t, 10000), glossary.Native); err != nil {
		t.Fatal(err)
	}
	ru, en := bigPair(t, 10000)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("big.ru.txt", ru)
	write("big.en.txt", en)
	rus, ens := evalPairs(t)
	for i := 0; i < 100; i++ {
		k := i % len(rus)
		r := rus[k] + "\n\n" + rus[(k+1)%len(rus)]
		e := ens[k] + "\n\n" + ens[(k+1)%len(ens)]
		write(fmt.Sprintf("pairs/a%03d.ru.txt", i), r)
		write(fmt.Sprintf("pairs/a%03d.en.txt", i), e)
	}
	t.Logf("source words: big pair %d", len(analyzeWords(ru)))
}
