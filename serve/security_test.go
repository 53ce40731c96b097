package serve

import (
	"net/http"
	"testing"
)

// TestHostCheck: a request naming another host (a DNS-rebinding page)
// is refused; loopback names, the bound name and allowed names pass.
func TestHostCheck(t *testing.T) {
	s := newTestServer(t, Options{AllowHosts: []string{"terms.intranet"}})
	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:7340", true},
		{"localhost:7340", true},
		{"LOCALHOST", true},
		{"[::1]:7340", true},
		{"127.0.0.2:7340", true},
		{"app.localhost:7340", true},
		{"terms.intranet:7340", true},
		{"evil.example:7340", false},
		{"evil.example", false},
		{"127.0.0.1.evil.example", false},
		{"localhost.evil.example", false},
		{"192.168.1.5:7340", false}, // bound to loopback: not this server's address
		{"", false},
	} {
		w := do(t, s, "GET", "/api/v1/health", nil, "Host", tc.host)
		if tc.ok && w.Code != 200 {
			t.Errorf("Host %q: status %d, want 200", tc.host, w.Code)
		}
		if !tc.ok {
			wantError(t, w, http.StatusMisdirectedRequest, "bad_host")
		}
	}
}

// TestHostCheckWildcard: bound to every interface, IP addresses are
// fine (no rebinding sends an address), names still are not.
func TestHostCheckWildcard(t *testing.T) {
	p, err := newHostPolicy("0.0.0.0:7340", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !p.allowed("192.168.1.5:7340") || !p.allowed("[fe80::1]:7340") || p.allowed("evil.example:7340") {
		t.Errorf("wildcard policy wrong: %+v", p)
	}
}

// TestNonLoopbackNeedsToken: a server on another address without a
// token is refused.
func TestNonLoopbackNeedsToken(t *testing.T) {
	g, m := testFiles(t)
	for _, addr := range []string{"0.0.0.0:0", "192.0.2.1:7340", ":7340", "[::]:0", "example.org:80"} {
		if _, err := New(t.Context(), Options{Addr: addr, Glossaries: []string{g}, TMs: []string{m}}); err != ErrTokenRequired {
			t.Errorf("%s without a token: err %v, want ErrTokenRequired", addr, err)
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "localhost:0", "[::1]:0"} {
		s, err := New(t.Context(), Options{Addr: addr, Glossaries: []string{g}, TMs: []string{m}, WatchInterval: -1})
		if err != nil {
			t.Errorf("%s: %v", addr, err)
			continue
		}
		s.Close()
	}
	s, err := New(t.Context(), Options{Addr: "0.0.0.0:0", Token: "secret", Glossaries: []string{g}, TMs: []string{m}, WatchInterval: -1})
	if err != nil {
		t.Fatalf("with a token: %v", err)
	}
	s.Close()
}

// TestToken: with a token, every API request needs it as a Bearer
// token; a wrong, missing or malformed one is 401.
func TestToken(t *testing.T) {
	s := newTestServer(t, Options{Token: "s3cret-token"})
	for _, tc := range []struct {
		auth string
		ok   bool
	}{
		{"Bearer s3cret-token", true},
		{"bearer s3cret-token", true},
		{"Bearer  s3cret-token ", true},
		{"", false},
		{"Bearer", false},
		{"Bearer ", false},
		{"Bearer s3cret-toke", false},
		{"Bearer s3cret-token2", false},
		{"Basic s3cret-token", false},
		{"s3cret-token", false},
	} {
		for _, target := range []string{"/api/v1/health", "/api/v1/lookup?q=sco", "/api/v1/none"} {
			w := do(t, s, "GET", target, nil, "Authorization", tc.auth)
			if tc.ok && (w.Code == 401) {
				t.Errorf("%s with %q: 401", target, tc.auth)
			}
			if !tc.ok {
				wantError(t, w, http.StatusUnauthorized, "unauthorized")
			}
		}
	}
}

// TestNoCORSByDefault: no Access-Control header unless --cors names the
// origin, and then only for that origin.
func TestCORS(t *testing.T) {
	s := newTestServer(t, Options{})
	w := do(t, s, "GET", "/api/v1/health", nil, "Origin", "https://evil.example")
	if v := w.Header().Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("CORS header %q without --cors", v)
	}
	s = newTestServer(t, Options{CORSOrigin: "https://intranet.example"})
	w = do(t, s, "GET", "/api/v1/health", nil, "Origin", "https://evil.example")
	if v := w.Header().Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("CORS header %q for another origin", v)
	}
	w = do(t, s, "GET", "/api/v1/health", nil, "Origin", "https://intranet.example")
	if v := w.Header().Get("Access-Control-Allow-Origin"); v != "https://intranet.example" {
		t.Errorf("CORS header %q for the allowed origin", v)
	}
	w = do(t, s, "OPTIONS", "/api/v1/lookup", nil, "Origin", "https://intranet.example", "Access-Control-Request-Method", "GET")
	if w.Code != http.StatusNoContent || w.Header().Get("Access-Control-Allow-Methods") == "" {
		t.Errorf("preflight: %d %v", w.Code, w.Header())
	}
}
