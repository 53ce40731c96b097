package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"tolmach/data"
	"tolmach/glossary"
	"tolmach/internal/config"
)

// glossaryFlag returns the repeatable --glossary flag every command that
// reads terms shares, bound to dest.
func glossaryFlag(dest *cli.StringSlice) cli.Flag {
	return &cli.StringSliceFlag{
		Name:        "glossary",
		Aliases:     []string{"g"},
		Usage:       "use glossary `FILE` (repeatable; .glossary, .tbx, .csv, .tsv) instead of the project's or the built-in one",
		Destination: dest,
	}
}

// glossarySource is one glossary in use, as index cache keys and
// messages need it: a file with its size and modification time, or the
// built-in glossary.
type glossarySource struct {
	Path    string    // "" for the built-in glossary
	Size    int64     // file size in bytes
	ModTime time.Time // file modification time
}

// String names the source for people.
func (s glossarySource) String() string {
	if s.Path == "" {
		return "built-in glossary"
	}
	return s.Path
}

// builtinGlossary marks the built-in glossary in a source list.
var builtinGlossary = glossarySource{}

// projectConfig returns the tolmach.toml found from the working
// directory upwards, or nil when there is none.
func projectConfig() (*config.Config, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return config.Discover(wd)
}

// glossariesInUse implements the contract's choice of glossaries without
// reading them: the paths given (--glossary), else the glossaries of the
// project configuration, else the built-in glossary. Files are stat'ed,
// so a missing one is an error naming it.
func glossariesInUse(paths []string) ([]glossarySource, error) {
	if len(paths) == 0 {
		cfg, err := projectConfig()
		if err != nil {
			return nil, err
		}
		if cfg != nil && len(cfg.Glossaries) > 0 {
			paths = cfg.Glossaries
		}
	}
	if len(paths) == 0 {
		return []glossarySource{builtinGlossary}, nil
	}
	srcs := make([]glossarySource, 0, len(paths))
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err // *fs.PathError names the file
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s: is a directory, not a glossary file", p)
		}
		srcs = append(srcs, glossarySource{Path: p, Size: fi.Size(), ModTime: fi.ModTime()})
	}
	return srcs, nil
}

// loadGlossaries reads the glossaries in use (see [glossariesInUse]) and
// merges them into one.
func loadGlossaries(paths []string) (*glossary.Glossary, error) {
	g, _, err := loadGlossariesFrom(paths)
	return g, err
}

// loadGlossariesFrom is loadGlossaries that also returns the sources read.
func loadGlossariesFrom(paths []string) (*glossary.Glossary, []glossarySource, error) {
	srcs, err := glossariesInUse(paths)
	if err != nil {
		return nil, nil, err
	}
	gs, err := loadSources(srcs)
	if err != nil {
		return nil, nil, err
	}
	return glossary.Merge(gs...), srcs, nil
}

// loadSources reads each source as its own glossary, unmerged (lint
// needs them apart to report an id used in two files).
func loadSources(srcs []glossarySource) ([]*glossary.Glossary, error) {
	var gs []*glossary.Glossary
	for _, s := range srcs {
		if s.Path == "" {
			names, err := fs.Glob(data.Glossaries, data.BuiltinPattern)
			if err != nil {
				return nil, err
			}
			for _, n := range names {
				b, err := fs.ReadFile(data.Glossaries, n)
				if err != nil {
					return nil, err
				}
				g, err := glossary.Parse(b, "builtin:"+n, glossary.Native)
				if err != nil {
					return nil, fmt.Errorf("built-in glossary: %w", err)
				}
				gs = append(gs, g)
			}
			continue
		}
		g, err := glossary.Load(s.Path)
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	return gs, nil
}

// parseGlossaryFormat parses a --format value naming a glossary format.
func parseGlossaryFormat(s string) (glossary.Format, error) {
	f, err := glossary.ParseFormat(s)
	if err != nil || f == glossary.OmegaT {
		return "", newUsageError("unknown --format %q (want native, tbx, tbx3, csv or tsv)", s)
	}
	return f, nil
}

// isParseError reports whether err is malformed input with a position.
func isParseError(err error) bool {
	var pe *glossary.ParseError
	return errors.As(err, &pe)
}

// interspersedArgs returns the positional arguments of c and applies the
// command's flags found among them: cli/v2 stops parsing flags at the
// first argument, but the contract writes "import SRC… --into FILE" and
// "lint FILE… --format json". "--" ends the flags.
func interspersedArgs(c *cli.Context) ([]string, error) {
	var pos []string
	args := c.Args().Slice()
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(pos, args[i+1:]...), nil
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		var f cli.Flag
		for _, cand := range c.Command.Flags {
			for _, n := range cand.Names() {
				if n == name {
					f = cand
				}
			}
		}
		if f == nil {
			return nil, newUsageError("flag provided but not defined: -%s", name)
		}
		if _, isBool := f.(*cli.BoolFlag); isBool && !hasVal {
			val = "true"
		} else if !hasVal {
			if i+1 >= len(args) {
				return nil, newUsageError("flag needs an argument: -%s", name)
			}
			i++
			val = args[i]
		}
		if err := c.Set(f.Names()[0], val); err != nil {
			return nil, newUsageError("invalid value %q for flag -%s: %v", val, name, err)
		}
	}
	return pos, nil
}

// describeGlossarySources names sources for people: "a.tbx, b.csv".
func describeGlossarySources(srcs []glossarySource) string {
	names := make([]string, len(srcs))
	for i, s := range srcs {
		names[i] = s.String()
	}
	return strings.Join(names, ", ")
}
