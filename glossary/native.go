package glossary

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// conceptFields are the concept-level fields of the native format, in the
// order they are written.
var conceptFields = []string{"domain", "definition", "note", "source", "context"}

// parseNative reads the native .glossary format (see docs/glossary-format.md)
// from text, which must already be decoded to UTF-8. file names the input
// in errors and origins.
func parseNative(text, file string) (*Glossary, error) {
	g := &Glossary{}
	seen := map[string]string{} // id -> origin
	var (
		c        *Concept
		lastTerm *Term
		// field is the value being continued by indented lines: a pointer
		// to a concept field or to the last term's note.
		field     *string
		fieldName string
		// setFields has bit i set when conceptFields[i] was given: a
		// bit set, not a map, since a map per concept was a tenth of the
		// built-in glossary's load time.
		setFields uint8
	)
	for i, rest := 0, text; rest != ""; i++ {
		line := rest
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			line, rest = rest[:nl], rest[nl+1:]
		} else {
			rest = ""
		}
		ln := i + 1
		line = strings.TrimRight(line, " \t\r")
		if i == 0 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		// Only unindented '#' lines are comments, so that a field value
		// continued on a line starting with '#' survives a round trip.
		if trimmed == "" || indent == 0 && strings.HasPrefix(trimmed, "#") {
			continue
		}
		if indent > 0 {
			if c == nil {
				return nil, errAt(file, ln, 1, "indented line outside a concept")
			}
			if lastTerm != nil && field != &lastTerm.Note {
				// Right after a term line only its note may follow.
				if v, ok := strings.CutPrefix(trimmed, "note:"); ok {
					lastTerm.Note = normalizeValue(v)
					field, fieldName = &lastTerm.Note, "note"
					continue
				}
				return nil, errAt(file, ln, indent+1, "indented line after a term must be its note (\"  note: …\")")
			}
			if field == nil {
				return nil, errAt(file, ln, indent+1, "indented line continues no field")
			}
			// Continuation lines are joined with one space. The value so
			// far is normalized already, so only the new line needs it:
			// re-normalizing the whole value per line was quadratic.
			if v := normalizeValue(trimmed); *field == "" {
				*field = v
			} else if v != "" {
				*field += " " + v
			}
			continue
		}
		field, fieldName = nil, ""
		if strings.HasPrefix(line, "[") {
			end := strings.IndexByte(line, ']')
			if end < 0 {
				return nil, errAt(file, ln, utf8.RuneCountInString(line)+1, "missing ']' after concept id")
			}
			if rest := strings.TrimSpace(line[end+1:]); rest != "" && !strings.HasPrefix(rest, "#") {
				return nil, errAt(file, ln, utf8.RuneCountInString(line[:end+1])+1, "unexpected text %q after [%s]", rest, line[1:end])
			}
			id := line[1:end]
			if err := checkID(id); err != nil {
				return nil, errAt(file, ln, 2+err.off, "%s", err.msg)
			}
			origin := originOf(file, ln)
			if prev, dup := seen[id]; dup {
				return nil, errAt(file, ln, 2, "duplicate concept id %q (first at %s)", id, prev)
			}
			seen[id] = origin
			c = &Concept{ID: id, Origin: origin}
			g.Concepts = append(g.Concepts, c)
			lastTerm = nil
			setFields = 0
			continue
		}
		colon := strings.IndexByte(line, ':')
		if colon <= 0 {
			return nil, errAt(file, ln, 1, "expected \"[id]\", \"field: value\" or \"lang: term\", got %q", clip(line))
		}
		if c == nil {
			return nil, errAt(file, ln, 1, "%q before the first concept (start one with \"[id]\")", clip(line))
		}
		key := line[:colon]
		value := normalizeValue(line[colon+1:])
		if fi := conceptFieldIndex(key); fi >= 0 {
			if lastTerm != nil {
				return nil, errAt(file, ln, 1, "concept field %q after a term (put concept fields before the terms)", key)
			}
			if setFields&(1<<fi) != 0 {
				return nil, errAt(file, ln, 1, "field %q given twice in concept [%s]", key, c.ID)
			}
			setFields |= 1 << fi
			field, fieldName = conceptField(c, key), key
			*field = value
			continue
		}
		if !isLangCode(key) {
			return nil, errAt(file, ln, 1, "unknown field %q (want domain, definition, note, source, context or a language code such as ru or en)", key)
		}
		t, err := parseTermLine(line[colon+1:], file, ln, utf8.RuneCountInString(line[:colon+1]))
		if err != nil {
			return nil, err
		}
		t.Lang = NormalizeLang(key)
		t.Origin = originOf(file, ln)
		c.Terms = append(c.Terms, t)
		lastTerm = t
		_ = fieldName
	}
	return g, nil
}

// originOf returns "file:line" in one allocation (concatenating with
// strconv.Itoa takes two for most lines, for every term of a file).
func originOf(file string, ln int) string {
	var num [20]byte
	b := strconv.AppendInt(num[:0], int64(ln), 10)
	var sb strings.Builder
	sb.Grow(len(file) + 1 + len(b))
	sb.WriteString(file)
	sb.WriteByte(':')
	sb.Write(b)
	return sb.String()
}

// parseTermLine parses "TEXT | ATTRIBUTES" (the part after "lang:"); col0
// is the number of characters before rest on the line.
func parseTermLine(rest, file string, ln, col0 int) (*Term, error) {
	var text strings.Builder
	// plain is the term's text when it needs no unescaping: a substring
	// of the line, so the common case copies nothing.
	plain, isPlain := "", false
	attrs, hasAttrs := "", false
	// attrPre is the line's text before the attributes; their column is
	// counted from it only for an error message, not for every term.
	attrPre := ""
	if strings.IndexByte(rest, '\\') < 0 {
		// No escapes: the common case needs no copying.
		plain, isPlain = rest, true
		if i := strings.IndexByte(rest, '|'); i >= 0 {
			plain = rest[:i]
			attrs, hasAttrs = rest[i+1:], true
			attrPre = rest[:i+1]
		}
		rest = ""
	}
	for i := 0; i < len(rest); i++ {
		ch := rest[i]
		if ch == '\\' && i+1 < len(rest) && (rest[i+1] == '|' || rest[i+1] == '\\') {
			text.WriteByte(rest[i+1])
			i++
			continue
		}
		if ch == '|' {
			attrs, hasAttrs = rest[i+1:], true
			attrPre = rest[:i+1]
			break
		}
		text.WriteByte(ch)
	}
	if !isPlain {
		plain = text.String()
	}
	t := &Term{Text: normalizeTerm(plain)}
	if t.Text == "" {
		return nil, errAt(file, ln, col0+1, "empty term")
	}
	if !hasAttrs {
		return t, nil
	}
	pos := 0
	for _, w := range strings.Split(attrs, " ") {
		at := pos
		pos += len(w) + 1
		if w == "" {
			continue
		}
		if err := applyAttr(t, w); err != nil {
			col := col0 + utf8.RuneCountInString(attrPre) + 1 + utf8.RuneCountInString(attrs[:at])
			return nil, errAt(file, ln, col, "%v", err)
		}
	}
	return t, nil
}

// applyAttr sets one attribute word on t.
func applyAttr(t *Term, w string) error {
	switch w {
	case "case":
		t.CaseSensitive = true
		return nil
	case "exact":
		t.Exact = true
		return nil
	}
	switch s := Status(w); s {
	case Preferred, Admitted, Deprecated, Forbidden:
		if t.Status != "" {
			return fmt.Errorf("second status %q (the term is already %s)", w, t.Status)
		}
		t.Status = s
		return nil
	}
	switch ty := Type(w); ty {
	case FullForm, Abbreviation, ShortForm, Phrase, Variant:
		if t.Type != "" {
			return fmt.Errorf("second type %q (the term is already %s)", w, t.Type)
		}
		t.Type = ty
		return nil
	}
	return fmt.Errorf("unknown attribute %q (want preferred, admitted, deprecated, forbidden, fullForm, abbreviation, shortForm, phrase, variant, case or exact)", w)
}

type idError struct {
	off int // offset in characters into the id
	msg string
}

// checkID validates a concept id: lower-case Latin letters, digits, '-',
// '_' and '.'.
func checkID(id string) *idError {
	if id == "" {
		return &idError{0, "empty concept id"}
	}
	for i, r := range []rune(id) {
		if !validIDRune(r) {
			return &idError{i, fmt.Sprintf("invalid character %q in concept id %q (use lower-case Latin letters, digits, '-', '_' and '.')", r, id)}
		}
	}
	return nil
}

func validIDRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
}

// ValidID reports whether id may name a concept in the native format.
func ValidID(id string) bool { return checkID(id) == nil }

func isConceptField(key string) bool { return conceptFieldIndex(key) >= 0 }

// conceptFieldIndex returns the index of key in conceptFields, or -1.
func conceptFieldIndex(key string) int {
	for i, f := range conceptFields {
		if key == f {
			return i
		}
	}
	return -1
}

func conceptField(c *Concept, key string) *string {
	switch key {
	case "domain":
		return &c.Domain
	case "definition":
		return &c.Definition
	case "note":
		return &c.Note
	case "source":
		return &c.Source
	case "context":
		return &c.Context
	}
	panic("glossary: unknown concept field " + key)
}

// isLangCode reports whether s looks like a BCP 47 tag: a primary subtag
// of 2–3 ASCII letters, then subtags of letters and digits joined by a
// single - or _.
func isLangCode(s string) bool {
	n := 0 // length of the current subtag
	first := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			n++
		case c >= '0' && c <= '9' && !first:
			n++
		case (c == '-' || c == '_') && n > 0:
			if first && (n < 2 || n > 3) {
				return false
			}
			first, n = false, 0
		default:
			return false
		}
	}
	if first {
		return n >= 2 && n <= 3
	}
	return n > 0
}

func clip(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		return string([]rune(s)[:40]) + "…"
	}
	return s
}

// normalizeTerm trims white space of any kind from both ends of a term
// and collapses inner runs of ASCII white space (tabs and line breaks of
// XML or CSV input) to one space; inner no-break spaces are kept, since
// they are part of how a term is written.
func normalizeTerm(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}), " "))
}

// normalizeValue brings a concept or term field to the one form every
// reader produces: white space of any kind (line breaks of a continued
// native field, XML indentation, tabs) collapsed to single spaces and
// trimmed. Values are prose, not layout, so this loses nothing.
func normalizeValue(s string) string {
	s = strings.Trim(s, " ")
	if plainSpaced(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// writeNative writes g in canonical native form: concepts sorted by id,
// concept fields in fixed order, terms grouped by language (ru, en, others)
// in their order.
func writeNative(w io.Writer, g *Glossary) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# tolmach glossary\n")
	cs := append([]*Concept(nil), g.Concepts...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	for _, c := range cs {
		if err := checkID(c.ID); err != nil {
			return fmt.Errorf("concept %q: %s", c.ID, err.msg)
		}
		fmt.Fprintf(bw, "\n[%s]\n", c.ID)
		for _, f := range conceptFields {
			if v := normalizeValue(*conceptField(c, f)); v != "" {
				writeField(bw, "", f, v)
			}
		}
		// Terms grouped by language (ru, en, then the others), each
		// language in its own order: how people read a concept.
		terms := append([]*Term(nil), c.Terms...)
		sort.SliceStable(terms, func(i, j int) bool { return langRank(terms[i].Lang) < langRank(terms[j].Lang) })
		for _, t := range terms {
			if t.Text == "" {
				return fmt.Errorf("concept %q: empty %s term", c.ID, t.Lang)
			}
			lang := t.Lang
			if !isLangCode(lang) {
				return fmt.Errorf("concept %q: invalid language code %q", c.ID, lang)
			}
			bw.WriteString(lang)
			bw.WriteString(": ")
			bw.WriteString(escapeTerm(normalizeTerm(t.Text)))
			if attrs := termAttrs(t); attrs != "" {
				bw.WriteString(" | ")
				bw.WriteString(attrs)
			}
			bw.WriteByte('\n')
			if v := normalizeValue(t.Note); v != "" {
				writeField(bw, "  ", "note", v)
			}
		}
	}
	return bw.Flush()
}

// plainSpaced reports whether s is already normalised: no leading,
// trailing or double spaces and no byte that could start another space
// character (control characters; lead bytes 0xC2, 0xE1, 0xE2, 0xE3 of
// NEL, NBSP and the Unicode spaces). It is a fast path: false may also
// mean "look closer".
func plainSpaced(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if s[i+1] == ' ' {
				return false
			}
		case c < ' ':
			return false
		case c == 0xC2, c == 0xE1, c == 0xE2, c == 0xE3:
			// A lead byte of white space beyond ASCII (U+0085, U+00A0,
			// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
			// U+3000) — or of «», — and other common punctuation,
			// which must not send the value through strings.Fields.
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return false
			}
		}
	}
	return true
}

// wrapWidth is the width, in characters, at which long field values are
// wrapped onto continuation lines; wrapping is undone on reading.
const wrapWidth = 100

func writeField(bw *bufio.Writer, indent, name, v string) {
	lines := wrapValue(v, wrapWidth-len(indent)-len(name)-2)
	fmt.Fprintf(bw, "%s%s: %s\n", indent, name, lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(bw, "%s  %s\n", indent, l)
	}
}

// wrapValue splits a normalised value into lines of at most width
// characters at spaces (a longer word gets a line of its own).
func wrapValue(v string, width int) []string {
	var lines []string
	cur, n := "", 0
	for _, w := range strings.Split(v, " ") {
		wl := utf8.RuneCountInString(w)
		if cur != "" && n+1+wl > width {
			lines = append(lines, cur)
			cur, n = "", 0
		}
		if cur != "" {
			cur += " "
			n++
		}
		cur += w
		n += wl
	}
	return append(lines, cur)
}

func termAttrs(t *Term) string {
	var a []string
	if t.Status != "" {
		a = append(a, string(t.Status))
	}
	if t.Type != "" {
		a = append(a, string(t.Type))
	}
	if t.CaseSensitive {
		a = append(a, "case")
	}
	if t.Exact {
		a = append(a, "exact")
	}
	return strings.Join(a, " ")
}

func escapeTerm(s string) string {
	if !strings.ContainsAny(s, `\|`) {
		return s
	}
	return strings.NewReplacer(`\`, `\\`, `|`, `\|`).Replace(s)
}
