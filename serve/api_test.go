package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"tolmach/project"
)

func TestHealth(t *testing.T) {
	s := newTestServer(t, Options{})
	w := do(t, s, "GET", "/api/v1/health", nil)
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var h Health
	decode(t, w, &h)
	if h.Status != "ok" || h.Version != "test" || h.Concepts != 3 || h.Units != 3 || len(h.Glossaries) != 1 || len(h.TMs) != 1 || h.ReloadError != nil {
		t.Errorf("health %+v", h)
	}
}

func TestLookup(t *testing.T) {
	s := newTestServer(t, Options{})
	for _, tc := range []struct {
		query, params, wantID, wantMatched string
	}{
		{"шос", "", "sco", "ШОС"},
		{"Шанхайской организации сотрудничества", "&lang=ru", "sco", "Шанхайская организация сотрудничества"},
		{"three evil forces", "&limit=1", "three-evils", "three evil forces"},
		{"стратегического партнерства", "&exact=0", "strategic-partnership", "стратегическое партнёрство"},
	} {
		w := do(t, s, "GET", "/api/v1/lookup?q="+url.QueryEscape(tc.query)+tc.params, nil)
		if w.Code != 200 {
			t.Fatalf("%s: status %d: %s", tc.query, w.Code, w.Body)
		}
		var got project.Lookup
		decode(t, w, &got)
		if got.Query != tc.query || len(got.Results) == 0 || got.Results[0].ID != tc.wantID || got.Results[0].Matched != tc.wantMatched {
			t.Errorf("%s: got %+v", tc.query, got)
			continue
		}
		if len(got.Results[0].Terms["ru"]) == 0 || len(got.Results[0].Terms["en"]) == 0 {
			t.Errorf("%s: terms %+v", tc.query, got.Results[0].Terms)
		}
	}
	// Nothing found is 200 with empty results, as the CLI's JSON.
	w := do(t, s, "GET", "/api/v1/lookup?q=zzzzqqq", nil)
	var none project.Lookup
	decode(t, w, &none)
	if w.Code != 200 || none.Results == nil || len(none.Results) != 0 {
		t.Errorf("no match: %d %s", w.Code, w.Body)
	}
}

func TestLookupErrors(t *testing.T) {
	s := newTestServer(t, Options{})
	for _, tc := range []struct {
		target string
		status int
		code   string
	}{
		{"/api/v1/lookup", 400, "bad_request"},
		{"/api/v1/lookup?q=", 400, "bad_request"},
		{"/api/v1/lookup?q=%20%20", 400, "bad_request"},
		{"/api/v1/lookup?q=sco&lang=de", 400, "bad_request"},
		{"/api/v1/lookup?q=sco&limit=0", 400, "bad_request"},
		{"/api/v1/lookup?q=sco&limit=abc", 400, "bad_request"},
		{"/api/v1/lookup?q=sco&limit=100000", 400, "bad_request"},
		{"/api/v1/lookup?q=sco&exact=maybe", 400, "bad_request"},
		{"/api/v1/lookup?q=%ff%fe", 400, "bad_request"},
		{"/api/v1/nothing", 404, "not_found"},
		{"/api/v2/lookup?q=sco", 404, "not_found"},
	} {
		t.Run(tc.target, func(t *testing.T) {
			wantError(t, do(t, s, "GET", tc.target, nil), tc.status, tc.code)
		})
	}
	wantError(t, do(t, s, "POST", "/api/v1/lookup?q=sco", nil), http.StatusMethodNotAllowed, "method_not_allowed")
	wantError(t, do(t, s, "DELETE", "/api/v1/health", nil), http.StatusMethodNotAllowed, "method_not_allowed")
}

// TestLookupJSONMatchesLookup: the API's answer, written from results
// the index reuses (lookupJSON), is byte for byte encoding/json's
// encoding of Server.Lookup, which makes its results the ordinary way,
// for the built-in glossary's terms as typed, with each option.
func TestLookupJSONMatchesLookup(t *testing.T) {
	s := newTestServer(t, Options{Glossaries: []string{}, TMs: []string{}})
	sn := s.acquire()
	concepts := sn.glossary.Concepts
	sn.release()
	params := []string{"", "&limit=3", "&limit=60", "&exact=1", "&lang=ru", "&lang=en"}
	n := 0
	for i, c := range concepts {
		if i%7 != 0 {
			continue
		}
		for _, term := range c.Terms {
			r := []rune(term.Text)
			for _, q := range []string{term.Text, strings.ToLower(term.Text), string(r[:len(r)*2/3])} {
				n++
				p := params[n%len(params)]
				target := "/api/v1/lookup?q=" + url.QueryEscape(q) + p
				req, err := parseLookup(httptest.NewRequest("GET", target, nil))
				if err != nil {
					continue // an empty or blank query
				}
				w := do(t, s, "GET", target, nil)
				want, err := s.Lookup(context.Background(), req)
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				enc := json.NewEncoder(&b)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(want); err != nil {
					t.Fatal(err)
				}
				if w.Code != 200 || w.Body.String() != b.String() {
					t.Errorf("%s: %d\n  got  %s\n  want %s", target, w.Code, w.Body, b.String())
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d lookups", n)
	}
}
