package main

import (
	"sort"
	"strings"
	"unicode/utf8"

	"tolmach/internal/lang/internal/ruskey"
)

// splitKeys returns, for the levers lv, the lemmas whose base key (the
// Snowball stem of the lemma, see baseKey) is also the base key of a
// different word, mapped to a key of their own.
//
// Snowball keys a lemma by cutting what looks like an ending, and what
// looks like an ending is sometimes part of the stem: визит loses a
// verb-like -ит and keys as виз, the key of виза; судья loses -ья and
// keys as суд. The dictionary knows both paradigms, so it can tell two
// words from two spellings of one: lemmas whose paradigms share most
// forms (выбор and the plural-only выборы, супруг and супруга, whose
// plurals are one) are one word for matching and keep one key, since no
// text could tell them apart anyway. Of two different words, the one the
// key fits best (a noun whose lemma is the key plus the shortest ending:
// виза, суд) keeps it, and every other takes the stem all its forms
// share (визит), or failing that its lemma without a final vowel
// (судь), or the lemma itself; each followed by ruskey.SplitMark when
// that string is already another word's key.
func (lx *lexicon) splitKeys(lv levers) map[string]string {
	if m, ok := lx.split[lv]; ok {
		return m
	}
	m := map[string]string{}
	lx.split[lv] = m
	shared := map[string]string{}
	lx.shared[lv] = shared
	// The paradigm of each lemma as the key sees it: the forms whose
	// key is that lemma's after ambiguous forms are resolved.
	para := map[string][]string{}
	for _, f := range lx.forms() {
		if l := lx.lemma(f, lv); l != "" {
			para[l] = append(para[l], f)
		}
	}
	used := map[string]bool{}
	groups := map[string][]string{}
	loose := map[string][]string{} // nouns with the key that are not split: mostly forms listed apart
	for l := range para {
		k := lx.baseKey(l, lv)
		used[k] = true
		if lx.splittable(l) {
			groups[k] = append(groups[k], l)
		} else if lx.fitRank(l) == 0 {
			loose[k] = append(loose[k], l)
		}
	}
	keys := make([]string, 0, len(groups))
	for k, ls := range groups {
		if len(ls) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		ls := groups[k]
		sort.Slice(ls, func(i, j int) bool { return lx.fitLess(ls[i], ls[j], k) })
		words := lx.words(ls, para)
		// A word keeps k when k is the stem all its forms share (виза:
		// виз-а, виз-ы; суд and судья, both, since судей begins with суд
		// alone): nothing in its spelling tells such words apart. A word
		// whose forms all go on past k lost part of its stem to Snowball
		// (визит: визит-а, визит-у) and takes that stem, unless no word
		// keeps k, when the best-fitting keeps it as before.
		kept := false
		for _, w := range words {
			if len(lx.stemOf(w[0], para[w[0]])) <= len(k) {
				kept = true
			}
		}
		for i, w := range words {
			own := lx.stemOf(w[0], para[w[0]])
			if len(own) <= len(k) || !kept && i == 0 {
				continue
			}
			apart, ok := listedApart(own, k, loose[k])
			if !ok {
				continue
			}
			w = append(w, apart...)
			if used[own] {
				own += ruskey.SplitMark
			}
			used[own] = true
			for _, l := range w {
				m[l] = own
			}
		}
		// A form of a split word that is also a form of a word keeping
		// k (герою: of герой, and of Гера) keeps k, the reading it had
		// before: the table cannot know which is meant. The split
		// word's lemma itself goes with the word, or the word would lose
		// its own nominative (герой is also Гера's instrumental).
		keep := map[string]bool{}
		for _, l := range append(ls[:len(ls):len(ls)], loose[k]...) {
			if _, split := m[l]; !split {
				for f := range lx.paradigm(l, para[l]) {
					keep[f] = true
				}
			}
		}
		for _, l := range append(ls[:len(ls):len(ls)], loose[k]...) {
			if _, split := m[l]; split {
				for f := range lx.paradigm(l, para[l]) {
					if keep[f] && m[f] == "" {
						shared[f] = k
					}
				}
			}
		}
	}
	return m
}

// splittable reports whether lemma l may be given a key of its own: only
// nouns with a paradigm of their own. An entry whose flags generate no
// form is a form hunspell-ru lists apart (грыжей, отнеслась), and one
// flagged O is the plural of a singular listed beside it (братья,
// крылья, поводья); verbs, participles and adjectives share stems within
// one family (сохранить, сохраниться, сохраняющий) that terms use
// interchangeably.
func (lx *lexicon) splittable(l string) bool {
	fl := lx.flags[l]
	if fl == "" || strings.Trim(fl, "O") == "" || lx.fitRank(l) != 0 {
		return false
	}
	if strings.HasSuffix(l, "ся") || strings.HasSuffix(l, "сь") {
		return false
	}
	return len(lx.generated()[l]) >= 3
}

// forms returns every form the dictionary knows, sorted.
func (lx *lexicon) forms() []string {
	seen := map[string]bool{}
	for f := range lx.entry {
		seen[f] = true
	}
	for f := range lx.cands {
		seen[f] = true
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// fitLess orders the lemmas sharing key k by how well k fits them:
// nouns before adjectives before verbs, then the shortest ending cut to
// reach k, then names, then alphabetically.
func (lx *lexicon) fitLess(a, b, k string) bool {
	ra, rb := lx.fitRank(a), lx.fitRank(b)
	if ra != rb {
		return ra < rb
	}
	ca, cb := utf8.RuneCountInString(a)-utf8.RuneCountInString(k), utf8.RuneCountInString(b)-utf8.RuneCountInString(k)
	if ca != cb {
		return ca < cb
	}
	if lx.named[a] != lx.named[b] {
		return lx.named[a]
	}
	return a < b
}

func (lx *lexicon) fitRank(l string) int {
	switch {
	case isVerb(l):
		return 2
	case strings.ContainsRune(lx.flags[l], 'A'):
		return 1
	}
	return 0
}

// words groups lemmas (in fit order) into words: two lemmas are one word
// when at least half the forms of the smaller paradigm belong to the
// other's. The groups keep the fit order, the best-fitting word first.
func (lx *lexicon) words(ls []string, para map[string][]string) [][]string {
	full := map[string]map[string]bool{}
	for _, l := range ls {
		full[l] = lx.paradigm(l, para[l])
	}
	var out [][]string
	for _, l := range ls {
		joined := false
		for i, w := range out {
			for _, o := range w {
				if variant(l, o) || sameWord(full[l], full[o]) {
					out[i] = append(out[i], l)
					joined = true
					break
				}
			}
			if joined {
				break
			}
		}
		if !joined {
			out = append(out, []string{l})
		}
	}
	return out
}

// paradigm returns every form the dictionary relates to lemma l: the
// forms its flags generate, including those an ambiguous choice gave to
// another lemma, and the forms resolved to it.
func (lx *lexicon) paradigm(l string, resolved []string) map[string]bool {
	p := map[string]bool{l: true}
	for _, f := range resolved {
		p[f] = true
	}
	for _, f := range lx.generated()[l] {
		p[f] = true
	}
	return p
}

// generated returns lemma → the forms its flags generate (lx.cands
// inverted), built once.
func (lx *lexicon) generated() map[string][]string {
	if lx.gen == nil {
		lx.gen = map[string][]string{}
		for f, ls := range lx.cands {
			for _, l := range ls {
				lx.gen[l] = append(lx.gen[l], f)
			}
		}
	}
	return lx.gen
}

// variant reports whether lemmas a and b are spellings of one word that
// differ in ь against и before the final vowel (желанье, желание).
func variant(a, b string) bool {
	norm := func(s string) string {
		for _, e := range []string{"ье", "ья", "ьё"} {
			if strings.HasSuffix(s, e) {
				return s[:len(s)-len(e)] + "и" + e[len("ь"):]
			}
		}
		return s
	}
	return norm(a) == norm(b)
}

func sameWord(a, b map[string]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for f := range a {
		if b[f] {
			n++
		}
	}
	return 2*n >= len(a)
}

// listedApart returns the entries that are forms of the word with stem
// own that hunspell-ru lists apart from its paradigm (правил of правило),
// which go with the word. It returns false when such a form cannot be
// told from a form of the word that keeps k: the genitive plural судей of
// судья (stem судь) begins with суд alone, as семей of семья does.
func listedApart(own, k string, entries []string) ([]string, bool) {
	base := strings.TrimRight(own, "ьй")
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e, base) {
			if len(base) <= len(k) {
				return nil, false
			}
			out = append(out, e)
		}
	}
	return out, true
}

// stemOf returns the longest prefix (whole runes) that lemma l and all
// the forms of its paradigm share: визит for визит, визита, визиту.
func (lx *lexicon) stemOf(l string, resolved []string) string {
	p := l
	for f := range lx.paradigm(l, resolved) {
		p = p[:commonPrefix(p, f)]
	}
	return p
}
