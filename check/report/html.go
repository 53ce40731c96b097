package report

import (
	"fmt"
	"html/template"
	"io"
	"sort"

	"tolmach/check"
)

func init() { register("html", writeHTML) }

// The HTML report is one self-contained page: inline CSS, no scripts, no
// external fetches. html/template escapes every piece of checked text.

type htmlPiece struct {
	Text  string
	Class string // "" for plain text, else "error", "warning" or "info"
	Title string // the finding's message, shown on hover
	ID    string // anchor of the first finding marked here
}

type htmlFinding struct {
	ID, Rule, Severity, Message, Suggestion string
	Source, Target                          string // "path:line:col" or ""
}

type htmlRow struct {
	Index          int
	Source, Target []htmlPiece
	Findings       []htmlFinding
	Class          string // the worst severity of the row's findings
}

type htmlPair struct {
	Source, Target *check.Document
	Summary        string
	Rows           []htmlRow
	Findings       []htmlFinding
}

type htmlPage struct {
	Title   string
	Summary string
	Pairs   []htmlPair
	Errors  []htmlPairError
}

// htmlPairError is a pair of a batch that could not be checked.
type htmlPairError struct{ Source, Target, Message string }

var htmlTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 2em 3em; color: #1d1d1f; }
h1 { font-size: 1.4em; margin: 1em 0 .2em; }
h2 { font-size: 1.15em; margin: 2em 0 .3em; }
.summary { color: #555; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #ddd; padding: .4em .6em; vertical-align: top; text-align: left; }
th { background: #f4f4f6; position: sticky; top: 0; }
td.n { width: 3em; color: #888; font-size: .85em; }
tr.error td.n { border-left: 4px solid #c62828; }
tr.warning td.n { border-left: 4px solid #ef8f00; }
tr.info td.n { border-left: 4px solid #1e88e5; }
mark { border-radius: 3px; padding: 0 .1em; }
mark.error { background: #ffcdd2; }
mark.warning { background: #ffe0b2; }
mark.info { background: #bbdefb; }
td.empty { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 6px, #f0f0f0 6px, #f0f0f0 12px); }
ul.f { margin: .3em 0 0; padding-left: 1.2em; font-size: .9em; }
.sev-error { color: #c62828; font-weight: 600; }
.sev-warning { color: #b26a00; font-weight: 600; }
.sev-info { color: #1e88e5; font-weight: 600; }
.rule { font-family: ui-monospace, monospace; font-size: .9em; }
.hint { color: #555; }
.loc { font-family: ui-monospace, monospace; font-size: .85em; color: #666; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="summary">{{.Summary}}</p>
{{- if .Errors}}
<h2>Pairs not checked</h2>
<ul>
{{range .Errors}}<li><span class="loc">{{.Source}} → {{.Target}}</span><br><span class="sev-error">not checked</span> {{.Message}}</li>
{{end}}</ul>
{{end}}
{{range .Pairs}}
<h2>{{.Source.Path}} ({{.Source.Lang}}) → {{.Target.Path}} ({{.Target.Lang}})</h2>
<p class="summary">{{.Summary}}</p>
{{if .Findings}}
<h3>Findings</h3>
<ol>
{{range .Findings}}<li id="{{.ID}}"><span class="sev-{{.Severity}}">{{.Severity}}</span> <span class="rule">{{.Rule}}</span> {{.Message}}{{if .Suggestion}} <span class="hint">→ {{.Suggestion}}</span>{{end}}<br><span class="loc">{{if .Source}}{{.Source}}{{end}}{{if and .Source .Target}} ↔ {{end}}{{if .Target}}{{.Target}}{{end}}</span></li>
{{end}}</ol>
{{end}}
<h3>Aligned texts</h3>
<table>
<thead><tr><th class="n">#</th><th>{{.Source.Path}}</th><th>{{.Target.Path}}</th></tr></thead>
<tbody>
{{range .Rows}}<tr class="{{.Class}}"><td class="n">{{.Index}}</td>
<td{{if not .Source}} class="empty"{{end}}>{{range .Source}}{{if .Class}}<mark class="{{.Class}}" title="{{.Title}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</td>
<td{{if not .Target}} class="empty"{{end}}>{{range .Target}}{{if .Class}}<mark class="{{.Class}}" title="{{.Title}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}{{if .Findings}}
<ul class="f">{{range .Findings}}<li><a href="#{{.ID}}" class="sev-{{.Severity}}">{{.Severity}}</a> <span class="rule">{{.Rule}}</span> {{.Message}}</li>{{end}}</ul>{{end}}</td></tr>
{{end}}</tbody>
</table>
{{end}}
</body>
</html>
`))

func locString(l *check.Location) string {
	if l == nil {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d", l.Path, l.Line, l.Column)
}

// writeHTML prints the self-contained HTML page.
func writeHTML(w io.Writer, r *check.Report, _ Options) error {
	page := htmlPage{Title: "tolmach check", Summary: runSummary(r)}
	for _, e := range r.Errors {
		page.Errors = append(page.Errors, htmlPairError{sanitize(e.Source), sanitize(e.Target), pairErrorText(e)})
	}
	for pi, res := range r.Results {
		hp := htmlPair{Source: res.Source, Target: res.Target, Summary: summaryLine(res.Summary(), 1)}
		byUnit := map[int][]int{}
		for i, f := range res.Findings {
			hf := htmlFinding{
				ID: fmt.Sprintf("f%d-%d", pi+1, i+1), Rule: f.Rule, Severity: f.Severity.String(),
				Message: sanitize(f.Message), Suggestion: sanitize(f.Suggestion),
				Source: sanitize(locString(f.Source)), Target: sanitize(locString(f.Target)),
			}
			hp.Findings = append(hp.Findings, hf)
			byUnit[f.Unit] = append(byUnit[f.Unit], i)
		}
		for ui, u := range res.Units {
			row := htmlRow{Index: ui + 1}
			worst := check.Off
			var fs []check.Finding
			for _, i := range byUnit[ui] {
				fs = append(fs, res.Findings[i])
				row.Findings = append(row.Findings, hp.Findings[i])
				worst = max(worst, res.Findings[i].Severity)
			}
			if worst != check.Off {
				row.Class = worst.String()
			}
			if s, ok := u.SourceSpan(); ok {
				row.Source = htmlPieces(res.Source, s, fs, true)
			}
			if s, ok := u.TargetSpan(); ok {
				row.Target = htmlPieces(res.Target, s, fs, false)
			}
			hp.Rows = append(hp.Rows, row)
		}
		page.Pairs = append(page.Pairs, hp)
	}
	return htmlTemplate.Execute(w, page)
}

// htmlPieces cuts segment s of d into plain and highlighted pieces.
func htmlPieces(d *check.Document, s check.Span, fs []check.Finding, source bool) []htmlPiece {
	var out []htmlPiece
	for _, p := range Highlight(d, s, fs, source) {
		hp := htmlPiece{Text: p.Text}
		if p.Finding >= 0 {
			f := &fs[p.Finding]
			hp.Class, hp.Title = f.Severity.String(), sanitize(f.Rule+": "+f.Message)
		}
		out = append(out, hp)
	}
	return out
}

// Piece is a run of a segment's text for display: plain, or the span a
// finding marks.
type Piece struct {
	Text string // safe to show: control characters dropped, white space collapsed
	// Finding is the index in the findings given to [Highlight] of the
	// finding that marks this piece, or -1 for plain text.
	Finding int
}

// Highlight cuts segment s of document d into plain pieces and the
// pieces marked by findings fs: by their source locations when source is
// true, else by their target ones. Only a location's match is marked
// (not a whole segment); where marks overlap, the first one wins.
func Highlight(d *check.Document, s check.Span, fs []check.Finding, source bool) []Piece {
	type mark struct {
		check.Span
		finding int
	}
	var marks []mark
	for i, f := range fs {
		l := f.Target
		if source {
			l = f.Source
		}
		if l == nil {
			continue
		}
		sp := check.Span{Start: l.Start, End: l.End}
		if l.Match == "" || sp.Start < s.Start || sp.End > s.End || sp.Start >= sp.End {
			continue
		}
		marks = append(marks, mark{sp, i})
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].Start < marks[j].Start })
	var out []Piece
	at := s.Start
	for _, m := range marks {
		if m.Start < at {
			continue
		}
		out = append(out, Piece{Text: sanitize(collapse(d.Text[at:m.Start])), Finding: -1},
			Piece{Text: sanitize(collapse(d.Text[m.Start:m.End])), Finding: m.finding})
		at = m.End
	}
	return append(out, Piece{Text: sanitize(collapse(d.Text[at:s.End])), Finding: -1})
}
