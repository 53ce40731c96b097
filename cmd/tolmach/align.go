package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"tolmach/internal/lang"
	"tolmach/project"
	"tolmach/tm"
	"tolmach/tm/align"
)

func init() { register(newAlignCommand) }

// alignOptions are the flags and arguments of `tolmach align`.
type alignOptions struct {
	format     string
	sourceLang string
	encoding   string
	glossaries cli.StringSlice
	noGlossary bool
	source     string
	target     string
}

func newAlignCommand() *cli.Command {
	opts := &alignOptions{}
	return &cli.Command{
		Name:      "align",
		Usage:     "pair the sentences of an article and its translation",
		ArgsUsage: "SOURCE TARGET",
		Description: `Splits both files into paragraphs and sentences and pairs them: 1-1, merges and
splits (2-1, 1-2, 2-2, 3-1, 1-3), omissions (1-0: a source sentence with no
translation) and additions (0-1). Sentence lengths, numbers, names (Cyrillic
ones transliterated), acronyms, quoted formulas and glossary terms anchor the
pairing. Every pair has a confidence from 0 to 1; pairs under 0.5 are marked low.

The language of each file is --source-lang (the target is then the other
one), else its name (*.ru.*, *.en.*; the last language tag counts:
sovsport.ru.20260.en.txt is English), else its script. Both files in one
language is an error.

Formats: text (for people), tsv (one pair a row, header naming the
languages), tmx (TMX 1.4b; omissions and additions left out), json (see the
README).`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: text, tsv, tmx or json", Destination: &opts.format},
			&cli.StringFlag{Name: "source-lang", Usage: "language of SOURCE: ru or en (default: from the file name, else the script)", Destination: &opts.sourceLang},
			&cli.StringFlag{Name: "encoding", Usage: "encoding of both files: " + strings.Join(lang.Encodings, ", ") + " (default: detected)", Destination: &opts.encoding},
			glossaryFlag(&opts.glossaries),
			&cli.BoolFlag{Name: "no-glossary", Usage: "align without glossary anchors", Destination: &opts.noGlossary},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() != 2 {
				return withHint(newUsageError("align: want SOURCE and TARGET (got %d arguments)", c.Args().Len()),
					"usage: tolmach align [flags] SOURCE TARGET (flags before the files)")
			}
			opts.source, opts.target = c.Args().Get(0), c.Args().Get(1)
			return runAlign(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// alignedFile is one side of an alignment as the command reads it.
type alignedFile struct {
	path string
	text string
	lang lang.Lang
}

// loadAlignPair reads both files and settles their languages (see the
// command's description); it is shared with `tm add-pair`.
func loadAlignPair(source, target, sourceLang, encoding string) (src, tgt alignedFile, err error) {
	var forced lang.Lang
	switch strings.ToLower(sourceLang) {
	case "":
	case "ru", "en":
		forced = lang.Lang(strings.ToLower(sourceLang))
	default:
		return src, tgt, newUsageError("--source-lang %q: want ru or en", sourceLang)
	}
	src.path, tgt.path = source, target
	if src.text, _, err = lang.ReadFile(source, encoding); err != nil {
		return src, tgt, err
	}
	if tgt.text, _, err = lang.ReadFile(target, encoding); err != nil {
		return src, tgt, err
	}
	src.lang, tgt.lang, _ = project.AlignLangs(source, src.text, target, tgt.text, forced)
	if src.lang == tgt.lang {
		return src, tgt, withHint(newUsageError("%s and %s are both in %s: nothing to align", source, target, src.lang.Name()),
			"align needs an original and its translation; if a file is misnamed, give --source-lang")
	}
	return src, tgt, nil
}

// glossaryAnchors wraps the glossaries in use into an anchorer that gives
// every concept found in a sentence as an anchor "g:ID".
func glossaryAnchors(paths []string) (align.Anchorer, error) {
	g, err := loadGlossaries(paths)
	if err != nil {
		return nil, err
	}
	return project.GlossaryAnchorer(g), nil
}

// alignFiles reads, settles languages and aligns, giving up when ctx is
// done (an interrupt); shared with `tm add-pair`.
func alignFiles(ctx context.Context, source, target, sourceLang, encoding string, glossaries []string, noGlossary bool) (*align.Alignment, alignedFile, alignedFile, error) {
	src, tgt, err := loadAlignPair(source, target, sourceLang, encoding)
	if err != nil {
		return nil, src, tgt, err
	}
	var opts align.Options
	if !noGlossary {
		an, err := glossaryAnchors(glossaries)
		if err != nil {
			return nil, src, tgt, err
		}
		opts.Anchorers = []align.Anchorer{an}
		opts.ConcurrentAnchorers = true // glossary.Matcher is safe for concurrent use
	}
	a, err := align.AlignTextsContext(ctx, src.text, tgt.text, src.lang, tgt.lang, opts)
	if err != nil {
		return nil, src, tgt, err
	}
	return a, src, tgt, nil
}

func runAlign(ctx context.Context, opts *alignOptions, stdout, stderr io.Writer) error {
	switch opts.format {
	case "text", "tsv", "tmx", "json":
	default:
		return newUsageError("--format %q: want text, tsv, tmx or json", opts.format)
	}
	a, src, tgt, err := alignFiles(ctx, opts.source, opts.target, opts.sourceLang, opts.encoding, opts.glossaries.Value(), opts.noGlossary)
	if err != nil {
		return err
	}
	switch opts.format {
	case "json":
		err = writeAlignJSON(stdout, a, src, tgt)
	case "tsv":
		err = writeAlignTSV(stdout, a)
	case "tmx":
		err = writeAlignTMX(stdout, a, src)
	default:
		err = writeAlignText(stdout, a, src, tgt)
	}
	if err != nil {
		return err
	}
	var om, ad, low int
	for _, p := range a.Pairs {
		switch {
		case p.Omission():
			om++
		case p.Addition():
			ad++
		case p.Low:
			low++
		}
	}
	fmt.Fprintf(stderr, "tolmach: %d pairs: %d source and %d target sentences; %d omitted, %d added, %d low-confidence\n",
		len(a.Pairs), len(a.Source), len(a.Target), om, ad, low)
	return nil
}

func writeAlignJSON(w io.Writer, a *align.Alignment, src, tgt alignedFile) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(project.NewAlignment(a, src.path, tgt.path))
}

// lineRange is "5" for a pair starting and ending on line 5, "5-6" when
// its sentences span lines, "-" for an empty side.
func lineRange(ss []align.Sentence, text string) string {
	if len(ss) == 0 {
		return "-"
	}
	first := ss[0].Line
	last := ss[len(ss)-1].Line + strings.Count(ss[len(ss)-1].Text, "\n")
	if last == first {
		return strconv.Itoa(first)
	}
	return fmt.Sprintf("%d-%d", first, last)
}

// alignOneLine flattens a sentence's inner line breaks and tabs for one-line
// formats.
func alignOneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func writeAlignText(w io.Writer, a *align.Alignment, src, tgt alignedFile) error {
	ew := &errWriter{w: w}
	for _, p := range a.Pairs {
		ss, ts := a.SourceSentences(p), a.TargetSentences(p)
		mark := ""
		switch {
		case p.Omission():
			mark = "  OMITTED in " + tgt.path
		case p.Addition():
			mark = "  ADDED in " + tgt.path
		case p.Low:
			mark = "  LOW CONFIDENCE"
		}
		ew.printf("%s:%s ↔ %s:%s  %s  %.2f%s\n", src.path, lineRange(ss, src.text), tgt.path, lineRange(ts, tgt.text), p.Kind(), p.Confidence, mark)
		for _, s := range ss {
			ew.printf("  %s  %s\n", src.lang, alignOneLine(s.Text))
		}
		for _, s := range ts {
			ew.printf("  %s  %s\n", tgt.lang, alignOneLine(s.Text))
		}
		ew.printf("\n")
	}
	return ew.err
}

func writeAlignTSV(w io.Writer, a *align.Alignment) error {
	ew := &errWriter{w: w}
	ew.printf("%s\t%s\t%s_line\t%s_line\tconfidence\n", a.SourceLang, a.TargetLang, a.SourceLang, a.TargetLang)
	for _, p := range a.Pairs {
		ew.printf("%s\t%s\t%s\t%s\t%.3f\n", alignOneLine(a.SourceText(p)), alignOneLine(a.TargetText(p)),
			lineRange(a.SourceSentences(p), ""), lineRange(a.TargetSentences(p), ""), p.Confidence)
	}
	return ew.err
}

// alignUnits turns the pairs with both sides into TM units, the
// confidence kept as a property; keep decides which pairs go in.
func alignUnits(a *align.Alignment, document string, keep func(align.Pair) bool) []tm.Unit {
	var out []tm.Unit
	for _, p := range a.Pairs {
		if p.Omission() || p.Addition() || !keep(p) {
			continue
		}
		out = append(out, tm.Unit{
			Segments: []tm.Segment{
				{Lang: string(a.SourceLang), Text: alignOneLine(a.SourceText(p))},
				{Lang: string(a.TargetLang), Text: alignOneLine(a.TargetText(p))},
			},
			SrcLang:  string(a.SourceLang),
			Document: document,
			Props:    []tm.Prop{{Type: "x-tolmach-confidence", Value: strconv.FormatFloat(p.Confidence, 'f', 3, 64)}},
		})
	}
	return out
}

func writeAlignTMX(w io.Writer, a *align.Alignment, src alignedFile) error {
	tw := tm.NewTMXWriter(w, string(a.SourceLang))
	for _, u := range alignUnits(a, filepath.Base(src.path), func(align.Pair) bool { return true }) {
		if err := tw.Write(&u); err != nil {
			return err
		}
	}
	return tw.Close()
}

// errWriter keeps the first write error so printers can write freely and
// check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
