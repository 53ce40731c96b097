package main

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
	"tolmach/internal/lang/internal/ruskey"
)

// levers switches the parts of the dictionary key on and off, so that the
// cost and gain of each can be measured (-eval) before it is shipped.
type levers struct {
	dict     bool // use hunspell-ru lemmas at all
	prefer   bool // resolve ambiguous forms by part of speech, not file order
	listed   bool // a flagless entry that a paradigm also generates is a form, not a lemma
	link     bool // link flagless forms with a fleeting vowel (немцев, чисел) to their paradigm
	adjMark  bool // mark adjectival keys (ruskey.AdjMark)
	markAll  bool // mark every adjective, not only those whose stem is also a noun's or verb's
	snowball bool // -ость kept by ruskey.Snowball (false: plain Snowball, for the lever table)
	softSign bool // судья keys as судь, not as суд (measured, rejected: семей, статей, листья lose more)
	keepIya  bool // дипломатия keys as дипломати, not as дипломат
	split    bool // different lemmas that share a key get keys of their own (визит ≠ виза)
	unknown  ruskey.Rules
}

var allLevers = levers{dict: true, prefer: true, listed: true, link: true, adjMark: true, snowball: true,
	keepIya: true, split: true, unknown: ruskey.DefaultRules}

// lexicon is hunspell-ru read as form → lemma.
type lexicon struct {
	flags  map[string]string            // folded lemma of a flagged entry → its flags
	entry  map[string]bool              // every folded entry word, flagged or not
	cands  map[string][]string          // folded form → the flagged lemmas whose paradigms generate it
	links  map[string]string            // flagless form → lemma found through a vowel alternation
	other  map[string]bool              // Snowball keys of the entries that are not adjectives
	named  map[string]bool              // folded lemmas of entries written with a capital (Франция, Мира)
	gen    map[string][]string          // flagged lemma → the forms its flags generate, built on first use
	split  map[levers]map[string]string // per levers: lemma → its own key, where its base key is another's
	shared map[levers]map[string]string // per levers: form of a split lemma and of one that kept the key → that key
}

// cyrillicWord reports whether w is all Cyrillic letters: the only words
// Stem ever sees from Analyze (hyphenated words reach it part by part).
func cyrillicWord(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Cyrillic, r) || !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func buildLexicon(entries []dicEntry, rules map[rune][]suffixRule) *lexicon {
	lx := &lexicon{flags: map[string]string{}, entry: map[string]bool{}, cands: map[string][]string{}, links: map[string]string{},
		named: map[string]bool{}, split: map[levers]map[string]string{},
		shared: map[levers]map[string]string{}}
	for _, e := range entries {
		w := lang.Fold(e.word)
		if !cyrillicWord(w) {
			continue
		}
		lx.entry[w] = true
		if r, _ := utf8.DecodeRuneInString(e.word); unicode.IsUpper(r) {
			lx.named[w] = true
		}
		if e.flags == "" {
			continue
		}
		lx.flags[w] += e.flags
		for _, f := range expand(e, rules)[1:] {
			f = lang.Fold(f)
			if f == w || !cyrillicWord(f) {
				continue
			}
			if !contains(lx.cands[f], w) {
				lx.cands[f] = append(lx.cands[f], w)
			}
		}
	}
	for f := range lx.cands {
		sort.Strings(lx.cands[f])
	}
	lx.linkAlternations()
	lx.other = map[string]bool{}
	for w := range lx.entry {
		if !strings.ContainsRune(lx.flags[w], 'A') {
			lx.other[ruskey.Snowball(w)] = true
		}
	}
	return lx
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Endings a flagless form may carry, and the endings of the oblique forms
// a paradigm must generate for the link to hold. Listed longest first.
var (
	flaglessEndings = []string{"ами", "ями", "ьми", "ом", "ем", "ой", "ей", "ов", "ев", "ам", "ям", "ах", "ях", "ью",
		"а", "я", "у", "ю", "е", "ы", "и", "ь", ""}
	obliqueEndings = []string{"а", "я", "у", "ю", "ы", "и", "ом", "ем", "е"}
)

// linkAlternations finds the paradigm of flagless entries that hunspell-ru
// lists apart because its affix classes cannot express a fleeting vowel:
// немцев (немец), отцом (отец), чисел (число), земель (земля), сестер
// (сестра). A link needs a generated oblique form of a noun on the
// alternated stem, so only words the dictionary itself confirms are joined.
func (lx *lexicon) linkAlternations() {
	for w := range lx.entry {
		if lx.flags[w] != "" || len(lx.cands[w]) > 0 {
			continue
		}
		best := ""
		for _, e := range flaglessEndings {
			if !strings.HasSuffix(w, e) {
				continue
			}
			s := w[:len(w)-len(e)]
			if utf8.RuneCountInString(s) < 2 {
				continue
			}
			for _, v := range alternants(s) {
				for _, o := range obliqueEndings {
					for _, l := range lx.cands[v+o] {
						if isVerb(l) || strings.ContainsRune(lx.flags[l], 'A') || l == w || !fleeting(s, l) {
							continue
						}
						if best == "" || l < best {
							best = l
						}
					}
				}
			}
			if best != "" {
				break
			}
		}
		if best != "" {
			lx.links[w] = best
		}
	}
}

// fleeting reports whether the stem s of a flagless form differs from the
// stem of lemma l (l without its final vowel, ь or й) by a fleeting vowel
// alone. Links without an alternation are refused: Snowball already joins
// those, and the paradigms they would add are homonyms (меня is not a
// form of мена).
func fleeting(s, l string) bool {
	sl := strings.TrimRight(l, "аяоеьй")
	if s == sl {
		return false
	}
	return contains(alternants(s), sl) || contains(alternants(sl), s)
}

// alternants returns s and s with a fleeting vowel of its last syllable
// dropped (чисел → числ) or written as ь/й (писем → письм, копеек → копейк).
func alternants(s string) []string {
	rs := []rune(s)
	out := []string{s}
	n := len(rs)
	if n >= 3 && isVowelEO(rs[n-2]) && !isVowel(rs[n-1]) {
		base := string(rs[:n-2])
		last := string(rs[n-1])
		out = append(out, base+last, base+"ь"+last, base+"й"+last)
	}
	return out
}

func isVowelEO(r rune) bool { return r == 'е' || r == 'о' }

func isVowel(r rune) bool { return strings.ContainsRune("аеиоуыэюяё", r) }

// isVerb tells verbs by their infinitive, the form hunspell-ru lists them in.
func isVerb(l string) bool {
	for _, s := range []string{"ть", "ти", "чь", "ться", "тись", "чься"} {
		if strings.HasSuffix(l, s) {
			return true
		}
	}
	return false
}

// lemma returns the lemma the key of form is built from, or "" when the
// dictionary does not know form.
func (lx *lexicon) lemma(form string, lv levers) string {
	if _, ok := lx.flags[form]; ok {
		return form
	}
	cs := lx.cands[form]
	if len(cs) > 0 && !lx.entry[form] {
		return lx.choose(form, cs, lv)
	}
	if len(cs) > 0 && lv.listed {
		// A flagless entry is a form hunspell-ru lists apart, nearly
		// always of a noun: дел is a form of дело, not of деть.
		if l := lx.choose(form, cs, lv); !isVerb(l) {
			return l
		}
	}
	if lx.entry[form] {
		if l, ok := lx.links[form]; ok && lv.link {
			return l
		}
		return form
	}
	return ""
}

// choose picks one lemma for an ambiguous form. There are no frequencies
// in hunspell-ru, so the choice favours what terminology is made of:
// nouns over adjectives over verbs (стали → сталь, not стать; права →
// право, not правый), then the lemma Snowball already agrees with, then a
// name over a common noun (Франции → Франция, not франций: the element
// is rarer in any text than the country).
func (lx *lexicon) choose(form string, cs []string, lv levers) string {
	if !lv.prefer || len(cs) == 1 {
		return cs[0]
	}
	sf := ruskey.Snowball(form)
	best, bs := "", -1
	for _, l := range cs {
		s := 0
		if !isVerb(l) {
			s += 8
			if !strings.ContainsRune(lx.flags[l], 'A') {
				s += 4
			}
		}
		if ruskey.Snowball(l) == sf {
			s += 2
		}
		if lx.named[l] {
			s++
		}
		if s > bs {
			best, bs = l, s
		}
	}
	return best
}

// key returns the matching key of a dictionary lemma.
func (lx *lexicon) key(l string, lv levers) string {
	if lv.split {
		if k, ok := lx.splitKeys(lv)[l]; ok {
			return k
		}
	}
	return lx.baseKey(l, lv)
}

// baseKey is the key of a lemma before collisions are split.
func (lx *lexicon) baseKey(l string, lv levers) string {
	k := snow(l, lv)
	if lv.keepIya && strings.HasSuffix(l, "ия") && k == l[:len(l)-len("ия")] {
		// Snowball strips -ия as an ending, so дипломатия would key as
		// дипломат, демократия as демократ, Грузия as груз.
		k += "и"
	}
	if lv.softSign && (strings.HasSuffix(l, "ья") || strings.HasSuffix(l, "ье")) && k == l[:len(l)-len("ья")] {
		// Snowball strips -ья as an ending, so судья would key as суд.
		k += "ь"
	}
	// The mark goes only where it separates something (безопасный from
	// безопасность): elsewhere an adjective keeps the plain Snowball key
	// that its forms the dictionary misses, and surnames declined like
	// adjectives (Лавровым), get too.
	if lv.adjMark && strings.ContainsRune(lx.flags[l], 'A') && (lv.markAll || lx.other[k]) {
		k += ruskey.AdjMark
	}
	return k
}

// formKey returns the key of a folded form, with the fallback for words
// the dictionary does not know.
func (lx *lexicon) formKey(form string, lv levers) string {
	if lv.dict {
		if lv.split {
			lx.splitKeys(lv)
			if k, ok := lx.shared[lv][form]; ok {
				return k
			}
		}
		if l := lx.lemma(form, lv); l != "" {
			return lx.key(l, lv)
		}
	}
	if !lv.snowball {
		return snow(form, lv)
	}
	return ruskey.FallbackWith(form, lv.unknown)
}
