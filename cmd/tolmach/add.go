package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"tolmach/glossary"
	"tolmach/internal/lang"
	"tolmach/project"
)

func init() { register(newAddCommand) }

// addOptions are the flags of `tolmach add`.
type addOptions struct {
	file               string
	id                 string
	ru, en             string
	ruStatus, enStatus string
	ruType, enType     string
	domain, note       string
}

func newAddCommand() *cli.Command {
	opts := &addOptions{}
	return &cli.Command{
		Name:  "add",
		Usage: "add a concept (or a term of an existing concept) to a glossary file",
		UsageText: `tolmach add --glossary FILE --ru TERM --en TERM [--id ID] [--ru-status S] [--en-status S]
       [--ru-type T] [--en-type T] [--domain D] [--note N]`,
		Description: `Adds a concept with a Russian and an English term to FILE, which is created
   if absent; its format follows its extension (.glossary, .tbx, .csv, .tsv).
   With --id naming an existing concept, the terms are added to it (either of
   --ru and --en may then be left out). Without --id, the id is made from the
   English term. A term already present (same matching key) is not added twice.
   Concurrent adds to one file are serialised by a lock file (FILE.lock) and
   all land; the file is replaced atomically. The concept id is printed.
   FILE is rewritten in tolmach's canonical form of its format: data a TBX
   from another tool carries beyond tolmach's model (transactions,
   cross-references, parts of speech) is not kept.
   Statuses: preferred, admitted, deprecated, forbidden. Types: fullForm,
   abbreviation, shortForm, phrase, variant.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "the glossary `FILE` to add to", Required: true, Destination: &opts.file},
			&cli.StringFlag{Name: "ru", Usage: "the Russian `TERM`", Destination: &opts.ru},
			&cli.StringFlag{Name: "en", Usage: "the English `TERM`", Destination: &opts.en},
			&cli.StringFlag{Name: "id", Usage: "the concept `ID` (existing: add to it; new: use it)", Destination: &opts.id},
			&cli.StringFlag{Name: "ru-status", Usage: "status of the Russian term", Destination: &opts.ruStatus},
			&cli.StringFlag{Name: "en-status", Usage: "status of the English term", Destination: &opts.enStatus},
			&cli.StringFlag{Name: "ru-type", Usage: "type of the Russian term", Destination: &opts.ruType},
			&cli.StringFlag{Name: "en-type", Usage: "type of the English term", Destination: &opts.enType},
			&cli.StringFlag{Name: "domain", Usage: "the concept's subject field", Destination: &opts.domain},
			&cli.StringFlag{Name: "note", Usage: "a note on the concept", Destination: &opts.note},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return newUsageError("add: unexpected argument %q (terms go in --ru and --en)", c.Args().First())
			}
			return runAdd(c.Context, opts, c.App.Writer)
		},
	}
}

// newTerm builds a term from flags, validating status and type.
func newTerm(lng, text, status, typ string) (*glossary.Term, error) {
	t := &glossary.Term{Lang: lng, Text: strings.Join(strings.Fields(text), " ")}
	if err := lang.CheckTerm(t.Text); err != nil {
		return nil, newUsageError("--%s: %v", lng, err)
	}
	if status != "" {
		s, err := glossary.ParseStatus(status)
		if err != nil {
			return nil, newUsageError("--%s-status: %v", lng, err)
		}
		t.Status = s
	}
	if typ != "" {
		ty, err := glossary.ParseType(typ)
		if err != nil {
			return nil, newUsageError("--%s-type: %v", lng, err)
		}
		t.Type = ty
	}
	return t, nil
}

func runAdd(_ context.Context, opts *addOptions, w io.Writer) error {
	if strings.TrimSpace(opts.ru) == "" && strings.TrimSpace(opts.en) == "" {
		return newUsageError("add: give --ru and --en")
	}
	if opts.id != "" && !glossary.ValidID(opts.id) {
		return newUsageError("add: invalid --id %q (use lower-case Latin letters, digits, '-', '_' and '.')", opts.id)
	}
	if _, err := glossary.FormatForPath(opts.file); err != nil {
		return usageError{err}
	}
	var terms []*glossary.Term
	for _, f := range []struct{ lng, text, status, typ string }{
		{"ru", opts.ru, opts.ruStatus, opts.ruType},
		{"en", opts.en, opts.enStatus, opts.enType},
	} {
		if strings.TrimSpace(f.text) == "" {
			if f.status != "" || f.typ != "" {
				return newUsageError("add: --%s-status or --%s-type without --%s", f.lng, f.lng, f.lng)
			}
			continue
		}
		t, err := newTerm(f.lng, f.text, f.status, f.typ)
		if err != nil {
			return err
		}
		terms = append(terms, t)
	}
	id, err := project.AddTerms(opts.file, opts.id, terms, opts.domain, opts.note)
	if errors.Is(err, project.ErrNewConceptTerms) {
		return newUsageError("add: a new concept needs both --ru and --en")
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(w, id)
	return nil
}
