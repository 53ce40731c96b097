package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// Scheme is a Russian→Latin transliteration scheme. Names reach English
// texts through several of them (Шойгу is Shoigu, Хусейн is Hussein,
// Лавров was once Lavroff), so the name anchor tries them all.
type Scheme uint8

// The transliteration schemes [Transliterate] knows.
const (
	// Common is what English-language media write: -ий/-ый → -y,
	// й → i between vowels and consonants (Shoigu), х → kh, е → ye
	// only at the start of a word.
	Common Scheme = iota
	// BGNPCGN is the BGN/PCGN 1947 romanisation without diacritics:
	// е → ye at the start and after vowels, й → y, ы → y, ь/ъ dropped.
	BGNPCGN
	// Scholarly is the scientific transliteration folded to ASCII:
	// ж → zh, х → x, ц → c, ч → ch, ш → sh, щ → shch, ю → ju, я → ja, й → j.
	Scholarly
	// Palladius reads Russian spellings of Chinese names back into
	// pinyin (Цзиньпин → jinping, Си → xi, Чжоу → zhou, Жэньминь → renmin).
	Palladius
)

// translit tables: the Latin spelling of each lower-case Russian letter.
var (
	commonTable = map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh",
		'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
		'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
		'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
		'я': "ya",
	}
	scholarlyTable = map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
		'з': "z", 'и': "i", 'й': "j", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
		'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "x", 'ц': "c",
		'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "ju",
		'я': "ja",
	}
)

func isRuVowel(r rune) bool { return strings.ContainsRune("аеёиоуыэюя", r) }

// Transliterate spells a Russian word in Latin letters by scheme s, in
// lower case. Non-Cyrillic characters pass through lower-cased.
func Transliterate(word string, s Scheme) string {
	w := []rune(strings.ToLower(word))
	if s == Palladius {
		return palladius(w)
	}
	var b strings.Builder
	b.Grow(len(word))
	for i, r := range w {
		prev, next := runeAt(w, i-1), runeAt(w, i+1)
		atStart := i == 0 || !unicode.IsLetter(prev)
		switch s {
		case Scholarly:
			if t, ok := scholarlyTable[r]; ok {
				b.WriteString(t)
				continue
			}
		case BGNPCGN:
			if r == 'е' && (atStart || isRuVowel(prev) || prev == 'ь' || prev == 'ъ') {
				b.WriteString("ye")
				continue
			}
			if r == 'ё' {
				if atStart || isRuVowel(prev) || prev == 'ь' || prev == 'ъ' {
					b.WriteString("yo")
				} else {
					b.WriteString("o")
				}
				continue
			}
			if t, ok := commonTable[r]; ok {
				b.WriteString(t)
				continue
			}
		default: // Common
			switch {
			case r == 'е' && atStart:
				b.WriteString("ye")
				continue
			case (r == 'и' || r == 'ы') && next == 'й' && (i+2 == len(w) || !unicode.IsLetter(w[i+2])):
				b.WriteString("y") // Дмитрий → Dmitry, Грозный → Grozny
				continue
			case r == 'й' && prev == 'и' || r == 'й' && prev == 'ы':
				if i+1 == len(w) || !unicode.IsLetter(next) {
					continue
				}
			case r == 'й' && isRuVowel(prev) && next != 0 && !isRuVowel(next):
				b.WriteString("i") // Шойгу → Shoigu, Хусейн → Hussein
				continue
			case r == 'ь' && isRuVowel(next):
				b.WriteString("y") // Ильич, but Дарья → Darya
				continue
			}
			if t, ok := commonTable[r]; ok {
				b.WriteString(t)
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// runeAt returns w[i], or 0 (no letter) where i is outside w: the
// neighbours of a word's first and last letters.
func runeAt(w []rune, i int) rune {
	if i < 0 || i >= len(w) {
		return 0
	}
	return w[i]
}

// palladius maps Palladius-system syllables back to pinyin. Only the
// letters that differ matter: the skeleton drops vowels anyway.
func palladius(w []rune) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		r, next := w[i], runeAt(w, i+1)
		front := next == 'и' || next == 'ю' || next == 'я' || next == 'е'
		switch {
		case r == 'ц' && next == 'з':
			i++
			if after := runeAt(w, i+1); after == 'и' || after == 'ю' || after == 'я' {
				b.WriteString("j")
			} else {
				b.WriteString("z")
			}
		case r == 'ч' && next == 'ж':
			i++
			b.WriteString("zh")
		case r == 'ц':
			if front {
				b.WriteString("q")
			} else {
				b.WriteString("c")
			}
		case r == 'с' && front:
			b.WriteString("x")
		case r == 'ж':
			b.WriteString("r")
		case r == 'х':
			b.WriteString("h")
		case r == 'ь':
		case r == 'н' && next == 'ь':
			b.WriteString("n")
		default:
			if t, ok := commonTable[r]; ok {
				b.WriteString(t)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// Variants returns the distinct Latin spellings of a Russian word under
// every scheme, the most common first; a Latin word is returned as is.
func Variants(word string) []string {
	if lang.ScriptOf(word) != lang.Cyrillic {
		return []string{strings.ToLower(word)}
	}
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range []Scheme{Common, BGNPCGN, Scholarly, Palladius} {
		t := Transliterate(word, s)
		add(t)
		switch {
		case strings.HasSuffix(t, "ov") || strings.HasSuffix(t, "ev"):
			add(t[:len(t)-1] + "ff") // Smirnoff, Rachmaninoff
		}
		if strings.Contains(t, "kh") {
			add(strings.ReplaceAll(t, "kh", "h")) // Khussein → Hussein
		}
	}
	return out
}

// SameName reports whether a Russian word and a Latin word can be the same
// name: a Latin spelling of the Russian word (any scheme) is within a small
// edit distance of the Latin word, both folded to lower-case ASCII
// (Мария-Антуанетта ~ Marie-Antoinette, Шойгу ~ Shoigu, Лавров ~ Lavrov),
// or both have the same [Skeleton]. Up to three letters of a Russian case
// ending are free (Лавровым ~ Lavrov).
func SameName(ru, latin string) bool {
	l := asciiFold(latin)
	if len(l) < 2 {
		return false
	}
	for _, v := range Variants(ru) {
		v = asciiFold(v)
		if nameDistance(v, l) <= maxNameEdits(min(len(v), len(l))) {
			return true
		}
		if Skeleton(v) != "" && Skeleton(v) == Skeleton(l) {
			return true
		}
	}
	return false
}

func maxNameEdits(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 6:
		return 1
	case n <= 10:
		return 2
	}
	return 3
}

// nameDistance is the edit distance between a and b where an extra tail
// of up to three letters on a (a Russian case ending: Лаврова, Шойгу)
// is free.
func nameDistance(a, b string) int {
	best := levenshtein(a, b)
	for cut := 1; cut <= 3 && cut < len(a)-2; cut++ {
		if d := levenshtein(a[:len(a)-cut], b); d < best {
			best = d
		}
	}
	return best
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// asciiFold lower-cases s through the matching key's folding (which also
// strips Latin diacritics: Müller → muller) and keeps ASCII letters and
// digits only.
func asciiFold(s string) string {
	f := lang.Fold(s)
	var b strings.Builder
	for i := 0; i < len(f); {
		r, size := utf8.DecodeRuneInString(f[i:])
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteByte(byte(r))
		}
		i += size
	}
	return b.String()
}

// skeletonDigraphs are the letter groups [Skeleton] reads as one sound,
// each with the symbols it becomes, in the order they are tried: a group
// comes before any group that begins it ("shch" before "sh").
var skeletonDigraphs = []digraph{
	{"shch", "S"}, {"sch", "S"}, {"sh", "S"},
	{"dzh", "J"}, {"zh", "Z"},
	{"ch", "C"}, {"tch", "C"},
	{"kh", "g"},
	{"ts", "c"}, {"tz", "c"},
	{"ph", "f"}, {"th", "t"}, {"ck", "k"}, {"gh", "g"},
	{"x", "ks"},
}

// digraph is a group of Latin letters and the skeleton symbols it becomes.
type digraph struct{ latin, symbols string }

// skeletonDigraph returns the first of skeletonDigraphs that s begins with.
func skeletonDigraph(s string) (digraph, bool) {
	for _, d := range skeletonDigraphs {
		if strings.HasPrefix(s, d.latin) {
			return d, true
		}
	}
	return digraph{}, false
}

// Skeleton reduces a lower-case Latin spelling to a consonant skeleton
// that the usual spelling variants of one name or cognate share: digraphs
// become one symbol (sh, zh, ch, kh, ts, shch), similar consonants merge
// (c/k/q, s/z, v/w/f, g/h), vowels are dropped except at the start (which
// becomes 'a'), doubled symbols collapse. "Shoigu" and "Shoygu" are "Sg",
// "Lavrov" and "Lavroff" "lfrf", "информация" (informatsiya) and
// "information" "anfrmtn…".
func Skeleton(latin string) string {
	s := asciiFold(latin)
	if s == "" {
		return ""
	}
	var out []byte
	push := func(c byte) {
		if len(out) > 0 && out[len(out)-1] == c {
			return
		}
		out = append(out, c)
	}
	isV := func(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' }
	i := 0
	// A leading vowel (or y + vowel: Yevgeny ~ Evgeny) is one symbol.
	if i+1 < len(s) && s[0] == 'y' && isV(s[1]) {
		i = 1
	}
	if isV(s[i]) {
		push('a')
		for i < len(s) && isV(s[i]) {
			i++
		}
	}
	for i < len(s) {
		rest := s[i:]
		if d, ok := skeletonDigraph(rest); ok {
			for j := 0; j < len(d.symbols); j++ {
				push(d.symbols[j])
			}
			i += len(d.latin)
			continue
		}
		c := rest[0]
		i++
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			// dropped; but a vowel between two equal consonants keeps
			// them apart (Lavrov: l-v-r-v, not l-v-r).
			if len(out) > 0 && out[len(out)-1] != '.' {
				out = append(out, '.')
			}
			continue
		case 'c', 'q', 'k':
			c = 'k'
		case 'z':
			c = 's'
		case 'w', 'v', 'f':
			c = 'f'
		case 'h':
			c = 'g'
		case 'j':
			c = 'J'
		}
		push(c)
	}
	// Drop the vowel markers and collapse what they no longer separate
	// only when equal neighbours were doubled letters (handled by push).
	res := out[:0]
	for _, c := range out {
		if c != '.' {
			res = append(res, c)
		}
	}
	return string(res)
}
