package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/check"
)

func init() { register("text", writeText) }

// ANSI colours of the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiMark   = "\x1b[1;4m" // bold underlined: a matched span
)

// Span markers when there is no colour.
const (
	markOpen  = "⟦"
	markClose = "⟧"
)

type textPrinter struct {
	w     io.Writer
	color bool
	err   error
}

func (p *textPrinter) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *textPrinter) paint(code, s string) string {
	if !p.color {
		return s
	}
	return code + s + ansiReset
}

// writeText prints findings for people: grouped by aligned segment, the
// source and the target one above the other with the matched spans
// marked, each finding with its suggestion, and a summary line.
func writeText(w io.Writer, r *check.Report, o Options) error {
	p := &textPrinter{w: w, color: o.Color}
	grouped := false
	for _, res := range r.Results {
		if r.Batch() || len(res.Findings) > 0 {
			p.printf("%s\n", p.paint(ansiBold, fmt.Sprintf("%s → %s", res.Source.Path, res.Target.Path)))
		}
		if len(res.Findings) > GroupOver && !o.All {
			p.grouped(res.Findings)
			grouped = true
		} else {
			for _, g := range groupByUnit(res.Findings) {
				p.group(res, g)
			}
		}
		if r.Batch() {
			s := res.Summary()
			p.printf("  %s\n\n", p.paint(ansiDim, summaryLine(s, 1)))
		}
	}
	for _, e := range r.Errors {
		p.printf("%s\n", p.paint(ansiBold, fmt.Sprintf("%s → %s", e.Source, e.Target)))
		p.printf("  %s not checked: %s\n\n", p.paint(ansiRed+ansiBold, "error  "), pairErrorText(e))
	}
	s := r.Summary()
	if s.Errors+s.Warnings+s.Info > 0 && len(r.Results) == 1 && len(r.Errors) == 0 {
		p.printf("\n")
	}
	line := runSummary(r)
	switch {
	case s.Errors > 0 || len(r.Errors) > 0:
		line = p.paint(ansiRed+ansiBold, line)
	case s.Warnings > 0:
		line = p.paint(ansiYellow+ansiBold, line)
	}
	p.printf("%s\n", line)
	if grouped {
		p.printf("%s\n", p.paint(ansiDim, fmt.Sprintf("(over %d findings in a pair are grouped by rule and concept; --all lists each one by segment, --format json gives them all)", GroupOver)))
	}
	return p.err
}

// GroupOver is how many findings of one pair the text format lists one
// by one, segment by segment; beyond it (a big general glossary finds a
// term in every sentence) it prints one line per rule and concept with
// a count and the first lines, most frequent first, so that an editor
// sees what to fix in the glossary or the text instead of ten thousand
// segments. [Options.All] lists them all anyway.
const GroupOver = 200

// groupLines is how many groups the grouped view prints; the rest are
// counted on one line.
const groupLines = 100

// grouped prints a pair's findings one line per rule and concept (per
// rule for findings of no concept): severity, rule, count, the concept
// and its expected renderings, and the first lines where it was found.
func (p *textPrinter) grouped(fs []check.Finding) {
	type group struct {
		first check.Finding
		sev   check.Severity
		n     int
		lines []int
		file  string
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, f := range fs {
		key := f.Rule
		if f.Term != nil {
			// A finding of no glossary concept (term-drift) is grouped
			// by the words it is about.
			key += "\x00" + f.Term.ID + "\x00"
			if f.Term.ID == "" {
				key += f.Term.Source
			}
		}
		g := byKey[key]
		if g == nil {
			g = &group{first: f, sev: f.Severity}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.n++
		if severityRank(f.Severity) > severityRank(g.sev) {
			g.sev = f.Severity
		}
		loc := f.Source
		if loc == nil {
			loc = f.Target
		}
		if loc != nil && len(g.lines) < 4 && (len(g.lines) == 0 || g.lines[len(g.lines)-1] != loc.Line) {
			g.file = loc.Path
			g.lines = append(g.lines, loc.Line)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if a, b := severityRank(groups[i].sev), severityRank(groups[j].sev); a != b {
			return a > b
		}
		return groups[i].n > groups[j].n
	})
	p.printf("\n  %d findings in %d groups by rule and concept, the most frequent first:\n", len(fs), len(groups))
	for i, g := range groups {
		if i == groupLines {
			rest := 0
			for _, h := range groups[i:] {
				rest += h.n
			}
			p.printf("  … %d more groups (%d findings)\n", len(groups)-i, rest)
			break
		}
		sev := fmt.Sprintf("%-7s", g.sev)
		switch g.sev {
		case check.Error:
			sev = p.paint(ansiRed+ansiBold, sev)
		case check.Warning:
			sev = p.paint(ansiYellow+ansiBold, sev)
		}
		what := oneLine(g.first.Message)
		if t := g.first.Term; t != nil && t.ID != "" {
			exp := t.Expected
			if len(exp) > 3 {
				exp = append(exp[:3:3], "…")
			}
			what = fmt.Sprintf("[%s] %s", t.ID, oneLine(t.Source))
			if len(exp) > 0 {
				what += " → " + oneLine(strings.Join(exp, " | "))
			}
		}
		var at []string
		for k, l := range g.lines {
			if k == 3 {
				at = append(at, "…")
				break
			}
			at = append(at, fmt.Sprint(l))
		}
		where := ""
		if len(at) > 0 {
			where = p.paint(ansiDim, fmt.Sprintf("  (%s:%s)", g.file, strings.Join(at, ",")))
		}
		p.printf("  %s %-17s %5d× %s%s\n", sev, g.first.Rule, g.n, what, where)
	}
}

// severityRank orders severities, info lowest.
func severityRank(s check.Severity) int {
	switch s {
	case check.Error:
		return 2
	case check.Warning:
		return 1
	}
	return 0
}

// groupByUnit groups findings by aligned unit, in the order the sorted
// findings first mention each unit.
func groupByUnit(fs []check.Finding) [][]check.Finding {
	var groups [][]check.Finding
	at := map[int]int{}
	for _, f := range fs {
		if f.Unit < 0 {
			groups = append(groups, []check.Finding{f})
			continue
		}
		i, ok := at[f.Unit]
		if !ok {
			i = len(groups)
			at[f.Unit] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], f)
	}
	return groups
}

func (p *textPrinter) group(res *check.Result, fs []check.Finding) {
	var src, tgt *check.Location
	for i := range fs {
		if src == nil && fs[i].Source != nil {
			src = fs[i].Source
		}
		if tgt == nil && fs[i].Target != nil {
			tgt = fs[i].Target
		}
	}
	p.printf("\n")
	var where []string
	if src != nil {
		where = append(where, fmt.Sprintf("%s:%d:%d", src.Path, src.Line, src.Column))
	}
	if tgt != nil {
		where = append(where, fmt.Sprintf("%s:%d:%d", tgt.Path, tgt.Line, tgt.Column))
	}
	p.printf("%s\n", p.paint(ansiCyan, strings.Join(where, " ↔ ")))
	unit := fs[0].Unit
	if unit >= 0 && unit < len(res.Units) {
		u := res.Units[unit]
		if s, ok := u.SourceSpan(); ok {
			p.printf("  %s │ %s\n", res.Source.Lang, p.marked(res.Source, s, fs, true))
		}
		if s, ok := u.TargetSpan(); ok {
			p.printf("  %s │ %s\n", res.Target.Lang, p.marked(res.Target, s, fs, false))
		}
	}
	for _, f := range fs {
		sev := fmt.Sprintf("%-7s", f.Severity)
		switch f.Severity {
		case check.Error:
			sev = p.paint(ansiRed+ansiBold, sev)
		case check.Warning:
			sev = p.paint(ansiYellow+ansiBold, sev)
		}
		p.printf("  %s %-17s %s\n", sev, f.Rule, oneLine(f.Message))
		if f.Suggestion != "" {
			p.printf("  %s %-17s %s\n", strings.Repeat(" ", 7), "", p.paint(ansiDim, "→ "+oneLine(f.Suggestion)))
		}
	}
}

// piece is a run of segment text, marked or not.
type piece struct {
	text string
	mark bool
}

// marked renders the segment s of d with the findings' matched spans on
// that side marked, white space collapsed and long stretches between
// marks shortened.
func (p *textPrinter) marked(d *check.Document, s check.Span, fs []check.Finding, source bool) string {
	var spans []check.Span
	for _, f := range fs {
		l := f.Target
		if source {
			l = f.Source
		}
		if l != nil && l.Match != "" && l.Start >= s.Start && l.End <= s.End && l.Start < l.End {
			spans = append(spans, check.Span{Start: l.Start, End: l.End})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var pieces []piece
	at := s.Start
	for _, sp := range spans {
		if sp.Start < at {
			continue // overlapping: the first one wins
		}
		pieces = append(pieces, piece{d.Text[at:sp.Start], false}, piece{d.Text[sp.Start:sp.End], true})
		at = sp.End
	}
	pieces = append(pieces, piece{d.Text[at:s.End], false})
	var b strings.Builder
	for i, pc := range pieces {
		t := collapse(pc.text)
		if pc.mark {
			if p.color {
				b.WriteString(ansiMark + t + ansiReset)
			} else {
				b.WriteString(markOpen + t + markClose)
			}
			continue
		}
		b.WriteString(shorten(t, i == 0, i == len(pieces)-1, len(spans) == 0))
	}
	return b.String()
}

// collapse turns every run of white space or control characters into
// one space.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// contextRunes is how many characters of unmarked text are kept beside a mark.
const contextRunes = 60

// shorten keeps the ends of an unmarked stretch that touch marks: the
// tail of the first stretch, the head of the last, both ends of a middle
// one; a segment with no marks keeps its beginning.
func shorten(s string, first, last, none bool) string {
	r := []rune(s)
	switch {
	case none:
		if len(r) > 3*contextRunes {
			return string(r[:3*contextRunes]) + "…"
		}
	case first && last:
	case first:
		if len(r) > contextRunes {
			return "…" + string(r[len(r)-contextRunes:])
		}
	case last:
		if len(r) > contextRunes {
			return string(r[:contextRunes]) + "…"
		}
	default:
		if len(r) > 2*contextRunes+10 {
			return string(r[:contextRunes]) + " … " + string(r[len(r)-contextRunes:])
		}
	}
	return s
}

// oneLine keeps a message on one line.
func oneLine(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return collapse(strings.ToValidUTF8(s, "\uFFFD"))
}

// summaryLine writes "2 errors, 1 warning, 0 info in 1 pair (41 segments,
// 57 terms)".
func summaryLine(s check.Summary, pairs int) string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	return fmt.Sprintf("%s, %s, %d info in %s (%s, %s)",
		plural(s.Errors, "error", "errors"), plural(s.Warnings, "warning", "warnings"), s.Info,
		plural(pairs, "pair", "pairs"), plural(s.Segments, "segment", "segments"), plural(s.Terms, "term", "terms"))
}
