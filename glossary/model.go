package glossary

import (
	"fmt"
	"strings"

	"tolmach/internal/lang"
)

// Status is the normative status of a term: how acceptable it is to use
// it in a translation. Statuses are ordered from the best to the worst.
type Status string

// The statuses of a term, lowest to highest severity when used in a
// translation. The zero value means "not given"; see [Concept.EffectiveStatus].
const (
	Preferred  Status = "preferred"
	Admitted   Status = "admitted"
	Deprecated Status = "deprecated"
	Forbidden  Status = "forbidden"
)

// Severity returns the rank of s: 0 for preferred up to 3 for forbidden,
// and 1 (admitted) for an unset status.
func (s Status) Severity() int {
	switch s {
	case Preferred:
		return 0
	case Deprecated:
		return 2
	case Forbidden:
		return 3
	}
	return 1
}

// Usable reports whether a term of this status is an acceptable rendering.
func (s Status) Usable() bool { return s.Severity() <= 1 }

// ParseStatus parses a status name; it returns an error naming the valid
// ones for anything else.
func ParseStatus(s string) (Status, error) {
	switch Status(s) {
	case Preferred, Admitted, Deprecated, Forbidden:
		return Status(s), nil
	}
	return "", fmt.Errorf("unknown status %q (want preferred, admitted, deprecated or forbidden)", s)
}

// Type is the kind of a term within its concept.
type Type string

// The term types of the contract. The zero value means fullForm.
const (
	FullForm     Type = "fullForm"
	Abbreviation Type = "abbreviation"
	ShortForm    Type = "shortForm"
	Phrase       Type = "phrase"
	Variant      Type = "variant"
)

// ParseType parses a term type name; it returns an error naming the
// valid ones for anything else.
func ParseType(s string) (Type, error) {
	switch Type(s) {
	case FullForm, Abbreviation, ShortForm, Phrase, Variant:
		return Type(s), nil
	}
	return "", fmt.Errorf("unknown term type %q (want fullForm, abbreviation, shortForm, phrase or variant)", s)
}

// Term is one designation of a concept in one language.
type Term struct {
	Text   string // as written, NFC
	Lang   string // "ru", "en", or another primary language subtag, lower case
	Status Status // "" when not given: see Concept.EffectiveStatus
	Type   Type   // "" means FullForm
	// CaseSensitive terms match only when the case is as written (SCO is
	// not "sco").
	CaseSensitive bool
	// Exact terms match only their written form (after folding), without
	// morphology: for names that must not inflect-match.
	Exact bool
	Note  string
	// Origin is where the term was read from, "file:line", for messages;
	// empty for terms made in memory.
	Origin string
}

// Forms returns the ways the term may be written: its text with the
// optional words (those in square brackets, «Конгресс [США]», "[US]
// Congress") kept, without the brackets, then with each combination of
// optional groups left out («Конгресс»). A term without brackets, or
// with unbalanced or nested ones, has one form: its text.
func (t *Term) Forms() []string {
	parts, ok := splitOptional(t.Text)
	if !ok {
		return []string{t.Text}
	}
	var groups []int // indexes of the optional parts
	for i, p := range parts {
		if p.optional {
			groups = append(groups, i)
		}
	}
	if len(groups) > 4 {
		groups = groups[:4] // 16 forms at most; the rest stay in
	}
	var out []string
	seen := map[string]bool{}
	for mask := 0; mask < 1<<len(groups); mask++ {
		drop := map[int]bool{}
		for b, i := range groups {
			if mask&(1<<b) != 0 {
				drop[i] = true
			}
		}
		var sb strings.Builder
		for i, p := range parts {
			if !drop[i] {
				sb.WriteString(p.text)
			}
		}
		f := strings.Join(strings.Fields(sb.String()), " ")
		if f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// FullText returns the term written in full: its text with the brackets
// of optional words removed and the words kept.
func (t *Term) FullText() string { return t.Forms()[0] }

// HasOptional reports whether the term marks optional words.
func (t *Term) HasOptional() bool {
	_, ok := splitOptional(t.Text)
	return ok
}

type termPart struct {
	text     string
	optional bool
}

// splitOptional cuts a term into its parts outside and inside square
// brackets; ok is false when the term has no brackets, or unbalanced,
// nested or empty ones (then the brackets are just characters).
func splitOptional(text string) (parts []termPart, ok bool) {
	if !strings.ContainsAny(text, "[]") {
		return nil, false
	}
	rest := text
	for rest != "" {
		open := strings.IndexByte(rest, '[')
		closing := strings.IndexByte(rest, ']')
		if open < 0 {
			if closing >= 0 {
				return nil, false
			}
			parts = append(parts, termPart{text: rest})
			break
		}
		if closing < open {
			return nil, false
		}
		inner := rest[open+1 : closing]
		if strings.TrimSpace(inner) == "" || strings.IndexByte(inner, '[') >= 0 {
			return nil, false
		}
		if open > 0 {
			parts = append(parts, termPart{text: rest[:open]})
		}
		parts = append(parts, termPart{text: inner, optional: true})
		rest = rest[closing+1:]
	}
	// Something must remain when every optional part is left out.
	for _, p := range parts {
		if !p.optional && strings.TrimSpace(p.text) != "" {
			return parts, true
		}
	}
	return nil, false
}

// EffectiveType returns t.Type, or FullForm when it is unset.
func (t *Term) EffectiveType() Type {
	if t.Type == "" {
		return FullForm
	}
	return t.Type
}

// Concept is one meaning with its terms in every language.
type Concept struct {
	ID         string
	Domain     string
	Definition string
	Note       string
	Source     string
	// Context lists words or phrases, comma-separated, in any language,
	// of which one must occur in a sentence for a term of the concept
	// found there to count in a check: a general word the glossary lists
	// for one sense only («договор» as a treaty between states, "identity"
	// as a nation's) needs its context. Empty means none is needed.
	Context string
	Terms   []*Term // in the order given; languages interleaved as read
	// Origin is where the concept was read from, "file:line", for messages.
	Origin string
}

// ContextWords returns the entries of the concept's Context, trimmed,
// empty ones left out.
func (c *Concept) ContextWords() []string {
	var out []string
	for _, w := range strings.Split(c.Context, ",") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// TermsIn returns the concept's terms of language lang, in order.
func (c *Concept) TermsIn(lang string) []*Term {
	var ts []*Term
	for _, t := range c.Terms {
		if t.Lang == lang {
			ts = append(ts, t)
		}
	}
	return ts
}

// EffectiveStatus returns the status of t within c: its own if given;
// else preferred when t is the only term of its language in c; else
// admitted (the contract's rule).
func (c *Concept) EffectiveStatus(t *Term) Status {
	if t.Status != "" {
		return t.Status
	}
	n := 0
	for _, o := range c.Terms {
		if o.Lang == t.Lang {
			n++
		}
	}
	if n == 1 {
		return Preferred
	}
	return Admitted
}

// Preferred returns the term to suggest in language lang: the first
// preferred term, else the first usable one, else nil.
func (c *Concept) Preferred(lang string) *Term {
	var usable *Term
	for _, t := range c.Terms {
		if t.Lang != lang {
			continue
		}
		switch s := c.EffectiveStatus(t); {
		case s == Preferred:
			return t
		case s.Usable() && usable == nil:
			usable = t
		}
	}
	return usable
}

// Glossary is a set of concepts, as read from one or more files.
type Glossary struct {
	Concepts []*Concept
}

// Lookup returns the concept with the given id, or nil.
func (g *Glossary) Lookup(id string) *Concept {
	for _, c := range g.Concepts {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// NormalizeLang reduces a language tag to tolmach's form: Russian and
// English by their primary subtag (ru-RU, RU_ru and ru → "ru"), since
// tolmach matches them whatever the region; any other language keeps
// its subtags in the usual case (zh_cn → "zh-CN", sr-latn → "sr-Latn"),
// so that an export writes back what was read.
func NormalizeLang(tag string) string {
	tag = strings.TrimSpace(tag)
	base := tag
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		base = tag[:i]
	}
	if base = strings.ToLower(base); base == "ru" || base == "en" {
		return base
	}
	return lang.NormTag(tag)
}
