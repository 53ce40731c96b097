package lang

import (
	"strings"

	"tolmach/internal/lang/internal/ruskey"
)

// StemVersion names the current behaviour of [Stem]. It changes whenever
// a word's key may change (a new dictionary table, irregular forms,
// spelling rules), so that anything that stores keys — an index cache —
// can include it in its version and rebuild rather than mismatch.
const StemVersion = "stem-2026-12-07.1"

// Stem returns the matching key of a folded word (see [Fold]). Two
// inflected forms of one word get one key: организации and организацию,
// лет and год, Russia's and Russia, organisation and organization.
//
// The word's script picks the language, not the text's, so Latin names
// inside Russian text stem as English:
//
//   - Russian: the hand-written irregular table (morph_irregular.txt:
//     людей → человек, г → год), then the dictionary table generated from
//     hunspell-ru (morph_ru.bin: fleeting vowels, alternations, the lemma of
//     ambiguous forms, the и of -ия nouns kept (дипломатия ≠ дипломат), a
//     mark on adjectives whose stem a noun shares, a key of its own for a
//     noun whose stem Snowball cuts into the key of another word: визит ≠
//     виза, залив ≠ зал, правило ≠ право), then
//     Snowball for words the dictionary does not know (keeping -ость, and
//     the fleeting е of -ец nouns). An abbreviation's final dot is ignored,
//     and an ordinal numeral with a case ending (1960-х) keys as its
//     number.
//   - English: possessives dropped, irregular plurals (crises, criteria,
//     women), British spellings folded to American (organisation, centre,
//     defence, programme, colour), then Snowball English — except for a
//     noun or an adjective that Snowball would cut into another word's
//     key (containment, declaration, renewable, federal, officer), which
//     keys as itself with its inflected forms.
//   - Anything else is its own key.
//
// Stem is a pure function of its argument and safe for concurrent use.
// The dictionary is loaded on the first Cyrillic word, and keys are cached.
func Stem(folded string) string {
	shard := stemCache.shard(folded)
	if k, ok := shard.get(folded); ok {
		return k
	}
	var k string
	switch ScriptOf(folded) {
	case Cyrillic:
		k = stemRussian(folded)
	case Latin:
		k = stemEnglish(folded)
	default:
		return folded
	}
	shard.put(folded, k)
	return k
}

// stemRussian returns the key of a folded word in Cyrillic script.
func stemRussian(w string) string {
	if len(w) > 2 && w[len(w)-1] == '.' {
		w = w[:len(w)-1] // г. → г: Analyze drops the dot too
	}
	if n, ok := ordinalNumber(w); ok {
		return n
	}
	if k, ok := fixedKeyRU(w); ok {
		return k
	}
	if l, ok := irregularRU(w); ok {
		w = l
	}
	if k, ok := dictKey(w); ok {
		return k
	}
	return ruskey.Fallback(w)
}

// ordinalNumber returns the digits of an ordinal numeral written with its
// case ending (1960-х, 28-го, 5-я): their key is the number, as the key
// of the digits alone is.
func ordinalNumber(w string) (string, bool) {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return "", false
	}
	i := strings.IndexByte(w, '-')
	if i < 0 || i == len(w)-1 {
		return "", false
	}
	for j := 0; j < i; j++ {
		if w[j] < '0' || w[j] > '9' {
			return "", false
		}
	}
	if ScriptOf(w[i+1:]) != Cyrillic || len([]rune(w[i+1:])) > 3 {
		return "", false
	}
	return w[:i], true
}
