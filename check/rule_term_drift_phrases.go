package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// Recurring phrases: a quoted formula with no glossary entry («особая
// военная операция», "the spirit of Shanghai") that the target renders
// one way in one place and another way in another. A rendering is read
// only where the source segment has one quotation and its target segment
// one too, so each quotation can only be the other's translation.

// quoteSpan is the content of a quotation: between its marks.
type quoteSpan struct{ Start, End int }

// quotations returns the quoted spans of s[from:to] in «…», “…”, „…“ or
// "…", with offsets into s.
func quotations(s string, from, to int) []quoteSpan {
	var out []quoteSpan
	var stack []rune
	var starts []int
	straightOpen := -1
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '«', '„', '“':
			if r == '“' && len(stack) > 0 && stack[len(stack)-1] == '„' {
				// „…“: the German-style pair closes here.
				out = append(out, quoteSpan{starts[len(starts)-1], i})
				stack, starts = stack[:len(stack)-1], starts[:len(starts)-1]
				break
			}
			stack = append(stack, r)
			starts = append(starts, i+size)
		case '»', '”':
			if len(stack) > 0 {
				out = append(out, quoteSpan{starts[len(starts)-1], i})
				stack, starts = stack[:len(stack)-1], starts[:len(starts)-1]
			}
		case '"':
			if straightOpen < 0 {
				straightOpen = i + size
			} else {
				out = append(out, quoteSpan{straightOpen, i})
				straightOpen = -1
			}
		}
		i += size
	}
	return out
}

// phraseOcc is one quoted source phrase and its quoted rendering.
type phraseOcc struct {
	unit     int
	src, tgt quoteSpan
	key      string // the rendering's matching key
}

// phraseDrift reports the quoted phrases rendered two different ways.
func (r termDrift) phraseDrift(p *Pair) []Finding {
	overlaps := func(hs []TermHit, q quoteSpan) bool {
		for _, h := range hs {
			if h.Start < q.End && h.End > q.Start {
				return true
			}
		}
		return false
	}
	byKey := map[string][]phraseOcc{}
	var order []string
	for ui := range p.Units {
		ss, ok1 := p.Units[ui].SourceSpan()
		ts, ok2 := p.Units[ui].TargetSpan()
		if !ok1 || !ok2 {
			continue
		}
		sq := quotations(p.Source.Text, ss.Start, ss.End)
		tq := quotations(p.Target.Text, ts.Start, ts.End)
		if len(sq) != 1 || len(tq) != 1 {
			continue
		}
		src, tgt := sq[0], tq[0]
		if len(analyzeWords(p.Source.Text[src.Start:src.End])) < 2 || overlaps(p.SourceTerms, src) || overlaps(p.TargetAllTerms, tgt) {
			continue
		}
		k := lang.MatchKey(p.Source.Text[src.Start:src.End])
		if _, ok := byKey[k]; !ok {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], phraseOcc{unit: ui, src: src, tgt: tgt, key: lang.MatchKey(p.Target.Text[tgt.Start:tgt.End])})
	}
	var out []Finding
	for _, k := range order {
		occ := byKey[k]
		count := map[string]int{}
		var keys []string
		for _, o := range occ {
			if count[o.key] == 0 {
				keys = append(keys, o.key)
			}
			count[o.key]++
		}
		if len(keys) < 2 {
			continue
		}
		keep := keys[0]
		for _, key := range keys {
			if count[key] > count[keep] {
				keep = key
			}
		}
		var related []Location
		keepText := ""
		for _, o := range occ {
			if o.key == keep {
				related = append(related, *p.TargetLoc(o.unit, o.tgt.Start, o.tgt.End))
				if keepText == "" {
					keepText = strings.TrimSpace(p.Target.Raw[o.tgt.Start:o.tgt.End])
				}
			}
		}
		for _, o := range occ {
			if o.key == keep {
				continue
			}
			phrase := strings.TrimSpace(p.Source.Raw[o.src.Start:o.src.End])
			used := strings.TrimSpace(p.Target.Raw[o.tgt.Start:o.tgt.End])
			out = append(out, Finding{
				Rule:     r.Name(),
				Severity: Warning,
				Message: fmt.Sprintf("the phrase %s is rendered as %s here but as %s elsewhere (%s)",
					quote(p.Source.Lang, phrase), quote(p.Target.Lang, used), quote(p.Target.Lang, keepText), times(count[keep])),
				Source:     p.SourceLoc(o.unit, o.src.Start, o.src.End),
				Target:     p.TargetLoc(o.unit, o.tgt.Start, o.tgt.End),
				Term:       &TermRef{Source: phrase, Expected: []string{keepText}},
				Related:    related,
				Suggestion: fmt.Sprintf("write %s as everywhere else, or add the phrase to the glossary", quote(p.Target.Lang, keepText)),
				Unit:       o.unit,
			})
		}
	}
	return out
}
