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

func (r segmentMissing) Check(p *Pair) []Finding {
	var out []Finding
	for i := range p.Units {
		u := &p.Units[i]
		if len(u.Target) != 0 {
			continue
		}
		for _, s := range u.Source {
			if !worthAligning(p.Source.Text[s.Start:s.End]) {
				continue
			}
			loc := location(p.Source, s, 0, 0)
			out = append(out, r.finding(loc, i))
		}
	}
	for _, s := range p.strays() {
		if s.source {
			out = append(out, r.finding(location(p.Source, s.span, 0, 0), s.unit))
		}
	}
	return out
}

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

func (r segmentExtra) Check(p *Pair) []Finding {
	var out []Finding
	for i := range p.Units {
		u := &p.Units[i]
		if len(u.Source) != 0 {
			continue
		}
		for _, s := range u.Target {
			if !worthAligning(p.Target.Text[s.Start:s.End]) {
				continue
			}
			loc := location(p.Target, s, 0, 0)
			out = append(out, r.finding(loc, i))
		}
	}
	for _, s := range p.strays() {
		if !s.source {
			out = append(out, r.finding(location(p.Target, s.span, 0, 0), s.unit))
		}
	}
	return out
}

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
