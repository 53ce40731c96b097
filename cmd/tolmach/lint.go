package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"tolmach/check/report"
	"tolmach/glossary"
)

func init() { register(newLintCommand) }

// lintOptions are the flags of `tolmach lint`.
type lintOptions struct {
	files      []string
	glossaries cli.StringSlice
	format     string
	failOn     string
}

func newLintCommand() *cli.Command {
	opts := &lintOptions{}
	return &cli.Command{
		Name:      "lint",
		Usage:     "check glossary files for duplicates, conflicts and typos",
		ArgsUsage: "[FILE…]",
		UsageText: "tolmach lint [FILE…] [--format text|json|github] [--fail-on error|warning|never]",
		Description: `Checks the glossary FILEs (else the glossaries in use: --glossary, the project's,
   or the built-in one), together, for: duplicate ids and terms, a term in two
   concepts (same matching key), a term both preferred and forbidden, ё/е
   doubles (партнерство/партнёрство), concepts missing ru or en, more than one
   preferred term per language, stray spaces, unbalanced quotes or brackets,
   invalid statuses and types, a word mixing Latin and Cyrillic letters
   («Moнал» with a Latin M and o), a term in the other language's script.
   Ids are checked as the files write them, duplicates in one file included. A file that cannot be read is exit 2 with
   FILE:LINE:COL. Formats: text (FILE:LINE: severity: message [check]), json,
   github (workflow commands that annotate the lines in a pull request).`,
		Flags: []cli.Flag{
			glossaryFlag(&opts.glossaries),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: text, json or github", Destination: &opts.format},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a problem of this `SEVERITY` or worse is found: error, warning or never", Destination: &opts.failOn},
		},
		Action: func(c *cli.Context) error {
			opts.files = c.Args().Slice()
			return runLint(c.Context, opts, c.App.Writer)
		},
	}
}

// lintJSON is the --format json output.
type lintJSON struct {
	Files    []string          `json:"files"`
	Summary  lintSummary       `json:"summary"`
	Problems []lintJSONProblem `json:"problems"`
}

type lintSummary struct {
	Concepts int `json:"concepts"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

type lintJSONProblem struct {
	Severity string `json:"severity"`
	Check    string `json:"check"`
	Concept  string `json:"concept"`
	Term     string `json:"term,omitempty"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Message  string `json:"message"`
}

func runLint(_ context.Context, opts *lintOptions, w io.Writer) error {
	switch opts.format {
	case "text", "json", "github":
	default:
		return newUsageError("unknown --format %q (want text, json or github)", opts.format)
	}
	switch opts.failOn {
	case "error", "warning", "never":
	default:
		return newUsageError("unknown --fail-on %q (want error, warning or never)", opts.failOn)
	}
	paths := opts.files
	if len(paths) == 0 {
		paths = opts.glossaries.Value()
	}
	srcs, err := glossariesInUse(paths)
	if err != nil {
		return err
	}
	gs, err := loadSources(srcs)
	if err != nil {
		return err
	}
	all := &glossary.Glossary{}
	for _, g := range gs {
		all.Concepts = append(all.Concepts, g.Concepts...)
	}
	problems := glossary.Lint(all)
	sum := lintSummary{Concepts: len(all.Concepts)}
	for _, p := range problems {
		if p.Severity == glossary.SeverityError {
			sum.Errors++
		} else {
			sum.Warnings++
		}
	}
	bw := bufio.NewWriter(w)
	switch opts.format {
	case "text":
		for _, p := range problems {
			fmt.Fprintln(bw, p)
		}
		if len(problems) == 0 {
			fmt.Fprintf(bw, "%d concepts, no problems\n", sum.Concepts)
		} else {
			fmt.Fprintf(bw, "%d concepts: %d errors, %d warnings\n", sum.Concepts, sum.Errors, sum.Warnings)
		}
	case "json":
		out := lintJSON{Summary: sum, Problems: []lintJSONProblem{}}
		for _, s := range srcs {
			out.Files = append(out.Files, s.String())
		}
		for _, p := range problems {
			path, line := glossary.SplitOrigin(p.Origin)
			out.Problems = append(out.Problems, lintJSONProblem{Severity: string(p.Severity), Check: p.Code, Concept: p.Concept, Term: p.Term, Path: path, Line: line, Message: p.Message})
		}
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	case "github":
		for _, p := range problems {
			path, line := glossary.SplitOrigin(p.Origin)
			kind := "warning"
			if p.Severity == glossary.SeverityError {
				kind = "error"
			}
			fmt.Fprintf(bw, "::%s file=%s,line=%d,title=%s::%s\n", kind, report.GitHubEscapeProperty(path), line, report.GitHubEscapeProperty("tolmach lint: "+p.Code), report.GitHubEscapeData(p.Message))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if opts.failOn == "error" && sum.Errors > 0 || opts.failOn == "warning" && len(problems) > 0 {
		return errFindings
	}
	return nil
}
