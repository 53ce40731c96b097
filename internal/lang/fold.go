package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Fold returns the normalised matching form of s: NFC; stress marks
// (U+0301, U+0300), soft hyphens and zero-width characters dropped; ё→е;
// case folded; typographic quotes unified to '"', apostrophes to '\”;
// dashes and hyphens to '-'; every kind of space to ' '; full- and
// half-width forms folded. Fold never decomposes letters, so й stays й.
//
// Fold keeps the rune count of s only approximately (dropped characters
// shorten it); callers needing positions in the original use [Analyze],
// whose tokens carry offsets into the original text.
func Fold(s string) string {
	if f, ok := foldSimple(s); ok {
		return f
	}
	s = toNFC(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r2, keep := foldRune(r); keep {
			b.WriteRune(r2)
		}
	}
	return b.String()
}

// foldSimple folds the common case quickly: text made only of ASCII
// letters, digits, spaces and plain punctuation, and the basic Cyrillic
// letters U+0410–U+044F. Such text is always NFC and needs no table
// look-ups; ok is false for anything else, which goes the general way.
// When nothing changes, s itself is returned without allocating.
func foldSimple(s string) (string, bool) {
	changed := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if (c >= 'A' && c <= 'Z') || c == '`' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				changed = true
			}
		case c == 0xD0 && i+1 < len(s) && s[i+1] >= 0x90 && s[i+1] <= 0xBF:
			// А–Я (D0 90–D0 AF) and а–п (D0 B0–D0 BF).
			if s[i+1] <= 0xAF {
				changed = true
			}
			i++
		case c == 0xD1 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x8F:
			i++ // р–я
		default:
			return "", false
		}
	}
	if !changed {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == '`':
			b = append(b, '\'')
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			b = append(b, ' ')
		case c == 0xD0 && s[i+1] <= 0x9F: // А–П → а–п (D0 B0–D0 BF)
			b = append(b, 0xD0, s[i+1]+0x20)
			i++
		case c == 0xD0 && s[i+1] <= 0xAF: // Р–Я → р–я (D1 80–D1 8F)
			b = append(b, 0xD1, s[i+1]-0x20)
			i++
		case c >= utf8.RuneSelf:
			b = append(b, c, s[i+1])
			i++
		default:
			b = append(b, c)
		}
	}
	return string(b), true
}

// foldRune maps one NFC rune to its matching form; keep is false for
// characters that are dropped altogether.
func foldRune(r rune) (rune, bool) {
	if r >= 'а' && r <= 'я' {
		return r, true
	}
	if r >= 'А' && r <= 'Я' {
		return r + ('а' - 'А'), true
	}
	switch r {
	case '\u0301', '\u0300', '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return 0, false
	case 'ё', 'Ё':
		return 'е', true
	case '«', '»', '„', '“', '”', '‟', '″', '〃', '＂', '‹', '›':
		return '"', true
	case '‘', '’', '‚', '‛', '′', '`', 'ʼ', '´':
		return '\'', true
	case '‐', '‑', '‒', '–', '—', '―', '−', '⁃', '﹘', '﹣', '－':
		return '-', true
	case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u2002', '\u2003', '\u2004',
		'\u2005', '\u2006', '\u2008', '\u205F', '\u3000', '\t', '\n', '\r', '\v', '\f':
		return ' ', true
	}
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A'), true
		}
		return r, true
	}
	if unicode.IsSpace(r) {
		return ' ', true
	}
	// Width folding: full-width Latin and digits to ASCII, half-width
	// katakana to full width.
	if p := width.LookupRune(r); p.Kind() == width.EastAsianFullwidth || p.Kind() == width.EastAsianHalfwidth {
		if f := p.Folded(); f != 0 {
			r = f
		}
	}
	if r >= 0xC0 && r <= 0x24F {
		// Latin letters with diacritics fold to their base letter
		// (chargé → charge). Only Latin: Cyrillic й must stay й.
		if d := norm.NFD.String(string(r)); d[0] < utf8.RuneSelf {
			r = rune(d[0])
		}
	}
	return unicode.ToLower(unicode.ToUpper(r)), true
}
