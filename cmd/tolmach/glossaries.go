package main

import (
	"errors"
	"os"

	"github.com/urfave/cli/v2"

	"tolmach/glossary"
	"tolmach/internal/config"
	"tolmach/project"
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

// glossarySource is one glossary in use (see project.GlossarySource).
type glossarySource = project.GlossarySource

// projectConfig returns the tolmach.toml found from the working
// directory upwards, or nil when there is none.
func projectConfig() (*config.Config, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return project.FindConfig(wd)
}

// glossariesInUse implements the contract's choice of glossaries without
// reading them (project.GlossariesInUse): the paths given (--glossary),
// else the glossaries of the project configuration, else the built-in
// glossary. The configuration is only looked for when no path is given.
func glossariesInUse(paths []string) ([]glossarySource, error) {
	var cfg *config.Config
	if len(paths) == 0 {
		var err error
		if cfg, err = projectConfig(); err != nil {
			return nil, err
		}
	}
	return project.GlossariesInUse(cfg, paths)
}

// loadGlossaries reads the glossaries in use (see [glossariesInUse]) and
// merges them into one.
func loadGlossaries(paths []string) (*glossary.Glossary, error) {
	srcs, err := glossariesInUse(paths)
	if err != nil {
		return nil, err
	}
	return project.Load(srcs)
}

// loadSources reads each source as its own glossary, unmerged.
func loadSources(srcs []glossarySource) ([]*glossary.Glossary, error) {
	return project.LoadSources(srcs)
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
