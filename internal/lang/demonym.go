package lang

import (
	"strings"
	"unicode/utf8"
)

// A name and the adjectives made from it are one family: Эстония,
// эстонский; Estonia, Estonian; Турция, турецкий. Translation moves
// between them all the time («сборная Эстонии» is "the Estonian national
// team", "UK plan" «британский план»), so the checker takes a name's
// adjective for a rendering of the name, and term mining counts a segment
// holding the adjective as holding the name. Both ask Demonym, on
// matching keys.

// NameStem is a name's matching key without its final vowels (and й, ь):
// the part its adjectives keep (эстони → эстон, syria → syr, кита → кит).
// A stem under three letters says too little: then only one final vowel
// goes (asia → asi), and if that leaves under three, NameStem yields "".
func NameStem(key string) string {
	vowel := func(r rune) bool { return strings.ContainsRune("aeiouyаеёиоуыэюяйь", r) }
	s := strings.TrimRightFunc(key, vowel)
	if utf8.RuneCountInString(s) < 3 {
		// Asia → Asian: one final vowel off, where all would leave too
		// little.
		r, size := utf8.DecodeLastRuneInString(key)
		if s = key[:len(key)-size]; !vowel(r) || utf8.RuneCountInString(s) < 3 {
			return ""
		}
	}
	return s
}

// enDemonymEnds are the endings of English adjectives (and demonyms) of
// names after the name's stem, as matching keys have them: -(i)an, -ean,
// -i, -ese (whose key is -es), -ish (Eston-ian, Kor-ean, Bangladesh-i,
// Chin-es, Turk-ish).
var enDemonymEnds = []string{"n", "an", "ian", "ean", "i", "es", "ese", "ish"}

// DemonymLike reports whether the matching key of a word ends as an
// adjective of a name may: Russian -ский/-цкий, English -(i)an, -i, -ese,
// -ish. A cheap filter before Demonym.
func DemonymLike(key string) bool {
	key = strings.TrimSuffix(key, "_") // the mark of an adjective's key
	if ScriptOf(key) == Cyrillic {
		return strings.HasSuffix(key, "ск") || strings.HasSuffix(key, "цк")
	}
	for _, e := range enDemonymEnds {
		if strings.HasSuffix(key, e) {
			return true
		}
	}
	return false
}

// Demonym reports whether the word with matching key adjKey is an
// adjective (or the people) of the name with stem stem (NameStem of the
// name's key). In Russian the stem begins the adjective but for its last
// letter, which may alternate (Турция → турецкий, Польша → польский,
// Норвегия → норвежский), and at most three letters stand between it and
// the suffix -ск-/-цк- (Франция → французский, Италия → итальянский),
// two after a stem of three (Китай → китайский). In English the stem is followed by one of the
// endings of enDemonymEnds (Iran → Iranian, India → Indian, China →
// Chinese, Pakistan → Pakistani). Irregular adjectives (British, немецкий)
// are no part of the rule.
func Demonym(stem, adjKey string) bool {
	if stem == "" {
		return false
	}
	w := strings.TrimSuffix(adjKey, "_")
	if ScriptOf(w) == Cyrillic {
		var r string
		switch {
		case strings.HasSuffix(w, "ск"):
			r = strings.TrimSuffix(w, "ск")
		case strings.HasSuffix(w, "цк"):
			r = strings.TrimSuffix(w, "цк")
		default:
			return false
		}
		k := CommonPrefixRunes(stem, r)
		n := utf8.RuneCountInString(stem)
		between := 3
		if n <= 3 {
			between = 2 // кит-ай-ск, сир-ий-ск; Вена is no венгерский
		}
		return k >= 3 && k >= n-1 && utf8.RuneCountInString(r)-k <= between
	}
	rest, ok := strings.CutPrefix(w, stem)
	if !ok {
		return false
	}
	for _, e := range enDemonymEnds {
		if rest == e {
			return true
		}
	}
	return false
}

// CommonPrefixRunes returns how many runes a and b share at their start:
// how far two matching keys agree before a derivation or an ending sets
// them apart.
func CommonPrefixRunes(a, b string) int {
	n := 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			break
		}
		a, b = a[sa:], b[sb:]
		n++
	}
	return n
}
