package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"

	"tolmach/index"
	"tolmach/internal/lang"
	"tolmach/project"
	"tolmach/serve"
)

func init() { register(newServeCommand) }

type serveOptions struct {
	addr       string
	glossaries cli.StringSlice
	tms        cli.StringSlice
	token      string
	allowEdit  bool
	cors       string
	allowHosts cli.StringSlice
	sourceLang string
	logFormat  string
	quiet      bool
}

func newServeCommand() *cli.Command {
	opts := &serveOptions{}
	return &cli.Command{
		Name:  "serve",
		Usage: "serve lookup, check, TM and align over HTTP (JSON API and web app), glossaries kept loaded",
		Description: `Loads the glossaries and TMs in use once (--glossary, else tolmach.toml's,
   else the built-in glossary; --tm, else tolmach.toml's tms), keeps them warm
   and reloads them when their files change (a broken edit keeps the last good
   version and is reported by /api/v1/health and the log). Serves the JSON API
   under /api/v1/ (see the README) and the web app at /.

   Binds 127.0.0.1:7340 by default. Another address needs --token (or
   TOLMACH_TOKEN), then required on every API request as
   "Authorization: Bearer TOKEN". Requests naming another host are refused
   (DNS rebinding). Read-only unless --allow-edit; no CORS unless --cors.
   Prints "tolmach: serving on http://HOST:PORT" on stderr when ready and
   logs each request there (written out every 100 ms and at the end);
   SIGINT or SIGTERM stops it after the requests in flight (exit 0).`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: serve.DefaultAddr, Usage: "listen on `HOST:PORT` (port 0 picks a free one)", Destination: &opts.addr},
			glossaryFlag(&opts.glossaries),
			&cli.StringSliceFlag{Name: "tm", Usage: "serve translation memory `FILE` (repeatable; default: tolmach.toml's tms)", Destination: &opts.tms},
			&cli.StringFlag{Name: "token", EnvVars: []string{"TOLMACH_TOKEN"}, Usage: "require \"Authorization: Bearer `TOKEN`\" on every API request", Destination: &opts.token},
			&cli.BoolFlag{Name: "allow-edit", Usage: "enable the editing endpoints (add concepts, terms and TM units)", Destination: &opts.allowEdit},
			&cli.StringFlag{Name: "cors", Usage: "allow browser calls to the API from `ORIGIN` (e.g. https://intranet.example)", Destination: &opts.cors},
			&cli.StringSliceFlag{Name: "allow-host", Usage: "also answer requests for host `NAME` (repeatable; e.g. an intranet name)", Destination: &opts.allowHosts},
			&cli.StringFlag{Name: "source-lang", Usage: "source language of checks: ru or en (default: per request)", Destination: &opts.sourceLang},
			&cli.StringFlag{Name: "log-format", Value: "text", Usage: "request log on stderr: text, json or none", Destination: &opts.logFormat},
		},
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "serve"); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runServe(ctx, opts, c.App.ErrWriter)
		},
	}
}

func runServe(ctx context.Context, opts *serveOptions, stderr io.Writer) error {
	if _, _, err := net.SplitHostPort(opts.addr); err != nil {
		return newUsageError("--addr %q: want HOST:PORT, e.g. 127.0.0.1:7340", opts.addr)
	}
	// The log is buffered (written out every 100 ms and when the server
	// stops), so that no request waits for its line to reach stderr.
	logw := serve.NewLogWriter(stderr)
	defer logw.Close()
	var logger *slog.Logger
	switch opts.logFormat {
	case "text":
		logger = slog.New(slog.NewTextHandler(logw, nil))
	case "json":
		logger = slog.New(slog.NewJSONHandler(logw, nil))
	case "none":
		logger = slog.New(slog.DiscardHandler)
	default:
		return newUsageError("--log-format %q: want text, json or none", opts.logFormat)
	}
	srcLang, err := parseLangFlag(opts.sourceLang)
	if err != nil {
		return err
	}
	cfg, err := projectConfig()
	if err != nil {
		return err
	}
	cacheDir, err := index.DefaultCacheDir()
	if err != nil {
		cacheDir = ""
	}
	s, err := serve.New(ctx, serve.Options{
		Addr: opts.addr, Glossaries: opts.glossaries.Value(), TMs: opts.tms.Value(), Config: cfg, SourceLang: srcLang,
		CacheDir: cacheDir, Token: opts.token, AllowEdit: opts.allowEdit, CORSOrigin: opts.cors,
		AllowHosts: opts.allowHosts.Value(), Version: version(), Logger: logger,
	})
	if errors.Is(err, serve.ErrTokenRequired) {
		return withHint(usageError{err}, "bind 127.0.0.1 (the default), or set --token or TOLMACH_TOKEN")
	}
	if err != nil {
		return err
	}
	defer s.Close()
	ln, err := s.Listen()
	if err != nil {
		return err
	}
	host, _, _ := net.SplitHostPort(opts.addr)
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	logw.Flush() // what was logged while loading comes first
	fmt.Fprintf(stderr, "tolmach: serving on http://%s\n", net.JoinHostPort(host, port))
	return s.Serve(ctx, ln)
}

// parseLangFlag reads a --source-lang value: ru, en or "" (none).
func parseLangFlag(s string) (lang.Lang, error) {
	l, err := project.ParseLang(s)
	if err != nil {
		return "", newUsageError("--source-lang: %v", err)
	}
	return l, nil
}
