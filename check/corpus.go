package check

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"tolmach/glossary"
)

// Rendering is how one checked pair renders a source concept: a usable
// target term of it, how often, and where first. Results keep them so
// that many pairs can be compared ([Checker.AddCorpusFindings]).
type Rendering struct {
	Concept  *glossary.Concept
	Term     *glossary.Term
	Source   *glossary.Term // the concept's first source term in the pair
	Count    int
	First    Location  // the first occurrence in the target
	SourceAt *Location // the concept's first occurrence in the source, if aligned
}

// renderings collects the pair's renderings: target terms, preferred or
// admitted, of concepts its source holds, in aligned units.
func (p *Pair) renderings() []Rendering {
	inSource := map[*glossary.Concept]*glossary.Term{}
	sourceAt := map[*glossary.Concept]*Location{}
	for _, h := range p.SourceTerms {
		if _, ok := inSource[h.Concept]; !ok {
			inSource[h.Concept] = h.Term
		}
		if _, ok := sourceAt[h.Concept]; !ok && h.Unit >= 0 {
			sourceAt[h.Concept] = p.SourceLoc(h.Unit, h.Start, h.End)
		}
	}
	index := map[*glossary.Term]int{}
	var out []Rendering
	for _, h := range p.TargetTerms {
		st, ok := inSource[h.Concept]
		if !ok || !h.Status().Usable() || h.Unit < 0 {
			continue
		}
		if k, ok := index[h.Term]; ok {
			out[k].Count++
			continue
		}
		loc := p.TargetLoc(h.Unit, h.Start, h.End)
		if loc == nil {
			continue
		}
		index[h.Term] = len(out)
		out = append(out, Rendering{Concept: h.Concept, Term: h.Term, Source: st, Count: 1, First: *loc, SourceAt: sourceAt[h.Concept]})
	}
	return out
}

// AddCorpusFindings compares the renderings of many checked pairs (a
// news desk's articles): where one concept is rendered by different
// usable target terms of the same kind in different documents, each
// document whose rendering is not the corpus's most common one gets an
// info finding (rule term-inconsistent) at its first use, naming the
// documents of the other rendering and their counts, so that a site's
// style can converge. Inconsistency inside one document is the
// per-document rule's. Nothing is added when the rule is switched off.
func (c *Checker) AddCorpusFindings(results []*Result) {
	if s, ok := c.opts.Severities["term-inconsistent"]; ok && s == Off {
		return
	}
	type use struct {
		res   *Result
		r     Rendering
		count int
	}
	type key struct {
		concept *glossary.Concept
		kind    glossary.Type
	}
	// Per concept and kind of term: the term each document uses most.
	byKey := map[key][]use{}
	var order []key
	for _, res := range results {
		most := map[key]use{}
		var keys []key
		for _, r := range res.Renderings {
			k := key{r.Concept, termKind(r.Term)}
			u, ok := most[k]
			if !ok {
				keys = append(keys, k)
			}
			if !ok || r.Count > u.count {
				most[k] = use{res: res, r: r, count: r.Count}
			}
		}
		for _, k := range keys {
			if _, seen := byKey[k]; !seen {
				order = append(order, k)
			}
			byKey[k] = append(byKey[k], most[k])
		}
	}
	touched := map[*Result]bool{}
	for _, k := range order {
		uses := byKey[k]
		docs := map[*glossary.Term][]use{}
		var terms []*glossary.Term
		for _, u := range uses {
			if docs[u.r.Term] == nil {
				terms = append(terms, u.r.Term)
			}
			docs[u.r.Term] = append(docs[u.r.Term], u)
		}
		if len(terms) < 2 {
			continue
		}
		// The corpus's rendering: used by the most documents, then a
		// preferred one, then the most often.
		total := func(t *glossary.Term) int {
			n := 0
			for _, u := range docs[t] {
				n += u.count
			}
			return n
		}
		sort.SliceStable(terms, func(i, j int) bool {
			a, b := terms[i], terms[j]
			if len(docs[a]) != len(docs[b]) {
				return len(docs[a]) > len(docs[b])
			}
			pa, pb := k.concept.EffectiveStatus(a) == glossary.Preferred, k.concept.EffectiveStatus(b) == glossary.Preferred
			if pa != pb {
				return pa
			}
			return total(a) > total(b)
		})
		keep := terms[0]
		var related []Location
		var where []string
		for _, u := range docs[keep] {
			related = append(related, u.r.First)
			where = append(where, fmt.Sprintf("%s (%s)", filepath.Base(u.res.Target.Path), times(u.count)))
		}
		for _, t := range terms[1:] {
			for _, u := range docs[t] {
				tl := u.res.Target.Lang
				f := Finding{
					Rule:     "term-inconsistent",
					Severity: Info,
					Message: fmt.Sprintf("%s is rendered as %s in this document (%s) but as %s in %d other%s: %s; use one rendering across the documents",
						quote(u.res.Source.Lang, u.r.Source.Text), quote(tl, t.Text), times(u.count), quote(tl, keep.Text),
						len(docs[keep]), plural(len(docs[keep]), " document", " documents"), strings.Join(where, ", ")),
					Source:     u.r.SourceAt,
					Target:     &u.r.First,
					Term:       &TermRef{ID: k.concept.ID, Source: u.r.Source.Text, Expected: []string{keep.Text}},
					Related:    append([]Location(nil), related...),
					Suggestion: fmt.Sprintf("replace %s with %s, as the other documents have it", quote(tl, t.Text), quote(tl, keep.Text)),
					Unit:       -1,
				}
				f.Fingerprint = fingerprint(&f, map[string]string{})
				u.res.Findings = append(u.res.Findings, f)
				touched[u.res] = true
			}
		}
	}
	for res := range touched {
		SortFindings(res.Findings)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
