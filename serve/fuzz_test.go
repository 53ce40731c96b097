package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"tolmach/glossary"
)

// fuzzTarget returns a server for one fuzz target, loaded once for all
// its inputs.
func fuzzTarget(f *testing.F) *Server { return newTestServer(f, Options{}) }

// answerOK asserts what every answer must be: no 5xx, and a 4xx is the
// contract's error object.
func answerOK(t *testing.T, w *httptest.ResponseRecorder) {
	if w.Code >= 500 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if w.Code >= 400 {
		var e apiError
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Fatalf("status %d without the error object: %q", w.Code, w.Body)
		}
	}
}

// FuzzCheckJSON feeds arbitrary JSON bodies to the check endpoint
// (the decoder, then the checker on whatever documents they hold).
func FuzzCheckJSON(f *testing.F) {
	s := fuzzTarget(f)
	f.Add(`{"source": {"text": "ШОС расширяется.", "name": "a.ru.txt"}, "target": {"text": "The SCO is expanding.", "name": "a.en.txt"}}`)
	f.Add(`{"source": {"text": "<p>ШОС</p>", "name": "a.html"}, "target": {"text": "# SCO", "name": "b.md"}, "source_lang": "ru"}`)
	f.Add(`{"xliff": {"text": "<xliff version=\"1.2\"><file source-language=\"ru\" target-language=\"en\"><body><trans-unit id=\"1\"><source>Мир</source><target>Peace</target></trans-unit></body></file></xliff>"}}`)
	f.Add(`{"source": {"base64": "UEsDBA==", "name": "a.docx"}, "target": {"text": "x"}}`)
	f.Add(`{"source": {"text": "a"}, "target": {"text": "b"}, "encoding": "koi8-r"}`)
	f.Add(`[1, {"a": null}]`)
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/api/v1/check", strings.NewReader(body))
		r.Host = "127.0.0.1"
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		answerOK(t, w)
	})
}

// FuzzCheckMultipart feeds arbitrary multipart bodies (boundary fixed,
// content free) to the check endpoint.
func FuzzCheckMultipart(f *testing.F) {
	s := fuzzTarget(f)
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.SetBoundary("BOUNDARY")
	fw, _ := mw.CreateFormFile("source", "a.ru.md")
	fw.Write([]byte("# ШОС расширяется."))
	fw, _ = mw.CreateFormFile("target", "a.en.md")
	fw.Write([]byte("# The SCO is expanding."))
	mw.WriteField("source_lang", "ru")
	mw.Close()
	f.Add(b.String())
	f.Add("--BOUNDARY\r\nContent-Disposition: form-data; name=\"xliff\"; filename=\"x.xlf\"\r\n\r\n<xliff/>\r\n--BOUNDARY--\r\n")
	f.Add("--BOUNDARY\r\n\r\n--BOUNDARY--")
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/api/v1/check", strings.NewReader(body))
		r.Host = "127.0.0.1"
		r.Header.Set("Content-Type", "multipart/form-data; boundary=BOUNDARY")
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		answerOK(t, w)
	})
}

// FuzzQueryParams feeds arbitrary query strings to the GET endpoints.
func FuzzQueryParams(f *testing.F) {
	s := fuzzTarget(f)
	for _, q := range []string{"q=%D1%88%D0%BE%D1%81", "q=sco&lang=en&limit=3&exact=1", "q=a&min=50&limit=2", "q=%ff", "q=&limit=-1", "q=a;b&q=c"} {
		f.Add("/api/v1/lookup", q)
		f.Add("/api/v1/tm/match", q)
		f.Add("/api/v1/tm/search", q)
	}
	f.Fuzz(func(t *testing.T, path, query string) {
		switch path {
		case "/api/v1/lookup", "/api/v1/tm/match", "/api/v1/tm/search", "/api/v1/health":
		default:
			path = "/api/v1/lookup"
		}
		r, err := http.NewRequestWithContext(context.Background(), "GET", "http://127.0.0.1"+path, nil)
		if err != nil {
			t.Skip()
		}
		r.URL.RawQuery = query
		r.Host = "127.0.0.1"
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		answerOK(t, w)
	})
}

// FuzzEditJSON feeds arbitrary bodies to the editing endpoints of a
// server whose files are temporary.
func FuzzEditJSON(f *testing.F) {
	s := newTestServer(f, Options{AllowEdit: true})
	f.Add("/api/v1/glossary/terms", `{"ru": "мир", "en": "peace", "ru_status": "preferred"}`)
	f.Add("/api/v1/glossary/terms", `{"id": "sco", "en": "S.C.O.", "en_type": "abbreviation"}`)
	f.Add("/api/v1/tm/units", `{"ru": "Мир.", "en": "Peace.", "id": "u1"}`)
	f.Fuzz(func(t *testing.T, path, body string) {
		if path != "/api/v1/tm/units" {
			path = "/api/v1/glossary/terms"
		}
		r := httptest.NewRequest("POST", path, strings.NewReader(body))
		r.Host = "127.0.0.1"
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		answerOK(t, w)
		if w.Code == 200 && path == "/api/v1/glossary/terms" {
			// An edit never leaves a glossary that cannot be read.
			if _, err := glossary.Load(s.opts.Glossaries[0]); err != nil {
				t.Fatalf("after %s: %v", body, err)
			}
		}
	})
}
