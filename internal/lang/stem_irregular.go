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
	key   map[string]string // folded form → key given by hand ("=key: forms")
}

// parseIrregular reads "lemma: form form" lines into lemma, and
// "=key: form form" lines into key; # starts a comment.
func parseIrregular(text string) (lemma, key map[string]string) {
	lemma, key = map[string]string{}, map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		head, forms, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		m, l := lemma, strings.TrimSpace(head)
		if k, ok := strings.CutPrefix(l, "="); ok {
			m, l = key, k
		}
		l = Fold(l)
		for _, f := range strings.Fields(forms) {
			m[Fold(f)] = l
		}
	}
	return lemma, key
}

func loadIrregular() {
	irregular.once.Do(func() { irregular.lemma, irregular.key = parseIrregular(morphIrregular) })
}

// irregularRU returns the lemma of a folded Russian form listed in
// morph_irregular.txt.
func irregularRU(w string) (string, bool) {
	loadIrregular()
	l, ok := irregular.lemma[w]
	return l, ok
}

// fixedKeyRU returns the key morph_irregular.txt gives a folded Russian
// form by hand: for a noun whose Snowball stem is a verb's key (устав,
// the charter, and устал, was tired, both key as уста).
func fixedKeyRU(w string) (string, bool) {
	loadIrregular()
	k, ok := irregular.key[w]
	return k, ok
}
