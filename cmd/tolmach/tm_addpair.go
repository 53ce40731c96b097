package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"tolmach/internal/lang"
	"tolmach/tm"
	"tolmach/tm/align"
)

func init() { registerTMSubcommand(newTMAddPairCommand) }

// tmAddPairOptions are the flags and arguments of `tolmach tm add-pair`.
type tmAddPairOptions struct {
	into          string
	sourceLang    string
	encoding      string
	document      string
	minConfidence float64
	glossaries    cli.StringSlice
	noGlossary    bool
	source        string
	target        string
}

func newTMAddPairCommand() *cli.Command {
	opts := &tmAddPairOptions{}
	return &cli.Command{
		Name:      "add-pair",
		Usage:     "align an article and its translation and add the sentence pairs to a TM",
		ArgsUsage: "SOURCE TARGET",
		Description: `Aligns SOURCE and TARGET as 'tolmach align' does and adds every pair to the TM,
except omissions and additions (a sentence with no counterpart) and pairs whose
confidence is under --min-confidence; how many were left out is reported on
standard error. Pairs already in the TM (the same text) are skipped.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "into", Usage: "the TM to add to (created if absent; .tmx, .tsv or .csv)", Required: true, Destination: &opts.into},
			&cli.StringFlag{Name: "source-lang", Usage: "language of SOURCE: ru or en (default: from the file name, else the script)", Destination: &opts.sourceLang},
			&cli.StringFlag{Name: "encoding", Usage: "encoding of both files: " + strings.Join(lang.Encodings, ", ") + " (default: detected)", Destination: &opts.encoding},
			&cli.StringFlag{Name: "document", Usage: "the document name stored with the units (default: SOURCE's file name)", Destination: &opts.document},
			&cli.Float64Flag{Name: "min-confidence", Value: align.DefaultLowConfidence, Usage: "leave out pairs less sure than `P` (0..1)", Destination: &opts.minConfidence},
			glossaryFlag(&opts.glossaries),
			&cli.BoolFlag{Name: "no-glossary", Usage: "align without glossary anchors", Destination: &opts.noGlossary},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() != 2 {
				return withHint(newUsageError("tm add-pair: want SOURCE and TARGET (got %d arguments)", c.Args().Len()),
					"usage: tolmach tm add-pair --into TM [flags] SOURCE TARGET")
			}
			opts.source, opts.target = c.Args().Get(0), c.Args().Get(1)
			return runTMAddPair(c.Context, opts, c.App.ErrWriter)
		},
	}
}

func runTMAddPair(ctx context.Context, opts *tmAddPairOptions, stderr io.Writer) error {
	if opts.minConfidence < 0 || opts.minConfidence > 1 {
		return newUsageError("--min-confidence %v: want a number from 0 to 1", opts.minConfidence)
	}
	a, src, _, err := alignFiles(ctx, opts.source, opts.target, opts.sourceLang, opts.encoding, opts.glossaries.Value(), opts.noGlossary)
	if err != nil {
		return err
	}
	doc := opts.document
	if doc == "" {
		doc = filepath.Base(src.path)
	}
	var unpaired, low int
	for _, p := range a.Pairs {
		switch {
		case p.Omission() || p.Addition():
			unpaired++
		case p.Confidence < opts.minConfidence:
			low++
		}
	}
	units := alignUnits(a, doc, func(p align.Pair) bool { return p.Confidence >= opts.minConfidence })
	now := time.Now().UTC().Truncate(time.Second)
	for k := range units {
		units[k].Created = now
		units[k].Creator = os.Getenv("USER")
	}
	res, err := tm.Add(opts.into, units, tm.Options{CacheDir: tm.DefaultCacheDir()})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "tolmach: %s: %d pairs aligned; %d added, %d already in the TM; left out: %d omissions or additions, %d under confidence %.2f; %d units in the TM\n",
		opts.into, len(a.Pairs), res.Added, res.Duplicates, unpaired, low, opts.minConfidence, res.Total)
	return nil
}
