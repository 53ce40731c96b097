package lang

import "strings"

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
