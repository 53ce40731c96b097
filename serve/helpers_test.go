package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/index"
)

// testFiles copies the test glossary and TM into a temporary directory
// (tests edit them) and returns their paths.
func testFiles(t testing.TB) (glossaryPath, tmPath string) {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"terms.glossary", "memory.tsv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "terms.glossary"), filepath.Join(dir, "memory.tsv")
}

// newTestServer returns a server over the test glossary and TM, indexes
// in memory, no watching unless opts asks for it.
func newTestServer(t testing.TB, opts Options) *Server {
	t.Helper()
	if opts.Glossaries == nil {
		g, m := testFiles(t)
		opts.Glossaries, opts.TMs = []string{g}, []string{m}
	}
	if opts.WatchInterval == 0 {
		opts.WatchInterval = -1
	}
	if opts.Version == "" {
		opts.Version = "test"
	}
	s, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// do runs one request through the server's handler; host defaults to
// 127.0.0.1:7340.
func do(t testing.TB, s *Server, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:7340"
	for i := 0; i+1 < len(header); i += 2 {
		if strings.EqualFold(header[i], "Host") {
			r.Host = header[i+1]
			continue
		}
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, r)
	return w
}

// decode reads a JSON response into v, failing on anything else.
func decode(t testing.TB, w *httptest.ResponseRecorder, v any) {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q, want JSON; body %s", ct, w.Body)
	}
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		t.Fatalf("%v in %s", err, w.Body)
	}
}

// wantError checks a response is the contract's error object with
// status and code.
func wantError(t testing.TB, w *httptest.ResponseRecorder, status int, code string) {
	t.Helper()
	if w.Code != status {
		t.Errorf("status %d, want %d; body %s", w.Code, status, w.Body)
	}
	var e struct {
		Error struct{ Code, Message string }
	}
	decode(t, w, &e)
	if e.Error.Code != code || e.Error.Message == "" {
		t.Errorf("error %+v, want code %q and a message", e.Error, code)
	}
}

var _ = http.MethodGet

// makeDOCX returns a minimal DOCX of one paragraph.
func makeDOCX(t testing.TB, para string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>`, para)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func indexQuery(q string) index.Query { return index.Query{Text: q} }
