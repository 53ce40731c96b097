package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"tolmach/internal/lang"
)

// udToken is a NOUN, PROPN or ADJ token of UD Russian GSD.
type udToken struct{ form, lemma string }

// readUD reads the test and dev splits as TestMorphologyAccuracy does.
func readUD(dir string) ([]udToken, error) {
	var out []udToken
	for _, name := range []string{"ru_gsd-ud-test.conllu", "ru_gsd-ud-dev.conllu"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			fs := strings.Split(sc.Text(), "\t")
			if len(fs) < 4 || strings.ContainsAny(fs[0], "-.") {
				continue
			}
			if (fs[3] == "NOUN" || fs[3] == "PROPN" || fs[3] == "ADJ") && hasCyrillic(fs[1]) {
				out = append(out, udToken{fs[1], fs[2]})
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// measure returns recall and collisions, in percent, as defined in
// internal/lang's TestMorphologyAccuracy.
func measure(toks []udToken, key func(string) string) (recall, coll float64) {
	ok := 0
	freq := map[string]int{}
	for _, t := range toks {
		if key(lang.Fold(t.form)) == key(lang.Fold(t.lemma)) {
			ok++
		}
		freq[lang.Fold(t.lemma)]++
	}
	lemmas := make([]string, 0, len(freq))
	for l := range freq {
		lemmas = append(lemmas, l)
	}
	sort.Slice(lemmas, func(i, j int) bool {
		if freq[lemmas[i]] != freq[lemmas[j]] {
			return freq[lemmas[i]] > freq[lemmas[j]]
		}
		return lemmas[i] < lemmas[j]
	})
	if len(lemmas) > 2000 {
		lemmas = lemmas[:2000]
	}
	byKey := map[string]int{}
	for _, l := range lemmas {
		byKey[key(l)]++
	}
	c := 0
	for _, l := range lemmas {
		if byKey[key(l)] > 1 {
			c++
		}
	}
	return 100 * float64(ok) / float64(len(toks)), 100 * float64(c) / float64(len(lemmas))
}

// leverTable prints recall and collisions as the dictionary levers are
// switched on one by one, each row adding one lever to the row above.
func leverTable(lx *lexicon, dir string) error {
	toks, err := readUD(dir)
	if err != nil {
		return err
	}
	rows := []struct {
		name string
		lv   levers
	}{
		{"Snowball alone", levers{}},
		{"+ keep -ость (ruskey.Snowball)", levers{snowball: true}},
		{"+ hunspell-ru lemma, first listed", levers{snowball: true, dict: true}},
		{"+ ambiguous forms: noun > adj > verb", levers{snowball: true, dict: true, prefer: true}},
		{"+ flagless entries resolved as forms", levers{snowball: true, dict: true, prefer: true, listed: true}},
		{"+ fleeting-vowel links", levers{snowball: true, dict: true, prefer: true, listed: true, link: true}},
		{"+ adjective mark where a noun or verb shares the stem", levers{snowball: true, dict: true, prefer: true, listed: true, link: true, adjMark: true}},
		{"+ unknown -ец: fleeting е restored", func() levers { l := allLevers; l.keepIya, l.split = false, false; return l }()},
		{"+ -ия nouns keep и (дипломатия ≠ дипломат)", func() levers { l := allLevers; l.split = false; return l }()},
		{"+ nouns whose stem Snowball cuts into another word's key get their own (визит ≠ виза) (= shipped table)", allLevers},
		{"rejected: shipped + unknown -ов/-ев kept (surnames)", func() levers { l := allLevers; l.unknown.Surnames = true; return l }()},
		{"rejected: shipped + mark on every adjective", func() levers { l := allLevers; l.markAll = true; return l }()},
		{"rejected: shipped + судья keeps its ь", func() levers { l := allLevers; l.softSign = true; return l }()},
	}
	fmt.Printf("%d tokens\n| lever | recall | collisions |\n| --- | --- | --- |\n", len(toks))
	for _, r := range rows {
		lv := r.lv
		rec, col := measure(toks, func(w string) string { return lx.formKey(w, lv) })
		fmt.Printf("| %s | %.2f%% | %.2f%% |\n", r.name, rec, col)
	}
	return nil
}
