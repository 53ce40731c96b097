package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"

	"tolmach/check"
	"tolmach/check/report"
	"tolmach/glossary"
	"tolmach/internal/config"
	"tolmach/internal/lang"
	"tolmach/project"
)

func init() { register(newCheckCommand) }

type checkOptions struct {
	sourceLang    string
	failOn        string
	format        string
	reports       cli.StringSlice
	glossaries    cli.StringSlice
	encoding      string
	pairs         string
	baseline      string
	writeBaseline string
	jobs          int
	all           bool
	args          []string
}

const checkDescription = `Checks a translation (TARGET) against its original (SOURCE): the two
   articles are aligned sentence by sentence, every glossary term of a source
   sentence is looked for in the aligned target sentence, and the rules below
   run over the aligned pair. Russian→English and English→Russian alike.

   The source language is taken from --source-lang, else from the file names
   (*.ru.*, *.en.*; the last language tag counts: altapress.ru.37320.en.txt is
   English), else from the script. Inputs: plain text, Markdown and
   HTML (markup ignored, positions kept) in UTF-8, UTF-16, Windows-1251 or
   KOI8-R (detected, or --encoding), DOCX, and bilingual XLIFF 1.2/2.0 files
   given as the only arguments (their units are checked as they stand).

   RULES (default severity; change in tolmach.toml [rules], "off" disables):
     term-missing       error    a glossary term of the source segment has no
                                 preferred or admitted equivalent in the target
     term-forbidden     error    the target uses a forbidden term (deprecated
                                 ones: warning)
     term-inconsistent  warning  one concept rendered by two different admitted
                                 terms of the same kind
     number-mismatch    error    the numbers of a segment pair differ
     untranslated       error    source-language text left in the target
     segment-missing    error    a source sentence has no counterpart
     segment-extra      warning  a target sentence has no counterpart
     term-drift         warning  a name, acronym or recurring quoted phrase
                                 without a glossary entry written two ways
                                 in the target
     term-partial       warning  a term rendered by part of its equivalent
                                 («товарооборот», "trade turnover", as "trade")
     placeholder-mismatch
                        error    a placeholder of the source (%1$@, {name},
                                 {{ x }}, <b>, an XLIFF inline code) missing
                                 from the target, or one the target adds

   SUPPRESSIONS: [[ignore]] entries of tolmach.toml (rule, term, file glob);
   in Markdown and HTML, <!-- tolmach:ignore RULE [TERM] --> before a
   paragraph, or <!-- tolmach:ignore-file RULE --> anywhere.

   FORMATS (--format for standard output, --report FORMAT=PATH for files, any
   number): text, json, sarif, github, junit, html.

   MANY PAIRS: --pairs DIR|GLOB checks every x.ru.EXT ↔ x.en.EXT pair found
   (text, Markdown, HTML, DOCX; other files are left out), in parallel, into
   one report. A pair that cannot be checked (unreadable, mojibake, a
   "translation" in the source language) is listed in the report as not
   checked (JSON: "errors"), the others are checked, and the run exits 2.
   BASELINES: --write-baseline FILE records the
   current findings; --baseline FILE then reports only findings not in it
   (fingerprints survive edits that move lines).`

func newCheckCommand() *cli.Command {
	opts := &checkOptions{}
	return &cli.Command{
		Name:        "check",
		Usage:       "check a translation against its original: terms, numbers, omissions, untranslated text",
		ArgsUsage:   "SOURCE TARGET | FILE.xlf… | --pairs DIR|GLOB",
		Description: checkDescription,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "source-lang", Usage: "language of SOURCE: ru or en (default: from the file names, else the script)", Destination: &opts.sourceLang},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a finding is at least this severe: error, warning, info or never", Destination: &opts.failOn},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "standard output format: " + strings.Join(report.Formats(), ", "), Destination: &opts.format},
			&cli.StringSliceFlag{Name: "report", Aliases: []string{"r"}, Usage: "also write the report as `FORMAT=PATH` (repeatable)", Destination: &opts.reports},
			glossaryFlag(&opts.glossaries),
			&cli.StringFlag{Name: "encoding", Usage: "encoding of text inputs: " + strings.Join(lang.Encodings, ", ") + " (default: detected)", Destination: &opts.encoding},
			&cli.StringFlag{Name: "pairs", Usage: "check every x.ru.* ↔ x.en.* pair under `DIR` or matching GLOB", Destination: &opts.pairs},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings not recorded in baseline `FILE`", Destination: &opts.baseline},
			&cli.StringFlag{Name: "write-baseline", Usage: "record the findings in baseline `FILE` (and exit 0)", Destination: &opts.writeBaseline},
			&cli.BoolFlag{Name: "all", Usage: fmt.Sprintf("text format: list every finding by segment even when a pair has more than %d (else they are grouped by rule and concept)", report.GroupOver), Destination: &opts.all},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "pairs checked in parallel with --pairs (default: the number of CPUs)", Destination: &opts.jobs},
		},
		Action: func(c *cli.Context) error {
			opts.args = c.Args().Slice()
			return runCheck(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// reportTarget is one --report FORMAT=PATH.
type reportTarget struct{ format, path string }

// parseCheckArgs validates the flags and arguments before anything is read.
func parseCheckArgs(opts *checkOptions) (failOn check.Severity, srcLang lang.Lang, targets []reportTarget, err error) {
	failOn, err = check.ParseSeverity(opts.failOn)
	if err != nil {
		return 0, "", nil, withHint(newUsageError("--fail-on: %v", err), "use --fail-on error, warning, info or never")
	}
	switch strings.ToLower(opts.sourceLang) {
	case "":
	case "ru", "en":
		srcLang = lang.Lang(strings.ToLower(opts.sourceLang))
	default:
		return 0, "", nil, newUsageError("--source-lang %q: want ru or en", opts.sourceLang)
	}
	known := map[string]bool{}
	for _, f := range report.Formats() {
		known[f] = true
	}
	if !known[opts.format] {
		return 0, "", nil, newUsageError("--format %q: want one of %s", opts.format, strings.Join(report.Formats(), ", "))
	}
	for _, r := range opts.reports.Value() {
		f, p, ok := strings.Cut(r, "=")
		if !ok || p == "" || !known[f] {
			return 0, "", nil, withHint(newUsageError("--report %q: want FORMAT=PATH with FORMAT one of %s", r, strings.Join(report.Formats(), ", ")), "for example --report sarif=tolmach.sarif")
		}
		targets = append(targets, reportTarget{f, p})
	}
	switch {
	case opts.pairs != "" && len(opts.args) > 0:
		return 0, "", nil, newUsageError("check: give --pairs or files, not both")
	case allXLIFF(opts.args):
		// One or more bilingual files, each checked on its own.
	case opts.pairs == "" && len(opts.args) == 1 && check.FormatOf(opts.args[0]) != check.XLIFF:
		return 0, "", nil, withHint(newUsageError("check: one file given (%s); a single file must be a bilingual XLIFF", opts.args[0]), "usage: tolmach check SOURCE TARGET")
	case opts.pairs == "" && (len(opts.args) == 0 || len(opts.args) > 2):
		return 0, "", nil, withHint(newUsageError("check: want SOURCE and TARGET (got %d arguments)", len(opts.args)), "usage: tolmach check [flags] SOURCE TARGET")
	}
	if opts.baseline != "" && opts.writeBaseline != "" {
		return 0, "", nil, newUsageError("check: give --baseline or --write-baseline, not both")
	}
	return failOn, srcLang, targets, nil
}

// checkerOptions builds the checker's options, but for the glossary
// (see newChecker), from the flags and the project configuration.
func checkerOptions(opts *checkOptions, srcLang lang.Lang, cfg *config.Config) (check.Options, error) {
	return project.CheckOptions(cfg, srcLang, opts.encoding)
}

func runCheck(ctx context.Context, opts *checkOptions, stdout, stderr io.Writer) error {
	failOn, srcLang, targets, err := parseCheckArgs(opts)
	if err != nil {
		return err
	}
	cfg, err := projectConfig()
	if err != nil && !errors.Is(err, config.ErrNotFound) {
		return err
	}
	// A short-lived process with a small heap: collect garbage less often
	// (unless the user tuned the collector with GOGC).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// The glossary is loaded and indexed while the documents are read.
	type prepared struct {
		checker *check.Checker
		err     error
	}
	ready := make(chan prepared, 1)
	// A new glossary cache entry is written while the check runs, and
	// waited for before the process ends.
	stored := make(chan struct{})
	defer func() { <-stored }()
	go func() {
		co, err := checkerOptions(opts, srcLang, cfg)
		if err != nil {
			close(stored)
			ready <- prepared{err: err}
			return
		}
		c, store, err := newChecker(opts.glossaries.Value(), co)
		ready <- prepared{checker: c, err: err}
		if store != nil {
			store()
		}
		close(stored)
	}()
	if srcLang == "" && cfg != nil && cfg.SourceLang != "" {
		srcLang = lang.Lang(cfg.SourceLang)
	}
	var src, tgt *check.Document
	var readErr error
	if opts.pairs == "" && !allXLIFF(opts.args) {
		src, tgt, readErr = check.ReadPair(opts.args[0], opts.args[1], opts.encoding, srcLang)
	}
	prep := <-ready
	if prep.err != nil {
		return prep.err
	}
	if readErr != nil {
		return checkFileError(readErr)
	}
	checker := prep.checker

	var results []*check.Result
	// A pair of a batch that cannot be checked is reported with the
	// others' findings, and the run then ends with exit 2.
	var failed []check.PairError
	var pairsFailed error
	switch {
	case opts.pairs != "":
		pairs, unpaired, err := check.FindPairs(opts.pairs, srcLang)
		if err != nil {
			return err
		}
		for _, u := range unpaired {
			fmt.Fprintf(stderr, "tolmach: warning: %s: no counterpart in the other language; not checked\n", u)
		}
		if len(pairs) == 0 {
			return withHint(fmt.Errorf("--pairs %s: no x.ru.* ↔ x.en.* pairs found", opts.pairs), "name each article x.ru.EXT and its translation x.en.EXT")
		}
		results, failed, err = checker.CheckEach(ctx, pairs, opts.jobs)
		if err != nil {
			return err
		}
		for _, f := range failed {
			fmt.Fprintf(stderr, "tolmach: error: %s → %s not checked: %s\n", f.Source, f.Target, strings.TrimSpace(f.Err.Error()))
		}
		if len(failed) > 0 {
			pairsFailed = fmt.Errorf("%d of %d pairs could not be checked (the report lists them); the others were", len(failed), len(pairs))
		}
	case allXLIFF(opts.args):
		for _, a := range opts.args {
			res, err := checker.CheckBilingual(ctx, a)
			if err != nil {
				return checkFileError(err)
			}
			results = append(results, res)
		}
	default:
		res, err := checker.Check(ctx, src, tgt)
		if err != nil {
			return checkFileError(err)
		}
		results = []*check.Result{res}
	}
	if opts.pairs != "" {
		// Across the documents: one concept rendered by different terms.
		checker.AddCorpusFindings(results)
	}
	for _, res := range results {
		for _, d := range []*check.Document{res.Source, res.Target} {
			if d.Encoding != lang.UTF8 && d.Encoding != lang.UTF8BOM {
				fmt.Fprintf(stderr, "tolmach: note: %s: read as %s\n", d.Path, d.Encoding)
			}
		}
	}
	rep := check.NewReport(checker, results...)
	rep.Errors = failed

	if opts.baseline != "" {
		b, err := check.ReadBaseline(opts.baseline)
		if err != nil {
			return err
		}
		if n := b.Filter(rep); n > 0 {
			fmt.Fprintf(stderr, "tolmach: %d finding(s) in the baseline %s not reported\n", n, opts.baseline)
		}
	}
	ro := report.Options{Color: opts.format == "text" && colorEnabled(stdout), Version: version(), All: opts.all}
	// Report files first, each written whole or not at all.
	for _, t := range targets {
		var buf bytes.Buffer
		if err := report.Write(t.format, &buf, rep, report.Options{Version: ro.Version, All: ro.All}); err != nil {
			return err
		}
		if err := check.WriteFileAtomic(t.path, buf.Bytes()); err != nil {
			return err
		}
	}
	if opts.writeBaseline != "" {
		if err := check.NewBaseline(rep).WriteFile(opts.writeBaseline); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "tolmach: %d finding(s) recorded in the baseline %s\n", len(rep.Findings()), opts.writeBaseline)
	}
	if err := report.Write(opts.format, stdout, rep, ro); err != nil {
		return err
	}
	if pairsFailed != nil {
		return pairsFailed
	}
	if opts.writeBaseline == "" && failOn != check.Off && rep.Worst() >= failOn {
		return errFindings
	}
	return nil
}

// checkCacheDir returns the directory of the check's glossary cache,
// $XDG_CACHE_HOME/tolmach/check, or "" when there is no cache directory.
func checkCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "tolmach", "check")
}

// newChecker returns a checker with co and the glossaries in use (see
// glossariesInUse), prepared: from the glossary cache when it holds them
// as they are now, else parsed and indexed, in which case store, when not
// nil, writes them to the cache (failures are ignored: the cache is only
// an optimisation).
func newChecker(paths []string, co check.Options) (c *check.Checker, store func(), err error) {
	srcs, err := glossariesInUse(paths)
	if err != nil {
		return nil, nil, err
	}
	// One check per process: the entry is mapped, not read into the heap.
	cache := check.GlossaryCache{Dir: checkCacheDir(), Mapped: true}
	csrcs := make([]check.GlossarySource, len(srcs))
	for i, s := range srcs {
		csrcs[i] = check.GlossarySource{Path: s.Path, Size: s.Size, ModTime: s.ModTime}
	}
	if c, ok := cache.Load(csrcs, co); ok {
		return c, nil, nil
	}
	gs, err := loadSources(srcs)
	if err != nil {
		return nil, nil, err
	}
	co.Glossary = glossary.Merge(gs...)
	c = check.New(co)
	c.Prepare()
	if os.Getenv("GOGC") == "" {
		// The heap is no longer small (see runCheck): a large glossary
		// and its matchers are live now, and at 400% the collector let
		// the check's garbage grow to five times them, every page of it
		// fresh, a page fault each. At 200% the first check after the
		// 42k Müller glossary changed peaks at 193 MB instead of 240
		// with no more CPU (8 runs alternated at load 9).
		debug.SetGCPercent(200)
	}
	return c, func() { _ = cache.Store(csrcs, c) }, nil
}

// allXLIFF reports whether every argument is a bilingual XLIFF file.
func allXLIFF(args []string) bool {
	for _, a := range args {
		if check.FormatOf(a) != check.XLIFF {
			return false
		}
	}
	return len(args) > 0
}

// checkFileError adds hints to the errors people meet first.
func checkFileError(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return withHint(err, "check the file names: tolmach check SOURCE TARGET")
	case errors.Is(err, lang.ErrNotText):
		return withHint(err, "tolmach checks text, Markdown, HTML, DOCX and XLIFF files")
	case errors.Is(err, check.ErrSameLanguage):
		return withHint(err, "give the original and its translation, or set --source-lang")
	}
	return err
}
