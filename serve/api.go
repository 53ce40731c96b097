package serve

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"tolmach/index"
	"tolmach/project"
)

// routes registers the API. Each path also has a method-less pattern
// answering 405 with the contract's error object (the mux's own 405 is
// plain text), and /api/ a catch-all 404.
func (s *Server) routes(mux *http.ServeMux) {
	api := []struct {
		method, path string
		h            http.HandlerFunc
	}{
		{"GET", "/api/v1/health", s.handleHealth},
		{"GET", "/api/v1/lookup", s.handleLookup},
	}
	api = append(api, s.moreRoutes()...)
	seen := map[string]bool{}
	for _, a := range api {
		mux.Handle(a.method+" "+a.path, s.withTimeout(a.h))
		if !seen[a.path] {
			seen[a.path] = true
			mux.HandleFunc(a.path, s.methodNotAllowed)
		}
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", fmt.Sprintf("no API endpoint %s; see /api/v1/health and the README", r.URL.Path))
	})
}

func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodOptions {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", fmt.Sprintf("%s is not allowed on %s", r.Method, r.URL.Path))
}

// withTimeout bounds a request's work by the request timeout.
func (s *Server) withTimeout(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.RequestTimeout)
		defer cancel()
		h(w, r.WithContext(ctx))
	})
}

// Health is the JSON of GET /api/v1/health. The contract's fields come
// first; the rest say what is loaded and how the last reload went.
type Health struct {
	Status     string    `json:"status"`
	Version    string    `json:"version"`
	Concepts   int       `json:"concepts"`
	Units      int       `json:"units"`
	Glossaries []string  `json:"glossaries"`
	TMs        []string  `json:"tms"`
	Loaded     time.Time `json:"loaded"`
	Reloads    int       `json:"reloads"`
	// ReloadError is the error of the last reload when it failed: the
	// server still serves the version loaded at Loaded.
	ReloadError *ReloadError `json:"reload_error,omitempty"`
	AllowEdit   bool         `json:"allow_edit"`
}

// ReloadError describes a failed reload.
type ReloadError struct {
	Message string    `json:"message"`
	At      time.Time `json:"at"`
}

// Health reports what the server holds.
func (s *Server) Health() Health {
	sn := s.acquire()
	defer sn.release()
	h := Health{Status: "ok", Version: s.opts.Version, Concepts: len(sn.glossary.Concepts), Units: sn.tms.Units(),
		Glossaries: []string{}, TMs: []string{}, Loaded: sn.loaded, AllowEdit: s.opts.AllowEdit}
	for _, g := range sn.sources {
		h.Glossaries = append(h.Glossaries, g.String())
	}
	if sn.tms != nil {
		h.TMs = append(h.TMs, sn.tms.Paths...)
	}
	s.reload.mu.Lock()
	h.Reloads = s.reload.reloads
	if s.reload.err != nil {
		h.ReloadError = &ReloadError{Message: loadError(s.reload.err), At: s.reload.at}
	}
	s.reload.mu.Unlock()
	return h
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, s.Health())
}

// LookupRequest is a lookup's parameters, as GET /api/v1/lookup takes
// them.
type LookupRequest struct {
	Query string // the text looked up
	Lang  string // "ru", "en" or "" / "auto" (by script)
	Limit int    // most concepts; 0 means index.DefaultLimit
	Exact bool   // no stems, typos or prefixes
}

// Lookup looks a query up in the glossaries; the result is the
// contract's lookup JSON. Queries over project.MaxQueryRunes characters
// are cut (the result's query is the one given).
func (s *Server) Lookup(ctx context.Context, req LookupRequest) (*project.Lookup, error) {
	res, err := s.lookupResults(ctx, req)
	if err != nil {
		return nil, err
	}
	return project.NewLookup(req.Query, res), nil
}

// lookupResults runs a lookup on the current glossaries (the API's JSON
// and the web app's pages are made from its results).
func (s *Server) lookupResults(ctx context.Context, req LookupRequest) ([]index.Result, error) {
	sn := s.acquire()
	defer sn.release()
	return lookupIn(ctx, sn, req)
}

// lookupIn runs a lookup in the version sn.
func lookupIn(ctx context.Context, sn *snapshot, req LookupRequest) ([]index.Result, error) {
	return sn.index.Lookup(ctx, req.indexQuery())
}

// indexQuery is the index's query for req.
func (req LookupRequest) indexQuery() index.Query {
	q := index.Query{Text: req.Query, Lang: req.Lang, Limit: req.Limit, Exact: req.Exact}
	if q.Lang == "auto" {
		q.Lang = ""
	}
	if utf8.RuneCountInString(q.Text) > project.MaxQueryRunes {
		q.Text = project.TruncateQuery(q.Text, project.MaxQueryRunes)
	}
	return q
}

// lookupJSON returns the lookup JSON of req in the version sn (the
// encoder's bytes, newline included), written by hand from results the
// index reuses (index.Index.LookupFunc) into a reused buffer, then
// copied at its length: a first ask leaves behind only the answer the
// cache keeps.
func lookupJSON(ctx context.Context, sn *snapshot, req LookupRequest) ([]byte, error) {
	buf := jsonBufs.Get().(*[]byte)
	defer jsonBufs.Put(buf)
	var body []byte
	err := sn.index.LookupFunc(ctx, req.indexQuery(), func(res []index.Result) error {
		b, err := project.AppendLookupJSON((*buf)[:0], req.Query, res)
		if err != nil {
			return err
		}
		b = append(b, '\n')
		body = append(make([]byte, 0, len(b)), b...)
		if cap(b) <= maxPooledJSON {
			*buf = b[:0]
		}
		return nil
	})
	return body, err
}

// jsonBufs holds the buffers lookupJSON writes answers in (*[]byte);
// one grown past maxPooledJSON (a lookup of hundreds of results) is
// not kept.
const maxPooledJSON = 64 << 10

var jsonBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

// badRequest is a request error the client can fix: 400 bad_request
// (or its own status and code) with its message.
type badRequest struct {
	status int
	code   string
	msg    string
}

func (e *badRequest) Error() string { return e.msg }

func errBad(format string, args ...any) error {
	return &badRequest{status: http.StatusBadRequest, code: "bad_request", msg: fmt.Sprintf(format, args...)}
}

// fail answers with the error object fitting err: the client's errors
// as 4xx, a deadline as 503 timeout, anything else as 500 with its
// message (never a stack).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var br *badRequest
	switch {
	case errors.As(err, &br):
		writeError(w, br.status, br.code, br.msg)
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "timeout", fmt.Sprintf("the request took longer than %s", s.opts.RequestTimeout))
	case errors.Is(err, context.Canceled):
		writeError(w, http.StatusServiceUnavailable, "canceled", "the request was canceled")
	default:
		s.log.Error("request failed", "path", r.URL.Path, "error", err.Error())
		writeError(w, http.StatusInternalServerError, "internal", err.Error())
	}
}

// intParam reads an optional integer query parameter within [lo, hi].
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	return intValue(r.URL.Query(), name, def, lo, hi)
}

// intValue is intParam on parameters already parsed (a request's URL
// is parsed once per handler, not once per parameter).
func intValue(vs url.Values, name string, def, lo, hi int) (int, error) {
	v := vs.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < lo || n > hi {
		return 0, errBad("%s=%q: want a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// boolParam reads an optional flag: 1, true, yes (or 0, false, no).
func boolParam(r *http.Request, name string) (bool, error) {
	return boolValue(r.URL.Query(), name)
}

// boolValue is boolParam on parameters already parsed.
func boolValue(vs url.Values, name string) (bool, error) {
	switch strings.ToLower(vs.Get(name)) {
	case "", "0", "false", "no", "off":
		return false, nil
	case "1", "true", "yes", "on":
		return true, nil
	}
	return false, errBad("%s=%q: want 1 or 0", name, vs.Get(name))
}

// queryParam reads the required q parameter.
func queryParam(r *http.Request) (string, error) {
	return queryValue(r.URL.Query())
}

// queryValue is queryParam on parameters already parsed.
func queryValue(vs url.Values) (string, error) {
	q := strings.TrimSpace(vs.Get("q"))
	if q == "" {
		return "", errBad("missing query: add ?q=TEXT")
	}
	if !utf8.ValidString(q) {
		return "", errBad("the query is not valid UTF-8")
	}
	if len(q) > maxQueryBytes {
		return "", &badRequest{http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the query has %d bytes; at most %d are taken", len(q), maxQueryBytes)}
	}
	return q, nil
}

// maxQueryBytes bounds a q parameter: a lookup searches 200 characters,
// a TM query is one segment.
const maxQueryBytes = 64 << 10

// parseLookup decodes a lookup request from the URL, parsing its query
// string once.
func parseLookup(r *http.Request) (LookupRequest, error) {
	vs := r.URL.Query()
	q, err := queryValue(vs)
	if err != nil {
		return LookupRequest{}, err
	}
	req := LookupRequest{Query: q, Lang: vs.Get("lang")}
	switch req.Lang {
	case "", "auto", "ru", "en":
	default:
		return req, errBad("lang=%q: want ru, en or auto", req.Lang)
	}
	if req.Limit, err = intValue(vs, "limit", index.DefaultLimit, 1, index.MaxLimit); err != nil {
		return req, err
	}
	if req.Exact, err = boolValue(vs, "exact"); err != nil {
		return req, err
	}
	return req, nil
}

// cacheKey is the lookup cache's key of req: every parameter that
// changes the answer, NUL-separated (a concatenation, not fmt: this is
// on every request's path).
func (req LookupRequest) cacheKey() string {
	exact := "0"
	if req.Exact {
		exact = "1"
	}
	return req.Query + "\x00" + req.Lang + "\x00" + strconv.Itoa(req.Limit) + "\x00" + exact
}

func (s *Server) handleLookup(w http.ResponseWriter, r *http.Request) {
	req, err := parseLookup(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sn := s.acquire()
	defer sn.release()
	key := req.cacheKey()
	body, ok := sn.lookups.get(key)
	if !ok {
		if body, err = lookupJSON(r.Context(), sn, req); err != nil {
			s.fail(w, r, err)
			return
		}
		sn.lookups.put(key, body)
	}
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["Cache-Control"] = noStore
	// With its length the answer goes out in one write, not chunked
	// (which net/http does for a body over 2 KB written without it).
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.Write(body)
}
