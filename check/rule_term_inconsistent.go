package check

import (
	"fmt"
	"iter"
	"sort"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// termInconsistent reports a source concept rendered in one target text
// by two different usable terms of the same kind (two spellings, two
// abbreviations). A full form beside its abbreviation is consistent.
type termInconsistent struct{}

func (termInconsistent) Name() string { return "term-inconsistent" }
func (termInconsistent) Description() string {
	return "One source concept is rendered in the document by two different admitted target terms of the same kind."
}
func (termInconsistent) DefaultSeverity() Severity { return Warning }

// nestedInParallel returns the target's term occurrences nested inside
// a longer term of another concept where the source nests the same two
// concepts the same way in the same unit: "a fairer multipolar world
// order" and «более справедливое многополярное мироустройство» both hold
// the multipolar world order, whose rendering there counts for its
// consistency like any other. Nested occurrences without that parallel
// are left out: a shorter term of the same concept, or a word another
// concept happens to share, says nothing of how a concept is rendered.
func nestedInParallel(p *Pair) []TermHit {
	type pair struct {
		unit          int
		outer, nested *glossary.Concept
	}
	// nested calls fn for each occurrence of all (ordered by start) inside
	// a longest one of another concept.
	nested := func(longest, all []TermHit, fn func(l, n TermHit)) {
		for _, l := range longest {
			k := sort.Search(len(all), func(i int) bool { return all[i].Start >= l.Start })
			for ; k < len(all) && all[k].Start < l.End; k++ {
				n := all[k]
				if n.Unit == l.Unit && n.Concept != l.Concept && n.End <= l.End && (n.Start > l.Start || n.End < l.End) {
					fn(l, n)
				}
			}
		}
	}
	src := map[pair]bool{}
	nested(p.SourceTerms, p.SourceAllTerms, func(l, n TermHit) { src[pair{l.Unit, l.Concept, n.Concept}] = true })
	if len(src) == 0 {
		return nil
	}
	var out []TermHit
	nested(p.TargetTerms, p.TargetAllTerms, func(l, n TermHit) {
		if src[pair{l.Unit, l.Concept, n.Concept}] {
			out = append(out, n)
		}
	})
	return out
}

// termKind groups term types whose mixing is inconsistent: spellings and
// variants of the full form are one kind, abbreviations another, short
// forms a third.
func termKind(t *glossary.Term) glossary.Type {
	switch t.EffectiveType() {
	case glossary.Abbreviation:
		return glossary.Abbreviation
	case glossary.ShortForm:
		return glossary.ShortForm
	}
	return glossary.FullForm
}

func (r termInconsistent) Check(p *Pair) []Finding {
	inSource := map[*glossary.Concept]*glossary.Term{}
	for _, h := range p.SourceTerms {
		if _, ok := inSource[h.Concept]; !ok {
			inSource[h.Concept] = h.Term
		}
	}
	type group struct {
		concept *glossary.Concept
		kind    glossary.Type
		terms   []*glossary.Term // distinct, in order of first use
		hits    map[*glossary.Term][]TermHit
	}
	var groups []*group
	// Groups by concept id, kind and source term key (a struct key: no
	// string built per hit).
	type groupKey struct {
		id   string
		kind glossary.Type
		sk   string
	}
	index := map[groupKey]*group{}
	// The source term each unit uses for each concept: a target that
	// varies where its source varies (Central Asian countries … states)
	// is faithful, not inconsistent.
	srcTerm := map[int]map[*glossary.Concept]*glossary.Term{}
	// The first source hit of each concept in each unit, where a finding
	// points in the source.
	srcHit := map[unitConcept]TermHit{}
	for _, h := range p.SourceTerms {
		if _, ok := srcHit[unitConcept{h.Unit, h.Concept}]; !ok {
			srcHit[unitConcept{h.Unit, h.Concept}] = h
		}
		if h.Unit < 0 {
			continue
		}
		if srcTerm[h.Unit] == nil {
			srcTerm[h.Unit] = map[*glossary.Concept]*glossary.Term{}
		}
		if _, ok := srcTerm[h.Unit][h.Concept]; !ok {
			srcTerm[h.Unit][h.Concept] = h.Term
		}
	}
	// A term's key, computed once per term rather than once per hit.
	keys := map[*glossary.Term]string{}
	keyOf := func(t *glossary.Term) string {
		k, ok := keys[t]
		if !ok {
			k = lang.MatchKey(t.Text)
			keys[t] = k
		}
		return k
	}
	sourceKey := func(h TermHit) string {
		if t := srcTerm[h.Unit][h.Concept]; t != nil {
			return keyOf(t)
		}
		return ""
	}
	// Hits whose own unit has no source term of the concept go with the
	// concept's most common source term.
	common := map[*glossary.Concept]string{}
	{
		n := map[*glossary.Concept]map[string]int{}
		for _, h := range p.SourceTerms {
			if n[h.Concept] == nil {
				n[h.Concept] = map[string]int{}
			}
			k := keyOf(h.Term)
			n[h.Concept][k]++
			if n[h.Concept][k] > n[h.Concept][common[h.Concept]] {
				common[h.Concept] = k
			}
		}
	}
	// The target's terms, then the nested ones (not copied into one list:
	// against a general dictionary there are tens of thousands).
	for _, h := range seqOf(p.TargetTerms, nestedInParallel(p)) {
		if _, ok := inSource[h.Concept]; !ok || !h.Status().Usable() || h.Unit < 0 {
			continue
		}
		sk := sourceKey(h)
		if sk == "" {
			sk = common[h.Concept]
		}
		key := groupKey{h.Concept.ID, termKind(h.Term), sk}
		g := index[key]
		if g == nil {
			g = &group{concept: h.Concept, kind: termKind(h.Term), hits: map[*glossary.Term][]TermHit{}}
			index[key] = g
			groups = append(groups, g)
		}
		if g.hits[h.Term] == nil {
			g.terms = append(g.terms, h.Term)
		}
		g.hits[h.Term] = append(g.hits[h.Term], h)
	}
	var out []Finding
	for _, g := range groups {
		if len(g.terms) < 2 {
			continue
		}
		// The rendering to keep: a preferred one in use, else the most
		// frequent, else the first.
		keep := g.terms[0]
		for _, t := range g.terms {
			switch {
			case g.concept.EffectiveStatus(t) == glossary.Preferred && g.concept.EffectiveStatus(keep) != glossary.Preferred:
				keep = t
			case g.concept.EffectiveStatus(t) == g.concept.EffectiveStatus(keep) && len(g.hits[t]) > len(g.hits[keep]):
				keep = t
			}
		}
		var related []Location
		for _, h := range g.hits[keep] {
			related = append(related, *p.TargetLoc(h.Unit, h.Start, h.End))
		}
		for _, t := range g.terms {
			if t == keep {
				continue
			}
			for _, h := range g.hits[t] {
				used := p.Target.Raw[h.Start:h.End]
				f := Finding{
					Rule:     r.Name(),
					Severity: Warning,
					Message: fmt.Sprintf("%s is rendered as %s here but as %s elsewhere (%s); use one rendering throughout",
						quote(p.Source.Lang, inSource[g.concept].Text), quote(p.Target.Lang, used), quote(p.Target.Lang, keep.Text), times(len(g.hits[keep]))),
					Target:     p.TargetLoc(h.Unit, h.Start, h.End),
					Term:       p.termRef(g.concept, inSource[g.concept]),
					Related:    related,
					Suggestion: fmt.Sprintf("replace %s with %s", quote(p.Target.Lang, used), quote(p.Target.Lang, keep.Text)),
					Unit:       h.Unit,
				}
				f.Term.Expected = []string{keep.Text}
				if _, ok := p.Units[h.Unit].SourceSpan(); ok {
					if sh, ok := srcHit[unitConcept{h.Unit, g.concept}]; ok {
						f.Source = p.SourceLoc(h.Unit, sh.Start, sh.End)
					} else {
						f.Source = p.SourceLoc(h.Unit, 0, 0)
					}
				}
				out = append(out, f)
			}
		}
	}
	return out
}

// unitConcept is a concept in a unit.
type unitConcept struct {
	unit    int
	concept *glossary.Concept
}

// times writes "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// seqOf ranges over the hits of a, then those of b.
func seqOf(a, b []TermHit) iter.Seq2[int, TermHit] {
	return func(yield func(int, TermHit) bool) {
		for i, h := range a {
			if !yield(i, h) {
				return
			}
		}
		for i, h := range b {
			if !yield(len(a)+i, h) {
				return
			}
		}
	}
}
