package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"

	"tolmach/check"
	"tolmach/check/report"
	"tolmach/internal/lang"
)

// The check page: a form (two texts pasted or uploaded, or one XLIFF
// file) posted as multipart/form-data, answered by the report page.

// checkFormView is the check form's data (kept when the form comes back
// with an error).
type checkFormView struct {
	SourceText, TargetText, Format, SourceLang string
	Err                                        string
}

// textFormats are the formats pasted text may be read as, by the
// extension given to its name.
var textFormats = map[string]string{"text": ".txt", "markdown": ".md", "html": ".html"}

func (s *Server) pageCheckForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "check", "check", "check.title", checkFormView{Format: "text"})
}

// pageCheck runs the check posted by the form and shows the report, or
// the form again with what was wrong.
func (s *Server) pageCheck(w http.ResponseWriter, r *http.Request) {
	form := checkFormView{Format: "text"}
	in, err := decodeCheckForm(w, r, &form)
	var rep *check.Report
	if err == nil {
		rep, err = s.Check(r.Context(), in)
	}
	if err != nil {
		var br *badRequest
		if !asBadRequest(err, &br) {
			s.pageError(w, r, "check", err)
			return
		}
		form.Err = br.msg
		s.render(w, r, br.status, "check", "check", "check.title", form)
		return
	}
	s.render(w, r, http.StatusOK, "report", "check", "report.title", newReportView(rep))
}

// maxFormField bounds the small fields of the check form.
const maxFormField = 64

// decodeCheckForm reads the check form: files source, target and xliff
// (an empty file input comes as a part with no file name and no bytes),
// or the pasted texts source_text and target_text read as text_format;
// and source_lang. An uploaded file wins over text pasted beside it.
func decodeCheckForm(w http.ResponseWriter, r *http.Request, form *checkFormView) (*PairInput, error) {
	if mediaType(r) != "multipart/form-data" {
		return nil, &badRequest{http.StatusUnsupportedMediaType, "unsupported_media_type", "send the check form as multipart/form-data"}
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxPairBody)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, errBad("multipart body: %v", err)
	}
	in := &PairInput{}
	files := map[string]*Document{}
	texts := map[string]string{}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, multipartError(err)
		}
		field := p.FormName()
		limit := int64(maxFormField)
		switch field {
		case "source", "target", "xliff", "source_text", "target_text":
			limit = lang.MaxFileSize
		case "text_format", "source_lang":
		default:
			return nil, errBad("unknown form field %q", field)
		}
		data, err := io.ReadAll(io.LimitReader(p, limit+1))
		if err != nil {
			return nil, multipartError(err)
		}
		if int64(len(data)) > limit {
			return nil, &badRequest{http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("%s: over %d bytes", field, limit)}
		}
		switch field {
		case "source", "target", "xliff":
			if len(data) == 0 {
				continue // no file chosen
			}
			name, err := cleanName(p.FileName(), field)
			if err != nil {
				return nil, err
			}
			files[field] = &Document{Name: name, Data: data}
		case "source_text", "target_text":
			texts[field] = string(data)
		case "text_format":
			form.Format = strings.TrimSpace(string(data))
		case "source_lang":
			form.SourceLang = strings.TrimSpace(string(data))
			if in.SourceLang, err = parseSourceLang(form.SourceLang); err != nil {
				return nil, err
			}
		}
	}
	form.SourceText, form.TargetText = texts["source_text"], texts["target_text"]
	ext, ok := textFormats[form.Format]
	if !ok {
		return nil, errBad("text_format %q: want text, markdown or html", form.Format)
	}
	if files["xliff"] != nil {
		if files["source"] != nil || files["target"] != nil {
			return nil, errBad("give two texts or one XLIFF file, not both")
		}
		in.XLIFF = files["xliff"]
		return in, nil
	}
	for _, side := range []struct {
		field string
		doc   **Document
	}{{"source", &in.Source}, {"target", &in.Target}} {
		if d := files[side.field]; d != nil {
			*side.doc = d
			continue
		}
		text := texts[side.field+"_text"]
		if strings.TrimSpace(text) == "" {
			return nil, errBad("give the %s: paste it or choose a file", side.field)
		}
		// Browsers send form text with CRLF line ends.
		text = strings.ReplaceAll(text, "\r\n", "\n")
		*side.doc = &Document{Name: side.field + ext, Data: []byte(text)}
	}
	// Pasted texts have no language in their names: the scripts decide,
	// unless the form says which is the original's.
	return in, nil
}

// reportView is the report page's data: the findings, and the aligned
// texts side by side with the findings marked, per checked pair.
type reportView struct {
	Summary    check.Summary
	Pairs      []pairView
	Rules      []countView // rules with findings, in the rules' order
	Severities []countView
	Total      int
}

type countView struct {
	Name  string
	Count int
}

type pairView struct {
	N                       int
	Source, Target          docView
	Summary                 check.Summary
	Findings                []findingView
	Rows                    []rowView
	SourceFormat, TgtFormat string
}

type docView struct{ Path, Lang, Format string }

type findingView struct {
	ID                   string // anchor: "f2-5"
	Rule, Severity       string
	Message, Suggestion  string
	SourceLoc, TargetLoc string // path:line:col
	Row                  string // anchor of its row, "" when it has none
	RowN                 int
	Suppress             []suppressLine
}

// suppressLine is one way to silence a finding, ready to copy.
type suppressLine struct {
	Kind  string // toml, inline, baseline
	Where string // where it goes (a file name), for the inline comment
	Text  string
}

type rowView struct {
	ID             string // anchor: "r2-5"
	N              int
	Source, Target []pieceView
	Omitted, Added bool
	Findings       []findingView
	Worst          string
	Classes        string // rule and severity classes of its findings, for the filters
}

type pieceView struct {
	Text     string
	Finding  string // anchor of the finding marking it, "" for plain text
	Severity string
	Rule     string
}

func newReportView(rep *check.Report) reportView {
	v := reportView{Summary: rep.Summary()}
	rules := map[string]int{}
	sevs := map[string]int{}
	for pi, res := range rep.Results {
		pv := pairView{N: pi + 1, Summary: res.Summary(),
			Source: docView{res.Source.Path, string(res.Source.Lang), string(res.Source.Format)},
			Target: docView{res.Target.Path, string(res.Target.Lang), string(res.Target.Format)}}
		byUnit := map[int][]int{}
		for i, f := range res.Findings {
			fv := findingView{ID: fmt.Sprintf("f%d-%d", pi+1, i+1), Rule: f.Rule, Severity: f.Severity.String(),
				Message: f.Message, Suggestion: f.Suggestion, SourceLoc: locText(f.Source), TargetLoc: locText(f.Target)}
			if f.Unit >= 0 && f.Unit < len(res.Units) {
				fv.Row, fv.RowN = fmt.Sprintf("r%d-%d", pi+1, f.Unit+1), f.Unit+1
				byUnit[f.Unit] = append(byUnit[f.Unit], i)
			}
			fv.Suppress = suppressLines(&f, res)
			pv.Findings = append(pv.Findings, fv)
			rules[f.Rule]++
			sevs[fv.Severity]++
			v.Total++
		}
		for ui, u := range res.Units {
			row := rowView{ID: fmt.Sprintf("r%d-%d", pi+1, ui+1), N: ui + 1}
			var fs []check.Finding
			var ids []string
			worst := check.Off
			var classes []string
			for _, i := range byUnit[ui] {
				f := res.Findings[i]
				fs = append(fs, f)
				ids = append(ids, pv.Findings[i].ID)
				row.Findings = append(row.Findings, pv.Findings[i])
				worst = max(worst, f.Severity)
				classes = append(classes, "has-"+f.Rule, "has-"+f.Severity.String())
			}
			if worst != check.Off {
				row.Worst = worst.String()
			}
			row.Classes = strings.Join(classes, " ")
			pieces := func(sp check.Span, source bool) []pieceView {
				var out []pieceView
				for _, p := range report.Highlight(doc(res, source), sp, fs, source) {
					pv := pieceView{Text: p.Text}
					if p.Finding >= 0 {
						pv.Finding, pv.Severity, pv.Rule = ids[p.Finding], fs[p.Finding].Severity.String(), fs[p.Finding].Rule
					}
					out = append(out, pv)
				}
				return out
			}
			if sp, ok := u.SourceSpan(); ok {
				row.Source = pieces(sp, true)
			} else {
				row.Added = true
			}
			if sp, ok := u.TargetSpan(); ok {
				row.Target = pieces(sp, false)
			} else {
				row.Omitted = true
			}
			pv.Rows = append(pv.Rows, row)
		}
		v.Pairs = append(v.Pairs, pv)
	}
	for _, r := range check.Rules() {
		if n := rules[r.Name()]; n > 0 {
			v.Rules = append(v.Rules, countView{r.Name(), n})
		}
	}
	for _, s := range []string{"error", "warning", "info"} {
		if n := sevs[s]; n > 0 {
			v.Severities = append(v.Severities, countView{s, n})
		}
	}
	return v
}

func doc(res *check.Result, source bool) *check.Document {
	if source {
		return res.Source
	}
	return res.Target
}

func locText(l *check.Location) string {
	if l == nil {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d", l.Path, l.Line, l.Column)
}

// suppressLines are the ways to silence f: an [[ignore]] entry of
// tolmach.toml, an inline comment where the document is Markdown or
// HTML, and its entry for a baseline file (check/baseline.go's format).
func suppressLines(f *check.Finding, res *check.Result) []suppressLine {
	term := ""
	if f.Term != nil {
		term = f.Term.ID
	}
	primary := f.Source
	if primary == nil {
		primary = f.Target
	}
	file := ""
	if f.Target != nil {
		file = path.Base(strings.ReplaceAll(f.Target.Path, "\\", "/"))
	} else if f.Source != nil {
		file = path.Base(strings.ReplaceAll(f.Source.Path, "\\", "/"))
	}
	var toml strings.Builder
	toml.WriteString("[[ignore]]\nrule = " + tomlString(f.Rule) + "\n")
	if term != "" {
		toml.WriteString("term = " + tomlString(term) + "\n")
	}
	if file != "" {
		toml.WriteString("file = " + tomlString(file) + "\n")
	}
	out := []suppressLine{{Kind: "toml", Text: toml.String()}}
	// The comment covers the paragraph after it, in the file it is in.
	for _, d := range []*check.Document{res.Target, res.Source} {
		if d.Format == check.Markdown || d.Format == check.HTML {
			c := "<!-- tolmach:ignore " + f.Rule
			if term != "" {
				c += " " + term
			}
			out = append(out, suppressLine{Kind: "inline", Where: d.Path, Text: c + " -->"})
			break
		}
	}
	e := check.BaselineEntry{Fingerprint: f.Fingerprint, Rule: f.Rule, Message: f.Message}
	if primary != nil {
		e.Path, e.Line = strings.ReplaceAll(primary.Path, "\\", "/"), primary.Line
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(e); err == nil && f.Fingerprint != "" {
		out = append(out, suppressLine{Kind: "baseline", Text: strings.TrimSpace(b.String()) + ","})
	}
	return out
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// handleFilterCSS serves the stylesheet behind the report's filters:
// for each rule and severity, unticking its box hides its findings and
// unmarks its spans, with CSS alone (:has), so the filters work without
// JavaScript and under the CSP (no inline style).
func (s *Server) handleFilterCSS(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(filterCSS)
}

var filterCSS = func() []byte {
	var b bytes.Buffer
	b.WriteString("/* The report's filters (generated from the rules; see serve/web_check.go). */\n")
	names := []string{"error", "warning", "info"}
	for _, r := range check.Rules() {
		names = append(names, r.Name())
	}
	for _, n := range names {
		fmt.Fprintf(&b, ".report:has(#show-%[1]s:not(:checked)) .finding.is-%[1]s { display: none; }\n", n)
		fmt.Fprintf(&b, ".report:has(#show-%[1]s:not(:checked)) mark.is-%[1]s { background: none; border-bottom: 0; }\n", n)
		fmt.Fprintf(&b, ".report:has(#show-%[1]s:not(:checked)) .row-finding.is-%[1]s { display: none; }\n", n)
	}
	return b.Bytes()
}()
