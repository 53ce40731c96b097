package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"tolmach/internal/config"
)

func init() { register(newInitCommand) }

// initOptions are the flags of `tolmach init`.
type initOptions struct {
	force bool
	dir   string
}

func newInitCommand() *cli.Command {
	opts := &initOptions{}
	return &cli.Command{
		Name:      "init",
		Usage:     "write a commented tolmach.toml in the current directory",
		UsageText: "tolmach init [--force]",
		Description: `Writes tolmach.toml, the project configuration tolmach looks for in the
   working directory and its parents: glossaries, translation memories, the
   source language, rule severities and findings to ignore, all commented out
   with their defaults. An existing file is kept unless --force is given.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "force", Usage: "overwrite an existing tolmach.toml", Destination: &opts.force},
		},
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "init"); err != nil {
				return err
			}
			return runInit(c.Context, opts, c.App.ErrWriter)
		},
	}
}

func runInit(_ context.Context, opts *initOptions, stderr io.Writer) error {
	dir := opts.dir
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return err
		}
		dir = wd
	}
	p := filepath.Join(dir, config.FileName)
	if !opts.force {
		// O_EXCL: two inits racing cannot both believe they created it.
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if os.IsExist(err) {
			return withHint(fmt.Errorf("%s already exists", p), "use --force to overwrite it")
		}
		if err != nil {
			return err
		}
		if _, err := f.WriteString(config.Template); err != nil {
			f.Close()
			os.Remove(p)
			return err
		}
		if err := f.Sync(); err != nil {
			f.Close()
			os.Remove(p)
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	} else if err := writeFileAtomic(p, func(w io.Writer) error {
		_, err := io.WriteString(w, config.Template)
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "tolmach: wrote %s\n", p)
	return nil
}
