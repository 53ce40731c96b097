package lang

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// PlaceholderKind says what a [Placeholder] is.
type PlaceholderKind uint8

// The kinds of text a translator copies rather than translates.
const (
	// Printf is a printf or strftime conversion: %d, %s, %1$@, %.2f,
	// %lld, %(name)s, %m, %Y.
	Printf PlaceholderKind = iota + 1
	// Template is a template variable or tag: {name}, {0}, {{ max_width }},
	// {% if x %}, ${name}, %{name}, and the argument of an ICU
	// plural/select ({count, plural,).
	Template
	// Tag is an XML or HTML tag: <b>, </b>, <br/>, <x id="1"/>.
	Tag
	// Syntax is the rest of an ICU message's syntax: the selectors
	// ("one {", "=0 {", "other {"), "#" and the closing braces. A
	// translation rightly has other selectors (Russian few and many).
	Syntax
	// URL is a web address, a domain name (Box.com) or an e-mail
	// address.
	URL
	// Path is a file or URL path: /en-US/portfolio, ~/docs, C:\Temp.
	Path
)

// Placeholder is a span of text that is code, not prose: a format
// string, a template variable, markup, an address or a path. It is not
// translated, holds no numbers a reader would check, and — for the
// kinds with a Key — must be carried over into the translation.
type Placeholder struct {
	Start, End int // byte offsets in the text
	Kind       PlaceholderKind
	// Key identifies the placeholder for comparing a source with its
	// translation: "%1$d" for the first unnumbered %d as for %1$d,
	// "{count}" for {count} and {count, plural, …}, "<b>" for <b>
	// whatever its attributes. "" for the kinds a translation may change
	// (URLs, paths, ICU syntax).
	Key string
}

// placeholderRegexps are compiled on first use, not at start-up: only
// checks look for placeholders.
var placeholderRegexps = sync.OnceValue(func() *placeholderRes {
	return &placeholderRes{
		// template finds the braced forms: Twig/Jinja blocks first, then
		// ${x}, %{x}, and {x} with an optional ICU type and style.
		template: regexp.MustCompile(`\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|[$%]\{\s*[\p{L}\p{N}_.]+\s*\}|\{\s*([\p{L}\p{N}_.]+)\s*(?:,\s*(\w+)\s*)?(?:\}|,)`),
		// printf: a printf conversion with position, flags, width,
		// precision and length; Python's %(name)s; or a strftime or printf
		// letter right after '%'. A space flag is left out: "20% of" is prose.
		printf: regexp.MustCompile(`%(?:(\d+)\$)?(?:\([A-Za-z_]\w*\))?[-+0#']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|ll|[hlLqjzt])?[A-Za-z@]`),
		tag:    regexp.MustCompile(`</?([A-Za-z][\w:.-]*)(?:\s+[^<>]*?)?/?>`),
		url:    regexp.MustCompile(`(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>"«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|ru|su|gov|edu|info|biz|app|dev|eu|int|co\.uk)\b`),
		path:   regexp.MustCompile(`(?:~|\.{1,2})?(?:/[\w.~%@+-]+)+/?|\b[A-Za-z]:\\[^\s<>"«»]*`),
		// icuSelector is a branch of a plural or select: "one {", "=0 {".
		icuSelector: regexp.MustCompile(`(?:=\d+|\b[A-Za-z_]\w*)\s*\{|\}|#`),
	}
})

// placeholderRes holds the expressions of Placeholders.
type placeholderRes struct {
	template, printf, tag, url, path, icuSelector *regexp.Regexp
}

// icuTypes are the ICU argument types whose braces hold messages.
var icuTypes = map[string]bool{"plural": true, "select": true, "selectordinal": true}

// Placeholders returns the placeholders of text in order, none
// overlapping: the one place tolmach decides what in a segment is code
// rather than language, so that the untranslated and number checks skip
// it and the placeholder check compares it.
func Placeholders(text string) []Placeholder {
	re := placeholderRegexps()
	// Each pattern runs only where its first character occurs: most
	// sentences have none, and regular expressions cost.
	hasURL := strings.Contains(text, "://") || strings.Contains(text, "www.") || strings.IndexByte(text, '@') >= 0 || dotLetter(text)
	hasBrace := strings.IndexByte(text, '{') >= 0
	hasPercent := strings.IndexByte(text, '%') >= 0
	hasTag := strings.IndexByte(text, '<') >= 0
	hasPath := strings.IndexByte(text, '/') >= 0 || strings.IndexByte(text, '\\') >= 0
	if !hasURL && !hasBrace && !hasPercent && !hasTag && !hasPath {
		return nil
	}
	var out []Placeholder
	used := make([]bool, len(text)) // bytes already in a placeholder
	add := func(s, e int, k PlaceholderKind, key string) {
		if e <= s {
			return
		}
		for i := s; i < e; i++ {
			if used[i] {
				return
			}
		}
		for i := s; i < e; i++ {
			used[i] = true
		}
		out = append(out, Placeholder{Start: s, End: e, Kind: k, Key: key})
	}
	// Addresses first: a URL may hold '%', '{' or '/'.
	for _, m := range findAll(hasURL, re.url, text) {
		s, e := m[0], trimURLEnd(text, m[0], m[1])
		if s > 0 && (text[s-1] == '@' || text[s-1] == '/') {
			continue
		}
		add(s, e, URL, "")
	}
	icu := false
	for _, m := range findAllSubmatch(hasBrace || hasPercent && strings.Contains(text, "%{"), re.template, text) {
		s, e := m[0], m[1]
		switch {
		case m[2] < 0: // Twig/Jinja, ${x}, %{x}
			add(s, e, Template, templateKey(text[s:e]))
		case m[4] >= 0 && icuTypes[text[m[4]:m[5]]]:
			icu = true
			add(s, e, Template, "{"+text[m[2]:m[3]]+"}")
		case text[e-1] == ',':
			// {n, number, integer}: the argument up to its closing brace.
			if c := strings.IndexAny(text[e:], "{}"); c >= 0 && text[e+c] == '}' {
				add(s, e+c+1, Template, "{"+text[m[2]:m[3]]+"}")
			}
		default:
			add(s, e, Template, "{"+text[m[2]:m[3]]+"}")
		}
	}
	if icu {
		for _, m := range re.icuSelector.FindAllStringIndex(text, -1) {
			add(m[0], m[1], Syntax, "")
		}
	}
	n := 0 // unnumbered printf conversions so far
	for _, m := range findAllSubmatch(hasPercent, re.printf, text) {
		s, e := m[0], m[1]
		if s > 0 && (text[s-1] == '%' || text[s-1] >= '0' && text[s-1] <= '9') {
			continue // %% escapes; after a number '%' is per cent ("50%of")
		}
		conv := text[e-1:]
		conv = conv[:1]
		key := "%" + conv
		switch {
		case m[2] >= 0:
			key = "%" + text[m[2]:m[3]] + "$" + conv
		case strings.Contains("diouxXeEfFgGaAcspn@", conv) && !strings.Contains(text[s:e], "("):
			n++
			key = "%" + strconv.Itoa(n) + "$" + conv
		default:
			key = text[s:e]
		}
		add(s, e, Printf, key)
	}
	for _, m := range findAllSubmatch(hasTag, re.tag, text) {
		key := "<" + text[m[2]:m[3]] + ">"
		if text[m[0]+1] == '/' {
			key = "</" + text[m[2]:m[3]] + ">"
		}
		add(m[0], m[1], Tag, key)
	}
	for _, m := range findAll(hasPath, re.path, text) {
		s, e := m[0], trimURLEnd(text, m[0], m[1])
		// A path starts a word: "and/or" and "1/2" are prose.
		if s > 0 && !strings.ContainsRune(" \t\n(\"'«“„[", rune(text[s-1])) {
			continue
		}
		if e-s < 3 {
			continue
		}
		add(s, e, Path, "")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// findAll runs re over text when the cheap test ok says it may match.
func findAll(ok bool, re *regexp.Regexp, text string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringIndex(text, -1)
}

// findAllSubmatch is findAll with the submatches.
func findAllSubmatch(ok bool, re *regexp.Regexp, text string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

// dotLetter reports whether a '.' stands between two ASCII letters or
// digits, as in a domain name (Box.com): prose puts a space after it.
func dotLetter(text string) bool {
	for i := strings.IndexByte(text, '.'); i >= 0; {
		if i > 0 && i+1 < len(text) && isAlnum(text[i-1]) && isAlnum(text[i+1]) {
			return true
		}
		j := strings.IndexByte(text[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// templateKey names a Twig/Jinja block or a ${x}: its delimiters and its
// words, so that {{ max_width }} is {{max_width}}.
func templateKey(s string) string {
	open, close := s[:2], s[len(s)-1:]
	if strings.HasSuffix(s, "}}") || strings.HasSuffix(s, "%}") || strings.HasSuffix(s, "#}") {
		close = s[len(s)-2:]
	}
	return open + strings.Join(strings.Fields(s[2:len(s)-len(close)]), " ") + close
}

// trimURLEnd drops the punctuation that ends the sentence around an
// address rather than the address.
func trimURLEnd(text string, s, e int) int {
	for e > s && strings.ContainsRune(".,;:!?)]'\"", rune(text[e-1])) {
		e--
	}
	return e
}

// MaskPlaceholders returns text with every placeholder replaced by
// spaces of the same byte length, so that offsets still hold: what
// number and language checks read.
func MaskPlaceholders(text string) string {
	ps := Placeholders(text)
	if len(ps) == 0 {
		return text
	}
	b := []byte(text)
	for _, p := range ps {
		for i := p.Start; i < p.End; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// InPlaceholder reports whether the byte span [start, end) lies inside
// one of ps (sorted, as [Placeholders] returns them).
func InPlaceholder(ps []Placeholder, start, end int) bool {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].End > start })
	return i < len(ps) && ps[i].Start <= start && end <= ps[i].End
}
