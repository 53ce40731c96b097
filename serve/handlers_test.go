package serve

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"mime/multipart"
	"net/url"
	"os"
	"strings"
	"testing"

	"tolmach/glossary"
	"tolmach/internal/lang"
	"tolmach/project"
)

// samplePair returns the texts of the repository's sample pair (a
// translation with deliberate errors).
func samplePair(t testing.TB) (ru, en string) {
	t.Helper()
	r, err := os.ReadFile("../data/samples/sco-eurasia.ru.txt")
	if err != nil {
		t.Fatal(err)
	}
	e, err := os.ReadFile("../data/samples/sco-eurasia.en.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(r), string(e)
}

func jsonBody(t testing.TB, v any) *bytes.Reader {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b)
}

// checkJSON is the part of check's JSON the tests read.
type checkJSON struct {
	Source   struct{ Path, Lang string }
	Target   struct{ Path, Lang string }
	Summary  struct{ Errors, Warnings, Segments, Terms int }
	Findings []struct {
		Rule, Severity string
		Term           *struct{ ID string }
	}
}

func TestCheckJSON(t *testing.T) {
	s := newTestServer(t, Options{})
	ru, en := samplePair(t)
	w := do(t, s, "POST", "/api/v1/check", jsonBody(t, map[string]any{
		"source": map[string]string{"text": ru, "name": "a.ru.txt"},
		"target": map[string]string{"text": en, "name": "a.en.txt"},
	}), "Content-Type", "application/json")
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var got checkJSON
	decode(t, w, &got)
	if got.Source.Path != "a.ru.txt" || got.Source.Lang != "ru" || got.Target.Lang != "en" || got.Summary.Segments == 0 {
		t.Errorf("report %+v", got)
	}
	// The sample renders «ШОС» throughout; the test glossary's SCO term
	// is found in the source.
	if got.Summary.Terms == 0 {
		t.Errorf("no glossary term found in the source: %+v", got.Summary)
	}
	if got.Summary.Errors == 0 {
		t.Errorf("the sample's deliberate errors were not found: %s", w.Body)
	}

	// Names are optional: source_lang and the scripts decide.
	w = do(t, s, "POST", "/api/v1/check", jsonBody(t, map[string]any{
		"source": map[string]string{"text": en}, "target": map[string]string{"text": ru}, "source_lang": "en",
	}), "Content-Type", "application/json; charset=utf-8")
	decode(t, w, &got)
	if w.Code != 200 || got.Source.Lang != "en" || got.Target.Lang != "ru" {
		t.Errorf("unnamed en→ru: %d %+v", w.Code, got)
	}
}

func TestCheckMultipartAndFormats(t *testing.T) {
	s := newTestServer(t, Options{})
	ru, en := samplePair(t)
	body := func(fields map[string]string, files ...[2]string) (*bytes.Buffer, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for _, f := range files {
			fw, err := mw.CreateFormFile(f[0], f[0]+"-"+fields["name-"+f[0]])
			if err != nil {
				t.Fatal(err)
			}
			fw.Write([]byte(f[1]))
		}
		for k, v := range fields {
			if !strings.HasPrefix(k, "name-") {
				mw.WriteField(k, v)
			}
		}
		mw.Close()
		return &b, mw.FormDataContentType()
	}
	b, ct := body(map[string]string{"name-source": "x.ru.md", "name-target": "x.en.md"}, [2]string{"source", "# " + ru}, [2]string{"target", "# " + en})
	w := do(t, s, "POST", "/api/v1/check", b, "Content-Type", ct)
	var got checkJSON
	decode(t, w, &got)
	if w.Code != 200 || got.Source.Path != "source-x.ru.md" || got.Source.Lang != "ru" || got.Summary.Errors == 0 {
		t.Errorf("multipart: %d %+v", w.Code, got)
	}
	for format, want := range map[string]string{
		"sarif": `"version": "2.1.0"`,
		"html":  "<!DOCTYPE html>",
		"junit": "<testsuites",
		"json":  `"findings"`,
	} {
		b, ct := body(map[string]string{"name-source": "a.ru.txt", "name-target": "a.en.txt"}, [2]string{"source", ru}, [2]string{"target", en})
		w := do(t, s, "POST", "/api/v1/check?format="+format, b, "Content-Type", ct)
		if w.Code != 200 || !strings.Contains(w.Body.String(), want) || w.Header().Get("Content-Type") != reportTypes[format] {
			t.Errorf("format %s: %d %s %.200s", format, w.Code, w.Header().Get("Content-Type"), w.Body)
		}
		if format == "html" && w.Header().Get("Content-Security-Policy") != reportCSP {
			t.Errorf("HTML report without its CSP")
		}
	}
	b, ct = body(map[string]string{"source_lang": "de"}, [2]string{"source", ru}, [2]string{"target", en})
	wantError(t, do(t, s, "POST", "/api/v1/check", b, "Content-Type", ct), 400, "bad_request")
	b, ct = body(nil, [2]string{"source", ru}, [2]string{"other", en})
	wantError(t, do(t, s, "POST", "/api/v1/check", b, "Content-Type", ct), 400, "bad_request")
	b, ct = body(nil, [2]string{"source", ru})
	wantError(t, do(t, s, "POST", "/api/v1/check", b, "Content-Type", ct), 400, "bad_request")
}

const xliff12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="ru" target-language="en" datatype="plaintext" original="a.txt"><body>
<trans-unit id="1"><source>Саммит ШОС прошёл в 2024 году.</source><target>The summit took place in 2025.</target></trans-unit>
</body></file></xliff>`

func TestCheckXLIFFAndDOCX(t *testing.T) {
	s := newTestServer(t, Options{})
	w := do(t, s, "POST", "/api/v1/check", jsonBody(t, map[string]any{"xliff": map[string]string{"text": xliff12, "name": "t.xlf"}}), "Content-Type", "application/json")
	var got checkJSON
	decode(t, w, &got)
	rules := map[string]bool{}
	for _, f := range got.Findings {
		rules[f.Rule] = true
	}
	if w.Code != 200 || !rules["term-missing"] || !rules["number-mismatch"] {
		t.Errorf("XLIFF: %d %s", w.Code, w.Body)
	}
	// DOCX travels as base64.
	docx := makeDOCX(t, "Саммит ШОС прошёл в 2024 году.")
	w = do(t, s, "POST", "/api/v1/check", jsonBody(t, map[string]any{
		"source": map[string]string{"base64": base64.StdEncoding.EncodeToString(docx), "name": "a.ru.docx"},
		"target": map[string]string{"text": "The SCO summit took place in 2024.", "name": "a.en.txt"},
	}), "Content-Type", "application/json")
	decode(t, w, &got)
	if w.Code != 200 || got.Summary.Errors != 0 || got.Summary.Terms != 1 {
		t.Errorf("DOCX: %d %s", w.Code, w.Body)
	}
}

func TestCheckErrors(t *testing.T) {
	s := newTestServer(t, Options{})
	ru, en := samplePair(t)
	j := "application/json"
	for _, tc := range []struct {
		name, ct, body string
		status         int
		code           string
	}{
		{"form post", "application/x-www-form-urlencoded", "source=a&target=b", 415, "unsupported_media_type"},
		{"no type", "", `{}`, 415, "unsupported_media_type"},
		{"text/plain", "text/plain", `{}`, 415, "unsupported_media_type"},
		{"empty", j, ``, 400, "bad_request"},
		{"not JSON", j, `source=1`, 400, "bad_request"},
		{"truncated", j, `{"source": {"text": "а`, 400, "bad_request"},
		{"two values", j, `{} {}`, 400, "bad_request"},
		{"array", j, `[]`, 400, "bad_request"},
		{"unknown field", j, `{"sourse": {"text": "a"}}`, 400, "bad_request"},
		{"wrong type", j, `{"source": {"text": 5}}`, 400, "bad_request"},
		{"no target", j, `{"source": {"text": "Мир."}}`, 400, "bad_request"},
		{"no text", j, `{"source": {"name": "a.txt"}, "target": {"text": "b"}}`, 400, "bad_request"},
		{"text and base64", j, `{"source": {"text": "a", "base64": "YQ=="}, "target": {"text": "b"}}`, 400, "bad_request"},
		{"bad base64", j, `{"source": {"base64": "!!"}, "target": {"text": "b"}}`, 400, "bad_request"},
		{"bad source_lang", j, `{"source": {"text": "a"}, "target": {"text": "b"}, "source_lang": "fr"}`, 400, "bad_request"},
		{"bad encoding", j, `{"source": {"text": "a"}, "target": {"text": "b"}, "encoding": "ebcdic"}`, 400, "bad_request"},
		{"name with control", j, `{"source": {"text": "a", "name": "a\u0000.txt"}, "target": {"text": "b"}}`, 400, "bad_request"},
		{"xliff and pair", j, `{"source": {"text": "a"}, "target": {"text": "b"}, "xliff": {"text": "c"}}`, 400, "bad_request"},
		{"same language", j, string(mustJSON(map[string]any{"source": map[string]string{"text": ru}, "target": map[string]string{"text": ru}})), 422, "unprocessable"},
		{"empty target", j, string(mustJSON(map[string]any{"source": map[string]string{"text": ru}, "target": map[string]string{"text": "  "}})), 422, "unprocessable"},
		{"broken DOCX", j, `{"source": {"base64": "UEsDBA==", "name": "a.docx"}, "target": {"text": "b"}}`, 422, "unprocessable"},
		{"broken XLIFF", j, `{"xliff": {"text": "<xliff><file>", "name": "a.xlf"}}`, 422, "unprocessable"},
		{"line too long", j, string(mustJSON(map[string]any{"source": map[string]string{"text": strings.Repeat("а", lang.MaxLineSize)}, "target": map[string]string{"text": en}})), 413, "too_large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantError(t, do(t, s, "POST", "/api/v1/check", strings.NewReader(tc.body), "Content-Type", tc.ct), tc.status, tc.code)
		})
	}
	wantError(t, do(t, s, "POST", "/api/v1/check?format=pdf", strings.NewReader(`{}`), "Content-Type", j), 400, "bad_request")
	wantError(t, do(t, s, "GET", "/api/v1/check", nil), 405, "method_not_allowed")
}

// TestBodyLimit: a body over the limit is refused with 413 before it is
// read whole.
func TestBodyLimit(t *testing.T) {
	s := newTestServer(t, Options{})
	big := `{"source": {"text": "` + strings.Repeat("a", maxPairBody) + `"}}`
	wantError(t, do(t, s, "POST", "/api/v1/check", strings.NewReader(big), "Content-Type", "application/json"), 413, "too_large")
	s = newTestServer(t, Options{AllowEdit: true})
	big = `{"ru": "` + strings.Repeat("а", maxEditBody) + `", "en": "x"}`
	wantError(t, do(t, s, "POST", "/api/v1/glossary/terms", strings.NewReader(big), "Content-Type", "application/json"), 413, "too_large")
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func TestAlign(t *testing.T) {
	s := newTestServer(t, Options{})
	ru, en := samplePair(t)
	w := do(t, s, "POST", "/api/v1/align", jsonBody(t, map[string]any{
		"source": map[string]string{"text": ru, "name": "a_ru.txt"}, "target": map[string]string{"text": en, "name": "a_en.txt"},
	}), "Content-Type", "application/json")
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	var a project.Alignment
	decode(t, w, &a)
	if a.Source.Lang != "ru" || a.Target.Lang != "en" || len(a.Pairs) < 5 {
		t.Fatalf("alignment %+v", a)
	}
	// Every sentence in exactly one pair.
	seen := map[string]int{}
	for _, p := range a.Pairs {
		for _, x := range p.Source {
			seen["s"+x.Text]++
		}
		for _, x := range p.Target {
			seen["t"+x.Text]++
		}
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("%q in %d pairs", k, n)
		}
	}
	wantError(t, do(t, s, "POST", "/api/v1/align", jsonBody(t, map[string]any{"xliff": map[string]string{"text": xliff12}}), "Content-Type", "application/json"), 400, "bad_request")
	wantError(t, do(t, s, "POST", "/api/v1/align", jsonBody(t, map[string]any{
		"source": map[string]string{"text": ru}, "target": map[string]string{"text": ru},
	}), "Content-Type", "application/json"), 422, "unprocessable")
}

func TestTM(t *testing.T) {
	s := newTestServer(t, Options{})
	w := do(t, s, "GET", "/api/v1/tm/match?q="+url.QueryEscape("Россия и Китай подписали совместное заявление")+"&min=50", nil)
	var m project.MatchResult
	decode(t, w, &m)
	if w.Code != 200 || len(m.Matches) != 1 || m.Matches[0].Score < 70 || m.Matches[0].Target != "Russia and China signed a joint statement." {
		t.Errorf("match: %d %s", w.Code, w.Body)
	}
	w = do(t, s, "GET", "/api/v1/tm/match?q="+url.QueryEscape("Совсем другое предложение здесь"), nil)
	decode(t, w, &m)
	if w.Code != 200 || m.Matches == nil || len(m.Matches) != 0 {
		t.Errorf("no match: %d %s", w.Code, w.Body)
	}
	w = do(t, s, "GET", "/api/v1/tm/search?q="+url.QueryEscape("стратегического партнёрства"), nil)
	var sr project.SearchResult
	decode(t, w, &sr)
	if w.Code != 200 || len(sr.Results) != 1 || !strings.Contains(sr.Results[0].Target, "strategic partnership") {
		t.Errorf("search: %d %s", w.Code, w.Body)
	}
	for _, target := range []string{"/api/v1/tm/match", "/api/v1/tm/match?q=a&min=101", "/api/v1/tm/match?q=a&limit=0", "/api/v1/tm/search?q=", "/api/v1/tm/search?q=a&limit=x"} {
		wantError(t, do(t, s, "GET", target, nil), 400, "bad_request")
	}
	wantError(t, do(t, s, "GET", "/api/v1/tm/match?q="+strings.Repeat("a", lang.MaxSegmentLen+1), nil), 413, "too_large")
}

// TestReadOnly: without --allow-edit every edit is 403 and no file
// changes.
func TestReadOnly(t *testing.T) {
	s := newTestServer(t, Options{})
	before, _ := os.ReadFile(s.opts.Glossaries[0])
	wantError(t, do(t, s, "POST", "/api/v1/glossary/terms", strings.NewReader(`{"ru": "мир", "en": "peace"}`), "Content-Type", "application/json"), 403, "forbidden")
	wantError(t, do(t, s, "POST", "/api/v1/tm/units", strings.NewReader(`{"ru": "мир", "en": "peace"}`), "Content-Type", "application/json"), 403, "forbidden")
	after, _ := os.ReadFile(s.opts.Glossaries[0])
	if !bytes.Equal(before, after) {
		t.Error("a read-only server changed the glossary")
	}
}

func TestEdits(t *testing.T) {
	s := newTestServer(t, Options{AllowEdit: true})
	j := "application/json"
	w := do(t, s, "POST", "/api/v1/glossary/terms", strings.NewReader(`{"ru": "многополярный мир", "en": "multipolar world", "domain": "diplomacy"}`), "Content-Type", j)
	var res editResult
	decode(t, w, &res)
	if w.Code != 200 || res.ID != "multipolar-world" || !res.Reloaded {
		t.Fatalf("add concept: %d %s", w.Code, w.Body)
	}
	g, err := glossary.Load(s.opts.Glossaries[0])
	if err != nil || g.Lookup("multipolar-world") == nil {
		t.Fatalf("the concept is not in the file: %v", err)
	}
	w = do(t, s, "GET", "/api/v1/lookup?q="+url.QueryEscape("многополярного мира"), nil)
	var l project.Lookup
	decode(t, w, &l)
	if len(l.Results) == 0 || l.Results[0].ID != "multipolar-world" {
		t.Errorf("the next lookup does not see the new concept: %s", w.Body)
	}
	// A term added to an existing concept.
	w = do(t, s, "POST", "/api/v1/glossary/terms", strings.NewReader(`{"id": "sco", "en": "Shanghai Cooperation Organization", "en_status": "admitted", "en_type": "variant"}`), "Content-Type", j)
	decode(t, w, &res)
	if w.Code != 200 || res.ID != "sco" {
		t.Errorf("add term: %d %s", w.Code, w.Body)
	}
	for _, tc := range []struct{ body, code string }{
		{`{"ru": "мир"}`, "bad_request"},
		{`{"ru": "мир", "en": "peace", "ru_status": "prefered"}`, "bad_request"},
		{`{"ru": "мир", "en": "peace", "en_type": "noun"}`, "bad_request"},
		{`{"ru": "мир", "en": "peace", "id": "Bad Id"}`, "bad_request"},
		{`{"ru": "мир", "en": "peace", "glossary": "/etc/passwd"}`, "bad_request"},
		{`{"en_status": "preferred"}`, "bad_request"},
		{`{}`, "bad_request"},
	} {
		wantError(t, do(t, s, "POST", "/api/v1/glossary/terms", strings.NewReader(tc.body), "Content-Type", j), 400, tc.code)
	}
	// Form posts (CSRF from any page) are refused.
	wantError(t, do(t, s, "POST", "/api/v1/glossary/terms", strings.NewReader(`ru=мир&en=peace`), "Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported_media_type")
	wantError(t, do(t, s, "POST", "/api/v1/glossary/terms", strings.NewReader(`{"ru": "мир", "en": "peace"}`), "Content-Type", "text/plain"), 415, "unsupported_media_type")

	w = do(t, s, "POST", "/api/v1/tm/units", strings.NewReader(`{"ru": "Многополярный мир складывается.", "en": "A multipolar world is taking shape."}`), "Content-Type", j)
	decode(t, w, &res)
	if w.Code != 200 || res.Added == nil || *res.Added != 1 || *res.Total != 4 {
		t.Fatalf("add unit: %d %s", w.Code, w.Body)
	}
	w = do(t, s, "GET", "/api/v1/tm/search?q="+url.QueryEscape("многополярный"), nil)
	var sr project.SearchResult
	decode(t, w, &sr)
	if len(sr.Results) != 1 {
		t.Errorf("the next search does not see the new unit: %s", w.Body)
	}
	wantError(t, do(t, s, "POST", "/api/v1/tm/units", strings.NewReader(`{"ru": "Мир."}`), "Content-Type", j), 400, "bad_request")
	wantError(t, do(t, s, "POST", "/api/v1/tm/units", strings.NewReader(`{"ru": "Мир.", "en": "Peace.", "tm": "other.tmx"}`), "Content-Type", j), 400, "bad_request")
}

// TestEditBuiltin: the built-in glossary cannot be edited.
func TestEditBuiltin(t *testing.T) {
	s, err := New(t.Context(), Options{AllowEdit: true, WatchInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wantError(t, do(t, s, "POST", "/api/v1/glossary/terms", strings.NewReader(`{"ru": "мир", "en": "peace"}`), "Content-Type", "application/json"), 409, "conflict")
}
