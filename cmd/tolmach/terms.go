package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"tolmach/check"
	"tolmach/glossary"
	"tolmach/internal/lang"
	"tolmach/project"
	"tolmach/terms"
	"tolmach/tm"
	"tolmach/tm/align"
)

func init() { register(newTermsCommand) }

func newTermsCommand() *cli.Command {
	return &cli.Command{
		Name:  "terms",
		Usage: "term usage and bilingual term mining over TMs and article pairs",
		Description: `'terms usage' reports how a TM (or a folder of article pairs) renders each
   glossary concept and proposes variants; 'terms mine' finds term pairs the
   glossary lacks. Both read TMX and TSV/CSV TMs (--tm) and article pairs
   (SOURCE TARGET, or a folder of x.ru.* / x.en.* files), which are aligned first.`,
		Subcommands: []*cli.Command{newTermsUsageCommand(), newTermsMineCommand()},
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return withHint(newUsageError("unknown terms subcommand %q", c.Args().First()), "run 'tolmach terms --help' for the list")
			}
			return cli.ShowSubcommandHelp(c)
		},
	}
}

// termsInput are the flags both subcommands read their corpus with.
type termsInput struct {
	tms           cli.StringSlice
	pairs         string
	sourceLang    string
	encoding      string
	minConfidence float64
	glossaries    cli.StringSlice
	format        string
	output        string
}

func (in *termsInput) flags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "tm", Usage: "a translation memory `TM` to read (.tmx, .tsv, .csv; repeatable)", Destination: &in.tms},
		&cli.StringFlag{Name: "pairs", Usage: "a folder (or glob) of article pairs x.ru.* ↔ x.en.*, aligned first", Destination: &in.pairs},
		&cli.StringFlag{Name: "source-lang", Usage: "the language of SOURCE and of --pairs originals: ru or en (default: from the file name, else the script)", Destination: &in.sourceLang},
		&cli.StringFlag{Name: "encoding", Usage: "encoding of the article files: " + strings.Join(lang.Encodings, ", ") + " (default: detected)", Destination: &in.encoding},
		&cli.Float64Flag{Name: "min-confidence", Value: align.DefaultLowConfidence, Usage: "leave out aligned pairs less sure than `P` (0..1)", Destination: &in.minConfidence},
		glossaryFlag(&in.glossaries),
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: text, json, or glossary, tbx, csv (a file 'tolmach import' reads)", Destination: &in.format},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `OUT` instead of standard output (replaced atomically)", Destination: &in.output},
	}
}

// checkFormat refuses an unknown --format before any work is done.
func (in *termsInput) checkFormat() error {
	switch in.format {
	case "text", "json", "glossary", "tbx", "csv":
		return nil
	}
	return newUsageError("--format %q: want text, json, glossary, tbx or csv", in.format)
}

// glossaryFormat maps --format to the glossary writer's format, if it
// names one.
func (in *termsInput) glossaryFormat() (glossary.Format, bool) {
	switch in.format {
	case "glossary":
		return glossary.Native, true
	case "tbx":
		return glossary.TBX, true
	case "csv":
		return glossary.CSV, true
	}
	return "", false
}

// corpus reads the TMs and aligns the article pairs: files given as
// arguments are taken two by two (SOURCE TARGET), a folder argument as
// --pairs. It returns the arguments that are neither (concept ids).
func (in *termsInput) corpus(ctx context.Context, g *glossary.Glossary, args []string, stderr io.Writer) (*terms.Corpus, []string, error) {
	if in.minConfidence < 0 || in.minConfidence > 1 {
		return nil, nil, newUsageError("--min-confidence %v: want a number from 0 to 1", in.minConfidence)
	}
	c := &terms.Corpus{}
	for _, path := range in.tms.Value() {
		n := 0
		err := tm.ReadFile(path, func(u *tm.Unit) error {
			if c.AddUnit(u, path) {
				n++
			}
			return nil
		})
		if err != nil {
			return nil, nil, lang.FileError(path, err)
		}
		if n == 0 {
			return nil, nil, fmt.Errorf("%s: no unit with both a Russian and an English segment", path)
		}
	}
	var pairs []check.FilePair
	var rest, files []string
	specs := []string{}
	if in.pairs != "" {
		specs = append(specs, in.pairs)
	}
	for _, a := range args {
		fi, err := os.Stat(a)
		switch {
		case err == nil && fi.IsDir():
			specs = append(specs, a)
		case err == nil:
			files = append(files, a)
		default:
			rest = append(rest, a)
		}
	}
	if len(files)%2 != 0 {
		return nil, nil, withHint(newUsageError("article files come in pairs: %d given", len(files)), "give SOURCE TARGET for each pair, or a folder of x.ru.* / x.en.* files")
	}
	for i := 0; i < len(files); i += 2 {
		pairs = append(pairs, check.FilePair{Source: files[i], Target: files[i+1]})
	}
	for _, spec := range specs {
		var sl lang.Lang
		if in.sourceLang != "" {
			sl = lang.Lang(in.sourceLang)
		}
		ps, unpaired, err := check.FindPairs(spec, sl)
		if err != nil {
			return nil, nil, err
		}
		for _, u := range unpaired {
			fmt.Fprintf(stderr, "tolmach: %s: no counterpart in the other language; left out\n", u)
		}
		if len(ps) == 0 {
			return nil, nil, withHint(fmt.Errorf("%s: no article pairs found", spec), "pairs are files named x.ru.EXT and x.en.EXT")
		}
		pairs = append(pairs, ps...)
	}
	if err := in.alignPairs(ctx, c, g, pairs); err != nil {
		return nil, nil, err
	}
	if len(in.tms.Value()) == 0 && len(pairs) == 0 {
		return nil, nil, withHint(newUsageError("nothing to read"), "give --tm TM, SOURCE TARGET, or a folder of article pairs")
	}
	return c, rest, nil
}

// alignPairs aligns the article pairs on all CPUs and adds them in the
// order given.
func (in *termsInput) alignPairs(ctx context.Context, c *terms.Corpus, g *glossary.Glossary, pairs []check.FilePair) error {
	if len(pairs) == 0 {
		return nil
	}
	anchors := project.GlossaryAnchorer(g)
	results := make([]*align.Alignment, len(pairs))
	errs := make([]error, len(pairs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				src, tgt, err := loadAlignPair(pairs[i].Source, pairs[i].Target, in.sourceLang, in.encoding)
				if err != nil {
					errs[i] = err
					continue
				}
				results[i], errs[i] = align.AlignTexts(src.text, tgt.text, src.lang, tgt.lang,
					align.Options{Anchorers: []align.Anchorer{anchors}, ConcurrentAnchorers: true})
			}
		}()
	}
	for i := range pairs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for i, a := range results {
		if errs[i] != nil {
			return errs[i]
		}
		c.AddAlignment(a, pairs[i].Source, in.minConfidence)
	}
	return nil
}

// write sends the output to OUT (atomically) or standard output.
func (in *termsInput) write(stdout io.Writer, write func(io.Writer) error) error {
	if in.output == "" || in.output == "-" {
		return write(stdout)
	}
	return writeFileAtomic(in.output, write)
}
