package glossary

import (
	"strings"

	"tolmach/internal/lang"
)

// translit spells Russian letters in Latin for ids (a simple, readable
// scheme; ids only need to be stable and valid, not reversible).
var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya",
}

// Slug makes a concept id from a term: folded (lang.Fold), Russian
// transliterated, every run of other characters turned into one '-',
// at most 48 characters. It returns "" when nothing usable is left.
func Slug(term string) string {
	var b strings.Builder
	dash := false
	for _, r := range lang.Fold(term) {
		s := ""
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			s = string(r)
		case translit[r] != "":
			s = translit[r]
		case r == 'ъ' || r == 'ь':
			continue
		}
		if s == "" {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
	}
	out := b.String()
	if len(out) > 48 {
		out = strings.TrimRight(out[:48], "-")
		if i := strings.LastIndexByte(out, '-'); i > 24 {
			out = out[:i]
		}
	}
	return out
}

// SanitizeID turns an id from a foreign file (TBX "eid-VocCod-211.01")
// into a valid native id: lower case, invalid characters replaced by '-'.
func SanitizeID(id string) string {
	id = strings.ToLower(strings.TrimSpace(id))
	if ValidID(id) {
		return id
	}
	var b strings.Builder
	for _, r := range id {
		if validIDRune(r) {
			b.WriteRune(r)
		} else if tr, ok := translit[r]; ok {
			b.WriteString(tr)
		} else {
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// conceptSlug makes an id for a concept that has none: from its preferred
// English term, else its first term, else "concept".
func conceptSlug(c *Concept) string {
	var cands []*Term
	if t := c.Preferred("en"); t != nil {
		cands = append(cands, t)
	}
	cands = append(cands, c.Terms...)
	for _, t := range cands {
		if s := Slug(t.Text); s != "" {
			return s
		}
	}
	return "concept"
}
