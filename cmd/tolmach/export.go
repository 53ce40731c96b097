package main

import (
	"bufio"
	"context"
	"io"

	"github.com/urfave/cli/v2"

	"tolmach/glossary"
)

func init() { register(newExportCommand) }

// exportOptions are the flags of `tolmach export`.
type exportOptions struct {
	glossaries cli.StringSlice
	format     string
	output     string
}

func newExportCommand() *cli.Command {
	opts := &exportOptions{}
	return &cli.Command{
		Name:      "export",
		Usage:     "write the glossaries in use in another format",
		UsageText: "tolmach export [--glossary FILE…] --format native|tbx|tbx3|csv|tsv [-o OUT]",
		Description: `Writes the glossaries in use (--glossary, else the project's, else the built-in
   one), merged, to standard output or OUT. Formats: native (.glossary,
   canonical: concepts sorted by id), tbx (TBX v2, TBX-Basic), tbx3 (TBX v3,
   TBX-Basic, DCA), csv and tsv (a header row, one row per term pair; see the
   README). OUT is replaced atomically: on error it is left as it was.`,
		Flags: []cli.Flag{
			glossaryFlag(&opts.glossaries),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "native", Usage: "output `FORMAT`: native, tbx, tbx3, csv or tsv", Destination: &opts.format},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `OUT` instead of standard output", Destination: &opts.output},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return withHint(newUsageError("export: unexpected argument %q", c.Args().First()), "glossaries are given with --glossary FILE")
			}
			return runExport(c.Context, opts, c.App.Writer)
		},
	}
}

func runExport(_ context.Context, opts *exportOptions, w io.Writer) error {
	f, err := parseGlossaryFormat(opts.format)
	if err != nil {
		return err
	}
	g, err := loadGlossaries(opts.glossaries.Value())
	if err != nil {
		return err
	}
	if opts.output != "" && opts.output != "-" {
		return glossary.WriteFile(opts.output, g, f)
	}
	bw := bufio.NewWriter(w)
	if err := glossary.Write(bw, g, f); err != nil {
		return err
	}
	return bw.Flush()
}
