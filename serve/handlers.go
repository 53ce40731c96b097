package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"tolmach/check"
	"tolmach/check/report"
	"tolmach/glossary"
	"tolmach/internal/lang"
	"tolmach/project"
	"tolmach/tm"
	"tolmach/tm/align"
)

type route = struct {
	method, path string
	h            http.HandlerFunc
}

// moreRoutes lists the endpoints beyond health and lookup.
func (s *Server) moreRoutes() []route {
	return []route{
		{"POST", "/api/v1/check", s.handleCheck},
		{"POST", "/api/v1/align", s.handleAlign},
		{"GET", "/api/v1/tm/match", s.handleTMMatch},
		{"GET", "/api/v1/tm/search", s.handleTMSearch},
		{"POST", "/api/v1/glossary/terms", s.handleAddTerms},
		{"POST", "/api/v1/tm/units", s.handleAddUnit},
	}
}

// slot waits for one of the MaxConcurrent places for a check or an
// alignment (each runs several goroutines and holds two articles), so
// that a burst of them queues instead of exhausting memory and CPUs.
func (s *Server) slot(ctx context.Context) (release func(), err error) {
	select {
	case s.heavy <- struct{}{}:
		return func() { <-s.heavy }, nil
	case <-ctx.Done():
		return nil, &badRequest{http.StatusServiceUnavailable, "busy", "the server is busy with other checks; try again"}
	}
}

// inputError classifies an error reading or checking an upload: the
// client's (4xx) unless it is a deadline.
func inputError(err error) error {
	var br *badRequest
	switch {
	case errors.As(err, &br), errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return err
	case errors.Is(err, lang.ErrTooLarge):
		return &badRequest{http.StatusRequestEntityTooLarge, "too_large", err.Error()}
	}
	return &badRequest{http.StatusUnprocessableEntity, "unprocessable", err.Error()}
}

// Check checks an uploaded pair (or XLIFF file) against the glossaries
// loaded; the report is the one `tolmach check` writes.
func (s *Server) Check(ctx context.Context, in *PairInput) (*check.Report, error) {
	release, err := s.slot(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	sn := s.acquire()
	defer sn.release()
	srcLang := in.SourceLang
	if srcLang == "" {
		srcLang = s.opts.SourceLang
	}
	if srcLang == "" && s.opts.Config != nil {
		srcLang = lang.Lang(s.opts.Config.SourceLang)
	}
	var res *check.Result
	if in.XLIFF != nil {
		src, tgt, err := check.ParseBilingual(in.XLIFF.Name, in.XLIFF.Data, in.Encoding)
		if err != nil {
			return nil, inputError(err)
		}
		if src.Lang == "" && srcLang != "" {
			src.Lang = srcLang
		}
		res, err = sn.checker.CheckBilingualDocuments(ctx, src, tgt)
		if err != nil {
			return nil, inputError(err)
		}
	} else {
		src, tgt, err := check.ParsePair(in.Source.Name, in.Source.Data, in.Target.Name, in.Target.Data, in.Encoding, srcLang)
		if err != nil {
			return nil, inputError(err)
		}
		res, err = sn.checker.Check(ctx, src, tgt)
		if err != nil {
			return nil, inputError(err)
		}
	}
	return check.NewReport(sn.checker, res), nil
}

// reportTypes are the Content-Types of the check report formats.
var reportTypes = map[string]string{
	"json":   "application/json; charset=utf-8",
	"sarif":  "application/sarif+json; charset=utf-8",
	"html":   "text/html; charset=utf-8",
	"junit":  "application/xml; charset=utf-8",
	"text":   "text/plain; charset=utf-8",
	"github": "text/plain; charset=utf-8",
}

// reportCSP is the policy of an HTML report: self-contained, its own
// inline style only, no script, no requests anywhere.
const reportCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	ct, ok := reportTypes[format]
	if !ok {
		s.fail(w, r, errBad("format=%q: want json, sarif, html, junit, text or github", format))
		return
	}
	in, err := decodePair(w, r, true)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rep, err := s.Check(r.Context(), in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := report.Write(format, &buf, rep, report.Options{Version: s.opts.Version}); err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Cache-Control", "no-store")
	if format == "html" {
		h.Set("Content-Security-Policy", reportCSP)
	}
	w.Write(buf.Bytes())
}

// Align aligns an uploaded pair with the glossaries' concepts as
// anchors; the result is `tolmach align --format json`'s.
func (s *Server) Align(ctx context.Context, in *PairInput) (*project.Alignment, error) {
	release, err := s.slot(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	texts := [2]string{}
	for i, d := range []*Document{in.Source, in.Target} {
		if check.FormatOf(d.Name) == check.DOCX {
			doc, err := check.ParseDocument(d.Name, d.Data, in.Encoding, "")
			if err != nil {
				return nil, inputError(err)
			}
			texts[i] = doc.Text
			continue
		}
		text, _, err := lang.DecodeFile(d.Name, d.Data, in.Encoding, check.FormatOf(d.Name) == check.HTML)
		if err != nil {
			return nil, inputError(err)
		}
		texts[i] = text
	}
	srcLang, tgtLang, err := project.AlignLangs(in.Source.Name, texts[0], in.Target.Name, texts[1], in.SourceLang)
	if err != nil {
		return nil, &badRequest{http.StatusUnprocessableEntity, "unprocessable", err.Error()}
	}
	sn := s.acquire()
	defer sn.release()
	opts := align.Options{Anchorers: []align.Anchorer{sn.glossaryAnchorer()}, ConcurrentAnchorers: true}
	a, err := align.AlignTextsContext(ctx, texts[0], texts[1], srcLang, tgtLang, opts)
	if err != nil {
		return nil, inputError(err)
	}
	return project.NewAlignment(a, in.Source.Name, in.Target.Name), nil
}

func (s *Server) handleAlign(w http.ResponseWriter, r *http.Request) {
	in, err := decodePair(w, r, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.Align(r.Context(), in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, a)
}

// TMMatch returns the fuzzy matches of query in the TMs loaded, as `tm
// match --format json` prints one.
func (s *Server) TMMatch(ctx context.Context, query string, min, limit int) (*project.MatchResult, error) {
	sn := s.acquire()
	defer sn.release()
	return sn.tms.Match(ctx, query, min, limit)
}

// TMSearch returns the concordance of phrase in the TMs loaded, as `tm
// search --format json` prints it.
func (s *Server) TMSearch(ctx context.Context, phrase string, limit int) (*project.SearchResult, error) {
	sn := s.acquire()
	defer sn.release()
	return sn.tms.Search(ctx, phrase, limit)
}

func (s *Server) handleTMMatch(w http.ResponseWriter, r *http.Request) {
	q, err := queryParam(r)
	if err == nil {
		err = lang.CheckSegment(q)
		if err != nil {
			err = &badRequest{http.StatusRequestEntityTooLarge, "too_large", "q: " + err.Error()}
		}
	}
	min, limit := 0, 0
	if err == nil {
		min, err = intParam(r, "min", 70, 0, 100)
	}
	if err == nil {
		limit, err = intParam(r, "limit", 5, 1, 1000)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.TMMatch(r.Context(), q, min, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, res)
}

func (s *Server) handleTMSearch(w http.ResponseWriter, r *http.Request) {
	q, err := queryParam(r)
	limit := 0
	if err == nil {
		limit, err = intParam(r, "limit", 20, 1, 1000)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.TMSearch(r.Context(), q, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, res)
}

// editable refuses an edit on a read-only server.
func (s *Server) editable() error {
	if !s.opts.AllowEdit {
		return &badRequest{http.StatusForbidden, "forbidden", "this server is read-only; start it with --allow-edit to add terms and units"}
	}
	return nil
}

// chooseFile picks the file an edit goes to: the one named, which must
// be one of those in use, else the first of them.
func chooseFile(named string, inUse []string, what string) (string, error) {
	if len(inUse) == 0 {
		return "", &badRequest{http.StatusConflict, "conflict", fmt.Sprintf("no %s file is in use to add to (the built-in glossary is read-only)", what)}
	}
	if named == "" {
		return inUse[0], nil
	}
	for _, p := range inUse {
		if p == named {
			return p, nil
		}
	}
	return "", errBad("%s %q is not one the server uses (%s)", what, named, strings.Join(inUse, ", "))
}

// addTermsJSON is the body of POST /api/v1/glossary/terms: the fields of
// `tolmach add`.
type addTermsJSON struct {
	Glossary string `json:"glossary"`
	ID       string `json:"id"`
	RU       string `json:"ru"`
	EN       string `json:"en"`
	RUStatus string `json:"ru_status"`
	ENStatus string `json:"en_status"`
	RUType   string `json:"ru_type"`
	ENType   string `json:"en_type"`
	Domain   string `json:"domain"`
	Note     string `json:"note"`
}

// terms validates the request's terms as `tolmach add` does its flags.
func (a *addTermsJSON) terms() ([]*glossary.Term, error) {
	if a.ID != "" && !glossary.ValidID(a.ID) {
		return nil, errBad("id %q: use lower-case Latin letters, digits, '-', '_' and '.'", a.ID)
	}
	var out []*glossary.Term
	for _, f := range []struct{ lng, text, status, typ string }{{"ru", a.RU, a.RUStatus, a.RUType}, {"en", a.EN, a.ENStatus, a.ENType}} {
		text := strings.Join(strings.Fields(f.text), " ")
		if text == "" {
			if f.status != "" || f.typ != "" {
				return nil, errBad("%s_status or %s_type without %s", f.lng, f.lng, f.lng)
			}
			continue
		}
		if err := lang.CheckTerm(text); err != nil {
			return nil, errBad("%s: %v", f.lng, err)
		}
		t := &glossary.Term{Lang: f.lng, Text: text}
		if f.status != "" {
			st, err := glossary.ParseStatus(f.status)
			if err != nil {
				return nil, errBad("%s_status: %v", f.lng, err)
			}
			t.Status = st
		}
		if f.typ != "" {
			ty, err := glossary.ParseType(f.typ)
			if err != nil {
				return nil, errBad("%s_type: %v", f.lng, err)
			}
			t.Type = ty
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, errBad("give ru and en")
	}
	for _, f := range []struct{ name, v string }{{"domain", a.Domain}, {"note", a.Note}} {
		if err := lang.CheckField(f.name, f.v); err != nil {
			return nil, errBad("%v", err)
		}
	}
	return out, nil
}

func (s *Server) handleAddTerms(w http.ResponseWriter, r *http.Request) {
	if err := s.editable(); err != nil {
		s.fail(w, r, err)
		return
	}
	var body addTermsJSON
	if err := decodeJSON(w, r, maxEditBody, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	terms, err := body.terms()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	file, err := chooseFile(body.Glossary, project.GlossaryPaths(s.opts.Config, s.opts.Glossaries), "glossary")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	id, err := project.AddTerms(file, body.ID, terms, body.Domain, body.Note)
	if errors.Is(err, project.ErrNewConceptTerms) {
		err = errBad("a new concept needs both ru and en")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("glossary edited", "file", file, "concept", id)
	reloadErr := s.Reload(context.WithoutCancel(r.Context()))
	writeJSON(w, editResult{ID: id, File: file, Reloaded: reloadErr == nil})
}

// editResult answers an edit: what was added where, and whether the
// server already serves it (else the next reload will).
type editResult struct {
	ID       string `json:"id,omitempty"`
	File     string `json:"file"`
	Added    *int   `json:"added,omitempty"`
	Total    *int   `json:"total,omitempty"`
	Reloaded bool   `json:"reloaded"`
}

// addUnitJSON is the body of POST /api/v1/tm/units: one unit.
type addUnitJSON struct {
	TM string `json:"tm"`
	RU string `json:"ru"`
	EN string `json:"en"`
	ID string `json:"id"`
}

func (s *Server) handleAddUnit(w http.ResponseWriter, r *http.Request) {
	if err := s.editable(); err != nil {
		s.fail(w, r, err)
		return
	}
	var body addUnitJSON
	if err := decodeJSON(w, r, maxEditBody, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	ru, en := strings.TrimSpace(body.RU), strings.TrimSpace(body.EN)
	if ru == "" || en == "" {
		s.fail(w, r, errBad("give ru and en"))
		return
	}
	for _, seg := range []string{ru, en} {
		if err := lang.CheckSegment(seg); err != nil {
			s.fail(w, r, &badRequest{http.StatusRequestEntityTooLarge, "too_large", err.Error()})
			return
		}
	}
	file, err := chooseFile(body.TM, project.TMPaths(s.opts.Config, s.opts.TMs), "TM")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	u := tm.Unit{ID: body.ID, SrcLang: "ru", Segments: []tm.Segment{{Lang: "ru", Text: ru}, {Lang: "en", Text: en}}}
	res, err := tm.Add(file, []tm.Unit{u}, tm.Options{CacheDir: s.opts.CacheDir})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("TM edited", "file", file, "added", res.Added)
	reloadErr := s.Reload(context.WithoutCancel(r.Context()))
	writeJSON(w, editResult{File: file, Added: &res.Added, Total: &res.Total, Reloaded: reloadErr == nil})
}
