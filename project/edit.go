package project

import (
	"errors"
	"fmt"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// ErrNewConceptTerms is returned (wrapped) by [AddTerms] when a new
// concept would get terms of fewer than two languages.
var ErrNewConceptTerms = errors.New("a new concept needs both a Russian and an English term")

// AddTerms is `tolmach add` (and the server's add endpoint): it adds
// terms to the concept id of the glossary file, or, with id "", to the
// concept that already holds them all, else to a new concept (id id, or
// one made from the English term) — through glossary.Update, which
// serialises writers with a lock file and replaces the file atomically.
// A term already there (same matching key) is not added twice; domain
// is set when the concept has none, note appended to its note. It
// returns the concept's id.
func AddTerms(file, id string, terms []*glossary.Term, domain, note string) (string, error) {
	var got string
	err := glossary.Update(file, func(g *glossary.Glossary) error {
		c := g.Lookup(id)
		if id == "" {
			c = findPair(g, terms)
		}
		if c == nil {
			if len(terms) < 2 {
				return ErrNewConceptTerms
			}
			c = &glossary.Concept{ID: id}
			if c.ID == "" {
				c.ID = newConceptID(g, terms)
			}
			g.Concepts = append(g.Concepts, c)
		}
		for _, t := range terms {
			if !hasKey(c, t) {
				c.Terms = append(c.Terms, t)
			}
		}
		if domain != "" && c.Domain == "" {
			c.Domain = domain
		}
		if note != "" {
			if c.Note != "" && c.Note != note {
				c.Note += " " + note
			} else {
				c.Note = note
			}
		}
		got = c.ID
		return nil
	})
	return got, err
}

// findPair returns the concept that already holds every one of terms
// (by matching key), so that adding the same pair twice changes nothing.
func findPair(g *glossary.Glossary, terms []*glossary.Term) *glossary.Concept {
	for _, c := range g.Concepts {
		all := true
		for _, t := range terms {
			all = all && hasKey(c, t)
		}
		if all {
			return c
		}
	}
	return nil
}

// hasKey reports whether c has a term of t's language with t's matching key.
func hasKey(c *glossary.Concept, t *glossary.Term) bool {
	key := lang.MatchKey(t.Text)
	for _, o := range c.TermsIn(t.Lang) {
		if o.Text == t.Text || lang.MatchKey(o.Text) == key {
			return true
		}
	}
	return false
}

// newConceptID makes a free id from the English term (else the Russian).
func newConceptID(g *glossary.Glossary, terms []*glossary.Term) string {
	base := ""
	for _, l := range []string{"en", "ru"} {
		for _, t := range terms {
			if base == "" && t.Lang == l {
				base = glossary.Slug(t.Text)
			}
		}
	}
	if base == "" {
		base = "concept"
	}
	id := base
	for n := 2; g.Lookup(id) != nil; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}
