package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestAlternants(t *testing.T) {
	cases := []struct {
		stem string
		want string // one alternant that must be produced
	}{
		{"чисел", "числ"},    // inserted е dropped
		{"писем", "письм"},   // е written as ь
		{"копеек", "копейк"}, // е written as й
		{"сестер", "сестр"},
	}
	for _, c := range cases {
		t.Run(c.stem, func(t *testing.T) {
			if got := alternants(c.stem); !slices.Contains(got, c.want) {
				t.Errorf("alternants(%q) = %q, want it to hold %q", c.stem, got, c.want)
			}
		})
	}
}

func TestFleeting(t *testing.T) {
	cases := []struct {
		stem, lemma string
		want        bool
	}{
		{"немц", "немец", true},
		{"отц", "отец", true},
		{"бойц", "боец", true},
		{"чисел", "число", true},
		{"земел", "земля", true},
		{"мен", "мена", false},   // меня is not a form of мена
		{"пешк", "пешка", false}, // no alternation: Snowball joins these already
	}
	for _, c := range cases {
		t.Run(c.stem+"/"+c.lemma, func(t *testing.T) {
			if got := fleeting(c.stem, c.lemma); got != c.want {
				t.Errorf("fleeting(%q, %q) = %v, want %v", c.stem, c.lemma, got, c.want)
			}
		})
	}
}

func TestCommonPrefix(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"немцев", "немец", len("нем")},
		{"организации", "организаци", len("организаци")},
		{"людей", "человек", 0},
		{"abc", "abd", 2},
		{"", "x", 0},
	}
	for _, c := range cases {
		t.Run(c.a+"/"+c.b, func(t *testing.T) {
			if got := commonPrefix(c.a, c.b); got != c.want {
				t.Errorf("commonPrefix(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
			}
		})
	}
}

// TestExpand reads a small affix file and dictionary written in the
// hunspell-ru format and checks the forms and lemmas it yields.
func TestExpand(t *testing.T) {
	dir := t.TempDir()
	aff := filepath.Join(dir, "t.aff")
	dic := filepath.Join(dir, "t.dic")
	if err := os.WriteFile(aff, []byte("SET UTF-8\nSFX K Y 3\nSFX K 0 а [^ая]\nSFX K 0 ом [^ая]\nSFX K 0 ов [^ая]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dic, []byte("3\nмир/K\nмира/K\nнемцев\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rules, err := readAff(aff)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := readDic(dic)
	if err != nil {
		t.Fatal(err)
	}
	if got := expand(entries[0], rules); !slices.Equal(got, []string{"мир", "мира", "миром", "миров"}) {
		t.Errorf("expand(мир/K) = %q", got)
	}
	lx := buildLexicon(entries, rules)
	cases := []struct{ form, lemma string }{
		{"мира", "мира"}, // an entry of its own is its own lemma
		{"миром", "мир"},
		{"стол", ""},
	}
	for _, c := range cases {
		t.Run(c.form, func(t *testing.T) {
			if got := lx.lemma(c.form, allLevers); got != c.lemma {
				t.Errorf("lemma(%q) = %q, want %q", c.form, got, c.lemma)
			}
		})
	}
	if err := os.WriteFile(aff, []byte("PFX A Y 1\nPFX A 0 не .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readAff(aff); err == nil {
		t.Error("readAff accepted prefixes")
	}
}

// TestTableUpToDate rebuilds the table from the installed hunspell-ru and
// compares it with the committed internal/lang/morph_ru.bin, so that a
// change to the generator or to ruskey's fallback cannot ship without the
// table that matches it. Skipped without hunspell-ru or with -short.
func TestTableUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole table")
	}
	const aff, dic = "/usr/share/hunspell/ru_RU.aff", "/usr/share/hunspell/ru_RU.dic"
	if _, err := os.Stat(dic); err != nil {
		t.Skip("hunspell-ru not installed")
	}
	rules, err := readAff(aff)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := readDic(dic)
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := buildTable(buildLexicon(entries, rules))
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile("../../morph_ru.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, shipped) {
		t.Errorf("internal/lang/morph_ru.bin is stale (%d bytes, rebuilt %d): run go run ./internal/lang/internal/morphgen",
			len(shipped), len(data))
	}
}

// TestSplit builds a small lexicon in the hunspell-ru format in which
// Snowball gives two nouns one key (визит and виза both key as виз) and
// checks that each keeps all its forms under a key of its own, while a
// plural listed apart (выборы) and a spelling variant (желанье) stay
// with their word.
func TestSplit(t *testing.T) {
	dir := t.TempDir()
	aff := filepath.Join(dir, "t.aff")
	dic := filepath.Join(dir, "t.dic")
	affText := "SET UTF-8\n" +
		"SFX K Y 4\nSFX K 0 а [^аяь]\nSFX K 0 у [^аяь]\nSFX K 0 ы [^аяь]\nSFX K 0 ов [^аяь]\n" +
		"SFX I Y 4\nSFX I а ы а\nSFX I а е а\nSFX I а у а\nSFX I а ой а\n" +
		"SFX O Y 2\nSFX O ы ов ы\nSFX O ы ам ы\n" +
		"SFX E Y 3\nSFX E е я е\nSFX E е ю е\nSFX E е ем е\n"
	if err := os.WriteFile(aff, []byte(affText), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dic, []byte("6\nвизит/K\nвиза/I\nвыбор/K\nвыборы/O\nжелание/E\nжеланье/E\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rules, err := readAff(aff)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := readDic(dic)
	if err != nil {
		t.Fatal(err)
	}
	lx := buildLexicon(entries, rules)
	same := [][]string{
		{"визит", "визита", "визиту", "визиты", "визитов"},
		{"виза", "визы", "визе", "визу", "визой"},
		{"выбор", "выбора", "выборы", "выборов", "выборам"},
		{"желание", "желания", "желанье", "желанья", "желаньем"},
	}
	for _, forms := range same {
		want := lx.formKey(forms[0], allLevers)
		for _, f := range forms[1:] {
			if got := lx.formKey(f, allLevers); got != want {
				t.Errorf("formKey(%q) = %q, formKey(%q) = %q; want equal", f, got, forms[0], want)
			}
		}
	}
	if a, b := lx.formKey("визит", allLevers), lx.formKey("виза", allLevers); a == b {
		t.Errorf("визит and виза share the key %q", a)
	}
	if got := lx.formKey("виза", allLevers); got != "виз" {
		t.Errorf("formKey(виза) = %q, want the Snowball key виз kept", got)
	}
	off := allLevers
	off.split = false
	if a, b := lx.formKey("визит", off), lx.formKey("виза", off); a != b {
		t.Errorf("without the split lever визит → %q, виза → %q; the test lexicon no longer shows the collision", a, b)
	}
}

func TestListedApart(t *testing.T) {
	cases := []struct {
		own, k  string
		entries []string
		want    []string
		ok      bool
	}{
		{"правил", "прав", []string{"правил", "прав"}, []string{"правил"}, true},
		{"судь", "суд", []string{"судей"}, nil, false}, // судей could be of суд's key-keeper too
		{"визит", "виз", []string{"виз"}, nil, true},
	}
	for _, c := range cases {
		t.Run(c.own, func(t *testing.T) {
			got, ok := listedApart(c.own, c.k, c.entries)
			if ok != c.ok || !slices.Equal(got, c.want) {
				t.Errorf("listedApart(%q, %q, %q) = %q, %v; want %q, %v", c.own, c.k, c.entries, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestVariant(t *testing.T) {
	if !variant("желанье", "желание") || !variant("судья", "судия") {
		t.Error("ь/и spellings not seen as one word")
	}
	if variant("визит", "виза") || variant("суд", "судья") {
		t.Error("different words seen as spellings of one")
	}
}
