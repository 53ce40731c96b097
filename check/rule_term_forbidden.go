package check

import (
	"fmt"
	"sort"

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
		if st == glossary.Deprecated && inFixedName(p, h) {
			// "the Convention of Peking", "Peking University": a
			// deprecated name lives on in the fixed names made of it.
			f.Severity = Info
			f.Message += "; here in a fixed name, which keeps it"
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

// inFixedName reports whether target term h, one word, is part of a
// longer capitalised name: followed by a capitalised word ("Peking
// University") or after a capitalised word and "of" ("the Convention of
// Peking", "Treaty of Tientsin").
func inFixedName(p *Pair, h TermHit) bool {
	toks := p.TargetTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.Start })
	if i >= len(toks) || toks[i].Start != h.Start || toks[i].End != h.End {
		return false
	}
	if i+1 < len(toks) && p.Target.Text[toks[i].End:toks[i+1].Start] == " " && isName(toks[i+1]) {
		return true
	}
	return i >= 2 && toks[i-1].Norm == "of" && isName(toks[i-2]) &&
		p.Target.Text[toks[i-2].End:toks[i-1].Start] == " " && p.Target.Text[toks[i-1].End:toks[i].Start] == " "
}
