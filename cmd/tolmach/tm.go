package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"tolmach/internal/lang"
	"tolmach/project"
	"tolmach/tm"
)

func init() { register(newTMCommand) }

// tmSubcommands holds the constructors of the `tm` subcommands; a file
// adding one (e.g. tm_addpair.go) calls registerTMSubcommand from its
// init function, so this file need not change.
var tmSubcommands []func() *cli.Command

// registerTMSubcommand adds a `tm` subcommand.
func registerTMSubcommand(newCommand func() *cli.Command) {
	tmSubcommands = append(tmSubcommands, newCommand)
}

func init() {
	registerTMSubcommand(newTMImportCommand)
	registerTMSubcommand(newTMAddCommand)
	registerTMSubcommand(newTMExportCommand)
	registerTMSubcommand(newTMSearchCommand)
	registerTMSubcommand(newTMMatchCommand)
	registerTMSubcommand(newTMAnalyzeCommand)
	registerTMSubcommand(newTMStatsCommand)
}

func newTMCommand() *cli.Command {
	cmd := &cli.Command{
		Name:  "tm",
		Usage: "translation memory: import, add, export, search, match, analyze, stats",
		Description: `A TM is a file you own: TMX 1.4b (.tmx), or TSV/CSV with a header naming the
languages (ru, en). tolmach caches a compact index of it under
$XDG_CACHE_HOME/tolmach/tm/, rebuilt whenever the file changes.`,
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return withHint(newUsageError("unknown tm subcommand %q", c.Args().First()), "run 'tolmach tm --help' for the list")
			}
			return cli.ShowSubcommandHelp(c)
		},
	}
	for _, newSub := range tmSubcommands {
		cmd.Subcommands = append(cmd.Subcommands, newSub())
	}
	sort.Slice(cmd.Subcommands, func(i, j int) bool { return cmd.Subcommands[i].Name < cmd.Subcommands[j].Name })
	cmd.Description += "\n\nRun 'tolmach tm COMMAND --help' for a command's options."
	return cmd
}

// tmFlag is the repeatable --tm flag of the tm commands that read TMs;
// usage says what the command does with each.
func tmFlag(dest *cli.StringSlice, usage string) cli.Flag {
	return &cli.StringSliceFlag{Name: "tm", Usage: usage, Destination: dest}
}

// textOrJSONFlag is the --format flag of the tm commands whose output is
// text for people or JSON for programs.
func textOrJSONFlag(dest *string) cli.Flag {
	return &cli.StringFlag{Name: "format", Usage: "text or json", Value: "text", Destination: dest}
}

// tmsInUse returns the TMs a command reads: the --tm paths, else the
// project configuration's tms; none at all is a usage error, said the
// same way by every command reading TMs.
func tmsInUse(paths []string) ([]string, error) {
	if len(paths) == 0 {
		cfg, err := projectConfig()
		if err != nil {
			return nil, err
		}
		paths = project.TMPaths(cfg, nil)
	}
	if len(paths) == 0 {
		return nil, withHint(newUsageError("no translation memory given"), "pass --tm FILE (repeatable), or list them under tms in tolmach.toml")
	}
	return paths, nil
}

// openTMs opens the TMs at paths (see tmsInUse).
func openTMs(paths []string) ([]*tm.Index, error) {
	t, err := project.OpenTMs(paths, tm.DefaultCacheDir())
	if err != nil {
		return nil, err
	}
	return t.Indexes, nil
}

func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return newUsageError("unknown --format %q (want %s)", format, strings.Join(allowed, " or "))
}

// ---- import ----

type tmImportOptions struct {
	into   string
	inputs []string
	quiet  bool
}

func newTMImportCommand() *cli.Command {
	opts := &tmImportOptions{}
	return &cli.Command{
		Name:      "import",
		Usage:     "add the units of TMX, TSV or CSV files to a TM (all or nothing)",
		ArgsUsage: "FILE…",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "into", Usage: "the TM to add to (created if absent; .tmx, .tsv or .csv)", Required: true, Destination: &opts.into},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no summary on stderr", Destination: &opts.quiet},
		},
		Action: func(c *cli.Context) error {
			opts.inputs = c.Args().Slice()
			if len(opts.inputs) == 0 {
				return newUsageError("tm import: no input file")
			}
			return runTMImport(c.Context, opts, c.App.ErrWriter)
		},
	}
}

func runTMImport(ctx context.Context, opts *tmImportOptions, stderr io.Writer) error {
	o := tm.Options{CacheDir: tm.DefaultCacheDir()}
	bar := newProgressBar(stderr)
	if bar != nil {
		o.Progress = bar.update
	}
	start := time.Now()
	res, err := tm.Import(opts.into, opts.inputs, o)
	bar.finish()
	if err != nil {
		return fmt.Errorf("%w (nothing was imported into %s)", err, opts.into)
	}
	if !opts.quiet {
		other := ""
		if res.Skipped > 0 {
			other = fmt.Sprintf(", %d without a ru–en pair skipped", res.Skipped)
		}
		fmt.Fprintf(stderr, "tolmach: %s: %d units read, %d added, %d duplicates skipped (same text but for Unicode normalisation and spacing)%s; %d units in the TM (%.1fs)\n",
			opts.into, res.Read, res.Added, res.Duplicates, other, res.Total, time.Since(start).Seconds())
	}
	return nil
}

// progressBar draws import progress on a terminal's stderr; nil (which
// draws nothing) when stderr is not a terminal.
type progressBar struct {
	w    io.Writer
	last time.Time
}

func newProgressBar(w io.Writer) *progressBar {
	f, ok := w.(*os.File)
	if !ok || !isTerminal(f) {
		return nil
	}
	return &progressBar{w: w}
}

func (p *progressBar) update(done, total int64) {
	if p == nil || time.Since(p.last) < 100*time.Millisecond && done < total {
		return
	}
	p.last = time.Now()
	pct := 100.0
	if total > 0 {
		pct = 100 * float64(done) / float64(total)
	}
	n := int(pct / 5)
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%% %d/%d MB", strings.Repeat("#", n), strings.Repeat(" ", 20-n), pct, done>>20, total>>20)
}

func (p *progressBar) finish() {
	if p != nil {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// ---- add ----

type tmAddOptions struct {
	into, ru, en, id, note, document string
}

func newTMAddCommand() *cli.Command {
	opts := &tmAddOptions{}
	return &cli.Command{
		Name:  "add",
		Usage: "add one RU–EN unit to a TM (skipped if the same text is already there)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "into", Usage: "the TM to add to (created if absent)", Required: true, Destination: &opts.into},
			&cli.StringFlag{Name: "ru", Usage: "the Russian segment", Required: true, Destination: &opts.ru},
			&cli.StringFlag{Name: "en", Usage: "the English segment", Required: true, Destination: &opts.en},
			&cli.StringFlag{Name: "id", Usage: "the unit's id (tuid)", Destination: &opts.id},
			&cli.StringFlag{Name: "note", Usage: "a note for the unit", Destination: &opts.note},
			&cli.StringFlag{Name: "document", Usage: "the source document the unit comes from", Destination: &opts.document},
		},
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "tm add"); err != nil {
				return err
			}
			return runTMAdd(c.Context, opts, c.App.ErrWriter)
		},
	}
}

func runTMAdd(ctx context.Context, opts *tmAddOptions, stderr io.Writer) error {
	if strings.TrimSpace(opts.ru) == "" || strings.TrimSpace(opts.en) == "" {
		return newUsageError("tm add: --ru and --en must not be empty")
	}
	now := time.Now().UTC().Truncate(time.Second)
	u := tm.Unit{
		ID:       opts.id,
		Segments: []tm.Segment{{Lang: "ru", Text: opts.ru}, {Lang: "en", Text: opts.en}},
		SrcLang:  "ru",
		Document: opts.document,
		Created:  now,
		Creator:  os.Getenv("USER"),
	}
	if opts.note != "" {
		u.Notes = []string{opts.note}
	}
	res, err := tm.Add(opts.into, []tm.Unit{u}, tm.Options{CacheDir: tm.DefaultCacheDir()})
	if err != nil {
		return err
	}
	if res.Added == 0 {
		fmt.Fprintf(stderr, "tolmach: %s: the unit is already in the TM (the same text but for Unicode normalisation and spacing); nothing added\n", opts.into)
		return nil
	}
	fmt.Fprintf(stderr, "tolmach: %s: unit added; %d units in the TM\n", opts.into, res.Total)
	return nil
}

// ---- export ----

type tmExportOptions struct {
	tms    cli.StringSlice
	format string
	out    string
}

func newTMExportCommand() *cli.Command {
	opts := &tmExportOptions{}
	return &cli.Command{
		Name:  "export",
		Usage: "write the units of TMs as TMX 1.4b, TSV or CSV",
		Flags: []cli.Flag{
			tmFlag(&opts.tms, "a TM to export (repeatable)"),
			&cli.StringFlag{Name: "format", Usage: "tmx, tsv or csv", Value: "tmx", Destination: &opts.format},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `OUT` (atomically) instead of stdout", Destination: &opts.out},
		},
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "tm export"); err != nil {
				return err
			}
			return runTMExport(c.Context, opts, c.App.Writer)
		},
	}
}

func runTMExport(ctx context.Context, opts *tmExportOptions, stdout io.Writer) error {
	format, err := tm.ParseFormat(opts.format)
	if err != nil || opts.format == "txt" || opts.format == "tab" {
		return newUsageError("unknown --format %q (want tmx, tsv or csv)", opts.format)
	}
	paths, err := tmsInUse(opts.tms.Value())
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		var put func(*tm.Unit) error
		var closeFn func() error
		switch format {
		case tm.TMX:
			tw := tm.NewTMXWriter(w, "*all*")
			put, closeFn = tw.Write, tw.Close
		default:
			comma := ','
			if format == tm.TSV {
				comma = '\t'
			}
			tw, err := tm.NewTableWriter(w, comma, []string{"ru", "en"})
			if err != nil {
				return err
			}
			put, closeFn = tw.Write, tw.Close
		}
		for _, p := range paths {
			if err := tm.ReadFile(p, put); err != nil {
				return err
			}
		}
		return closeFn()
	}
	if opts.out == "" || opts.out == "-" {
		return write(stdout)
	}
	return writeFileAtomic(opts.out, write)
}

// writeFileAtomic writes a file through a temporary file beside it,
// fsynced and renamed into place, so OUT is never left half-written.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ---- search ----

type tmSearchOptions struct {
	tms    cli.StringSlice
	limit  int
	format string
	query  string
}

func newTMSearchCommand() *cli.Command {
	opts := &tmSearchOptions{}
	return &cli.Command{
		Name:      "search",
		Usage:     "concordance: units holding a phrase in any inflected form, in either language",
		ArgsUsage: "QUERY",
		Flags: []cli.Flag{
			tmFlag(&opts.tms, "a TM to search (repeatable)"),
			&cli.IntFlag{Name: "limit", Usage: "most results shown", Value: 20, Destination: &opts.limit},
			textOrJSONFlag(&opts.format),
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() == 0 {
				return newUsageError("tm search: no QUERY")
			}
			opts.query = strings.Join(c.Args().Slice(), " ")
			return runTMSearch(c.Context, opts, c.App.Writer)
		},
	}
}

func runTMSearch(ctx context.Context, opts *tmSearchOptions, stdout io.Writer) error {
	if err := checkFormat(opts.format, "text", "json"); err != nil {
		return err
	}
	if opts.limit <= 0 {
		return newUsageError("--limit must be positive")
	}
	paths, err := tmsInUse(opts.tms.Value())
	if err != nil {
		return err
	}
	xs, err := openTMs(paths)
	if err != nil {
		return err
	}
	res, err := (&project.TMs{Paths: paths, Indexes: xs}).Search(ctx, opts.query, opts.limit)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(stdout, res)
	}
	hits := res.Results
	color := colorEnabled(stdout)
	bw := bufio.NewWriter(stdout)
	for _, h := range hits {
		fmt.Fprintf(bw, "%s: %s\n", h.SourceLang, highlightSpans(h.Source, h.Spans, color))
		fmt.Fprintf(bw, "%s: %s\n", h.TargetLang, h.Target)
		if h.ID != "" {
			fmt.Fprintf(bw, "   id %s\n", h.ID)
		}
		fmt.Fprintln(bw)
	}
	if len(hits) == 0 {
		fmt.Fprintf(bw, "no unit holds %q\n", opts.query)
	}
	return bw.Flush()
}

// highlightSpans marks the byte spans of s: bold reverse video on a
// terminal, unmarked otherwise.
func highlightSpans(s string, spans [][2]int, color bool) string {
	if !color {
		return s
	}
	var b strings.Builder
	prev := 0
	for _, sp := range spans {
		b.WriteString(s[prev:sp[0]])
		b.WriteString("\033[1;7m")
		b.WriteString(s[sp[0]:sp[1]])
		b.WriteString("\033[0m")
		prev = sp[1]
	}
	b.WriteString(s[prev:])
	return b.String()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// ---- match ----

type tmMatchOptions struct {
	tms    cli.StringSlice
	min    int
	limit  int
	format string
}

func newTMMatchCommand() *cli.Command {
	opts := &tmMatchOptions{}
	return &cli.Command{
		Name:      "match",
		Usage:     "fuzzy matches with a percentage; with no SENTENCE, one query per line from stdin",
		ArgsUsage: "[SENTENCE]",
		Description: `The percentage is 100 × (1 − LD / max(|a|, |b|)), rounded down, where LD is the
word-level Levenshtein distance between the token sequences of query and match
(words and numbers by their matching key, punctuation characters folded). 100
means the same words in the same forms; the same keys in another inflection is 99.
Text output shows the word diff from the query to the match: [-query-]{+match+}.`,
		Flags: []cli.Flag{
			tmFlag(&opts.tms, "a TM to match against (repeatable)"),
			&cli.IntFlag{Name: "min", Usage: "lowest percentage shown", Value: 70, Destination: &opts.min},
			&cli.IntFlag{Name: "limit", Usage: "most matches per query", Value: 5, Destination: &opts.limit},
			&cli.StringFlag{Name: "format", Usage: "text or json (JSON Lines when reading stdin)", Value: "text", Destination: &opts.format},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() == 0 {
				return runTMMatch(c.Context, opts, nil, c.App.Reader, c.App.Writer)
			}
			q := strings.Join(c.Args().Slice(), " ")
			return runTMMatch(c.Context, opts, &q, nil, c.App.Writer)
		},
	}
}

func runTMMatch(ctx context.Context, opts *tmMatchOptions, query *string, stdin io.Reader, stdout io.Writer) error {
	if err := checkFormat(opts.format, "text", "json"); err != nil {
		return err
	}
	if opts.min < 0 || opts.min > 100 {
		return newUsageError("--min must be between 0 and 100")
	}
	if opts.limit <= 0 {
		return newUsageError("--limit must be positive")
	}
	paths, err := tmsInUse(opts.tms.Value())
	if err != nil {
		return err
	}
	xs, err := openTMs(paths)
	if err != nil {
		return err
	}
	set := &project.TMs{Paths: paths, Indexes: xs}
	match := func(q string) *project.MatchResult {
		res, err := set.Match(ctx, q, opts.min, opts.limit)
		if err != nil {
			return &project.MatchResult{Query: q, Matches: []project.Match{}}
		}
		return res
	}
	bw := bufio.NewWriterSize(stdout, 64<<10)
	color := colorEnabled(stdout)
	emit := func(q string, res *project.MatchResult, batch bool) error {
		if opts.format == "json" {
			return writeJSON(bw, res)
		}
		ms := res.Matches
		if batch {
			fmt.Fprintf(bw, "query: %s\n", q)
		}
		if len(ms) == 0 {
			fmt.Fprintf(bw, "no match at or above %d%%\n", opts.min)
		}
		for _, m := range ms {
			id := ""
			if m.ID != "" {
				id = "  id " + m.ID
			}
			fmt.Fprintf(bw, "%3d%%%s\n", m.Score, id)
			fmt.Fprintf(bw, "  %s: %s\n", m.SourceLang, wordDiff(tm.Diff(q, m.Source), color))
			fmt.Fprintf(bw, "  %s: %s\n", m.TargetLang, m.Target)
		}
		if batch {
			fmt.Fprintln(bw)
		}
		return nil
	}
	if query != nil {
		if err := emit(*query, match(*query), false); err != nil {
			return err
		}
		return bw.Flush()
	}
	// Queries are matched on all CPUs (an index is safe for concurrent
	// queries) and printed in input order.
	type job struct {
		q   string
		res chan *project.MatchResult
	}
	jobs := make(chan *job, 256)
	order := make(chan *job, 1024)
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		go func() {
			for j := range jobs {
				j.res <- match(j.q)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		sc := bufio.NewScanner(stdin)
		// A query is a segment: longer lines are refused by number, not
		// matched at a cost that grows with their length.
		sc.Buffer(make([]byte, 64<<10), lang.MaxLineSize)
		line := 0
		for sc.Scan() {
			line++
			q := strings.TrimSuffix(sc.Text(), "\r")
			if err := lang.CheckSegment(q); err != nil {
				readErr <- fmt.Errorf("stdin:%d: %w", line, err)
				return
			}
			j := &job{q: q, res: make(chan *project.MatchResult, 1)}
			order <- j
			jobs <- j
		}
		if err := sc.Err(); errors.Is(err, bufio.ErrTooLong) {
			readErr <- fmt.Errorf("stdin:%d: %w", line+1, &lang.TooLargeError{What: "line", Size: lang.MaxLineSize, AtLeast: true,
				Limit: lang.MaxLineSize, Unit: "bytes", Reads: "queries"})
			return
		}
		readErr <- sc.Err()
	}()
	var emitErr error
	for j := range order {
		ms := <-j.res
		if emitErr == nil {
			emitErr = emit(j.q, ms, true)
		}
	}
	if err := <-readErr; err != nil {
		if errors.Is(err, lang.ErrTooLarge) {
			return err // already "stdin:LINE: …"
		}
		return fmt.Errorf("reading queries from stdin: %w", err)
	}
	if emitErr != nil {
		return emitErr
	}
	return bw.Flush()
}

// wordDiff renders a diff from the query to a match: [-removed-] and
// {+added+} as wdiff writes them, in red and green on a terminal.
func wordDiff(edits []tm.Edit, color bool) string {
	del, ins, end := "[-", "{+", ""
	delEnd, insEnd := "-]", "+}"
	if color {
		del, ins, delEnd, insEnd, end = "\033[31m", "\033[32m", "\033[0m", "\033[0m", ""
	}
	_ = end
	var b strings.Builder
	for i, e := range edits {
		if i > 0 && e.Space {
			b.WriteByte(' ')
		}
		switch e.Kind {
		case tm.Same:
			b.WriteString(e.Text)
		case tm.Insert:
			b.WriteString(ins + e.Text + insEnd)
		case tm.Delete:
			b.WriteString(del + e.Old + delEnd)
		case tm.Replace:
			b.WriteString(del + e.Old + delEnd + ins + e.Text + insEnd)
		}
	}
	return b.String()
}

// ---- analyze ----

type tmAnalyzeOptions struct {
	tms    cli.StringSlice
	format string
	doc    string
}

func newTMAnalyzeCommand() *cli.Command {
	opts := &tmAnalyzeOptions{}
	return &cli.Command{
		Name:      "analyze",
		Usage:     "match-band report of a document against TMs (segments and words per band, repetitions)",
		ArgsUsage: "DOC",
		Flags: []cli.Flag{
			tmFlag(&opts.tms, "a TM to analyse against (repeatable)"),
			textOrJSONFlag(&opts.format),
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() != 1 {
				return newUsageError("tm analyze: want exactly one DOC")
			}
			opts.doc = c.Args().First()
			return runTMAnalyze(c.Context, opts, c.App.Writer)
		},
	}
}

func runTMAnalyze(ctx context.Context, opts *tmAnalyzeOptions, stdout io.Writer) error {
	if err := checkFormat(opts.format, "text", "json"); err != nil {
		return err
	}
	paths, err := tmsInUse(opts.tms.Value())
	if err != nil {
		return err
	}
	xs, err := openTMs(paths)
	if err != nil {
		return err
	}
	text, _, err := lang.ReadFile(opts.doc, "")
	if err != nil {
		return err
	}
	r := tm.AnalyzeDocument(text, xs)
	if opts.format == "json" {
		return writeJSON(stdout, struct {
			Document string `json:"document"`
			tm.Report
		}{opts.doc, r})
	}
	bw := bufio.NewWriter(stdout)
	fmt.Fprintf(bw, "%-12s %9s %9s %7s\n", "match", "segments", "words", "words%")
	row := func(b tm.Band) {
		pct := 0.0
		if r.Total.Words > 0 {
			pct = 100 * float64(b.Words) / float64(r.Total.Words)
		}
		fmt.Fprintf(bw, "%-12s %9d %9d %6.1f%%\n", b.Name, b.Segments, b.Words, pct)
	}
	row(r.Repetitions)
	for _, b := range r.Bands {
		row(b)
	}
	row(r.Total)
	return bw.Flush()
}

// ---- stats ----

type tmStatsOptions struct {
	tms    cli.StringSlice
	format string
}

func newTMStatsCommand() *cli.Command {
	opts := &tmStatsOptions{}
	return &cli.Command{
		Name:  "stats",
		Usage: "units, languages and words of TMs",
		Flags: []cli.Flag{
			tmFlag(&opts.tms, "a TM (repeatable)"),
			textOrJSONFlag(&opts.format),
		},
		Action: func(c *cli.Context) error {
			return runTMStats(c.Context, opts, c.App.Writer)
		},
	}
}

func runTMStats(ctx context.Context, opts *tmStatsOptions, stdout io.Writer) error {
	if err := checkFormat(opts.format, "text", "json"); err != nil {
		return err
	}
	paths, err := tmsInUse(opts.tms.Value())
	if err != nil {
		return err
	}
	xs, err := openTMs(paths)
	if err != nil {
		return err
	}
	type statJSON struct {
		TM string `json:"tm"`
		tm.Stats
	}
	var all []statJSON
	for i, x := range xs {
		all = append(all, statJSON{paths[i], x.Stats()})
	}
	if opts.format == "json" {
		return writeJSON(stdout, all)
	}
	bw := bufio.NewWriter(stdout)
	for _, s := range all {
		fmt.Fprintf(bw, "%s: %d units, %d terms\n", s.TM, s.Units, s.Terms)
		for _, l := range s.Languages {
			fmt.Fprintf(bw, "  %-6s %9d segments %11d tokens\n", l.Lang, l.Segments, l.Tokens)
		}
	}
	return bw.Flush()
}

var _ = errors.New
