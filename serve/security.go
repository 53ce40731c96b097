package serve

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"
)

func runtimeCPUs() int { return runtime.GOMAXPROCS(0) }

// hostPolicy decides which Host headers are answered. A page of another
// site can make a browser send requests to 127.0.0.1 under its own name
// (DNS rebinding); such requests carry that name in Host, so only the
// names the server is really reached by are accepted: loopback names,
// the bound name, IP addresses when bound to every interface, the
// machine's name, and names allowed explicitly.
type hostPolicy struct {
	loopbackBind bool            // bound to a loopback address only
	anyIP        bool            // bound to every interface: IP literals are fine
	bound        string          // the bound host, lower case
	names        map[string]bool // further names accepted
}

func newHostPolicy(addr string, allow []string) (hostPolicy, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return hostPolicy{}, fmt.Errorf("address %q: want HOST:PORT (%v)", addr, err)
	}
	p := hostPolicy{bound: strings.ToLower(host), names: map[string]bool{}}
	ip := net.ParseIP(host)
	switch {
	case host == "localhost":
		p.loopbackBind = true
	case ip != nil && ip.IsLoopback():
		p.loopbackBind = true
	case host == "" || ip != nil && ip.IsUnspecified():
		p.anyIP = true
		if hn, err := os.Hostname(); err == nil && hn != "" {
			p.names[strings.ToLower(hn)] = true
		}
	}
	for _, a := range allow {
		p.names[strings.ToLower(strings.TrimSpace(a))] = true
	}
	return p, nil
}

// allowed reports whether a request's Host header names this server.
func (p hostPolicy) allowed(hostHeader string) bool {
	h := strings.ToLower(hostHeader)
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	h = strings.TrimSuffix(h, ".")
	if h == "" {
		return false
	}
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || h == p.bound || p.names[h] {
		return true
	}
	if ip := net.ParseIP(h); ip != nil {
		return ip.IsLoopback() || p.anyIP || ip.Equal(net.ParseIP(p.bound))
	}
	return false
}

// contentSecurityPolicy is sent with every page: nothing from elsewhere,
// no inline script, no framing, forms only to the server itself.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// The security headers of every answer, made once (see jsonContentType).
var (
	hdrNosniff    = []string{"nosniff"}
	hdrNoReferrer = []string{"no-referrer"}
	hdrDeny       = []string{"DENY"}
)

// statusWriter records a response's status and size for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// middleware wraps the mux: request log, panic recovery (a 500 with the
// contract's error object, the stack only in the log), the Host check,
// security headers, CORS, the token, and per-request deadlines.
func (s *Server) middleware(next http.Handler) http.Handler {
	tokenSum := sha256.Sum256([]byte(s.opts.Token))
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		w := &statusWriter{ResponseWriter: rw}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				buf := make([]byte, 16<<10)
				buf = buf[:runtime.Stack(buf, false)]
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(buf))
				if w.status == 0 {
					writeError(w, http.StatusInternalServerError, "internal", "internal error; the server log has the details")
				}
			}
			level := slog.LevelInfo
			if w.status >= 500 {
				level = slog.LevelError
			}
			// Gated and with typed attributes: with the log off nothing
			// is formatted, and with it on no argument is boxed.
			if s.log.Enabled(r.Context(), level) {
				s.log.LogAttrs(r.Context(), level, "request", slog.String("method", r.Method), slog.String("path", r.URL.Path),
					slog.Int("status", w.status), slog.Int64("bytes", w.bytes),
					slog.Float64("ms", float64(time.Since(start).Microseconds())/1000), slog.String("remote", r.RemoteAddr))
			}
		}()
		h := w.Header()
		h["X-Content-Type-Options"] = hdrNosniff
		h["Referrer-Policy"] = hdrNoReferrer
		h["X-Frame-Options"] = hdrDeny
		if !s.hosts.allowed(r.Host) {
			writeError(w, http.StatusMisdirectedRequest, "bad_host", fmt.Sprintf("host %q is not a name of this server (DNS rebinding protection); use 127.0.0.1 or localhost, or start the server with --allow-host", r.Host))
			return
		}
		api := strings.HasPrefix(r.URL.Path, "/api/")
		if !api {
			h.Set("Content-Security-Policy", contentSecurityPolicy)
		}
		if api && s.opts.CORSOrigin != "" && r.Header.Get("Origin") == s.opts.CORSOrigin {
			h.Set("Access-Control-Allow-Origin", s.opts.CORSOrigin)
			h.Set("Vary", "Origin")
			if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
				h.Set("Access-Control-Allow-Methods", "GET, POST")
				h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		if api && s.opts.Token != "" {
			got, ok := bearer(r.Header.Get("Authorization"))
			gotSum := sha256.Sum256([]byte(got))
			// Hashes first: the comparison then takes the same time
			// whatever the length of what was sent.
			if subtle.ConstantTimeCompare(gotSum[:], tokenSum[:]) != 1 || !ok {
				h.Set("WWW-Authenticate", `Bearer realm="tolmach"`)
				writeError(w, http.StatusUnauthorized, "unauthorized", "this server needs \"Authorization: Bearer TOKEN\"")
				return
			}
		}
		if !api && s.opts.Token != "" && !s.pageAuthorized(w, r, tokenSum) {
			return
		}
		next.ServeHTTP(w, r)
	})
}

// tokenCookie carries the token for pages, which a browser cannot send
// an Authorization header for: opening /?token=TOKEN once sets it.
const tokenCookie = "tolmach_token"

// pageAuthorized admits a page request on a server with a token: with
// the Authorization header, the cookie, or ?token= (which sets the
// cookie and redirects to the same page without it, out of the address
// bar and history). It answers the request itself when it returns false.
func (s *Server) pageAuthorized(w http.ResponseWriter, r *http.Request, tokenSum [32]byte) bool {
	match := func(t string) bool {
		sum := sha256.Sum256([]byte(t))
		return t != "" && subtle.ConstantTimeCompare(sum[:], tokenSum[:]) == 1
	}
	if t, ok := bearer(r.Header.Get("Authorization")); ok && match(t) {
		return true
	}
	if c, err := r.Cookie(tokenCookie); err == nil && match(c.Value) {
		return true
	}
	if q := r.URL.Query(); match(q.Get("token")) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: q.Get("token"), Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		q.Del("token")
		u := *r.URL
		u.RawQuery = q.Encode()
		http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
		return false
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusUnauthorized)
	fmt.Fprintln(w, "This tolmach server needs its token: open /?token=TOKEN once.")
	return false
}

// bearer extracts the token of an "Authorization: Bearer T" header.
func bearer(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}
