package lang

import "strings"

// VisibleForm returns s as a reader sees it: NFC; soft hyphens,
// zero-width characters and byte order marks dropped; every run of
// white space (tabs, line breaks, NBSP, thin spaces) one plain space;
// leading and trailing space trimmed. Case, letters (ё stays ё), quotes,
// dashes and punctuation are kept: two texts with equal visible forms
// are the same text, and two with different ones are not, however
// alike their matching keys ([MatchKey]) are — "Commands" is not
// "Command", nor «Глоссарий» "&Глоссарии". Deduplication of stored
// translations uses it, never the matching key.
func VisibleForm(s string) string {
	s = toNFC(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
			continue
		}
		if r2, _ := foldRune(r); r2 == ' ' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
