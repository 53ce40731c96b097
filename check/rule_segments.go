package check

import "tolmach/internal/lang"

// segmentMissing reports source segments with no counterpart in the
// target: omissions.
type segmentMissing struct{}

func (segmentMissing) Name() string { return "segment-missing" }
func (segmentMissing) Description() string {
	return "A source segment has no counterpart in the target (an omission)."
}
func (segmentMissing) DefaultSeverity() Severity { return Error }

func (r segmentMissing) Check(p *Pair) []Finding { return unpaired(p, true, r.finding) }

func (r segmentMissing) finding(loc *Location, unit int) Finding {
	return Finding{
		Rule:       r.Name(),
		Severity:   Error,
		Message:    "this source sentence has no counterpart in the target: " + excerpt(loc.Text),
		Source:     loc,
		Suggestion: "translate the sentence, or confirm that leaving it out is intended",
		Unit:       unit,
	}
}

// segmentExtra reports target segments with no counterpart in the
// source: additions.
type segmentExtra struct{}

func (segmentExtra) Name() string { return "segment-extra" }
func (segmentExtra) Description() string {
	return "A target segment has no counterpart in the source (an addition)."
}
func (segmentExtra) DefaultSeverity() Severity { return Warning }

func (r segmentExtra) Check(p *Pair) []Finding { return unpaired(p, false, r.finding) }

func (r segmentExtra) finding(loc *Location, unit int) Finding {
	return Finding{
		Rule:       r.Name(),
		Severity:   Warning,
		Message:    "this target sentence has no counterpart in the source: " + excerpt(loc.Text),
		Target:     loc,
		Suggestion: "remove the addition, or confirm that it is intended",
		Unit:       unit,
	}
}

// unpaired makes a finding of each segment of one side of p (the source
// when source is true) that has no counterpart on the other side: the
// segments worth aligning of units empty on the other side, then that
// side's strays. An omission and an addition are one question asked of
// the two sides, so segment-missing and segment-extra share this.
func unpaired(p *Pair, source bool, finding func(loc *Location, unit int) Finding) []Finding {
	doc := p.Target
	if source {
		doc = p.Source
	}
	var out []Finding
	for i := range p.Units {
		u := &p.Units[i]
		side, other := u.Target, u.Source
		if source {
			side, other = u.Source, u.Target
		}
		if len(other) != 0 || unsplitNeighbour(p, i, !source) {
			continue
		}
		for _, s := range side {
			if !worthAligning(doc.Text[s.Start:s.End]) {
				continue
			}
			out = append(out, finding(location(doc, s, 0, 0), i))
		}
	}
	for _, s := range p.strays() {
		if s.source == source {
			out = append(out, finding(location(doc, s.span, 0, 0), s.unit))
		}
	}
	return out
}

// unsplitNeighbour reports whether a unit next to unit i holds, on the
// source side when source is true, text with sentence ends the splitter
// did not see (lang.UnsplitStops): a review that starts its sentences in
// small letters has fewer sentences than its translation, and the
// aligner leaves the translation's extra ones on their own. They are
// not additions (nor, the other way round, omissions).
func unsplitNeighbour(p *Pair, i int, source bool) bool {
	for _, k := range []int{i - 1, i + 1} {
		if k < 0 || k >= len(p.Units) {
			continue
		}
		spans, doc := p.Units[k].Target, p.Target
		if source {
			spans, doc = p.Units[k].Source, p.Source
		}
		for _, s := range spans {
			if lang.UnsplitStops(doc.Text[s.Start:s.End]) {
				return true
			}
		}
	}
	return false
}

// worthAligning reports whether a segment holds a word or a number:
// separators such as "***" or a lone bullet are not segments anyone
// translates.
func worthAligning(s string) bool {
	return len(lang.Analyze(s)) > 0
}

// excerpt shortens a segment for a message.
func excerpt(s string) string {
	r := []rune(s)
	if len(r) <= 80 {
		return "«" + s + "»"
	}
	return "«" + string(r[:77]) + "…»"
}
