package serve

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"tolmach/glossary"
	"tolmach/project"
)

// The web app: server-rendered pages (html/template, embedded with the
// static files), usable without JavaScript; web/static/app.js only
// enhances them (lookup as you type, copy buttons). Every page works
// under the server's Content-Security-Policy: no inline script or style,
// nothing fetched from elsewhere. The pages reach the data through the
// same Server methods as the API; they authenticate by the token cookie
// (see pageAuthorized), so the script fetches page URLs, never /api/.

//go:embed web/templates/*.html web/static/*
var webFiles embed.FS

func init() { RegisterPages((*Server).webRoutes) }

// webRoutes registers the pages and the static files.
func (s *Server) webRoutes(mux *http.ServeMux) {
	pages() // parsed when a server starts, not on its first page
	static, err := fs.Sub(webFiles, "web/static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServerFS(static)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})))
	mux.HandleFunc("GET /static/filters.css", s.handleFilterCSS)
	mux.Handle("GET /{$}", s.withTimeout(s.pageLookup))
	mux.Handle("GET /check", s.withTimeout(s.pageCheckForm))
	mux.Handle("POST /check", s.withTimeout(s.pageCheck))
	mux.Handle("GET /tm", s.withTimeout(s.pageTM))
	mux.Handle("GET /glossary", s.withTimeout(s.pageGlossary))
	mux.Handle("GET /glossary/{id}", s.withTimeout(s.pageConcept))
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/favicon.svg"
		files.ServeHTTP(w, r2)
	})
}

// pages returns one template set per page: the layout with that page's
// "content" (and the fragments it shares). They are parsed on first use,
// not in an init function, because every process of the tolmach
// executable links this package: parsing them cost every `tolmach check`
// about 1.5 ms of CPU and 10,000 allocations. The templates are embedded,
// so a parse error is a defect of the build (Must panics, and the tests
// render every page).
var pages = sync.OnceValue(func() map[string]*template.Template {
	out := map[string]*template.Template{}
	for _, name := range []string{"lookup", "check", "report", "tm", "glossary", "concept", "error"} {
		t := template.New("layout.html").Funcs(templateFuncs)
		out[name] = template.Must(t.ParseFS(webFiles, "web/templates/layout.html", "web/templates/fragments.html", "web/templates/"+name+".html"))
	}
	return out
})

var templateFuncs = template.FuncMap{
	// T is replaced per request by the interface language's messages.
	"T":        func(key string, args ...any) string { return key },
	"lower":    strings.ToLower,
	"sevClass": func(s string) string { return "sev-" + s },
	"add":      func(a, b int) int { return a + b },
	"query": func(kv ...string) template.URL {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] != "" {
				v.Set(kv[i], kv[i+1])
			}
		}
		// %20, not +: html/template would write + as &#43;.
		return template.URL(strings.ReplaceAll(v.Encode(), "+", "%20"))
	},
}

// page is what every page's template gets.
type page struct {
	UI     string // interface language: "ru" or "en"
	Other  string // the other interface language
	Nav    string // the section: lookup, check, tm, glossary
	Title  string
	UILink string // this page in the other interface language
	Health Health
	Data   any
}

// render writes a page with the interface language of r.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name, nav, title string, data any) {
	ui := uiLang(w, r)
	t, err := pages()[name].Clone()
	if err == nil {
		t = t.Funcs(template.FuncMap{"T": translator(ui)})
	}
	p := page{UI: ui, Other: otherUI(ui), Nav: nav, Title: title, UILink: uiLink(r, otherUI(ui)), Health: s.Health(), Data: data}
	var buf bytes.Buffer
	if err == nil {
		err = t.Execute(&buf, p)
	}
	if err != nil {
		s.log.Error("rendering a page", "page", name, "error", err.Error())
		http.Error(w, "internal error rendering the page; the server log has the details", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Language", ui)
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// renderFragment writes one named template of a page (the lookup's
// results, fetched by the script as you type).
func (s *Server) renderFragment(w http.ResponseWriter, r *http.Request, name, fragment string, data any) {
	ui := uiLang(w, r)
	t, err := pages()[name].Clone()
	var buf bytes.Buffer
	if err == nil {
		err = t.Funcs(template.FuncMap{"T": translator(ui)}).ExecuteTemplate(&buf, fragment, page{UI: ui, Data: data})
	}
	if err != nil {
		s.log.Error("rendering a fragment", "fragment", fragment, "error", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

// pageError shows an error the user can act on, in the page of the
// section it happened in.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, nav string, err error) {
	status := http.StatusInternalServerError
	var br *badRequest
	if ok := asBadRequest(err, &br); ok {
		status = br.status
	} else {
		s.log.Error("page failed", "path", r.URL.Path, "error", err.Error())
	}
	s.render(w, r, status, "error", nav, "error.title", err.Error())
}

func asBadRequest(err error, br **badRequest) bool {
	for e := err; e != nil; {
		if b, ok := e.(*badRequest); ok {
			*br = b
			return true
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		e = u.Unwrap()
	}
	return false
}

// lookupView is the lookup page's data.
type lookupView struct {
	Query    string
	Lang     string
	Exact    bool
	Results  []conceptView
	Searched bool
	Err      string
}

// conceptView is a concept as the pages show it.
type conceptView struct {
	ID, Domain, Definition, Note, Source, Origin string
	RU, EN                                       termView // preferred terms
	Langs                                        []langTerms
	Match                                        string // how it matched: exact, stemmed, fuzzy, partial
	Matched                                      string // the term that matched
}

type langTerms struct {
	Lang  string
	Terms []termView
}

type termView struct {
	Text, Status, Type, Note string
	Case, Exact              bool
	Matched                  bool
}

func newConceptView(c *glossary.Concept, matched *glossary.Term) conceptView {
	v := conceptView{ID: c.ID, Domain: c.Domain, Definition: c.Definition, Note: c.Note, Source: c.Source, Origin: c.Origin}
	by := map[string][]termView{}
	var order []string
	for _, t := range c.Terms {
		tv := termView{Text: t.Text, Status: string(c.EffectiveStatus(t)), Type: string(t.EffectiveType()), Note: t.Note,
			Case: t.CaseSensitive, Exact: t.Exact, Matched: t == matched}
		if _, ok := by[t.Lang]; !ok {
			order = append(order, t.Lang)
		}
		by[t.Lang] = append(by[t.Lang], tv)
	}
	// Russian and English first, then any other language as read.
	sort.SliceStable(order, func(i, j int) bool { return langRank(order[i]) < langRank(order[j]) })
	for _, l := range order {
		v.Langs = append(v.Langs, langTerms{l, by[l]})
	}
	if t := c.Preferred("ru"); t != nil {
		v.RU = termView{Text: t.Text, Status: string(c.EffectiveStatus(t))}
	}
	if t := c.Preferred("en"); t != nil {
		v.EN = termView{Text: t.Text, Status: string(c.EffectiveStatus(t))}
	}
	if matched != nil {
		v.Matched = matched.Text
	}
	return v
}

func langRank(l string) int {
	switch l {
	case "ru":
		return 0
	case "en":
		return 1
	}
	return 2
}

// lookupConcepts runs a lookup and returns the concepts found.
func (s *Server) lookupConcepts(ctx context.Context, req LookupRequest) ([]conceptView, error) {
	res, err := s.lookupResults(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make([]conceptView, 0, len(res))
	for _, r := range res {
		v := newConceptView(r.Concept, r.Term)
		v.Match = r.Kind.String()
		out = append(out, v)
	}
	return out, nil
}

// pageLookup is the home page: the lookup box and, with ?q=, its
// results (a link to /?q=… shows them on load). With part=results only
// the results are sent: the script asks for them as you type.
func (s *Server) pageLookup(w http.ResponseWriter, r *http.Request) {
	v := lookupView{Query: strings.TrimSpace(r.URL.Query().Get("q")), Lang: r.URL.Query().Get("lang")}
	if v.Query != "" {
		req, err := parseLookup(r)
		if err == nil {
			v.Exact = req.Exact
			v.Searched = true
			v.Results, err = s.lookupConcepts(r.Context(), req)
		}
		if err != nil {
			var br *badRequest
			if !asBadRequest(err, &br) {
				s.pageError(w, r, "lookup", err)
				return
			}
			v.Err = br.msg
		}
	}
	if r.URL.Query().Get("part") == "results" {
		s.renderFragment(w, r, "lookup", "lookup-results", v)
		return
	}
	title := "lookup.title"
	if v.Query != "" {
		title = v.Query
	}
	s.render(w, r, http.StatusOK, "lookup", "lookup", title, v)
}

// tmView is the TM page's data.
type tmView struct {
	Query    string
	Mode     string // "match" or "search"
	Min      int
	Searched bool
	Matches  []project.Match
	Hits     []tmHit
	Err      string
}

// tmHit is a concordance hit with its source cut at the matched spans.
type tmHit struct {
	project.Unit
	Pieces []textPiece
}

// textPiece is a run of text, marked or not.
type textPiece struct {
	Text   string
	Marked bool
}

// markSpans cuts text at the byte spans given.
func markSpans(text string, spans [][2]int) []textPiece {
	var out []textPiece
	at := 0
	for _, sp := range spans {
		if sp[0] < at || sp[1] > len(text) || sp[0] >= sp[1] {
			continue
		}
		out = append(out, textPiece{Text: text[at:sp[0]]}, textPiece{Text: text[sp[0]:sp[1]], Marked: true})
		at = sp[1]
	}
	return append(out, textPiece{Text: text[at:]})
}

// pageTM is concordance (search) and fuzzy match in the TMs loaded.
func (s *Server) pageTM(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := tmView{Query: strings.TrimSpace(q.Get("q")), Mode: q.Get("mode"), Min: 50}
	if v.Mode != "search" {
		v.Mode = "match"
	}
	if m, err := strconv.Atoi(q.Get("min")); err == nil && m >= 0 && m <= 100 {
		v.Min = m
	}
	if v.Query != "" {
		v.Searched = true
		var err error
		switch {
		case len(v.Query) > maxQueryBytes || !utf8.ValidString(v.Query):
			v.Err = "tm.too_long"
		case v.Mode == "search":
			var res *project.SearchResult
			if res, err = s.TMSearch(r.Context(), v.Query, 50); err == nil {
				for _, h := range res.Results {
					v.Hits = append(v.Hits, tmHit{Unit: h.Unit, Pieces: markSpans(h.Source, h.Spans)})
				}
			}
		default:
			var res *project.MatchResult
			if res, err = s.TMMatch(r.Context(), v.Query, v.Min, 20); err == nil {
				v.Matches = res.Matches
			}
		}
		if err != nil {
			s.pageError(w, r, "tm", err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "tm", "tm", "tm.title", v)
}

// glossaryView is the glossary page's data: the domains, or one
// domain's concepts a page at a time.
type glossaryView struct {
	Domains  []domainCount
	Domain   string // the domain shown; "" lists the domains
	Concepts []conceptView
	Total    int
	Page     int
	Pages    int
	Filter   string
}

type domainCount struct {
	Name  string
	Count int
}

// conceptsPerPage bounds a domain page (a 50,000-concept glossary has
// domains of thousands).
const conceptsPerPage = 200

// noDomain names, in URLs, the concepts without a domain.
const noDomain = "-"

// pageGlossary lists the domains of the glossaries in use with their
// concept counts, or (?domain=) one domain's concepts, sorted by their
// Russian preferred terms, with a filter on their terms.
func (s *Server) pageGlossary(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := glossaryView{Domain: q.Get("domain"), Filter: strings.TrimSpace(q.Get("filter"))}
	sn := s.acquire()
	defer sn.release()
	counts := map[string]int{}
	for _, c := range sn.glossary.Concepts {
		counts[domainKey(c.Domain)]++
	}
	for d, n := range counts {
		v.Domains = append(v.Domains, domainCount{d, n})
	}
	sort.Slice(v.Domains, func(i, j int) bool {
		return strings.ToLower(v.Domains[i].Name) < strings.ToLower(v.Domains[j].Name)
	})
	if v.Domain != "" {
		filter := strings.ToLower(v.Filter)
		var cs []conceptView
		for _, c := range sn.glossary.Concepts {
			if domainKey(c.Domain) != v.Domain {
				continue
			}
			if filter != "" && !conceptHas(c, filter) {
				continue
			}
			cs = append(cs, newConceptView(c, nil))
		}
		sort.SliceStable(cs, func(i, j int) bool { return strings.ToLower(cs[i].RU.Text) < strings.ToLower(cs[j].RU.Text) })
		v.Total = len(cs)
		v.Pages = max(1, (len(cs)+conceptsPerPage-1)/conceptsPerPage)
		v.Page, _ = strconv.Atoi(q.Get("page"))
		v.Page = min(max(v.Page, 1), v.Pages)
		lo := (v.Page - 1) * conceptsPerPage
		v.Concepts = cs[lo:min(lo+conceptsPerPage, len(cs))]
	}
	title := "glossary.title"
	if v.Domain != "" {
		title = v.Domain
	}
	s.render(w, r, http.StatusOK, "glossary", "glossary", title, v)
}

func domainKey(d string) string {
	if d == "" {
		return noDomain
	}
	return d
}

// conceptHas reports whether a term of c holds filter (lower case).
func conceptHas(c *glossary.Concept, filter string) bool {
	for _, t := range c.Terms {
		if strings.Contains(strings.ToLower(t.Text), filter) {
			return true
		}
	}
	return strings.EqualFold(c.ID, filter)
}

// pageConcept shows one concept: every term with its status, type,
// flags and note, and the concept's domain, definition, note and source.
func (s *Server) pageConcept(w http.ResponseWriter, r *http.Request) {
	sn := s.acquire()
	defer sn.release()
	c := sn.glossary.Lookup(r.PathValue("id"))
	if c == nil {
		s.pageError(w, r, "glossary", &badRequest{http.StatusNotFound, "not_found", fmt.Sprintf("no concept %q in the glossaries in use", r.PathValue("id"))})
		return
	}
	v := newConceptView(c, nil)
	title := v.ID
	if v.RU.Text != "" || v.EN.Text != "" {
		title = strings.Trim(v.RU.Text+" / "+v.EN.Text, " /")
	}
	s.render(w, r, http.StatusOK, "concept", "glossary", title, v)
}
