package terms

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"tolmach/glossary"
)

// maxExample is the length, in characters, an example segment is cut to
// in a note.
const maxExample = 160

// CandidatesGlossary turns mined candidates into a glossary that
// `tolmach import` merges: one concept per candidate, both terms
// admitted, each term's note giving the evidence (how many segment
// pairs, and an example in its language). source names the corpus in
// each concept's source field.
func CandidatesGlossary(cs []Candidate, source string) *glossary.Glossary {
	g := &glossary.Glossary{}
	used := map[string]int{}
	for _, c := range cs {
		id := glossary.Slug(c.EN)
		if id == "" {
			id = glossary.Slug(c.RU)
		}
		if id == "" {
			id = "candidate"
		}
		used[id]++
		if n := used[id]; n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		evidence := fmt.Sprintf("tolmach terms mine: together in %d segment pairs (score %.1f)", c.Count, c.Score)
		g.Concepts = append(g.Concepts, &glossary.Concept{
			ID:     id,
			Source: source,
			Terms: []*glossary.Term{
				{Text: c.RU, Lang: "ru", Status: glossary.Admitted, Note: evidence + example(c.Example.RU, true)},
				{Text: c.EN, Lang: "en", Status: glossary.Admitted, Note: evidence + example(c.Example.EN, false)},
			},
		})
	}
	return g
}

// ProposalsGlossary turns the proposed variants of a usage report into a
// glossary that `tolmach import` merges into the one reported on: each
// concept keeps its id and its preferred source term (by which import
// finds it) and gains the proposed target terms, admitted, each with its
// evidence in its note. Concepts with no proposal are left out.
func ProposalsGlossary(us []ConceptUsage, source string) *glossary.Glossary {
	g := &glossary.Glossary{}
	byID := map[string]*glossary.Concept{}
	for _, u := range us {
		var terms []*glossary.Term
		for _, r := range u.Renderings {
			if !r.Proposed {
				continue
			}
			ex := r.Example.EN
			if u.TargetLang == "ru" {
				ex = r.Example.RU
			}
			terms = append(terms, &glossary.Term{
				Text: r.Text, Lang: u.TargetLang, Status: glossary.Admitted, Type: glossary.Variant,
				Note: fmt.Sprintf("tolmach terms usage: renders it in %d of %d segment pairs", r.Count, u.Occurrences) +
					example(ex, u.TargetLang == "ru"),
			})
		}
		if len(terms) == 0 {
			continue
		}
		c := byID[u.Concept.ID]
		if c == nil {
			c = &glossary.Concept{ID: u.Concept.ID, Source: source}
			for _, l := range []string{"ru", "en"} {
				if t := u.Concept.Preferred(l); t != nil {
					cp := *t
					cp.Origin = ""
					c.Terms = append(c.Terms, &cp)
				}
			}
			byID[u.Concept.ID] = c
			g.Concepts = append(g.Concepts, c)
		}
		c.Terms = append(c.Terms, terms...)
	}
	return g
}

// example formats an example segment for a note, shortened.
func example(s string, ru bool) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	if utf8.RuneCountInString(s) > maxExample {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:maxExample])) + "…"
	}
	if ru {
		return "; e.g. «" + s + "»"
	}
	return `; e.g. "` + s + `"`
}
