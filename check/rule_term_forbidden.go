package check

import (
	"fmt"

	"tolmach/glossary"
)

// termForbidden reports target terms the glossary marks deprecated
// (a warning) or forbidden (an error).
type termForbidden struct{}

func (termForbidden) Name() string { return "term-forbidden" }
func (termForbidden) Description() string {
	return "The target uses a term the glossary marks deprecated or forbidden."
}
func (termForbidden) DefaultSeverity() Severity { return Error }

func (r termForbidden) Check(p *Pair) []Finding {
	var out []Finding
	for i, h := range p.TargetTerms {
		st := h.Status()
		if st.Usable() || h.Unit < 0 || usableElsewhere(p.TargetTerms, i) {
			continue
		}
		sev := Warning
		if st == glossary.Forbidden {
			sev = Error
		}
		f := Finding{
			Rule:     r.Name(),
			Severity: sev,
			Target:   p.TargetLoc(h.Unit, h.Start, h.End),
			Term:     p.termRef(h.Concept, nil),
			Unit:     h.Unit,
		}
		// The source side: the concept's occurrence in the aligned source
		// segment when there is one, else the segment.
		if _, ok := p.Units[h.Unit].SourceSpan(); ok {
			f.Source = p.SourceLoc(h.Unit, 0, 0)
			for _, sh := range p.SourceTerms {
				if sh.Unit == h.Unit && sh.Concept == h.Concept {
					f.Source = p.SourceLoc(h.Unit, sh.Start, sh.End)
					f.Term.Source = sh.Term.Text
					break
				}
			}
		}
		used := p.Target.Raw[h.Start:h.End]
		if pref := h.Concept.Preferred(string(p.Target.Lang)); pref != nil {
			f.Message = fmt.Sprintf("%s is %s; use %s", quote(p.Target.Lang, used), st, quote(p.Target.Lang, pref.Text))
			f.Suggestion = fmt.Sprintf("replace %s with %s", quote(p.Target.Lang, used), quote(p.Target.Lang, pref.Text))
		} else {
			f.Message = fmt.Sprintf("%s is %s", quote(p.Target.Lang, used), st)
			f.Suggestion = "rephrase without it"
		}
		if h.Term.Note != "" {
			f.Message += " (" + h.Term.Note + ")"
		}
		out = append(out, f)
	}
	return out
}

// usableElsewhere reports whether the words of hit i are a usable term of
// another concept too (hits of one span are adjacent): then they are not
// wrong.
func usableElsewhere(hs []TermHit, i int) bool {
	for k := i - 1; k >= 0 && sameSpan(hs[k], hs[i]); k-- {
		if hs[k].Status().Usable() {
			return true
		}
	}
	for k := i + 1; k < len(hs) && sameSpan(hs[k], hs[i]); k++ {
		if hs[k].Status().Usable() {
			return true
		}
	}
	return false
}
