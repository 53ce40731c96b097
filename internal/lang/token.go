package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind tells what a [Token] is.
type Kind uint8

// The kinds of token [Analyze] returns. Punctuation and symbols are not
// tokens: matching is tolerant of them by construction.
const (
	Word   Kind = iota + 1 // letters, possibly with digits, inner apostrophes or hyphens
	Number                 // digits with inner separators: 240,5 · 1 234 567 · 1,234.5
)

// Token is one word or number of a text, with its place in the text and
// its matching forms.
type Token struct {
	Text  string  // as written, a slice of the analysed text
	Start int     // byte offset of the first byte in the analysed text
	End   int     // byte offset just past the last byte
	Kind  Kind    // Word or Number
	Norm  string  // Fold(Text), with the dots of dotted abbreviations removed
	Key   string  // the matching key: Stem of Norm (for compounds, part stems joined by '-')
	Parts []Token // for a hyphenated compound (военно-политический), its parts; else nil
}

// Upper reports whether the token is written in capitals only (an
// abbreviation such as ШОС or SCO), which case-sensitive terms require.
func (t Token) Upper() bool {
	letters := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// Analyze splits text into word and number tokens with byte offsets,
// folded forms and matching keys. It is the one tokenisation used for
// glossary terms, index fields and checked texts alike.
func Analyze(text string) []Token {
	// Words are separated by spaces (and line ends): counting them, which
	// is fast, sizes the slice once; a guess from the length was twice
	// too small for English or twice too large for short terms, and the
	// copies and the waste were a good part of the allocation of a check.
	n := strings.Count(text, " ") + strings.Count(text, "\n") + 1
	return AppendTokens(make([]Token, 0, n+n/8), text)
}

// AppendTokens appends the tokens [Analyze] makes of text to dst and
// returns the extended slice. A caller analysing many short texts whose
// tokens it does not keep (a glossary's terms) reuses one slice for all
// of them instead of allocating one each.
func AppendTokens(dst []Token, text string) []Token {
	for start, end, number, ok := nextToken(text, 0); ok; start, end, number, ok = nextToken(text, end) {
		if number {
			dst = append(dst, numberToken(text[start:end], start, end))
		} else {
			dst = append(dst, wordToken(text, start, end))
		}
	}
	return dst
}

// nextToken finds the first token of text at or after byte i: its byte
// range and whether it is a number; ok is false when none is left. It is
// the one scan behind [Analyze] and [TokenBounds].
func nextToken(text string, i int) (start, end int, number, ok bool) {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isLetter(r):
			return i, scanWord(text, i), false, true
		case isDigit(r):
			return i, scanNumber(text, i), true, true
		}
		i += size
	}
	return 0, 0, false, false
}

// TokenBounds returns the byte ranges ([Start, End)) of the tokens
// [Analyze] finds in text, without folding or stemming them: enough to
// highlight words already matched, for a fraction of the cost.
func TokenBounds(text string) [][2]int {
	var out [][2]int
	for start, end, _, ok := nextToken(text, 0); ok; start, end, _, ok = nextToken(text, end) {
		out = append(out, [2]int{start, end})
	}
	return out
}

// Keys returns the matching keys of the tokens of text, in order. Two
// strings match when their Keys are equal.
func Keys(text string) []string {
	toks := Analyze(text)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.Key
	}
	return keys
}

// MatchKey returns the keys of text joined by single spaces: the one
// string form of the matching key, for maps and comparisons.
func MatchKey(text string) string {
	return strings.Join(Keys(text), " ")
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	if r >= 'А' && r <= 'я' {
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == '\u00AD' || r == '\u0301'
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// IsHyphen reports whether r joins the parts of a compound word: the
// hyphen and the dashes Analyze treats like it.
func IsHyphen(r rune) bool { return isHyphen(r) }

func isHyphen(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ':
		return true
	}
	return false
}

// scanWord returns the end of the word starting at i: letters and digits,
// joined by single inner apostrophes (Russia's, d'affaires) or hyphens
// and dashes without spaces (военно-политический, North–South).
func scanWord(text string, i int) int {
	end := i
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if isLetter(r) || isDigit(r) || r == '\u200D' || r == '\u200C' {
			end += size
			continue
		}
		if isApostrophe(r) || isHyphen(r) || r == '.' {
			n, nsize := utf8.DecodeRuneInString(text[end+size:])
			if r == '.' {
				// A dot joins single letters into a dotted abbreviation
				// (U.S., e.g.) and is kept as its final dot.
				if end-i == utf8.RuneLen(firstRune(text[i:end])) || dottedSoFar(text[i:end]) {
					if isLetter(n) && singleLetterAhead(text[end+size:]) {
						end += size
						continue
					}
					if dottedSoFar(text[i:end]) && strings.ContainsRune(text[i:end], '.') {
						end += size // the final dot of U.S.
					}
				}
				return end
			}
			if nsize > 0 && (isLetter(n) || (isHyphen(r) && isDigit(n))) {
				end += size
				continue
			}
		}
		return end
	}
	return end
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// dottedSoFar reports whether s has the shape "X.Y.Z" of single letters.
func dottedSoFar(s string) bool {
	n := 0
	for _, r := range s {
		if n%2 == 0 {
			if !isLetter(r) {
				return false
			}
		} else if r != '.' {
			return false
		}
		n++
	}
	return n%2 == 1
}

// singleLetterAhead reports whether s starts with one letter followed by
// a dot (the next element of a dotted abbreviation).
func singleLetterAhead(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return size < len(s) && s[size] == '.'
}

// scanNumber returns the end of the number starting at i: digits with
// inner decimal or group separators (240,5 · 1,234.5), and groups of
// three digits after a space of any kind (1 234 567).
func scanNumber(text string, i int) int {
	end := i
	for end < len(text) && isDigit(rune(text[end])) {
		end++
	}
	lead := end - i
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		switch {
		case (r == '.' || r == ',') && end+size < len(text) && isDigit(rune(text[end+size])):
			j := end + size
			for j < len(text) && isDigit(rune(text[j])) {
				j++
			}
			end = j
		case isGroupSpace(r) && lead <= 3 && threeDigits(text[end+size:]):
			end += size + 3
		default:
			return end
		}
	}
	return end
}

func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00A0' || r == '\u202F' || r == '\u2009' || r == '\u2007'
}

// threeDigits reports whether s starts with exactly three digits.
func threeDigits(s string) bool {
	return len(s) >= 3 && isDigit(rune(s[0])) && isDigit(rune(s[1])) && isDigit(rune(s[2])) &&
		(len(s) == 3 || !isDigit(rune(s[3])))
}

func wordToken(text string, start, end int) Token {
	s := text[start:end]
	t := Token{Text: s, Start: start, End: end, Kind: Word}
	if strings.IndexByte(s, '.') >= 0 {
		t.Norm = strings.ReplaceAll(Fold(s), ".", "")
	} else {
		t.Norm = Fold(s)
	}
	if strings.IndexByte(t.Norm, '-') > 0 {
		var keys []string
		off := start
		for _, p := range strings.FieldsFunc(s, isHyphen) {
			ps := strings.Index(text[off:end], p) + off
			pt := Token{Text: p, Start: ps, End: ps + len(p), Kind: Word, Norm: Fold(p)}
			pt.Key = Stem(pt.Norm)
			t.Parts = append(t.Parts, pt)
			keys = append(keys, pt.Key)
			off = ps + len(p)
		}
		t.Key = strings.Join(keys, "-")
		return t
	}
	t.Key = Stem(t.Norm)
	return t
}

// SolidKey returns the key a Latin-script hyphenated compound has when
// written as one word (co-operation → the key of cooperation, anti-
// terrorist → of antiterrorist): the folded forms of all parts but the
// last, then the last part's key. English writes many compounds either
// way (non-proliferation, nonproliferation), and a glossary lists one;
// matching by this key finds the other. It is "" for a word that is not
// a compound, and for Cyrillic ones: Russian joins the parts of a solid
// compound with a linking vowel (северо-атлантический, североатлантический)
// and inflects the first part of a hyphenated noun (государства-члены,
// государств-членов), so no one formula holds.
func (t Token) SolidKey() string {
	if len(t.Parts) < 2 {
		return ""
	}
	norms := make([]string, len(t.Parts))
	for i, p := range t.Parts {
		norms[i] = p.Norm
	}
	return SolidKeyOf(norms, t.Parts[len(t.Parts)-1].Key)
}

// SolidKeyOf is [Token.SolidKey] from a compound's parts: their folded
// forms, and the last part's key; "" for fewer than two parts or a
// compound not in the Latin script. Code that holds a compound's parts as
// strings (the lookup index's stored terms) keys it through this.
func SolidKeyOf(norms []string, lastKey string) string {
	if len(norms) < 2 {
		return ""
	}
	n := len(lastKey)
	for _, p := range norms[:len(norms)-1] {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for _, p := range norms[:len(norms)-1] {
		b = append(b, p...)
	}
	s := string(append(b, lastKey...))
	if ScriptOf(s) != Latin {
		return ""
	}
	return s
}

func numberToken(s string, start, end int) Token {
	var b strings.Builder
	for _, r := range s {
		if isDigit(r) || r == '.' || r == ',' {
			b.WriteRune(r)
		}
	}
	n := b.String()
	return Token{Text: s, Start: start, End: end, Kind: Number, Norm: n, Key: n}
}
