package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"tolmach/glossary"
	"tolmach/index"
	"tolmach/project"
)

func init() { register(newLookupCommand) }

// maxQueryRunes is the longest query searched; longer input (a pasted
// paragraph) is cut at a word boundary before it, with a notice.
const maxQueryRunes = project.MaxQueryRunes

type lookupOptions struct {
	lang       string
	limit      int
	format     string
	exact      bool
	glossaries cli.StringSlice
	query      string
}

func newLookupCommand() *cli.Command {
	opts := &lookupOptions{}
	return &cli.Command{
		Name:      "lookup",
		Usage:     "find glossary concepts by any form of a term, in Russian or English",
		ArgsUsage: "QUERY",
		Description: `Finds the concepts whose terms match QUERY in either language: exact, any
   inflected form (Russian and English morphology), ё/е, case, quotes and
   dashes, typos of one or two letters, abbreviations (шос finds ШОС), a
   partly typed last word. Results are ranked exact > stemmed > fuzzy >
   partial, preferred terms first among equals; each concept is shown once.

   The language is taken from the script of QUERY unless --lang is given.
   Several words may be given without quotes, and flags may follow them.
   A query longer than 200 characters is cut, and
   only its first 24 words are searched, with a notice on stderr.

   Text output is a table (RU | EN | STATUS | DOMAIN) of each concept's
   preferred terms, the status of the term that matched (deprecated and
   forbidden ones with the replacement), the other terms and the notes.
   --format json prints the object described in the README. When nothing
   matches, the exit status is still 0: text output prints a "no match"
   line on stderr and nothing on stdout; JSON output has empty "results".

   The glossaries' index is built on first use and cached under
   $XDG_CACHE_HOME/tolmach/index (see 'tolmach index').`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Value: "auto", Usage: "language of QUERY: ru, en or auto (by script)", Destination: &opts.lang},
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: index.DefaultLimit, Usage: "show at most `N` concepts", Destination: &opts.limit},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json", Destination: &opts.format},
			&cli.BoolFlag{Name: "exact", Usage: "only the words as written (case, ё/е, quotes aside), in order: no stems, typos or prefixes", Destination: &opts.exact},
			glossaryFlag(&opts.glossaries),
		},
		Action: func(c *cli.Context) error {
			opts.query = strings.TrimSpace(strings.Join(c.Args().Slice(), " "))
			if opts.query == "" {
				return withHint(newUsageError("lookup: no query"), "usage: tolmach lookup [--lang ru|en|auto] [--limit N] [--format text|json] QUERY")
			}
			return runLookup(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runLookup(ctx context.Context, opts *lookupOptions, w, stderr io.Writer) error {
	switch opts.lang {
	case "ru", "en", "auto", "":
	default:
		return newUsageError("lookup: unknown --lang %q (want ru, en or auto)", opts.lang)
	}
	if opts.format != "text" && opts.format != "json" {
		return newUsageError("lookup: unknown --format %q (want text or json)", opts.format)
	}
	if opts.limit <= 0 {
		return newUsageError("lookup: --limit must be a positive number, not %d", opts.limit)
	}
	query := opts.query
	if n := utf8.RuneCountInString(query); n > maxQueryRunes {
		query = project.TruncateQuery(query, maxQueryRunes)
		fmt.Fprintf(stderr, "tolmach: notice: the query has %d characters; only the first %d are searched\n", n, utf8.RuneCountInString(query))
	}
	if n := index.QueryTokens(query); n > index.MaxQueryTokens {
		fmt.Fprintf(stderr, "tolmach: notice: the query has %d words; only the first %d are searched\n", n, index.MaxQueryTokens)
	}
	q := index.Query{Text: query, Lang: opts.lang, Limit: opts.limit, Exact: opts.exact}
	if q.Lang == "auto" {
		q.Lang = ""
	}
	results, err := lookupGlossaries(ctx, opts.glossaries.Value(), q, stderr, false)
	if errors.Is(err, index.ErrCorrupt) {
		// The index opened but its stored data is damaged: rebuild once.
		fmt.Fprintf(stderr, "tolmach: notice: the cached index is corrupt (%v); rebuilding it\n", err)
		results, err = lookupGlossaries(ctx, opts.glossaries.Value(), q, stderr, true)
	}
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeLookupJSON(w, opts.query, results)
	}
	if len(results) == 0 {
		fmt.Fprintf(stderr, "tolmach: no match for «%s»\n", query)
		return nil
	}
	return writeLookupText(w, results, colorEnabled(w))
}

// lookupGlossaries opens the index of the glossaries in use (rebuilt
// first when rebuild is set) and looks q up.
func lookupGlossaries(ctx context.Context, paths []string, q index.Query, stderr io.Writer, rebuild bool) ([]index.Result, error) {
	x, err := openGlossaryIndex(ctx, paths, stderr, rebuild)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	return x.Lookup(ctx, q)
}

func writeLookupJSON(w io.Writer, query string, results []index.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(project.NewLookup(query, results))
}

// ANSI styles for a terminal: the matched words, and warnings.
const (
	styleMatch = "\x1b[1;33m"
	styleWarn  = "\x1b[1;31m"
	styleDim   = "\x1b[2m"
	styleReset = "\x1b[0m"
)

// writeLookupText prints results as a table of each concept's preferred
// terms, the status of the matched term and the domain, followed by the
// concept's other terms, warnings and notes.
func writeLookupText(w io.Writer, results []index.Result, color bool) error {
	type row struct {
		ru, en, status, domain string
		ruHL, enHL             string // the same, highlighted
		extra                  []string
	}
	rows := make([]row, 0, len(results))
	for _, r := range results {
		c := r.Concept
		ru, en := c.Preferred("ru"), c.Preferred("en")
		rw := row{status: string(r.Term.Status), domain: c.Domain}
		if rw.status == "" {
			rw.status = string(glossary.Admitted)
		}
		for _, p := range []struct {
			t        *glossary.Term
			out, hl  *string
			language string
		}{{ru, &rw.ru, &rw.ruHL, "ru"}, {en, &rw.en, &rw.enHL, "en"}} {
			if p.t == nil {
				*p.out, *p.hl = "—", "—"
				continue
			}
			*p.out = p.t.Text
			*p.hl = p.t.Text
			if p.t == r.Term && color {
				*p.hl = highlight(p.t.Text, r.Spans)
			}
		}
		if !r.Term.Status.Usable() {
			fix := c.Preferred(r.Term.Lang)
			msg := fmt.Sprintf("! «%s» is %s", r.Term.Text, r.Term.Status)
			if fix != nil {
				msg += fmt.Sprintf(": use «%s»", fix.Text)
			}
			if color {
				msg = styleWarn + msg + styleReset
			}
			rw.extra = append(rw.extra, msg)
		}
		for _, l := range []string{"ru", "en"} {
			pref := c.Preferred(l)
			var also []string
			for _, t := range c.TermsIn(l) {
				if t == pref {
					continue
				}
				text := t.Text
				if t == r.Term && color {
					text = highlight(t.Text, r.Spans)
				}
				also = append(also, fmt.Sprintf("%s (%s)", text, termLabel(t)))
			}
			if len(also) > 0 {
				rw.extra = append(rw.extra, fmt.Sprintf("%s also: %s", l, strings.Join(also, "; ")))
			}
		}
		for _, t := range c.Terms {
			if t.Note != "" {
				rw.extra = append(rw.extra, fmt.Sprintf("note on «%s»: %s", t.Text, oneLine(t.Note)))
			}
		}
		if c.Note != "" {
			rw.extra = append(rw.extra, "note: "+oneLine(c.Note))
		}
		rows = append(rows, rw)
	}
	wRU, wEN, wSt := len("RU"), len("EN"), len("STATUS")
	for _, rw := range rows {
		wRU = max(wRU, utf8.RuneCountInString(rw.ru))
		wEN = max(wEN, utf8.RuneCountInString(rw.en))
		wSt = max(wSt, utf8.RuneCountInString(rw.status))
	}
	wRU, wEN = min(wRU, 48), min(wEN, 48)
	var b strings.Builder
	header := fmt.Sprintf("%s  %s  %s  %s", pad("RU", wRU), pad("EN", wEN), pad("STATUS", wSt), "DOMAIN")
	if color {
		header = styleDim + header + styleReset
	}
	b.WriteString(header + "\n")
	for i, rw := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		status := pad(rw.status, wSt)
		if color && (rw.status == string(glossary.Deprecated) || rw.status == string(glossary.Forbidden)) {
			status = styleWarn + status + styleReset
		}
		line := fmt.Sprintf("%s  %s  %s  %s", padStyled(rw.ruHL, rw.ru, wRU), padStyled(rw.enHL, rw.en, wEN), status, rw.domain)
		b.WriteString(strings.TrimRight(line, " ") + "\n")
		for _, e := range rw.extra {
			b.WriteString("  " + e + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// termLabel describes a term's status and type for the "also" lines.
func termLabel(t *glossary.Term) string {
	parts := []string{string(t.Status)}
	if t.Type != "" && t.Type != glossary.FullForm {
		parts = append(parts, string(t.Type))
	}
	return strings.Join(parts, ", ")
}

// highlight wraps the spans of text in the match style.
func highlight(text string, spans []index.Span) string {
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s.Start < last || s.End > len(text) {
			continue
		}
		b.WriteString(text[last:s.Start])
		b.WriteString(styleMatch + text[s.Start:s.End] + styleReset)
		last = s.End
	}
	b.WriteString(text[last:])
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// pad pads s with spaces to n characters.
func pad(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

// padStyled pads styled (s with escape codes) as if it were plain.
func padStyled(styled, plain string, n int) string {
	if k := utf8.RuneCountInString(plain); k < n {
		return styled + strings.Repeat(" ", n-k)
	}
	return styled
}
