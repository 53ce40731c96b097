package serve

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// The web app without a browser: every page is usable without
// JavaScript (its results are in the HTML), in both languages, and
// keeps to the server's Content-Security-Policy.

// page fetches a page and returns its body, failing unless status.
func getPage(t *testing.T, s *Server, method, target string, status int, body []byte, header ...string) string {
	t.Helper()
	var w *httptest.ResponseRecorder
	if body != nil {
		w = do(t, s, method, target, bytes.NewReader(body), header...)
	} else {
		w = do(t, s, method, target, nil, header...)
	}
	if w.Code != status {
		t.Fatalf("%s %s: status %d, want %d\n%s", method, target, w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("%s %s: Content-Type %q", method, target, ct)
	}
	if w.Header().Get("Content-Security-Policy") != contentSecurityPolicy {
		t.Errorf("%s %s: CSP %q", method, target, w.Header().Get("Content-Security-Policy"))
	}
	checkCSPCompatible(t, target, w.Body.String())
	return w.Body.String()
}

// checkCSPCompatible fails on what the CSP would block or what would
// need the network: inline scripts, <style>, style and event-handler
// attributes, javascript: URLs, and resources from other hosts. Text
// never holds a raw '<' (html/template escapes it), so every match of
// tagRE is a tag.
func checkCSPCompatible(t *testing.T, where, doc string) {
	t.Helper()
	for _, tag := range tagRE.FindAllString(doc, -1) {
		name := strings.ToLower(tagNameRE.FindStringSubmatch(tag)[1])
		switch name {
		case "script":
			if !strings.Contains(tag, " src=") {
				t.Errorf("%s: an inline <script>", where)
			}
		case "style":
			t.Errorf("%s: a <style> element", where)
		}
		for _, a := range attrRE.FindAllStringSubmatch(tag, -1) {
			key, val := strings.ToLower(a[1]), a[2]
			switch {
			case key == "style":
				t.Errorf("%s: a style attribute in %s", where, tag)
			case strings.HasPrefix(key, "on"):
				t.Errorf("%s: an event handler attribute in %s", where, tag)
			case (key == "href" || key == "src" || key == "action") && (strings.Contains(val, "//") || strings.HasPrefix(strings.ToLower(val), "javascript:")):
				t.Errorf("%s: %s leaves the server", where, tag)
			}
		}
	}
	if n := strings.Count(doc, "<script"); n != strings.Count(doc, `<script src="/static/app.js" defer></script>`) {
		t.Errorf("%s: %d scripts, not all /static/app.js", where, n)
	}
}

var (
	tagRE     = regexp.MustCompile(`<[a-zA-Z][^<>]*>`)
	tagNameRE = regexp.MustCompile(`^<([a-zA-Z0-9]+)`)
	attrRE    = regexp.MustCompile(`\s([a-zA-Z-]+)(?:="([^"]*)")?`)
)

func TestWebLookupPage(t *testing.T) {
	s := newTestServer(t, Options{})
	home := getPage(t, s, "GET", "/", http.StatusOK, nil)
	for _, want := range []string{`<form class="search" action="/" method="get"`, `<label for="q">`, `id="q" name="q"`, `<script src="/static/app.js" defer>`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
	// A shared link shows the results in the HTML, no script needed.
	res := getPage(t, s, "GET", "/?q="+urlQuery("Шанхайской организации"), http.StatusOK, nil)
	for _, want := range []string{"Shanghai Cooperation Organisation", `href="/glossary/sco"`, `status-preferred`, `lang="ru"`, `class="matched"`} {
		if !strings.Contains(res, want) {
			t.Errorf("/?q=… lacks %q", want)
		}
	}
	// The fragment the script fetches as you type: the results only.
	w := do(t, s, "GET", "/?q=SCO&part=results", nil)
	if w.Code != 200 || strings.Contains(w.Body.String(), "<html") || !strings.Contains(w.Body.String(), "Shanghai Cooperation Organisation") {
		t.Errorf("results fragment: %d\n%s", w.Code, w.Body)
	}
	none := getPage(t, s, "GET", "/?q=zzzzqqq", http.StatusOK, nil)
	if !strings.Contains(none, "Nothing found for «zzzzqqq»") {
		t.Errorf("no 'nothing found' notice")
	}
	bad := getPage(t, s, "GET", "/?q=x&lang=de", http.StatusOK, nil)
	if !strings.Contains(bad, `class="notice error"`) || !strings.Contains(bad, "lang") {
		t.Errorf("a bad lang is not explained on the page")
	}
}

func TestWebInterfaceLanguage(t *testing.T) {
	s := newTestServer(t, Options{})
	ru := getPage(t, s, "GET", "/?q=SCO", http.StatusOK, nil, "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8")
	if !strings.Contains(ru, `<html lang="ru">`) || !strings.Contains(ru, "Поиск терминов") || !strings.Contains(ru, "предпочтительный") {
		t.Errorf("Accept-Language ru does not give the Russian interface")
	}
	en := getPage(t, s, "GET", "/", http.StatusOK, nil, "Accept-Language", "de,en;q=0.5")
	if !strings.Contains(en, `<html lang="en">`) {
		t.Errorf("Accept-Language de,en does not give English")
	}
	// ?ui= switches and is remembered.
	w := do(t, s, "GET", "/glossary?ui=ru", nil)
	if !strings.Contains(w.Body.String(), "Глоссарий") {
		t.Errorf("?ui=ru does not switch")
	}
	var cookie string
	for _, c := range w.Result().Cookies() {
		if c.Name == uiCookie {
			cookie = c.Name + "=" + c.Value
		}
	}
	if cookie != uiCookie+"=ru" {
		t.Fatalf("?ui=ru set no cookie")
	}
	again := getPage(t, s, "GET", "/tm", http.StatusOK, nil, "Cookie", cookie)
	if !strings.Contains(again, "Память переводов") {
		t.Errorf("the ui cookie is not used")
	}
	if !regexp.MustCompile(`class="ui-switch" href="/tm\?ui=en"`).MatchString(again) {
		t.Errorf("the language switch does not link to this page in English")
	}
}

func TestAcceptLang(t *testing.T) {
	for h, want := range map[string]string{"": "en", "ru": "ru", "en-GB,en;q=0.9,ru;q=0.8": "en", "uk,ru;q=0.8,en;q=0.5": "ru", "fr": "en", "ru;q=0": "en", "en;q=0.2,ru-RU;q=0.7": "ru"} {
		if got := acceptLang(h); got != want {
			t.Errorf("acceptLang(%q) = %s, want %s", h, got, want)
		}
	}
}

// checkForm builds the check form's multipart body.
func checkForm(t *testing.T, fields map[string]string, files map[string][2]string) ([]byte, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, k := range []string{"source", "target", "xliff"} {
		f, ok := files[k]
		fw, err := mw.CreateFormFile(k, f[0])
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			fw.Write([]byte(f[1]))
		}
	}
	mw.Close()
	return b.Bytes(), mw.FormDataContentType()
}

func TestWebCheckPage(t *testing.T) {
	s := newTestServer(t, Options{Glossaries: []string{}}) // the built-in glossary
	form := getPage(t, s, "GET", "/check", http.StatusOK, nil)
	for _, want := range []string{`enctype="multipart/form-data"`, `<label for="source_text">`, `<label for="target_text">`, `name="xliff"`, `<label for="source">`} {
		if !strings.Contains(form, want) {
			t.Errorf("check form lacks %s", want)
		}
	}
	ru, en := samplePair(t)
	t.Run("pasted", func(t *testing.T) {
		body, ct := checkForm(t, map[string]string{"source_text": ru, "target_text": en, "text_format": "text", "source_lang": "auto"}, nil)
		rep := getPage(t, s, "POST", "/check", http.StatusOK, body, "Content-Type", ct)
		for _, rule := range []string{"untranslated", "segment-missing", "number-mismatch", "term-forbidden", "term-missing"} {
			if !strings.Contains(rep, `class="finding is-`) || !strings.Contains(rep, "<code class=\"rule\">"+rule+"</code>") {
				t.Errorf("report lacks a %s finding", rule)
			}
			if !strings.Contains(rep, `id="show-`+rule+`"`) {
				t.Errorf("report lacks the filter for %s", rule)
			}
		}
		// Findings link to their rows and rows back to findings; marks
		// link to their finding.
		if !regexp.MustCompile(`<a href="#r1-\d+">row \d+</a>`).MatchString(rep) || !regexp.MustCompile(`<tr id="r1-\d+" class="worst-error">`).MatchString(rep) ||
			!regexp.MustCompile(`<a href="#f1-\d+" class="markref"><mark class="sev-error`).MatchString(rep) {
			t.Errorf("report lacks the links between findings and rows")
		}
		for _, want := range []string{"[[ignore]]\nrule = &#34;number-mismatch&#34;", `&#34;fingerprint&#34;: &#34;`, `<button type="button" class="copy" hidden>`} {
			if !strings.Contains(rep, want) {
				t.Errorf("report lacks the suppression snippet %s", want)
			}
		}
	})
	t.Run("markdown gets the inline comment", func(t *testing.T) {
		body, ct := checkForm(t, map[string]string{"source_text": ru, "target_text": en, "text_format": "markdown"}, nil)
		rep := getPage(t, s, "POST", "/check", http.StatusOK, body, "Content-Type", ct)
		if !strings.Contains(rep, "&lt;!-- tolmach:ignore number-mismatch --&gt;") {
			t.Errorf("no inline suppression comment for Markdown")
		}
	})
	t.Run("uploaded files", func(t *testing.T) {
		body, ct := checkForm(t, nil, map[string][2]string{"source": {"a.ru.txt", ru}, "target": {"a.en.txt", en}})
		rep := getPage(t, s, "POST", "/check", http.StatusOK, body, "Content-Type", ct)
		if !strings.Contains(rep, `<span class="doc">a.ru.txt</span>`) || !strings.Contains(rep, "number-mismatch") {
			t.Errorf("upload not checked under its name")
		}
	})
	t.Run("DOCX", func(t *testing.T) {
		body, ct := checkForm(t, map[string]string{"source_text": "Саммит ШОС прошёл в 2024 году."}, map[string][2]string{"target": {"t.en.docx", string(makeDOCX(t, "The SCO summit was held in 2023."))}})
		rep := getPage(t, s, "POST", "/check", http.StatusOK, body, "Content-Type", ct)
		if !strings.Contains(rep, "number-mismatch") {
			t.Errorf("DOCX target not checked:\n%s", rep)
		}
	})
	t.Run("XLIFF", func(t *testing.T) {
		x := `<?xml version="1.0"?><xliff version="1.2"><file source-language="ru" target-language="en"><body>` +
			`<trans-unit id="1"><source>В 2024 году товарооборот вырос.</source><target>In 2023, trade grew.</target></trans-unit></body></file></xliff>`
		body, ct := checkForm(t, nil, map[string][2]string{"xliff": {"doc.xlf", x}})
		rep := getPage(t, s, "POST", "/check", http.StatusOK, body, "Content-Type", ct)
		if !strings.Contains(rep, "number-mismatch") || !strings.Contains(rep, "doc.xlf") {
			t.Errorf("XLIFF not checked")
		}
	})
	t.Run("a clean pair", func(t *testing.T) {
		body, ct := checkForm(t, map[string]string{"source_text": "Россия и Китай.", "target_text": "Russia and China."}, nil)
		rep := getPage(t, s, "POST", "/check", http.StatusOK, body, "Content-Type", ct)
		if !strings.Contains(rep, `class="notice ok"`) {
			t.Errorf("a clean pair does not say so")
		}
	})
	t.Run("mistakes come back in the form", func(t *testing.T) {
		body, ct := checkForm(t, map[string]string{"source_text": ru, "target_text": "  "}, nil)
		rep := getPage(t, s, "POST", "/check", http.StatusBadRequest, body, "Content-Type", ct)
		if !strings.Contains(rep, `role="alert"`) || !strings.Contains(rep, "give the target") || !strings.Contains(rep, "ШОС") {
			t.Errorf("the form does not come back with the error and the text kept")
		}
		body, ct = checkForm(t, map[string]string{"nonsense": "1"}, nil)
		getPage(t, s, "POST", "/check", http.StatusBadRequest, body, "Content-Type", ct)
		w := do(t, s, "POST", "/check", strings.NewReader("source_text=a"), "Content-Type", "application/x-www-form-urlencoded")
		if w.Code != http.StatusUnsupportedMediaType {
			t.Errorf("a urlencoded post: %d", w.Code)
		}
	})
}

func TestWebTMPage(t *testing.T) {
	s := newTestServer(t, Options{})
	getPage(t, s, "GET", "/tm", http.StatusOK, nil)
	var unit string
	w := do(t, s, "GET", "/api/v1/tm/search?q="+urlQuery("Китай"), nil)
	var res struct {
		Results []struct{ Source string }
	}
	decode(t, w, &res)
	if len(res.Results) == 0 {
		t.Fatal("the test TM has no unit with Китай")
	}
	unit = res.Results[0].Source
	match := getPage(t, s, "GET", "/tm?mode=match&min=50&q="+urlQuery(unit), http.StatusOK, nil)
	if !strings.Contains(match, `<td class="n score">100</td>`) {
		t.Errorf("fuzzy match of a stored unit is not 100%%")
	}
	search := getPage(t, s, "GET", "/tm?mode=search&q="+urlQuery("Китаем"), http.StatusOK, nil)
	if !strings.Contains(search, "<mark>") {
		t.Errorf("concordance does not mark the phrase")
	}
}

func TestWebGlossaryPages(t *testing.T) {
	s := newTestServer(t, Options{Glossaries: []string{}}) // the built-in glossary
	list := getPage(t, s, "GET", "/glossary", http.StatusOK, nil)
	if !strings.Contains(list, `href="/glossary?domain=international%20organizations"`) {
		t.Fatalf("no domain link")
	}
	// The domain has more concepts than a page holds: the SCO, sorted
	// by «Ш», is on one of its pages.
	listed := false
	for page := 1; page <= 5 && !listed; page++ {
		dom := getPage(t, s, "GET", fmt.Sprintf("/glossary?domain=international%%20organizations&page=%d", page), http.StatusOK, nil)
		listed = strings.Contains(dom, `href="/glossary/sco"`)
	}
	if !listed {
		t.Errorf("the domain pages do not list the SCO")
	}
	filtered := getPage(t, s, "GET", "/glossary?domain=international%20organizations&filter=Shanghai", http.StatusOK, nil)
	if !strings.Contains(filtered, `href="/glossary/sco"`) || strings.Contains(filtered, `href="/glossary/brics"`) {
		t.Errorf("the filter does not filter")
	}
	c := getPage(t, s, "GET", "/glossary/sco", http.StatusOK, nil)
	for _, want := range []string{"Шанхайская организация сотрудничества", "Shanghai Cooperation Organization", "US spelling", "status-preferred", "abbreviation", `href="/?q=SCO"`, "Founded in Shanghai"} {
		if !strings.Contains(c, want) {
			t.Errorf("concept page lacks %q", want)
		}
	}
	getPage(t, s, "GET", "/glossary/no-such-concept", http.StatusNotFound, nil)
}

func TestWebStatic(t *testing.T) {
	s := newTestServer(t, Options{})
	for path, ct := range map[string]string{"/static/app.css": "text/css", "/static/app.js": "text/javascript", "/static/filters.css": "text/css", "/static/favicon.svg": "image/svg+xml"} {
		w := do(t, s, "GET", path, nil)
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), ct) || w.Body.Len() == 0 {
			t.Errorf("%s: %d %q", path, w.Code, w.Header().Get("Content-Type"))
		}
	}
	css := do(t, s, "GET", "/static/app.css", nil).Body.String()
	if strings.Contains(css, "@import") || strings.Contains(css, "url(http") || strings.Contains(css, "@font-face") {
		t.Errorf("app.css fetches from elsewhere")
	}
	filters := do(t, s, "GET", "/static/filters.css", nil).Body.String()
	if !strings.Contains(filters, "#show-term-missing:not(:checked)) .finding.is-term-missing") {
		t.Errorf("filters.css lacks a rule's filter")
	}
	if w := do(t, s, "GET", "/static/nope.js", nil); w.Code != 404 {
		t.Errorf("a missing static file: %d", w.Code)
	}
}

// TestWebMessages holds the two languages to the same keys and
// placeholders.
func TestWebMessages(t *testing.T) {
	verbs := regexp.MustCompile(`%(\[\d\])?[dsv%]`)
	count := func(s string) int {
		n := 0
		for _, m := range verbs.FindAllString(s, -1) {
			if m != "%%" {
				n++
			}
		}
		return n
	}
	for k, m := range messages {
		if m.en == "" || m.ru == "" {
			t.Errorf("%s: a language is missing", k)
		}
		if count(m.en) != count(m.ru) {
			t.Errorf("%s: %d arguments in English, %d in Russian", k, count(m.en), count(m.ru))
		}
	}
	// Every T "key" of the templates has a message.
	keys := regexp.MustCompile(`T "([a-z_]+\.[a-z_.]+)"`)
	entries, err := webFiles.ReadDir("web/templates")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := webFiles.ReadFile("web/templates/" + e.Name())
		for _, m := range keys.FindAllStringSubmatch(string(b), -1) {
			if _, ok := messages[m[1]]; !ok {
				t.Errorf("%s: no message %q", e.Name(), m[1])
			}
		}
	}
}

func urlQuery(s string) string {
	r := httptest.NewRequest("GET", "/", nil)
	q := r.URL.Query()
	q.Set("x", s)
	return strings.TrimPrefix(q.Encode(), "x=")
}

// FuzzCheckForm feeds the check form's decoder arbitrary multipart
// bodies: it must never panic, and what it accepts is a pair of
// non-empty documents or one XLIFF file.
func FuzzCheckForm(f *testing.F) {
	const boundary = "tolmachfuzz"
	seed := func(parts ...[3]string) string {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.SetBoundary(boundary)
		for _, p := range parts {
			if p[1] != "" {
				w, _ := mw.CreateFormFile(p[0], p[1])
				w.Write([]byte(p[2]))
			} else {
				mw.WriteField(p[0], p[2])
			}
		}
		mw.Close()
		return b.String()
	}
	f.Add(seed([3]string{"source_text", "", "Россия и Китай."}, [3]string{"target_text", "", "Russia and China."}, [3]string{"text_format", "", "markdown"}))
	f.Add(seed([3]string{"source", "a.ru.txt", "ШОС"}, [3]string{"target", "a.en.txt", "SCO"}, [3]string{"source_lang", "", "ru"}))
	f.Add(seed([3]string{"xliff", "x.xlf", "<xliff/>"}))
	f.Add(seed([3]string{"xliff", "x.xlf", "<xliff/>"}, [3]string{"source", "../../etc/passwd", "x"}))
	f.Add(seed([3]string{"source_lang", "", "de"}))
	f.Add("--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"; filename=\"\x00\"\r\n\r\nx\r\n--" + boundary + "--\r\n")
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/check", strings.NewReader(body))
		r.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
		var form checkFormView
		in, err := decodeCheckForm(httptest.NewRecorder(), r, &form)
		if err != nil {
			var br *badRequest
			if !asBadRequest(err, &br) || br.status < 400 || br.status >= 500 {
				t.Fatalf("an error that is not the client's: %v", err)
			}
			return
		}
		switch {
		case in.XLIFF != nil:
			if in.Source != nil || in.Target != nil || len(in.XLIFF.Data) == 0 {
				t.Fatalf("XLIFF with a pair, or empty: %+v", in)
			}
		case in.Source == nil || in.Target == nil || len(in.Source.Data) == 0 || len(in.Target.Data) == 0:
			t.Fatalf("an incomplete pair accepted: %+v", in)
		}
		for _, d := range []*Document{in.Source, in.Target, in.XLIFF} {
			if d != nil && (strings.ContainsAny(d.Name, "/\\\x00") || d.Name == "") {
				t.Fatalf("unsafe name %q", d.Name)
			}
		}
	})
}

// TestWebTokenCookie: on a server with a token, the pages need it once
// (?token= sets a cookie); the results the script fetches as you type
// then come with the cookie, as the browser sends it.
func TestWebTokenCookie(t *testing.T) {
	s := newTestServer(t, Options{Token: "s3cret"})
	if w := do(t, s, "GET", "/?q=SCO&part=results", nil); w.Code != http.StatusUnauthorized {
		t.Fatalf("a page without the token: %d", w.Code)
	}
	w := do(t, s, "GET", "/?token=s3cret&q=SCO", nil)
	var cookie string
	for _, c := range w.Result().Cookies() {
		if c.Name == tokenCookie {
			cookie = c.Name + "=" + c.Value
		}
	}
	if w.Code != http.StatusSeeOther || cookie == "" {
		t.Fatalf("?token=: %d, cookie %q", w.Code, cookie)
	}
	frag := do(t, s, "GET", "/?q=SCO&part=results", nil, "Cookie", cookie)
	if frag.Code != 200 || !strings.Contains(frag.Body.String(), "Shanghai Cooperation Organisation") {
		t.Errorf("the results fragment with the cookie: %d", frag.Code)
	}
}

// BenchmarkWebLookupPage renders the lookup page with results, as a
// shared link opens it (the built-in glossary).
func BenchmarkWebLookupPage(b *testing.B) {
	s := newTestServer(b, Options{Glossaries: []string{}})
	for b.Loop() {
		w := do(b, s, "GET", "/?q=%D1%88%D0%BE%D1%81", nil)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkWebLookupFragment is what each pause in typing costs: the
// results fragment the script fetches.
func BenchmarkWebLookupFragment(b *testing.B) {
	s := newTestServer(b, Options{Glossaries: []string{}})
	for b.Loop() {
		w := do(b, s, "GET", "/?q=%D1%88%D0%B0%D0%BD%D1%85%D0%B0%D0%B9%D1%81%D0%BA&part=results", nil)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
