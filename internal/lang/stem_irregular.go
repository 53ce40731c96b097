package lang

import (
	_ "embed"
	"strings"
	"sync"
)

// morphIrregular is the hand-written table of Russian forms whose lemma
// neither Snowball nor hunspell-ru finds (людей → человек, лет → год,
// млрд → миллиард). It is plain text so that anyone can extend it without
// regenerating the dictionary table.
//
//go:embed morph_irregular.txt
var morphIrregular string

var irregular struct {
	once  sync.Once
	lemma map[string]string // folded form → folded lemma
}

// parseIrregular reads "lemma: form form" lines; # starts a comment.
func parseIrregular(text string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		lemma, forms, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		l := Fold(strings.TrimSpace(lemma))
		for _, f := range strings.Fields(forms) {
			m[Fold(f)] = l
		}
	}
	return m
}

// irregularRU returns the lemma of a folded Russian form listed in
// morph_irregular.txt.
func irregularRU(w string) (string, bool) {
	irregular.once.Do(func() { irregular.lemma = parseIrregular(morphIrregular) })
	l, ok := irregular.lemma[w]
	return l, ok
}
