package main

import (
	"context"
	"encoding/json"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"tolmach/glossary"
	"tolmach/terms"
)

// termsMineOptions are the flags and arguments of `tolmach terms mine`.
type termsMineOptions struct {
	termsInput
	minCount int
	limit    int
	maxWords int
	all      bool
}

func newTermsMineCommand() *cli.Command {
	opts := &termsMineOptions{}
	return &cli.Command{
		Name:      "mine",
		Usage:     "find bilingual term pairs the glossaries lack in a TM or article pairs",
		UsageText: "tolmach terms mine [--tm TM]... [SOURCE TARGET]... [DIR] [--min-count N] [--limit N] [--format text|json|glossary|tbx|csv] [-o OUT]",
		Description: `Finds candidate term pairs: multi-word noun phrases and names of each language
   (no number, no function word at either end), paired across aligned segments
   by the Dice coefficient of their segment co-occurrence, kept when the best
   partner in either direction and when their words align (word-level
   association, or one name transliterated), and ranked by log-likelihood.
   Pairs whose Russian or English side is already a term of the glossaries in use
   are left out (--all keeps them). Russian candidates are given in dictionary
   form, English ones in the singular where the corpus has it.

   --format glossary|tbx|csv writes the candidates as a glossary file for
   'tolmach import' (review it first): every term admitted, its note giving the
   evidence.

` + exitStatusHelp,
		Flags: append(opts.flags(),
			&cli.IntFlag{Name: "min-count", Value: 3, Usage: "the least number of segment pairs a candidate pair is seen in", Destination: &opts.minCount},
			&cli.IntFlag{Name: "limit", Value: 200, Usage: "print the best `N` candidates (0: all)", Destination: &opts.limit},
			&cli.IntFlag{Name: "max-words", Value: 5, Usage: "the longest phrase considered, in words", Destination: &opts.maxWords},
			&cli.BoolFlag{Name: "all", Usage: "keep pairs the glossaries have already", Destination: &opts.all},
		),
		Action: func(c *cli.Context) error {
			args, err := c.Args().Slice(), error(nil)
			if err != nil {
				return err
			}
			return runTermsMine(c.Context, opts, args, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runTermsMine(ctx context.Context, opts *termsMineOptions, args []string, stdout, stderr io.Writer) error {
	if err := opts.checkFormat(); err != nil {
		return err
	}
	switch {
	case opts.minCount < 1:
		return newUsageError("--min-count %d: want 1 or more", opts.minCount)
	case opts.limit < 0:
		return newUsageError("--limit %d: want 0 (all) or more", opts.limit)
	case opts.maxWords < 1 || opts.maxWords > 8:
		return newUsageError("--max-words %d: want 1 to 8", opts.maxWords)
	}
	g, err := loadGlossaries(opts.glossaries.Value())
	if err != nil {
		return err
	}
	corpus, rest, err := opts.corpus(ctx, g, args, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return newUsageError("%s: no such file or folder", rest[0])
	}
	mo := terms.MineOptions{MinCount: opts.minCount, Limit: opts.limit, MaxWords: opts.maxWords}
	if !opts.all {
		mo.Exclude = g
	}
	cs := terms.Mine(corpus, mo)
	if f, ok := opts.glossaryFormat(); ok {
		out := terms.CandidatesGlossary(cs, "tolmach terms mine")
		return opts.write(stdout, func(w io.Writer) error { return glossary.Write(w, out, f) })
	}
	return opts.write(stdout, func(w io.Writer) error {
		if opts.format == "json" {
			return writeMineJSON(w, cs)
		}
		return writeMineText(w, cs, len(corpus.Pairs))
	})
}

type mineJSON struct {
	Candidates []candidateJSON `json:"candidates"`
}

type candidateJSON struct {
	RU      string      `json:"ru"`
	EN      string      `json:"en"`
	Count   int         `json:"count"`
	Score   float64     `json:"score"`
	Dice    float64     `json:"dice"`
	RUCount int         `json:"ru_count"`
	ENCount int         `json:"en_count"`
	Example exampleJSON `json:"example"`
}

func writeMineJSON(w io.Writer, cs []terms.Candidate) error {
	out := mineJSON{Candidates: []candidateJSON{}}
	for _, c := range cs {
		out.Candidates = append(out.Candidates, candidateJSON{RU: c.RU, EN: c.EN, Count: c.Count, Score: c.Score, Dice: c.Dice,
			RUCount: c.RUCount, ENCount: c.ENCount, Example: exampleJSON{RU: c.Example.RU, EN: c.Example.EN}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeMineText prints the candidates as a table, best first.
func writeMineText(w io.Writer, cs []terms.Candidate, pairs int) error {
	ew := &errWriter{w: w}
	width := 0
	for _, c := range cs {
		width = max(width, len([]rune(c.RU)))
	}
	ew.printf("%4s  %5s  %7s  %s%s  %s\n", "#", "count", "score", "ru", strings.Repeat(" ", max(0, width-2)), "en")
	for i, c := range cs {
		ew.printf("%4d  %5d  %7.1f  %s%s  %s\n", i+1, c.Count, c.Score, c.RU, strings.Repeat(" ", width-len([]rune(c.RU))), c.EN)
	}
	ew.printf("%d candidates from %d segment pairs\n", len(cs), pairs)
	return ew.err
}
