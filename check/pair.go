package check

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// Span is a byte range of a document's text.
type Span struct{ Start, End int }

// Unit is one bead of the alignment: the source sentences and the target
// sentences that translate each other. An omission has no Target, an
// addition no Source.
type Unit struct {
	Index          int
	Source, Target []Span // sentences, in order
	Confidence     float64
	// Low marks a pair the aligner is unsure of; rules look further for
	// evidence before they report on it.
	Low bool
}

// SourceSpan returns the span from the unit's first source sentence to
// its last; ok is false for an addition.
func (u *Unit) SourceSpan() (s Span, ok bool) { return hull(u.Source) }

// TargetSpan returns the span from the unit's first target sentence to
// its last; ok is false for an omission.
func (u *Unit) TargetSpan() (s Span, ok bool) { return hull(u.Target) }

func hull(ss []Span) (Span, bool) {
	if len(ss) == 0 {
		return Span{}, false
	}
	return Span{ss[0].Start, ss[len(ss)-1].End}, true
}

// TermHit is one occurrence of a glossary term in a document.
type TermHit struct {
	Concept    *glossary.Concept
	Term       *glossary.Term
	Start, End int // bytes in the document's text
	Unit       int // the unit whose sentences hold Start, or -1
}

// Status returns the term's effective status within its concept.
func (h TermHit) Status() glossary.Status { return h.Concept.EffectiveStatus(h.Term) }

// Pair is what rules see: the two documents, their alignment and the
// glossary terms recognised on both sides.
type Pair struct {
	Source, Target *Document
	Units          []Unit
	Glossary       *glossary.Glossary

	// SourceTerms are the glossary terms of the source: longest matches,
	// no overlaps, in text order.
	SourceTerms []TermHit
	// TargetTerms are the glossary terms of the target, likewise.
	TargetTerms []TermHit
	// TargetAllTerms are all term occurrences of the target, nested ones
	// included: the evidence that a concept is rendered.
	TargetAllTerms []TermHit
	// SourceAllTerms are all term occurrences of the source, nested ones
	// included.
	SourceAllTerms []TermHit

	strayList            []stray
	targetMatcher        termMatcher
	checker              *Checker // for what it caches across pairs (statesIn)
	straysDone           bool
	unrendered           []unrendered // see unrenderedTerms
	unrenderedOnce       sync.Once
	untranslated         []untranslatedRun // see untranslatedRuns
	untranslatedOnce     sync.Once
	srcUnitOf, tgtUnitOf []unitSpan // sentence spans → unit, sorted
	sameNames            sync.Map   // [2]string{Cyrillic, Latin} → bool, see sameName
}

type unitSpan struct {
	Span
	unit int
}

// index builds the offset → unit lookups.
func (p *Pair) index() {
	p.srcUnitOf, p.tgtUnitOf = nil, nil
	for i, u := range p.Units {
		for _, s := range u.Source {
			p.srcUnitOf = append(p.srcUnitOf, unitSpan{s, i})
		}
		for _, s := range u.Target {
			p.tgtUnitOf = append(p.tgtUnitOf, unitSpan{s, i})
		}
	}
	sort.Slice(p.srcUnitOf, func(i, j int) bool { return p.srcUnitOf[i].Start < p.srcUnitOf[j].Start })
	sort.Slice(p.tgtUnitOf, func(i, j int) bool { return p.tgtUnitOf[i].Start < p.tgtUnitOf[j].Start })
}

func unitAt(spans []unitSpan, off int) int {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].Start > off }) - 1
	if i < 0 {
		return -1
	}
	if off >= spans[i].End && i+1 < len(spans) {
		// Between sentences (a term across a boundary): the earlier one.
		return spans[i].unit
	}
	return spans[i].unit
}

// SourceUnitAt returns the unit holding the source offset off, or -1.
func (p *Pair) SourceUnitAt(off int) int { return unitAt(p.srcUnitOf, off) }

// TargetUnitAt returns the unit holding the target offset off, or -1.
func (p *Pair) TargetUnitAt(off int) int { return unitAt(p.tgtUnitOf, off) }

// SourceTokens returns the tokens of the source text (computed once).
func (p *Pair) SourceTokens() []lang.Token {
	return p.Source.Tokens()
}

// TargetTokens returns the tokens of the target text (computed once).
func (p *Pair) TargetTokens() []lang.Token {
	return p.Target.Tokens()
}

// tokensIn returns the tokens of toks lying inside s.
func tokensIn(toks []lang.Token, s Span) []lang.Token {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= s.Start })
	j := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= s.End })
	return toks[i:j]
}

// SourceText returns the unit's source sentences as one line of text.
func (p *Pair) SourceText(u int) string {
	s, ok := p.Units[u].SourceSpan()
	if !ok {
		return ""
	}
	return p.Source.segmentText(s)
}

// TargetText returns the unit's target sentences as one line of text.
func (p *Pair) TargetText(u int) string {
	s, ok := p.Units[u].TargetSpan()
	if !ok {
		return ""
	}
	return p.Target.segmentText(s)
}

// isSpaceRun reports white space other than a single ASCII space: a
// character segmentText would change.
func isSpaceRun(r rune) bool { return r != ' ' && unicode.IsSpace(r) }

// segmentText collapses the white space (and blanked markup) of a
// segment into single spaces, for reports: the words of
// strings.FieldsFunc(s, unicode.IsSpace) joined by " ". A segment whose
// spaces are single already is returned as it is, without a copy.
func segmentText(s string) string {
	prevSpace := true // a leading space is dropped
	collapsed := true
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (r != ' ' || prevSpace) {
			collapsed = false
			break
		}
		prevSpace = sp
	}
	if collapsed && (s == "" || !prevSpace) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := -1 // the start of the word being read, or -1 between words
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:])
	}
	return b.String()
}

// segmentText returns segmentText of the document's text in seg,
// computed once per segment: a segment with many findings is reported
// in each. It is safe for concurrent use.
func (d *Document) segmentText(seg Span) string {
	d.segMu.Lock()
	defer d.segMu.Unlock()
	if t, ok := d.segTexts[seg]; ok {
		return t
	}
	if d.segTexts == nil {
		d.segTexts = map[Span]string{}
	}
	t := segmentText(d.Text[seg.Start:seg.End])
	d.segTexts[seg] = t
	return t
}

// location returns a Location in d for the byte span [start, end) inside
// segment seg; an empty span reports the segment itself with no match.
func location(d *Document, seg Span, start, end int) *Location {
	text := d.segmentText(seg)
	match := ""
	if end > start {
		match = d.Raw[start:end]
	} else {
		start, end = seg.Start, seg.End
	}
	l := &Location{Path: d.Path, Text: text, Match: match, Start: start, End: end}
	l.Line, l.Column = d.Pos(start)
	last := end
	if last > start {
		last = end
	}
	l.EndLine, l.EndColumn = d.Pos(last)
	return l
}

// SourceLoc returns the location of the source span [start, end) in unit
// u (the unit's source segment when start == end).
func (p *Pair) SourceLoc(u, start, end int) *Location {
	s, ok := p.Units[u].SourceSpan()
	if !ok {
		return nil
	}
	return location(p.Source, s, start, end)
}

// TargetLoc returns the location of the target span [start, end) in unit
// u (the unit's target segment when start == end).
func (p *Pair) TargetLoc(u, start, end int) *Location {
	s, ok := p.Units[u].TargetSpan()
	if !ok {
		return nil
	}
	return location(p.Target, s, start, end)
}

// termRef builds the Term of a finding about concept c whose source term
// is t: the usable target terms, preferred first.
func (p *Pair) termRef(c *glossary.Concept, t *glossary.Term) *TermRef {
	ref := &TermRef{ID: c.ID, Expected: usableTerms(c, string(p.Target.Lang))}
	if t != nil {
		ref.Source = t.Text
	} else if st := c.Preferred(string(p.Source.Lang)); st != nil {
		ref.Source = st.Text
	}
	return ref
}

// usableTerms returns the texts of c's preferred and admitted terms in
// language l, preferred ones first.
func usableTerms(c *glossary.Concept, l string) []string {
	var pref, adm []string
	for _, t := range c.Terms {
		if t.Lang != l {
			continue
		}
		switch c.EffectiveStatus(t) {
		case glossary.Preferred:
			pref = append(pref, t.Text)
		case glossary.Admitted:
			adm = append(adm, t.Text)
		}
	}
	return append(pref, adm...)
}

// quoteList writes terms of language l as "a", "b" or "c" (in «ёлочки»
// for Russian).
func quoteList(l lang.Lang, ts []string, conj string) string {
	q := make([]string, len(ts))
	for i, t := range ts {
		q[i] = quote(l, t)
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + conj + " " + q[len(q)-1]
}

// quote writes a term of language l in that language's quotation marks,
// unless the term is already written between quotation marks of its own
// (a formula such as «шанхайский дух» or “Shanghai Spirit”).
func quote(l lang.Lang, s string) string {
	// Text from a document may hold line breaks, or runs of spaces where
	// markup was blanked out (240&nbsp;млрд): shown as one space.
	if strings.Contains(s, "  ") || strings.ContainsFunc(s, isSpaceRun) {
		s = segmentText(s)
	}
	if quotedAlready(s) {
		return s
	}
	if l == lang.RU {
		return "«" + s + "»"
	}
	return `"` + s + `"`
}

// strays returns the sentences absorbed into a bead they do not belong
// to (computed once; see split.go).
func (p *Pair) strays() []stray {
	if !p.straysDone {
		p.strayList, p.straysDone = strays(p), true
	}
	return p.strayList
}

// analyzeWords returns the word tokens' texts of s.
func analyzeWords(s string) []string {
	var out []string
	for _, t := range lang.Analyze(s) {
		if t.Kind == lang.Word {
			out = append(out, t.Text)
		}
	}
	return out
}

// quotedAlready reports whether s starts and ends with quotation marks.
func quotedAlready(s string) bool {
	f := lang.Fold(s)
	return len(f) >= 2 && f[0] == '"' && f[len(f)-1] == '"'
}
