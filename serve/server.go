// Package serve is tolmach's resident server: the glossaries and
// translation memories loaded once and kept warm, reloaded when their
// files change, behind the JSON API of the contract (lookup, check, tm
// match and search, align, health) and the web app's pages.
//
// It never prints and never exits: the CLI's `serve` command wires it,
// and everything it says goes through its slog.Logger.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"tolmach/internal/config"
	"tolmach/internal/lang"
)

// DefaultAddr is the address the server binds when none is given:
// loopback only.
const DefaultAddr = "127.0.0.1:7340"

// Options configure a [Server]. Glossaries and TMs follow the CLI's
// rules: Glossaries, else Config's, else the built-in glossary; TMs, else
// Config's tms.
type Options struct {
	// Addr is the HOST:PORT bound by [Server.ListenAndServe]; "" means
	// DefaultAddr. A host other than a loopback one needs Token.
	Addr string
	// Glossaries and TMs are the --glossary and --tm files.
	Glossaries []string
	TMs        []string
	// Config is the project configuration (tolmach.toml), or nil.
	Config *config.Config
	// SourceLang forces check's source language ("" decides per pair
	// from names and scripts, or the request's source_lang).
	SourceLang lang.Lang
	// CacheDir is tolmach's cache root (index.DefaultCacheDir) for the
	// lookup and TM indexes; "" keeps them in memory.
	CacheDir string
	// Token, when set, is required on every /api/ request as
	// "Authorization: Bearer TOKEN".
	Token string
	// AllowEdit enables the editing endpoints (add a concept or term,
	// add a TM unit).
	AllowEdit bool
	// CORSOrigin, when set, is the one origin allowed to call the API
	// from a browser; no CORS headers are sent otherwise.
	CORSOrigin string
	// AllowHosts are Host header names accepted besides the bound name,
	// loopback names and IP addresses (an intranet name, say).
	AllowHosts []string
	// Version is reported by /api/v1/health.
	Version string
	// Logger receives the request log and reload notices; nil discards.
	Logger *slog.Logger
	// WatchInterval is how often the files in use are polled for
	// changes; 0 means 250 ms, a negative value disables watching.
	WatchInterval time.Duration
	// RequestTimeout bounds each request's work; 0 means 60 s.
	RequestTimeout time.Duration
	// MaxConcurrent caps the checks and alignments run at once (each
	// uses several goroutines); 0 means the number of CPUs.
	MaxConcurrent int
}

// Server holds the loaded glossaries and TMs and serves the API. Its
// methods are safe for concurrent use.
type Server struct {
	opts    Options
	log     *slog.Logger
	current atomic.Pointer[snapshot]
	mux     *http.ServeMux
	handler http.Handler
	hosts   hostPolicy
	heavy   chan struct{} // a slot per check or alignment running

	reloadMu sync.Mutex // one reload at a time
	closed   bool       // set by Close, under reloadMu: no reload may install a version after it
	reload   reloadState
	started  time.Time
}

// pageRoutes are the web app's route registrations (see RegisterPages),
// added by its own files so that the API's need not know them.
var pageRoutes []func(s *Server, mux *http.ServeMux)

// RegisterPages adds a function that registers the web app's routes on
// the server's mux (patterns outside /api/, such as "GET /{$}"). It is
// meant to be called from an init function of the web app's file. The
// pages get the security headers (CSP and friends), the Host check and
// request logging from the server's middleware.
func RegisterPages(register func(s *Server, mux *http.ServeMux)) {
	pageRoutes = append(pageRoutes, register)
}

// New loads the glossaries and TMs and returns a server ready to serve
// them; a glossary or TM that cannot be read is an error naming it.
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	if opts.WatchInterval == 0 {
		opts.WatchInterval = 250 * time.Millisecond
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = 60 * time.Second
	}
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = max(1, runtimeCPUs())
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	hosts, err := newHostPolicy(opts.Addr, opts.AllowHosts)
	if err != nil {
		return nil, err
	}
	if !hosts.loopbackBind && opts.Token == "" {
		return nil, ErrTokenRequired
	}
	s := &Server{opts: opts, log: log, hosts: hosts, heavy: make(chan struct{}, opts.MaxConcurrent), started: time.Now()}
	sn, err := s.load(ctx)
	if err != nil {
		return nil, err
	}
	s.current.Store(sn)
	s.mux = http.NewServeMux()
	s.routes(s.mux)
	for _, register := range pageRoutes {
		register(s, s.mux)
	}
	s.handler = s.middleware(s.mux)
	return s, nil
}

// ErrTokenRequired is returned by [New] for a non-loopback address
// without a token.
var ErrTokenRequired = errors.New("serving on a non-loopback address needs a token (--token or TOLMACH_TOKEN): anyone on the network could read the glossaries and TMs")

// Handler returns the server's HTTP handler: the API, the pages, and
// the middleware around them.
func (s *Server) Handler() http.Handler { return s.handler }

// Logger returns the server's logger (for the web app's handlers).
func (s *Server) Logger() *slog.Logger { return s.log }

// Close releases the current glossary index and TMs once the requests
// using them are done. Call it after Serve has returned: requests after
// it fail with 500.
func (s *Server) Close() error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	s.closed = true
	if sn := s.current.Swap(nil); sn != nil {
		sn.release()
	}
	return nil
}

// Serve serves on ln until ctx is done, then shuts down gracefully:
// the listener closes at once and requests in flight finish (for at most
// the request timeout). The files in use are watched meanwhile unless
// WatchInterval is negative.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.opts.RequestTimeout,
		WriteTimeout:      s.opts.RequestTimeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	if s.opts.WatchInterval > 0 {
		go s.watch(watchCtx)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	stopWatch()
	shutCtx, cancel := context.WithTimeout(context.Background(), s.opts.RequestTimeout+5*time.Second)
	defer cancel()
	err := hs.Shutdown(shutCtx)
	if e := <-errc; e != nil && !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

// Listen binds the server's address.
func (s *Server) Listen() (net.Listener, error) {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", s.opts.Addr, err)
	}
	return ln, nil
}
