package glossary

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// Severity is how serious a lint [Problem] is.
type Severity string

// Lint severities: errors make `tolmach lint` fail; warnings are advice.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is one finding of [Lint].
type Problem struct {
	Severity Severity
	Code     string // a stable name of the check, e.g. "duplicate-term"
	Concept  string // the concept's id ("" for file-level problems)
	Term     string // the term concerned, if any
	Origin   string // "file:line" of the concept or term, when known
	Message  string
}

// String formats p as "origin: severity: message [code]".
func (p Problem) String() string {
	o := p.Origin
	if o == "" {
		o = "[" + p.Concept + "]"
	}
	return fmt.Sprintf("%s: %s: %s [%s]", o, p.Severity, p.Message, p.Code)
}

// The lint checks, by Code.
const (
	CodeDuplicateID       = "duplicate-id"         // error: two concepts share an id
	CodeInvalidID         = "invalid-id"           // error: an id the native format cannot hold
	CodeNoTerms           = "no-terms"             // error: a concept without terms
	CodeEmptyTerm         = "empty-term"           // error: a term with no text
	CodeInvalidStatus     = "invalid-status"       // error
	CodeInvalidType       = "invalid-type"         // error
	CodeMissingLanguage   = "missing-language"     // warning: no ru or no en term
	CodeDuplicateTerm     = "duplicate-term"       // error: one term twice in a concept
	CodeYoVariant         = "yo-variant"           // warning: партнерство beside партнёрство
	CodeSameKey           = "same-key"             // warning: two terms of a concept with one matching key
	CodeTermInTwoConcepts = "term-in-two-concepts" // warning: one matching key in two concepts
	CodeConflictingStatus = "conflicting-status"   // error: one term preferred/admitted and forbidden
	CodeManyPreferred     = "many-preferred"       // warning: more than one preferred term per language
	CodeStraySpace        = "stray-space"          // warning
	CodeUnbalanced        = "unbalanced"           // warning: quotes or brackets that do not pair
	CodeNoUsableTerm      = "no-usable-term"       // warning: every term of a language deprecated or forbidden
	CodeWrongScript       = "wrong-script"         // warning: a Russian term in Latin letters, an English one in Cyrillic
	CodeMixedScript       = "mixed-script"         // error: a word mixing Latin and Cyrillic letters («Moнал»)
)

type keyed struct {
	c *Concept
	t *Term
}

// langKey is a term's language and matching key.
type langKey struct{ lang, key string }

// Lint checks g for the mistakes people make in glossaries and returns
// the problems sorted by origin (file, then line). It does not change g.
// g may hold concepts of several files, duplicate ids included (Lint
// reports those; [Merge] would have renamed them).
func Lint(g *Glossary) []Problem {
	var ps []Problem
	// addMessage and add report a problem; addMessage with its message
	// made, for the frequent ones (fmt costs more than the check).
	addMessage := func(sev Severity, code string, c *Concept, t *Term, msg string) {
		p := Problem{Severity: sev, Code: code, Concept: c.ID, Origin: c.Origin, Message: msg}
		if t != nil {
			p.Term = t.Text
			if t.Origin != "" {
				p.Origin = t.Origin
			}
		}
		ps = append(ps, p)
	}
	add := func(sev Severity, code string, c *Concept, t *Term, format string, args ...any) {
		addMessage(sev, code, c, t, fmt.Sprintf(format, args...))
	}
	ids := make(map[string]*Concept, len(g.Concepts))
	// The concepts of each language and key, by the index in keyedBy.
	byKey := make(map[langKey]int, len(g.Concepts))
	var keyedBy [][]keyed
	keys := termKeys(g)
	// Per-concept sets, emptied for each concept rather than made anew:
	// a 100k-concept glossary would allocate 300k maps.
	preferred := map[string]int{}
	seenText := map[langKey]*Term{} // by language and text
	seenKey := map[langKey]*Term{}
	for ci, c := range g.Concepts {
		if prev, dup := ids[c.ID]; dup {
			add(SeverityError, CodeDuplicateID, c, nil, "duplicate concept id %q (first at %s)", c.ID, prev.Origin)
		} else {
			ids[c.ID] = c
		}
		if err := checkID(c.ID); err != nil {
			add(SeverityError, CodeInvalidID, c, nil, "%s", err.msg)
		}
		if len(c.Terms) == 0 {
			add(SeverityError, CodeNoTerms, c, nil, "concept [%s] has no terms", c.ID)
			continue
		}
		for _, l := range []string{"ru", "en"} {
			if !hasTermIn(c, l) {
				add(SeverityWarning, CodeMissingLanguage, c, nil, "concept [%s] has no %s term", c.ID, l)
			} else if c.Preferred(l) == nil {
				add(SeverityWarning, CodeNoUsableTerm, c, nil, "concept [%s] has no preferred or admitted %s term", c.ID, l)
			}
		}
		clear(preferred)
		clear(seenText)
		clear(seenKey)
		for ti, t := range c.Terms {
			if strings.TrimSpace(t.Text) == "" {
				add(SeverityError, CodeEmptyTerm, c, t, "empty %s term in [%s]", t.Lang, c.ID)
				continue
			}
			if t.Status != "" {
				if _, err := ParseStatus(string(t.Status)); err != nil {
					add(SeverityError, CodeInvalidStatus, c, t, "%v", err)
				}
			}
			if t.Type != "" {
				if _, err := ParseType(string(t.Type)); err != nil {
					add(SeverityError, CodeInvalidType, c, t, "%v", err)
				}
			}
			if c.EffectiveStatus(t) == Preferred {
				preferred[t.Lang]++
				if preferred[t.Lang] == 2 {
					add(SeverityWarning, CodeManyPreferred, c, t, "more than one preferred %s term in [%s]; the first is the one suggested", t.Lang, c.ID)
				}
			}
			whole, beside := straySpace(t.Text)
			for _, msg := range []string{whole, beside} {
				if msg != "" {
					addMessage(SeverityWarning, CodeStraySpace, c, t, msg)
				}
			}
			if msg := unbalanced(t.Text); msg != "" {
				add(SeverityWarning, CodeUnbalanced, c, t, "%s in %q", msg, t.Text)
			}
			if w, latin := mixedScriptWord(t.Text); w != "" {
				add(SeverityError, CodeMixedScript, c, t, "%q mixes Latin and Cyrillic letters (Latin %s); matching sees another word", w, latin)
			} else if msg := wrongScript(t); msg != "" {
				add(SeverityWarning, CodeWrongScript, c, t, "%s", msg)
			}
			tk := langKey{t.Lang, t.Text}
			key := langKey{t.Lang, keys[ci][ti]}
			if prev := seenKey[key]; prev != nil && conflicting(c, prev, t) {
				add(SeverityError, CodeConflictingStatus, c, t, "%q is %s but %q, the same term, is %s in [%s]", prev.Text, c.EffectiveStatus(prev), t.Text, c.EffectiveStatus(t), c.ID)
			} else if prev := seenText[tk]; prev != nil {
				add(SeverityError, CodeDuplicateTerm, c, t, "%s term %q appears twice in [%s]", t.Lang, t.Text, c.ID)
			} else if prev := seenKey[key]; prev != nil {
				if strings.ReplaceAll(strings.ReplaceAll(t.Text, "ё", "е"), "Ё", "Е") == strings.ReplaceAll(strings.ReplaceAll(prev.Text, "ё", "е"), "Ё", "Е") {
					if c.EffectiveStatus(t).Usable() && c.EffectiveStatus(prev).Usable() {
						add(SeverityWarning, CodeYoVariant, c, t, "%q and %q differ only in ё/е, which matching ignores; keep one", prev.Text, t.Text)
					}
				} else if t.Type == prev.Type && t.CaseSensitive == prev.CaseSensitive {
					add(SeverityWarning, CodeSameKey, c, t, "%q and %q have the same matching key in [%s]", prev.Text, t.Text, c.ID)
				}
			}
			seenText[tk] = t
			if seenKey[key] == nil {
				seenKey[key] = t
			}
			k, ok := byKey[key]
			if !ok {
				k = len(keyedBy)
				byKey[key] = k
				keyedBy = append(keyedBy, nil)
			}
			if v := keyedBy[k]; len(v) == 0 || v[len(v)-1].c != c {
				keyedBy[k] = append(v, keyed{c, t})
			}
		}
	}
	var shared []langKey
	for k, i := range byKey {
		if len(keyedBy[i]) > 1 {
			shared = append(shared, k)
		}
	}
	slices.SortFunc(shared, func(a, b langKey) int {
		if c := strings.Compare(a.lang, b.lang); c != 0 {
			return c
		}
		return strings.Compare(a.key, b.key)
	})
	for _, k := range shared {
		v := keyedBy[byKey[k]]
		first := v[0]
		for _, o := range v[1:] {
			fs, os := first.c.EffectiveStatus(first.t), o.c.EffectiveStatus(o.t)
			if fs == Preferred && os == Forbidden || fs == Forbidden && os == Preferred {
				add(SeverityError, CodeConflictingStatus, o.c, o.t, "%q is %s in [%s] but %s in [%s]", o.t.Text, os, o.c.ID, fs, first.c.ID)
				continue
			}
			addMessage(SeverityWarning, CodeTermInTwoConcepts, o.c, o.t,
				o.t.Lang+" term "+strconv.Quote(o.t.Text)+" of ["+o.c.ID+"] matches "+strconv.Quote(first.t.Text)+" of ["+first.c.ID+"]")
		}
	}
	sortByOrigin(ps)
	return ps
}

// termKeys returns the matching key of every term of g, by concept and
// term index, worked out on every CPU: the keys are most of Lint's work.
func termKeys(g *Glossary) [][]string {
	keys := make([][]string, len(g.Concepts))
	workers := min(runtime.GOMAXPROCS(0), 1+len(g.Concepts)/1000)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(g.Concepts); i += workers {
				c := g.Concepts[i]
				keys[i] = make([]string, len(c.Terms))
				for j, t := range c.Terms {
					keys[i][j] = lang.MatchKey(t.Text)
				}
			}
		}()
	}
	wg.Wait()
	return keys
}

// sortByOrigin sorts problems by file, then line, stably; each origin is
// split once, not at every comparison.
func sortByOrigin(ps []Problem) {
	type at struct {
		file string
		line int
	}
	pos := make([]at, len(ps))
	idx := make([]int, len(ps))
	for i := range ps {
		pos[i].file, pos[i].line = SplitOrigin(ps[i].Origin)
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		pa, pb := pos[a], pos[b]
		if c := strings.Compare(pa.file, pb.file); c != 0 {
			return c
		}
		return pa.line - pb.line
	})
	sorted := make([]Problem, len(ps))
	for i, k := range idx {
		sorted[i] = ps[k]
	}
	copy(ps, sorted)
}

// mixedScriptWord returns the first word of s that mixes Latin and
// Cyrillic letters, and its Latin letters: «Moнал» typed with a Latin M
// and o looks right and matches nothing.
func mixedScriptWord(s string) (word, latin string) {
	// Most terms are in one script: tell so in one pass before cutting
	// them into words.
	cyr, lat := false, false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			lat = lat || 'a' <= r|0x20 && r|0x20 <= 'z'
		case unicode.Is(unicode.Cyrillic, r):
			cyr = true
		case unicode.Is(unicode.Latin, r):
			lat = true
		}
	}
	if !cyr || !lat {
		return "", ""
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		var lat []rune
		cyr := false
		for _, r := range w {
			switch {
			case unicode.Is(unicode.Cyrillic, r):
				cyr = true
			case unicode.Is(unicode.Latin, r):
				lat = append(lat, r)
			}
		}
		if cyr && len(lat) > 0 {
			return w, strconv.Quote(string(lat))
		}
	}
	return "", ""
}

// wrongScript describes a Russian term written in Latin letters or an
// English one in Cyrillic ("" when the script fits): a column read as the
// wrong language, or a term typed in the wrong field.
func wrongScript(t *Term) string {
	want := lang.OtherScript
	switch NormalizeLang(t.Lang) {
	case "ru":
		want = lang.Cyrillic
	case "en":
		want = lang.Latin
	}
	got := lang.ScriptOf(t.Text)
	if want == lang.OtherScript || got == lang.OtherScript || got == want {
		return ""
	}
	// Latin acronyms and names stand in Russian text (G20, IT); a Russian
	// term is suspect only when it has a word of two lower-case letters.
	if want == lang.Cyrillic && !hasLowerWord(t.Text) {
		return ""
	}
	name := map[lang.Script]string{lang.Cyrillic: "Cyrillic", lang.Latin: "Latin"}
	return fmt.Sprintf("%s term %q is written in %s letters", t.Lang, t.Text, name[got])
}

// hasLowerWord reports whether s has a word of two or more lower-case
// letters.
func hasLowerWord(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		n := 0
		for _, r := range w {
			if unicode.IsLower(r) {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// opening returns the bracket or quote that closing r closes.
func opening(r rune) rune {
	switch r {
	case ')':
		return '('
	case ']':
		return '['
	case '»':
		return '«'
	}
	return 0
}

// hasTermIn reports whether c has a term in language l.
func hasTermIn(c *Concept, l string) bool {
	for _, t := range c.Terms {
		if t.Lang == l {
			return true
		}
	}
	return false
}

// conflicting reports whether two terms with one key have statuses that
// contradict: one usable, the other forbidden.
func conflicting(c *Concept, a, b *Term) bool {
	sa, sb := c.EffectiveStatus(a), c.EffectiveStatus(b)
	return sa.Usable() && sb == Forbidden || sb.Usable() && sa == Forbidden
}

// SplitOrigin splits an Origin of a [Concept] or [Term], "file:line",
// into the file (which may itself hold colons) and the line; an origin
// without a line is all file, line 0.
func SplitOrigin(o string) (file string, line int) {
	i := strings.LastIndexByte(o, ':')
	if i < 0 {
		return o, 0
	}
	n, err := strconv.Atoi(o[i+1:])
	if err != nil {
		return o, 0
	}
	return o[:i], n
}

// straySpace describes white space that does not belong in a term: at
// most one problem of the whole term (leading, trailing, double, tab or
// line break) and one of a space beside punctuation; "" for none.
func straySpace(s string) (whole, beside string) {
	switch {
	case s != strings.TrimSpace(s):
		whole = fmt.Sprintf("leading or trailing space in %q", s)
	case strings.Contains(s, "  "):
		whole = fmt.Sprintf("double space in %q", s)
	case strings.ContainsAny(s, "\t\n\r"):
		whole = fmt.Sprintf("tab or line break in %q", s)
	}
	prev := rune(0)
	for i, r := range s {
		if i > 0 && unicode.IsSpace(prev) && strings.ContainsRune(",.;:!?)]»”", r) {
			return whole, fmt.Sprintf("space before %q in %q", r, s)
		}
		if unicode.IsSpace(r) && strings.ContainsRune("([«„“", prev) {
			return whole, fmt.Sprintf("space after %q in %q", prev, s)
		}
		prev = r
	}
	return whole, ""
}

// unbalanced describes the first quote or bracket of s that does not
// pair, or returns "".
func unbalanced(s string) string {
	var stack []rune
	straight := 0
	for _, r := range s {
		switch r {
		case '(', '[', '«', '„':
			stack = append(stack, r)
		case ')', ']', '»':
			if len(stack) == 0 || stack[len(stack)-1] != opening(r) {
				return fmt.Sprintf("unmatched %q", r)
			}
			stack = stack[:len(stack)-1]
		case '“':
			// “ closes „ in Russian typography but opens in English.
			if len(stack) > 0 && stack[len(stack)-1] == '„' {
				stack = stack[:len(stack)-1]
			} else {
				stack = append(stack, r)
			}
		case '”':
			if len(stack) == 0 || stack[len(stack)-1] != '“' {
				return fmt.Sprintf("unmatched %q", r)
			}
			stack = stack[:len(stack)-1]
		case '"':
			straight++
		}
	}
	if len(stack) > 0 {
		r, _ := utf8.DecodeLastRuneInString(string(stack))
		return fmt.Sprintf("unclosed %q", r)
	}
	if straight%2 == 1 {
		return `odd number of '"'`
	}
	return ""
}
