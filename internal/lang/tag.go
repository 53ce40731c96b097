package lang

import (
	"strings"

	"golang.org/x/text/language"
)

// NormTag returns a language code in the usual case: the language
// subtag in lower case, a two-letter region in upper case, a script
// subtag in title case, '_' read as '-': RU-RU, ru_ru → ru-RU, EN → en.
// The TMX wildcard *all* is kept.
func NormTag(code string) string {
	code = strings.TrimSpace(code)
	if code == "" || strings.EqualFold(code, "*all*") {
		return strings.ToLower(code)
	}
	parts := strings.FieldsFunc(code, func(r rune) bool { return r == '-' || r == '_' })
	for i, p := range parts {
		switch {
		case i == 0:
			parts[i] = strings.ToLower(p)
		case len(p) == 2:
			parts[i] = strings.ToUpper(p)
		case len(p) == 4:
			parts[i] = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		default:
			parts[i] = strings.ToLower(p)
		}
	}
	return strings.Join(parts, "-")
}

// IsColumnTag reports whether a table header cell names a language: a
// base language that is a two-letter ISO 639-1 code of the IANA registry
// (ru, en, zh), optionally followed by subtags the registry knows (zh-CN,
// pt_BR, sr-Latn, es-419). Case is ignored. It is the one test the
// glossary and TM table readers apply to a header cell.
//
// Being well-formed is not enough, nor even being registered: pos, def,
// tgt and num are ISO 639-3 codes of small languages, and src (Sardinian)
// and alt (Southern Altai) are in CLDR too, while in a spreadsheet they
// name a part of speech, a definition, a target and a number. So a
// three-letter base is no column name (every language tolmach reads
// besides has a two-letter code), nor is a deprecated code the registry
// replaces (in for id, iw for he).
func IsColumnTag(s string) bool {
	s = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-")
	base, _, _ := strings.Cut(s, "-")
	if len(base) != 2 || base[0] < 'a' || base[0] > 'z' || base[1] < 'a' || base[1] > 'z' {
		return false
	}
	bt, err := language.Parse(base) // canonical: in → id
	if err != nil {
		return false
	}
	if b, _ := bt.Base(); b.String() != base {
		return false
	}
	if base == s {
		return true
	}
	// Subtags: the registry must know each (a script, a region, a
	// variant); an extension or private use is no column name.
	for _, sub := range strings.Split(s, "-")[1:] {
		if len(sub) < 2 {
			return false
		}
	}
	_, err = language.Parse(s)
	return err == nil
}
